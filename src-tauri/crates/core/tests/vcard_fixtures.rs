//! Every card in the real address-book files kept in `../shared/fixtures/
//! vcard/` (exports from Outlook, Android, iPhone, Gmail, Evolution,
//! Thunderbird, Nextcloud and more, collected from other projects' test
//! suites; see PROVENANCE.md there) read by Kindred and compared with
//! EXPECTED.tsv, written by hand for that collection: the name and birthday
//! a correct reader gives. The files are read where they are, never copied
//! into the project (their licences vary). Without the folder (a checkout
//! on its own) the test says so and checks nothing; CI always has it.

use std::collections::HashMap;
use std::path::PathBuf;

use kindred_core::vcard::read_contacts;

fn fixtures() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/fixtures/vcard");
    dir.join("EXPECTED.tsv").is_file().then_some(dir)
}

/// Cards Kindred reads differently from EXPECTED.tsv, each with why. Rows
/// marked UNSURE there may go either way; the reason says which way and why.
const KNOWN: &[(&str, u32, &str)] = &[(
    "calcard-053.vcf",
    0,
    "UNSURE in EXPECTED.tsv: a card with no name at all is listed as one that can't come in (no name), so \
     its birthday comes in with nobody",
)];

#[test]
fn every_real_address_book_card_reads_as_expected() {
    let Some(dir) = fixtures() else {
        eprintln!("../shared/fixtures/vcard is not here: the real address books were not read");
        return;
    };
    let expected = std::fs::read_to_string(dir.join("EXPECTED.tsv")).unwrap();
    let mut files: HashMap<String, kindred_core::vcard::VcardFile> = HashMap::new();
    let (mut right, mut total) = (0, 0);
    let mut wrong = Vec::new();
    for row in expected.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (file, index, name, birthday) = (cols[0], cols[1].parse::<u32>().unwrap(), cols[2], cols[3]);
        let read = files.entry(file.to_owned()).or_insert_with(|| {
            let bytes = std::fs::read(dir.join(file)).unwrap();
            read_contacts(&bytes).unwrap_or_else(|e| panic!("{file} was refused: {e}"))
        });
        total += 1;
        let got = match read.people.iter().find(|p| p.index == index) {
            Some(p) => {
                let b = p.birthday.map(|b| match b.year {
                    Some(y) => format!("{y:04}-{:02}-{:02}", b.month, b.day),
                    None => format!("--{:02}-{:02}", b.month, b.day),
                });
                (p.name.clone(), b.unwrap_or_default())
            }
            None => {
                assert!(
                    read.unreadable.iter().any(|u| u.index == index),
                    "{file} card {index} is neither read nor named as unreadable"
                );
                (String::new(), String::new())
            }
        };
        if got == (name.to_owned(), birthday.to_owned()) {
            right += 1;
        } else if KNOWN.iter().any(|(f, i, _)| *f == file && *i == index) {
            // Named above, with why.
        } else {
            wrong.push(format!("{file} card {index}: expected {name:?} {birthday:?}, read {:?} {:?}", got.0, got.1));
        }
    }
    eprintln!("{right} of {total} cards read as expected; {} named in KNOWN", KNOWN.len());
    assert!(wrong.is_empty(), "{} cards read wrong:\n{}", wrong.len(), wrong.join("\n"));
    assert!(right >= 130, "only {right} of {total} right");
}
