//! Ten years of a full life in Kindred, made up but shaped like real use:
//! 1,000 people and groups in realistic circles, 20,000 contacts that lean
//! on the closest few, 2,500 guided reflections with their journal, quality
//! check-ins, small steps, monthly loneliness check-ins and a few reminders.
//!
//! Everything comes from one seeded ChaCha8 generator and is built in a
//! fixed order (no hash maps), so the same seed always gives byte-identical
//! JSON. The benchmark of a big life (`scripts/bench-big-life.py`), the
//! `big_life` example and `tests/big_life.rs` all share this file.

// Each user of this file (example, test, benches) needs a different part.
#![allow(dead_code)]

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use kindred_core::contact::{Channel, Felt, Initiator};
use kindred_core::data_file::{
    CheckInRecord, ContactRecord, DataFile, EntryRecord, IntentionRecord, QualityRecord, ReminderRecord, SessionRecord,
    TieRecord, FORMAT, VERSION,
};
use kindred_core::reflection::intention::IntentionStatus;
use kindred_core::reflection::session::SessionStatus;
use kindred_core::reflection::{prompt, render, Prompt, TieNeed, FEELING_WORDS, GUIDES};
use kindred_core::schedule::{Recurrence, Weekday};
use kindred_core::tie::{Birthday, Cadence, Circle, Feel, GroupKind, Sector, SupportType, TieKind};
use rand::rngs::ChaCha8Rng;
use rand::seq::{index, IndexedRandom, SliceRandom};
use rand::{RngExt, SeedableRng};

/// How big the life is.
pub const TIES: usize = 1_000;
pub const GROUPS: usize = 40;
pub const INNER: usize = 12;
pub const MIDDLE: usize = 90;
pub const OUTER: usize = 700;
/// Not placed on a circle yet (most of an address book brought in).
pub const NOT_PLACED: usize = TIES - INNER - MIDDLE - OUTER;
pub const ARCHIVED: usize = 50;
pub const CONTACTS: usize = 20_000;
pub const SESSIONS: usize = 2_500;
/// Of the sessions, how many are the weekly check-in (five prompts; every
/// themed guide has four).
pub const WEEKLY_CHECK_INS: usize = 120;
pub const JOURNAL_ENTRIES: usize = (SESSIONS - WEEKLY_CHECK_INS) * 4 + WEEKLY_CHECK_INS * 5;

type Rng = ChaCha8Rng;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date that exists")
}

fn at(date: NaiveDate, minutes: i64) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN)) + Duration::minutes(minutes)
}

/// The life starts with the first run and ends on this evening's export.
pub fn first_day() -> NaiveDate {
    day(2016, 12, 1)
}

pub fn last_day() -> NaiveDate {
    day(2026, 11, 30)
}

pub fn exported_at() -> DateTime<Utc> {
    at(last_day(), 21 * 60 + 30)
}

/// An empty Kindred as an export: no people, nothing written. Importing it
/// leaves a store that is exactly what a fresh install holds.
pub fn empty_life() -> DataFile {
    DataFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: exported_at(),
        ties: vec![],
        quality_ratings: vec![],
        contacts: vec![],
        reflection_sessions: vec![],
        journal_entries: vec![],
        intentions: vec![],
        reminders: vec![],
        check_ins: vec![],
        settings: Default::default(),
        delivered: vec![],
    }
}

/// Ten years of use, the same for the same seed.
pub fn big_life(seed: u64) -> DataFile {
    let mut rng = Rng::seed_from_u64(seed);
    let ties = make_ties(&mut rng);
    let facts: Vec<Facts> = ties.iter().map(Facts::of).collect();
    let contacts = make_contacts(&mut rng, &facts);
    let quality_ratings = make_quality(&mut rng, &facts);
    let (reflection_sessions, journal_entries, intentions) = make_reflections(&mut rng, &ties, &facts);
    DataFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: exported_at(),
        ties,
        quality_ratings,
        contacts,
        reflection_sessions,
        journal_entries,
        intentions,
        reminders: make_reminders(),
        check_ins: make_check_ins(&mut rng),
        settings: Default::default(),
        delivered: vec![],
    }
}

// ---------------------------------------------------------------------
// People and groups
// ---------------------------------------------------------------------

/// The closest twelve, written by hand: name, sector, what they give, a
/// birthday (day, month, year) and a note.
struct Close {
    name: &'static str,
    sector: Sector,
    support: &'static [SupportType],
    birthday: Option<(u8, u8, Option<u16>)>,
    cadence: Cadence,
    notes: &'static str,
}

const fn close(
    name: &'static str,
    sector: Sector,
    support: &'static [SupportType],
    birthday: Option<(u8, u8, Option<u16>)>,
    cadence: Cadence,
    notes: &'static str,
) -> Close {
    Close { name, sector, support, birthday, cadence, notes }
}

use SupportType::{Belonging, Emotional, Encouragement, Inspiration, Practical, Professional};

const CLOSEST: [Close; INNER] = [
    close(
        "Mum",
        Sector::Family,
        &[Emotional, Practical],
        Some((14, 3, Some(1958))),
        Cadence::Custom { days: 4 },
        "Sunday calls, usually after church. She worries when I go quiet, so a short message helps.",
    ),
    close(
        "Dad",
        Sector::Family,
        &[Practical],
        Some((2, 9, Some(1955))),
        Cadence::Circle,
        "Easier to talk while doing something: the garden, the car, the football on the radio.",
    ),
    close(
        "Tomás Herrera",
        Sector::Family,
        &[Emotional, Encouragement, Practical],
        Some((29, 2, Some(1988))),
        Cadence::Off,
        "We live together, so no nudges needed. Still worth noticing how we are.",
    ),
    close(
        "Inês",
        Sector::Family,
        &[Emotional, Encouragement],
        Some((21, 6, Some(1991))),
        Cadence::Custom { days: 5 },
        "My sister. Lives in Porto now; voice notes are our thing.",
    ),
    close(
        "Kwame Mensah",
        Sector::Friends,
        &[Emotional, Inspiration],
        Some((8, 11, Some(1987))),
        Cadence::Circle,
        "Friends since the first week of uni. Says the thing nobody else will, kindly.",
    ),
    close(
        "Priya Sharma",
        Sector::Friends,
        &[Emotional, Encouragement],
        Some((30, 1, None)),
        Cadence::Circle,
        "Running buddy. Doesn't let me skip Saturday parkrun, and I'm glad.",
    ),
    close(
        "Nan",
        Sector::Family,
        &[Emotional, Belonging],
        Some((5, 12, Some(1936))),
        Cadence::Custom { days: 7 },
        "Hard of hearing on the phone; visits are better. Loves a custard tart.",
    ),
    close(
        "Siobhán Walsh",
        Sector::Friends,
        &[Emotional],
        Some((17, 3, Some(1989))),
        Cadence::Circle,
        "Met at the antenatal class. Our kids are the same age, so we text at odd hours.",
    ),
    close(
        "Leo",
        Sector::Family,
        &[Practical],
        Some((11, 8, Some(1994))),
        Cadence::Circle,
        "Little brother. Fixes anything with a plug; hopeless at replying.",
    ),
    close(
        "Yuki Tanaka",
        Sector::Friends,
        &[Inspiration, Encouragement],
        Some((3, 4, Some(1990))),
        Cadence::Circle,
        "Started her own studio at 30. When I doubt myself I think of her.",
    ),
    close(
        "Dr Amaka Obi (counsellor)",
        Sector::Care,
        &[Professional, Emotional],
        None,
        Cadence::Off,
        "Every other Tuesday at five. The room with the green chair.",
    ),
    close(
        "Zoë Núñez",
        Sector::Friends,
        &[Emotional, Practical],
        Some((19, 10, Some(1986))),
        Cadence::Circle,
        "Neighbour turned friend. Has a spare key, and the best lasagne on the street.",
    ),
];

/// Groups: name, kind and the sector they sit in.
const GROUP_NAMES: [(&str, GroupKind, Sector); GROUPS] = [
    ("Thursday peer support circle", GroupKind::PeerSupport, Sector::Care),
    ("Carers' café at St Anne's", GroupKind::PeerSupport, Sector::Care),
    ("New parents' group (Hackney)", GroupKind::PeerSupport, Sector::CommunityOnline),
    ("Men's Shed", GroupKind::PeerSupport, Sector::CommunityOnline),
    ("Bereavement group at the hospice", GroupKind::PeerSupport, Sector::Care),
    ("Hearing Voices group", GroupKind::PeerSupport, Sector::Care),
    ("Parkrun Saturday crew", GroupKind::ClubOrClass, Sector::Friends),
    ("Community choir", GroupKind::ClubOrClass, Sector::CommunityOnline),
    ("Pottery class, Monday nights", GroupKind::ClubOrClass, Sector::CommunityOnline),
    ("Five-a-side football", GroupKind::ClubOrClass, Sector::Friends),
    ("Allotment society", GroupKind::ClubOrClass, Sector::CommunityOnline),
    ("Book club at the library", GroupKind::ClubOrClass, Sector::CommunityOnline),
    ("Climbing wall Wednesdays", GroupKind::ClubOrClass, Sector::Friends),
    ("Spanish conversation class", GroupKind::ClubOrClass, Sector::WorkStudy),
    ("Salsa for beginners", GroupKind::ClubOrClass, Sector::CommunityOnline),
    ("Wild swimming at the lido", GroupKind::ClubOrClass, Sector::CommunityOnline),
    ("Board games night at The Fox", GroupKind::ClubOrClass, Sector::Friends),
    ("Friday prayers at the mosque", GroupKind::Faith, Sector::CommunityOnline),
    ("Quaker meeting, Sunday mornings", GroupKind::Faith, Sector::CommunityOnline),
    ("Gurdwara langar volunteers", GroupKind::Faith, Sector::CommunityOnline),
    ("Shabbat dinners at Noa's", GroupKind::Faith, Sector::Friends),
    ("Zen sitting group", GroupKind::Faith, Sector::CommunityOnline),
    ("r/CPTSD", GroupKind::Online, Sector::CommunityOnline),
    ("Cosy games Discord", GroupKind::Online, Sector::CommunityOnline),
    ("#plantsofmastodon", GroupKind::Online, Sector::CommunityOnline),
    ("School mums WhatsApp", GroupKind::Online, Sector::Family),
    ("Strava club: slow runners", GroupKind::Online, Sector::CommunityOnline),
    ("Ravelry knitting forum", GroupKind::Online, Sector::CommunityOnline),
    ("ADHD adults forum", GroupKind::Online, Sector::Care),
    ("Uni flatmates (Signal)", GroupKind::Online, Sector::Friends),
    ("家人群 (WeChat)", GroupKind::Online, Sector::Family),
    ("大学の友達 (LINE)", GroupKind::Online, Sector::Friends),
    ("Food bank Saturday volunteers", GroupKind::Other, Sector::CommunityOnline),
    ("Tenants' association", GroupKind::Other, Sector::CommunityOnline),
    ("Repair café", GroupKind::Other, Sector::CommunityOnline),
    ("Union branch", GroupKind::Other, Sector::WorkStudy),
    ("Dog walkers at the park", GroupKind::Other, Sector::CommunityOnline),
    ("Lunch crew at work", GroupKind::Other, Sector::WorkStudy),
    ("Design team", GroupKind::Other, Sector::WorkStudy),
    ("Thursday evening peer support group for new dads (Walthamstow)", GroupKind::PeerSupport, Sector::Care),
];

/// Names written out on purpose: very long ones, other scripts, a few
/// repeated, and the way people really label their contacts. Each may say
/// which sector it belongs in.
const SPECIAL_NAMES: &[(&str, Option<Sector>)] = &[
    ("María de los Ángeles Fernández-Villaverde Ortega", None),
    ("Oluwaseun Abimbola Adebayo Adeyemi-Ogunlesi", Some(Sector::WorkStudy)),
    ("Hubert Blaine Wolfeschlegelsteinhausenbergerdorff", None),
    ("Siobhán Ní Bhriain-Mhic Giolla Phádraig O'Sullivan", Some(Sector::Friends)),
    ("Venkataraghavan Subramaniam Ramakrishnan Iyer", Some(Sector::WorkStudy)),
    ("Pablo Diego José Francisco de Paula Juan Nepomuceno Ruiz", None),
    ("王芳", Some(Sector::Friends)),
    ("李偉", Some(Sector::WorkStudy)),
    ("陳大文", None),
    ("張小燕", Some(Sector::Family)),
    ("佐藤美咲", Some(Sector::Friends)),
    ("鈴木 一郎", Some(Sector::WorkStudy)),
    ("김민준", Some(Sector::Friends)),
    ("이서연", None),
    ("محمد الحسن", Some(Sector::CommunityOnline)),
    ("Олена Коваленко", Some(Sector::Friends)),
    ("Ελένη Παπαδοπούλου", None),
    ("प्रिया वर्मा", Some(Sector::Family)),
    ("Sam Taylor", Some(Sector::WorkStudy)),
    ("Sam Taylor", Some(Sector::Friends)),
    ("Mohammed Khan", None),
    ("Mohammed Khan", Some(Sector::CommunityOnline)),
    ("Maria Silva", Some(Sector::Family)),
    ("Maria Silva", None),
    ("Chris", Some(Sector::WorkStudy)),
    ("Chris", None),
    ("Auntie Bisi", Some(Sector::Family)),
    ("Uncle Ray", Some(Sector::Family)),
    ("Grandad Joe", Some(Sector::Family)),
    ("Cousin Efua", Some(Sector::Family)),
    ("Tía Carmen", Some(Sector::Family)),
    ("Jo (next door)", Some(Sector::CommunityOnline)),
    ("Big Dave from football", Some(Sector::Friends)),
    ("Dr Adeyemi (GP)", Some(Sector::Care)),
    ("Helen the physio", Some(Sector::Care)),
    ("Samaritans volunteer, Tuesday", Some(Sector::Care)),
    ("Marcus (landlord)", None),
    ("Ana Lima", Some(Sector::Friends)),
    ("Ben Carter", Some(Sector::WorkStudy)),
    ("Sam Okafor", Some(Sector::Friends)),
    ("Zoë", None),
    ("Ngọc Anh Trần", Some(Sector::Friends)),
    ("Şebnem Yılmaz", Some(Sector::WorkStudy)),
    ("Łukasz Wiśniewski", Some(Sector::WorkStudy)),
    ("Bjørn Øvergaard", None),
    ("Ólafur Jóhannsson", None),
];

/// First and last names by culture, with how often each turns up in a
/// big, mixed city.
const CULTURES: &[(u32, &[&str], &[&str])] = &[
    (
        24,
        &[
            "Sam", "Ben", "Chloe", "Daniel", "Emily", "George", "Hannah", "Jack", "Lucy", "Oliver", "Sophie", "Tom",
            "Rachel", "Matthew", "Kate", "Rosie", "Harry", "Alice", "James", "Megan", "Owen", "Beth", "Callum",
            "Niamh", "Aoife", "Ciarán", "Seán", "Eilidh", "Iona", "Rhys", "Cerys", "Dafydd", "Gwen", "Jo", "Alex",
            "Charlie", "Frankie", "Ruth", "Graham", "Pauline",
        ],
        &[
            "Smith",
            "Jones",
            "Taylor",
            "Brown",
            "Williams",
            "Wilson",
            "Evans",
            "Thomas",
            "Roberts",
            "Walsh",
            "O'Brien",
            "MacLeod",
            "Murray",
            "Davies",
            "Hughes",
            "Baker",
            "Thompson",
            "Campbell",
            "Clarke",
            "Grant",
            "Fitzgerald",
            "Ó Súilleabháin",
            "McAllister",
            "Pritchard",
            "Holloway",
        ],
    ),
    (
        5,
        &["François", "Chloé", "Amélie", "Théo", "Léa", "Hélène", "Benoît", "Anaïs", "Jérôme", "Élodie"],
        &["Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Fontaine", "Chevalier", "Mercier"],
    ),
    (
        4,
        &["Jürgen", "Lena", "Lukas", "Anja", "Jörg", "Katrin", "Matthias", "Jana", "Søren"],
        &["Müller", "Schröder", "Weiß", "Becker", "Hoffmann", "Köhler", "Schäfer"],
    ),
    (
        7,
        &[
            "José",
            "María",
            "Lucía",
            "Alejandro",
            "Inés",
            "Andrés",
            "Camila",
            "Mateo",
            "Ximena",
            "Joaquín",
            "Begoña",
            "Guadalupe",
        ],
        &["García", "Martínez", "Núñez", "Hernández", "Fernández", "Ortega", "Peña", "Castillo", "Ibáñez"],
    ),
    (
        5,
        &["João", "Conceição", "Thiago", "Letícia", "Gonçalo", "Beatriz", "Rafael", "Mariana"],
        &["Silva", "Gonçalves", "Araújo", "Costa", "Pereira", "Magalhães", "Rodrigues"],
    ),
    (
        3,
        &["Giulia", "Lorenzo", "Francesca", "Niccolò", "Chiara", "Matteo"],
        &["Rossi", "Bianchi", "Esposito", "Romano", "Ricci"],
    ),
    (
        5,
        &["Łukasz", "Agnieszka", "Małgorzata", "Wojciech", "Zuzana", "Jiří", "Tereza", "Ádám", "Zsófia", "Bence"],
        &["Kowalski", "Wiśniewska", "Nowak", "Dvořák", "Novotná", "Szabó", "Kovács", "Nagy"],
    ),
    (
        3,
        &["Bjørn", "Åsa", "Sigrún", "Maarten", "Sanne", "Aino", "Eero", "Linnéa"],
        &["Johansson", "Halvorsen", "Virtanen", "de Vries", "van der Berg", "Lindqvist"],
    ),
    (2, &["Eleni", "Giorgos", "Dimitra", "Nikos"], &["Papadopoulos", "Georgiou", "Nikolaidis"]),
    (3, &["Şebnem", "Emre", "Ayşe", "Mehmet", "Gökhan", "Özlem"], &["Yılmaz", "Öztürk", "Demir", "Çelik"]),
    (
        6,
        &["Mohammed", "Fatima", "Omar", "Layla", "Youssef", "Amira", "Khalid", "Nour", "Hassan", "Mariam"],
        &["Haddad", "Khalil", "Mansour", "El-Amin", "Saleh", "Abdullah"],
    ),
    (2, &["Dariush", "Shirin", "Parisa", "Reza"], &["Hosseini", "Rahimi", "Karimi"]),
    (
        7,
        &[
            "Chidi",
            "Ngozi",
            "Adaeze",
            "Oluwaseun",
            "Funmilayo",
            "Tunde",
            "Bisi",
            "Kwame",
            "Akosua",
            "Kofi",
            "Ama",
            "Emeka",
            "Yetunde",
        ],
        &["Okafor", "Adeyemi", "Okonkwo", "Mensah", "Asante", "Boateng", "Adebayo", "Eze", "Owusu"],
    ),
    (
        3,
        &["Wanjiru", "Otieno", "Amani", "Abebe", "Tsion", "Thandiwe", "Sipho", "Lindiwe"],
        &["Kamau", "Ochieng", "Mwangi", "Bekele", "Tesfaye", "Dlamini", "Nkosi"],
    ),
    (
        9,
        &[
            "Priya",
            "Arjun",
            "Ananya",
            "Rohan",
            "Deepa",
            "Sunita",
            "Vikram",
            "Lakshmi",
            "Karthik",
            "Meenakshi",
            "Farhan",
            "Ayesha",
            "Imran",
            "Nusrat",
            "Harpreet",
            "Gurpreet",
            "Sanjay",
            "Kavya",
        ],
        &[
            "Patel",
            "Sharma",
            "Iyer",
            "Krishnan",
            "Chowdhury",
            "Rahman",
            "Begum",
            "Khan",
            "Singh",
            "Kaur",
            "Gill",
            "Ahmed",
            "Hussain",
        ],
    ),
    (4, &["Wei", "Mei", "Jun", "Xiaoling", "Hao", "Yan"], &["Chen", "Wang", "Li", "Zhang", "Liu", "Huang"]),
    (2, &["Hiroshi", "Yuki", "Haruto", "Sakura", "Aiko"], &["Tanaka", "Suzuki", "Watanabe", "Sato"]),
    (2, &["Min-jun", "Ji-woo", "Seo-yeon", "Hyun"], &["Kim", "Park", "Lee", "Choi"]),
    (2, &["Thu", "Minh", "Linh", "Huy", "Ngọc"], &["Nguyễn", "Trần", "Phạm", "Lê"]),
    (2, &["Maricel", "Jomar", "Rowena", "Paolo"], &["Santos", "Reyes", "dela Cruz", "Bautista"]),
    (3, &["Marcia", "Delroy", "Shanice", "Winston", "Jermaine"], &["Campbell", "Brown", "Grant", "Francis"]),
    (3, &["Olena", "Dmytro", "Oksana", "Taras", "Irina"], &["Kovalenko", "Shevchenko", "Bondarenko", "Melnyk"]),
    (2, &["Noa", "Yael", "Avi", "Eitan"], &["Cohen", "Levi", "Mizrahi"]),
    (1, &["Aroha", "Tama", "Mele"], &["Ngata", "Fifita", "Parata"]),
];

/// How people label a contact when a surname isn't enough.
const LABELS: &[&str] = &[
    "neighbour",
    "book club",
    "work",
    "Lisbon",
    "climbing",
    "uni",
    "school gate",
    "Mum's friend",
    "choir",
    "allotment",
    "nursery",
    "old job",
    "football",
    "yoga",
    "Berlin",
];

const PERSON_NOTES: &[&str] = &[
    "Prefers a text to a call. Voice notes are fine.",
    "Allergic to nuts — remember when cooking.",
    "Lives in Lisbon now, an hour ahead.",
    "Lost their dad last spring. Ask gently how things are.",
    "Best in the mornings; evenings are hard with the little ones.",
    "We always end up talking about books.",
    "Started a new job at the hospital in September.",
    "Training for a half marathon and always after a running buddy.",
    "Recovering from knee surgery. Offer a lift to physio.",
    "A good listener. Doesn't rush to give advice.",
    "Knows everything about bikes: ask before buying one.",
    "Moved back to Lagos for a year to look after their mum.",
    "Shy in groups; one to one is best.",
    "A card rather than a present: says there's too much stuff already.",
    "Vegetarian. Loves the Ethiopian place on Green Lanes.",
    "Always remembers my birthday; I'd like to do the same.",
    "Works nights, so weekends are best.",
    "Met through the allotment. We swap seeds every spring.",
    "Going through a divorce. Keep it light unless it comes up.",
    "Deaf; we use text, or video with captions.",
    "Doesn't drink, so suggest coffee or a walk.",
    "Studying for the bar exam until June.",
    "Has a dog called Biscuit who adores me.",
    "Taught me to swim as an adult. Endlessly patient.",
    "Knows the food bank and the council's housing team inside out.",
    "Twins, Ada and Kofi, born the same week as ours.",
    "Speaks Portuguese with Mum; I'm trying to learn a little.",
    "Old flatmate. We lost touch for a while and found each other again.",
    "Very funny, a bit much after ten at night.",
    "Their mum is in a care home in Leeds; visits most Sundays.",
];

const NEXT_TIME: &[&str] = &[
    "Ask how the interview went.",
    "Return the casserole dish!",
    "Bring the photos from the wedding.",
    "Ask how their mum's operation went.",
    "Tell them about the new job.",
    "Ask whether the twins have settled into school.",
    "Say sorry for missing the birthday drinks.",
    "Ask for the lasagne recipe.",
    "Find out when the results come back.",
    "Invite them to the allotment open day.",
    "Ask how the move went.",
    "Lend the Piranesi book.",
];

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    items.choose(rng).expect("a list with something in it")
}

/// Picks an index by weight.
fn weighted(rng: &mut Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut roll = rng.random_range(0..total);
    for (i, w) in weights.iter().enumerate() {
        if roll < *w {
            return i;
        }
        roll -= w;
    }
    weights.len() - 1
}

fn generated_name(rng: &mut Rng) -> String {
    let weights: Vec<u32> = CULTURES.iter().map(|c| c.0).collect();
    let (_, firsts, lasts) = CULTURES[weighted(rng, &weights)];
    let first = pick(rng, firsts);
    // Some families carry two cultures' names.
    let last = if rng.random_bool(0.1) {
        let (_, _, other) = CULTURES[weighted(rng, &weights)];
        pick(rng, other)
    } else {
        pick(rng, lasts)
    };
    match rng.random_range(0..100) {
        0..=84 => format!("{first} {last}"),
        85..=91 => (*first).to_owned(),
        92..=94 => format!("{first} {}.", last.chars().next().unwrap_or('A')),
        _ => format!("{first} ({})", pick(rng, LABELS)),
    }
}

fn random_sector(rng: &mut Rng, circle: Option<Circle>) -> Option<Sector> {
    use Sector::*;
    let options = [Some(Family), Some(Friends), Some(WorkStudy), Some(CommunityOnline), Some(Care), None];
    let weights: [u32; 6] = match circle {
        Some(Circle::Inner) | Some(Circle::Middle) => [30, 40, 15, 5, 5, 5],
        Some(Circle::Outer) => [10, 25, 30, 15, 5, 15],
        None => [8, 10, 12, 6, 4, 60],
    };
    options[weighted(rng, &weights)]
}

fn random_support(rng: &mut Rng, circle: Option<Circle>, sector: Option<Sector>) -> Vec<SupportType> {
    let count = match circle {
        Some(Circle::Inner) | Some(Circle::Middle) => weighted(rng, &[15, 40, 30, 15]),
        Some(Circle::Outer) => weighted(rng, &[50, 35, 12, 3]),
        None => weighted(rng, &[80, 20, 0, 0]),
    };
    let mut out: Vec<SupportType> = Vec::new();
    if count > 0 && sector == Some(Sector::Care) {
        out.push(Professional);
    }
    while out.len() < count {
        let s = *pick(rng, &[Emotional, Practical, Encouragement, Inspiration, Belonging, Emotional, Practical]);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out.sort();
    out
}

fn random_cadence(rng: &mut Rng) -> Cadence {
    match rng.random_range(0..100) {
        0..=79 => Cadence::Circle,
        80..=91 => Cadence::Custom { days: *pick(rng, &[7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 365]) },
        _ => Cadence::Off,
    }
}

fn days_in(month: u32, year: i32) -> u32 {
    let next = if month == 12 { day(year + 1, 1, 1) } else { day(year, month + 1, 1) };
    (next - day(year, month, 1)).num_days() as u32
}

fn random_birthday(rng: &mut Rng) -> Birthday {
    let year = rng.random_bool(0.7).then(|| rng.random_range(1940..=2016u16));
    let month = rng.random_range(1..=12u32);
    // Without a year, a common year: 29 February is given on purpose below.
    let last = days_in(month, year.map_or(2001, i32::from));
    Birthday { day: rng.random_range(1..=last) as u8, month: month as u8, year }
}

/// A moment within the ten years, in the evening or at a weekend when
/// people usually tidy their contacts.
fn random_moment(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> DateTime<Utc> {
    let span = (to - from).num_days().max(1);
    let on = from + Duration::days(rng.random_range(0..span));
    at(on, rng.random_range(7 * 60..23 * 60))
}

fn make_ties(rng: &mut Rng) -> Vec<TieRecord> {
    let start = at(first_day(), 20 * 60 + 15);
    // Ids are given at the end, in the order people were added.
    let mut drafts: Vec<TieRecord> = Vec::with_capacity(TIES);
    // The closest twelve came in during the first run.
    for (i, c) in CLOSEST.iter().enumerate() {
        let created = start + Duration::seconds(i as i64 * 40);
        drafts.push(TieRecord {
            id: 0,
            kind: TieKind::Person,
            group_kind: None,
            name: c.name.to_owned(),
            circle: Some(Circle::Inner),
            sector: Some(c.sector),
            support_types: c.support.to_vec(),
            cadence: c.cadence,
            birthday: c.birthday.map(|(day, month, year)| Birthday { day, month, year }),
            notes: c.notes.to_owned(),
            next_time_note: String::new(),
            map_angle: None,
            created_at: created,
            updated_at: created,
            archived_at: None,
        });
    }

    // Everyone else: circles as counted, groups spread over them, then
    // shuffled so names and circles don't line up.
    let mut slots: Vec<(TieKind, Option<Circle>)> = Vec::with_capacity(TIES - INNER);
    let groups_in = [(Some(Circle::Middle), 10), (Some(Circle::Outer), 22), (None, 8)];
    for (circle, groups) in groups_in {
        let all = match circle {
            Some(Circle::Middle) => MIDDLE,
            Some(Circle::Outer) => OUTER,
            _ => NOT_PLACED,
        };
        slots.extend((0..groups).map(|_| (TieKind::Group, circle)));
        slots.extend((0..all - groups).map(|_| (TieKind::Person, circle)));
    }
    slots.shuffle(rng);
    let mut group_names: Vec<&(&str, GroupKind, Sector)> = GROUP_NAMES.iter().collect();
    group_names.shuffle(rng);
    let mut special = SPECIAL_NAMES.iter();
    // Made-up names are drawn again when taken, so the only repeats are
    // the few written on purpose (two Sam Taylors, two Chrises…).
    let mut taken: std::collections::BTreeSet<String> = CLOSEST.iter().map(|c| c.name.to_owned()).collect();
    taken.extend(SPECIAL_NAMES.iter().map(|(n, _)| (*n).to_owned()));
    // An address book brought in one evening: most of the people not yet
    // placed arrived together.
    let import_evening = at(day(2019, 3, 14), 21 * 60 + 5);
    for (kind, circle) in slots {
        let (name, sector, group_kind) = match kind {
            TieKind::Group => {
                let (name, kind, sector) = *group_names.pop().expect("as many group names as groups");
                (name.to_owned(), Some(sector), Some(kind))
            }
            // One in ten people has a name from the hand-written list,
            // until it runs out.
            TieKind::Person => match rng.random_bool(0.1).then(|| special.next()).flatten() {
                Some((name, hint)) => ((*name).to_owned(), hint.or_else(|| random_sector(rng, circle)), None),
                None => {
                    let mut name = generated_name(rng);
                    for _ in 0..50 {
                        if !taken.contains(&name) {
                            break;
                        }
                        name = generated_name(rng);
                    }
                    taken.insert(name.clone());
                    (name, random_sector(rng, circle), None)
                }
            },
        };
        let support_types = if kind == TieKind::Group {
            let mut s = vec![Belonging];
            if rng.random_bool(0.3) {
                s.push(*pick(rng, &[Emotional, Encouragement, Inspiration]));
            }
            s.sort();
            s
        } else {
            random_support(rng, circle, sector)
        };
        let birthday = match (kind, circle) {
            (TieKind::Group, _) => None,
            (_, Some(Circle::Middle)) if rng.random_bool(0.8) => Some(random_birthday(rng)),
            (_, Some(Circle::Outer)) if rng.random_bool(0.45) => Some(random_birthday(rng)),
            (_, None) if rng.random_bool(0.35) => Some(random_birthday(rng)),
            _ => None,
        };
        let created = if circle.is_none() && rng.random_bool(0.6) {
            import_evening + Duration::seconds(rng.random_range(0..90))
        } else {
            random_moment(rng, first_day() + Duration::days(1), last_day() - Duration::days(10))
        };
        let notes = if rng.random_bool(if circle == Some(Circle::Middle) { 0.5 } else { 0.2 }) {
            let mut text = (*pick(rng, PERSON_NOTES)).to_owned();
            if rng.random_bool(0.3) {
                text.push(' ');
                text.push_str(pick::<&str>(rng, PERSON_NOTES));
            }
            text
        } else {
            String::new()
        };
        let next_time_note = if circle == Some(Circle::Middle) && rng.random_bool(0.15) {
            (*pick(rng, NEXT_TIME)).to_owned()
        } else {
            String::new()
        };
        let map_angle =
            (circle.is_some() && rng.random_bool(0.06)).then(|| f64::from(rng.random_range(0..3600u32)) / 10.0);
        let updated = if rng.random_bool(0.3) {
            random_moment(rng, created.date_naive(), last_day()).max(created)
        } else {
            created
        };
        drafts.push(TieRecord {
            id: 0,
            kind,
            group_kind,
            name,
            circle,
            sector,
            support_types,
            cadence: if kind == TieKind::Group {
                *pick(rng, &[Cadence::Off, Cadence::Custom { days: 7 }, Cadence::Circle])
            } else {
                random_cadence(rng)
            },
            birthday,
            notes,
            next_time_note,
            map_angle,
            created_at: created,
            updated_at: updated,
            archived_at: None,
        });
    }

    // Three people born on 29 February: with a leap year, another, and
    // one whose year isn't known.
    let mut leap = [Some(1992u16), Some(1964), None].into_iter();
    for d in drafts.iter_mut().skip(INNER).filter(|d| d.kind == TieKind::Person).step_by(97).take(3) {
        d.birthday = Some(Birthday { day: 29, month: 2, year: leap.next().flatten() });
    }
    // A few notes to bring up next time for the closest.
    for d in drafts.iter_mut().take(INNER).step_by(3) {
        d.next_time_note = (*pick(rng, NEXT_TIME)).to_owned();
    }

    // About one in twenty moved to the archive over the years, never the closest.
    let candidates: Vec<usize> = (INNER..drafts.len()).collect();
    for i in index::sample(rng, candidates.len(), ARCHIVED).into_iter().map(|k| candidates[k]) {
        let r = &mut drafts[i];
        let from = r.created_at.date_naive() + Duration::days(30);
        if from < last_day() {
            let archived = random_moment(rng, from, last_day()).max(r.updated_at);
            r.archived_at = Some(archived);
            r.updated_at = archived;
        } else {
            r.archived_at = Some(r.updated_at);
        }
    }

    // Ids follow the order people were added, as in the app.
    drafts.sort_by_key(|d| d.created_at);
    for (i, d) in drafts.iter_mut().enumerate() {
        d.id = i as i64 + 1;
    }
    drafts
}

/// What the rest of the generator needs to know about a tie.
struct Facts {
    id: i64,
    person: bool,
    circle: Option<Circle>,
    sector: Option<Sector>,
    group_kind: Option<GroupKind>,
    support: Vec<SupportType>,
    from: NaiveDate,
    to: NaiveDate,
    /// How the person would call them in writing.
    short: String,
}

impl Facts {
    fn of(t: &TieRecord) -> Facts {
        Facts {
            id: t.id,
            person: t.kind == TieKind::Person,
            circle: t.circle,
            sector: t.sector,
            group_kind: t.group_kind,
            support: t.support_types.clone(),
            from: t.created_at.date_naive(),
            to: t.archived_at.map_or(last_day(), |a| a.date_naive()).min(last_day()),
            // Groups are written out in full: "the choir", never "Community".
            short: if t.kind == TieKind::Person { short_name(&t.name) } else { t.name.clone() },
        }
    }

    fn active_on(&self, on: NaiveDate) -> bool {
        self.from <= on && on <= self.to
    }

    fn close(&self) -> bool {
        matches!(self.circle, Some(Circle::Inner | Circle::Middle))
    }
}

/// "Kwame Mensah" is written "Kwame"; "Auntie Bisi", "Dr Adeyemi (GP)" and
/// names without spaces stay as they are.
fn short_name(name: &str) -> String {
    let name = name.split(" (").next().unwrap_or(name).trim();
    let titled = ["Auntie", "Uncle", "Grandad", "Cousin", "Tía", "Dr", "Big"].iter().any(|t| name.starts_with(t));
    if titled || !name.contains(' ') || !name.is_ascii() && name.chars().count() <= 6 {
        name.to_owned()
    } else {
        name.split(' ').next().unwrap_or(name).to_owned()
    }
}

// ---------------------------------------------------------------------
// Contacts and quality check-ins
// ---------------------------------------------------------------------

const CONTACT_NOTES: &[&str] = &[
    "Long walk along the canal. Talked about the new job.",
    "Coffee after work; felt lighter afterwards.",
    "Quick call while I was cooking.",
    "Sunday lunch. Too much food, as ever.",
    "Video call across the time difference — early for me, late for them.",
    "Helped move the sofa. Pizza after.",
    "Voice notes back and forth all afternoon.",
    "Birthday drinks at The Fox.",
    "Sat in the hospital café together while we waited.",
    "Swapped seedlings at the allotment.",
    "Asked how I really was, and I told the truth.",
    "A short message to say I was thinking of them.",
    "Laughed until we cried about the camping trip.",
    "Tense at first, better by the end.",
    "A bit drained afterwards, but glad I went.",
    "Cooked together and tried the jollof recipe.",
    "Chess in the park. Lost again.",
    "Picked the kids up from school together.",
    "Talked about Grandad. We both cried a little.",
    "Ran 5k together — slowest time ever, best chat.",
    "Dropped off soup while they were ill.",
    "The group chat lit up with baby photos.",
    "Rehearsal, then chips on the wall outside.",
    "Checked in after the storm; all fine.",
    "Watched the match together over video.",
    "Café con leche y una charla larga. Muy bien.",
    "Brought flowers for the new flat.",
    "Session today. We talked about boundaries at work.",
    "Helped with the CV. Good to feel useful.",
    "Rain all day, so we stayed in and played cards.",
    "Thread about the reunion — nothing settled yet.",
    "Long overdue catch-up; like no time had passed.",
    "Couldn't talk long, but it was good to hear that voice.",
    "Phở at the place on Kingsland Road.",
    "Worked on the quilt together. Slow, happy afternoon.",
    "Drove me to my appointment. Grateful.",
    "Tea in the hall afterwards.",
    "Tidied the community garden and met two new neighbours.",
    "Online meet-up; shared how the week went.",
    "Brief, a bit awkward. Maybe next time in person.",
    "The old stories again. I never tire of them.",
    "Sorted the boiler together, slowly, with a lot of tea.",
    "Messaged to say congratulations on the new baby 💛",
    "Walked the dogs together, then hot chocolate.",
    "Dinner at theirs: their lasagne, my pudding.",
];

fn make_contacts(rng: &mut Rng, facts: &[Facts]) -> Vec<ContactRecord> {
    // How much each tie is seen, per day it is in the person's life: the
    // closest a couple of times a week, the outer circle now and then.
    let weights: Vec<f64> = facts
        .iter()
        .map(|f| {
            let per_day = match (f.person, f.circle) {
                (true, Some(Circle::Inner)) => 450.0,
                (true, Some(Circle::Middle)) => 75.0,
                (true, Some(Circle::Outer)) => 4.5,
                (true, None) => 1.2,
                (false, Some(Circle::Middle)) => 40.0,
                (false, Some(Circle::Outer)) => 6.0,
                (false, _) => 1.0,
            };
            per_day * ((f.to - f.from).num_days().max(1) as f64)
        })
        .collect();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut sum = 0.0;
    for w in &weights {
        sum += w;
        cumulative.push(sum);
    }
    let close_ones: Vec<usize> = (0..facts.len()).filter(|&i| facts[i].close() && facts[i].person).collect();
    let end = exported_at();

    let mut contacts: Vec<ContactRecord> = Vec::with_capacity(CONTACTS);
    for _ in 0..CONTACTS {
        let roll = rng.random_range(0.0..sum);
        let first = cumulative.partition_point(|c| *c <= roll).min(facts.len() - 1);
        let f = &facts[first];
        let span = (f.to - f.from).num_days().max(1);
        let on = f.from + Duration::days(rng.random_range(0..=span));
        let on = on.min(last_day());
        let mut tie_ids = vec![f.id];
        // Some time is spent with several people at once: family lunches,
        // a night out, a friend who came along to the group.
        if rng.random_bool(0.12) {
            for _ in 0..rng.random_range(1..=3) {
                for _ in 0..10 {
                    let other = &facts[*pick(rng, &close_ones)];
                    let fits = other.sector == f.sector || !f.person || rng.random_bool(0.2);
                    if fits && other.active_on(on) && !tie_ids.contains(&other.id) {
                        tie_ids.push(other.id);
                        break;
                    }
                }
            }
        }
        // Kept in id order, as the store keeps them.
        tie_ids.sort_unstable();
        let channel = if !f.person {
            let online = f.group_kind == Some(GroupKind::Online);
            if rng.random_bool(if online { 0.85 } else { 0.3 }) {
                Channel::OnlineGroup
            } else {
                Channel::InPerson
            }
        } else {
            [Channel::InPerson, Channel::Message, Channel::Call, Channel::Video][weighted(rng, &[38, 27, 20, 15])]
        };
        let minutes = rng.random_range(7 * 60..22 * 60 + 30);
        let occurred_time = rng
            .random_bool(0.45)
            .then(|| format!("{:02}:{:02}", minutes / 60, [0, 15, 30, 45, minutes % 60][rng.random_range(0..5)]));
        // Logged the same evening or in the next day or two.
        let created = (at(on, minutes) + Duration::minutes(rng.random_range(10..48 * 60))).min(end);
        let updated = if rng.random_bool(0.05) { (created + Duration::days(1)).min(end) } else { created };
        let note = match rng.random_range(0..100) {
            0..=24 => (*pick(rng, CONTACT_NOTES)).to_owned(),
            25..=29 => format!("{} {}", pick(rng, CONTACT_NOTES), pick(rng, CONTACT_NOTES)),
            _ => String::new(),
        };
        contacts.push(ContactRecord {
            id: 0,
            occurred_on: on,
            occurred_time,
            channel,
            initiated_by: [Some(Initiator::Me), Some(Initiator::Them), Some(Initiator::Both), None]
                [weighted(rng, &[40, 30, 15, 15])],
            felt: [Some(Felt::Better), Some(Felt::Same), Some(Felt::Worse), None][weighted(rng, &[50, 30, 7, 13])],
            note,
            tie_ids,
            created_at: created,
            updated_at: updated,
        });
    }
    // Ids in the order things were logged.
    contacts.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.occurred_on.cmp(&b.occurred_on)));
    for (i, c) in contacts.iter_mut().enumerate() {
        c.id = i as i64 + 1;
    }
    contacts
}

const QUALITY_NOTES: &[&str] = &[
    "Always asks a question back.",
    "I do most of the listening lately.",
    "Felt respected when I said no.",
    "Easy company. No performance needed.",
    "Kept pushing after I said I was tired.",
    "Better since we talked about it.",
];

fn make_quality(rng: &mut Rng, facts: &[Facts]) -> Vec<QualityRecord> {
    let mut out: Vec<QualityRecord> = Vec::new();
    for f in facts {
        let how_many = match (f.person, f.circle) {
            (true, Some(Circle::Inner)) => rng.random_range(4..=10),
            (true, Some(Circle::Middle)) if rng.random_bool(0.6) => rng.random_range(1..=3),
            (true, Some(Circle::Outer)) if rng.random_bool(0.05) => 1,
            _ => 0,
        };
        // A tie's feel is mostly steady over the years.
        let usual = [Feel::Energising, Feel::Mixed, Feel::Draining][weighted(rng, &[60, 30, 10])];
        for _ in 0..how_many {
            let feel = if rng.random_bool(0.8) { usual } else { *pick(rng, &[Feel::Energising, Feel::Mixed]) };
            let base: u8 = match feel {
                Feel::Energising => 4,
                Feel::Mixed => 3,
                Feel::Draining => 2,
            };
            let mut score =
                || rng.random_bool(0.85).then(|| (base as i8 + rng.random_range(-1..=1i8)).clamp(1, 5) as u8);
            let (empathy, respect, reciprocity, boundaries) = (score(), score(), score(), score());
            out.push(QualityRecord {
                id: 0,
                tie_id: f.id,
                rated_at: random_moment(rng, f.from, f.to),
                feel: Some(feel),
                empathy,
                respect,
                reciprocity,
                boundaries,
                note: if rng.random_bool(0.2) { (*pick(rng, QUALITY_NOTES)).to_owned() } else { String::new() },
            });
        }
    }
    out.sort_by_key(|q| (q.rated_at, q.tie_id));
    for (i, q) in out.iter_mut().enumerate() {
        q.id = i as i64 + 1;
    }
    out
}

// ---------------------------------------------------------------------
// Reflections: sessions, the journal and small steps
// ---------------------------------------------------------------------

const EMOTIONAL: &[&str] = &[
    "Work has been sitting heavy on me, the reorganisation most of all.",
    "I keep replaying the conversation with my manager.",
    "I told {name} about the tests and felt lighter straight away.",
    "Honestly, I've been lonely in the evenings since the move.",
    "It's Dad's health. I don't want to worry anyone, so I keep it in.",
    "{name} just listened. No advice, no fixing, and that was exactly right.",
    "I'd like someone to ask about my painting. It matters more to me than I let on.",
    "I listened to {name} for an hour on Sunday and it felt good to be there for them.",
    "Money worries. I haven't said them out loud to anyone yet.",
    "The anniversary of Grandad's death is coming and I can feel it already.",
    "I'd say first: I'm more tired than I've been letting on.",
    "I usually drop hints. Maybe I could just say, can I talk to you about something?",
];

const PRACTICAL: &[&str] = &[
    "The food shop. Going with someone would turn it into something nicer.",
    "{name} offered to help with the tax return; I should say yes this time.",
    "Lifts to the hospital on Thursdays would make the week much easier.",
    "I could ask {name} to check on Friday whether I've sent the forms.",
    "Cooking in bulk with someone on Sundays: less lonely, less washing up.",
    "I helped {name} fix the bike and it felt good to be useful.",
    "Getting the flat sorted after the move. Boxes everywhere still.",
    "Someone in the room while I do the paperwork. That's all it takes.",
    "Picking the kids up twice a week — maybe a rota with the other parents.",
    "I'm not good at asking. I'll try one small ask this week.",
];

const RESILIENCE: &[&str] = &[
    "The winter after the redundancy. {name} rang every Sunday without fail.",
    "I got through 2020 by walking every morning and texting the group at lunch.",
    "{name} came through a breakdown and talks about it so plainly. It gives me hope.",
    "What helped last time was routine, sleep, and not pretending.",
    "I found I could ask for help, which I had never done before.",
    "Looking back, I was stronger than I felt at the time.",
    "Next time things get hard I want to tell someone sooner.",
    "Nan taught me that you keep the kettle on and the door open.",
    "The hospital months taught me that people do show up.",
];

const BODY: &[&str] = &[
    "I breathe slower around {name}. Something about how unhurried they are.",
    "A walk by the river with {name} would be lovely this week.",
    "Hugs from the kids after a long day reset everything.",
    "My shoulders drop as soon as I sit down in Mum's kitchen.",
    "Swimming with the group, then tea. My whole body thanks me.",
    "My jaw was clenched all through the meeting and only loosened at lunch with friends.",
    "Dancing in the kitchen with {name}. Silly, and exactly what I needed.",
    "I slept better after the weekend away with friends.",
];

const OPENNESS: &[&str] = &[
    "I told {name} I'd been seeing a counsellor. They said good for you, and that was that.",
    "Saying I'm not okay is getting a tiny bit easier.",
    "Nobody talks about it at work. Maybe I could be the first to mention my appointments.",
    "I'd like to be honest with Dad, but I'm scared he'll worry.",
    "{name} told me about their panic attacks years ago. It changed everything between us.",
    "One small step: answering how are you with one true sentence.",
    "The peer group makes it feel ordinary to talk about medication.",
];

const QUALITY: &[&str] = &[
    "{name} always asks a question back. It feels balanced.",
    "I come away from time with {name} tired. I think I do most of the listening.",
    "Respect looks like {name} remembering what I said last time.",
    "I want to say no more often without explaining myself.",
    "The friendship with {name} feels one-sided lately. I'll try saying so, gently.",
    "{name} gives me energy every single time.",
    "A boundary I kept this week: no work messages after seven.",
    "I noticed I'd been overgiving again. Scaling back a little feels right.",
];

const DIGITAL: &[&str] = &[
    "The online group got me through the night feeds.",
    "The Discord server is where I feel most myself some weeks.",
    "I'd like to scroll less and message people more.",
    "Messaging {name} is easier than a phone call some days.",
    "Logging off after nine has been good for my sleep.",
    "The forum helped me find words for what I was feeling.",
    "I want to meet one of the online friends in person this year.",
];

/// Sentences about a group, for prompts that name one.
const ABOUT_A_GROUP: &[&str] = &[
    "Nobody at {name} needs me to explain myself.",
    "I went to {name} even though I was tired, and I'm glad I did.",
    "Missed {name} this week and felt it.",
    "At {name} I'm just one of us. That's the whole thing.",
    "Someone at {name} remembered what I said last month. Small, but it mattered.",
    "I'd like to say more at {name}, not just listen.",
    "{name} is where I go when I can't face a phone call.",
];

const ANY_THEME: &[&str] = &[
    "Better than last week.",
    "Small good things today: the sun, a decent coffee, a kind message.",
    "Not much to say, but I showed up.",
    "Honestly, a mixed week.",
    "Tired, but okay.",
    "I noticed I'm kinder to other people than to myself.",
    "The clocks went back and the dark evenings got to me a bit.",
    "Work was calmer, which left room to think about people.",
    "I want to keep this going, even on the busy weeks.",
    "Grateful for {name}, more than I say.",
    "I wrote more than I expected to. That says something.",
    "It helps to see it written down.",
];

const OTHER_LANGUAGES: &[&str] = &[
    "Hoy hablé con mi hermana y me sentí mucho mejor. A veces solo hace falta una llamada.",
    "Hoje liguei para a minha avó. Ela riu das minhas histórias e eu fiquei mais leve.",
    "Ich war diese Woche viel allein, aber der Spaziergang mit Jana hat gutgetan.",
    "Je me sens plus calme après le dîner chez Hélène. On a parlé pendant des heures.",
    "今週は忙しかったけど、友達と話して少し楽になった。",
    "这周很累，但和妈妈视频聊天让我感觉好多了。",
    "이번 주에는 친구와 산책을 했다. 마음이 한결 가벼워졌다.",
];

const ONE_WORD: &[&str] = &[
    "ok",
    "Tired.",
    "🙂",
    "Mum.",
    "meh",
    "Better than yesterday.",
    "😴",
    "Heavy.",
    "Calm",
    "Grateful",
    "not sure",
    "🌧️",
    "💛",
    "Work.",
    "Lighter.",
    "Rest.",
    "A walk?",
    "🌻",
];

const INTENTIONS: &[&str] = &[
    "Text {name} on Sunday to ask how the move went.",
    "Ask {name} for a walk after work on Thursday.",
    "Call {name} and actually say how I've been.",
    "Invite {name} round for dinner.",
    "Send {name} the photos from the wedding.",
    "Ask {name} for help with the forms.",
    "Go to the peer group on Wednesday, even if I'm tired.",
    "Book the GP appointment and tell {name} I did.",
    "Say no to the extra shift, kindly.",
    "Reply to {name}'s voice note.",
    "Post in the forum about how this week went.",
    "Bake something for {name}'s birthday.",
];

fn bank(theme: kindred_core::theme::Theme) -> &'static [&'static str] {
    use kindred_core::theme::Theme::*;
    match theme {
        Emotional => EMOTIONAL,
        Practical => PRACTICAL,
        Resilience => RESILIENCE,
        Body => BODY,
        Openness => OPENNESS,
        Quality => QUALITY,
        Digital => DIGITAL,
    }
}

/// A tie the prompt can name, among those in the person's life that day.
fn fitting(rng: &mut Rng, facts: &[Facts], need: TieNeed, on: NaiveDate) -> Option<usize> {
    let wanted = need.support_type();
    let fits = |f: &Facts| {
        f.active_on(on)
            && f.circle.is_some()
            && match need {
                TieNeed::Group => !f.person,
                TieNeed::OnlineGroup => f.group_kind == Some(GroupKind::Online),
                _ => f.person && f.close() && wanted.is_none_or(|s| f.support.contains(&s)),
            }
    };
    let candidates: Vec<usize> = (0..facts.len()).filter(|&i| fits(&facts[i])).collect();
    candidates.choose(rng).copied()
}

/// Someone close to mention in an answer.
fn someone_close(rng: &mut Rng, facts: &[Facts], close_ones: &[usize], on: NaiveDate) -> String {
    for _ in 0..20 {
        let f = &facts[*pick(rng, close_ones)];
        if f.active_on(on) && f.person {
            return f.short.clone();
        }
    }
    "Mum".to_owned()
}

fn sentence(rng: &mut Rng, theme: kindred_core::theme::Theme, name: &str, group: bool) -> String {
    let from = match (group, rng.random_bool(0.7)) {
        (true, true) => ABOUT_A_GROUP,
        (false, true) => bank(theme),
        _ => ANY_THEME,
    };
    pick(rng, from).replace("{name}", name)
}

fn answer(rng: &mut Rng, theme: kindred_core::theme::Theme, name: &str, group: bool) -> String {
    let sentences = match rng.random_range(0..1000) {
        0..=119 => return (*pick(rng, ONE_WORD)).to_owned(),
        120..=139 => return (*pick(rng, OTHER_LANGUAGES)).to_owned(),
        140..=589 => rng.random_range(1..=2),
        590..=919 => rng.random_range(3..=6),
        920..=996 => rng.random_range(10..=25),
        // Now and then a whole evening's writing.
        _ => rng.random_range(60..=90),
    };
    let mut text = String::new();
    let mut used: Vec<String> = Vec::new();
    for i in 0..sentences {
        // A sentence once per answer, unless the answer is longer than the
        // banks (then the writer is going round in circles, as people do).
        let mut next = sentence(rng, theme, name, group);
        for _ in 0..10 {
            if !used.contains(&next) {
                break;
            }
            next = sentence(rng, theme, name, group);
        }
        if i > 0 {
            text.push_str(if i % 4 == 0 { "\n\n" } else { " " });
        }
        text.push_str(&next);
        used.push(next);
    }
    text
}

fn feelings(rng: &mut Rng, mood: u8) -> Vec<String> {
    // The list has ten pleasant words, then ten heavier ones.
    let (pleasant, heavy) = FEELING_WORDS.split_at(10);
    let from = match mood {
        1 | 2 => heavy,
        3 if rng.random_bool(0.5) => heavy,
        _ => pleasant,
    };
    let mut out: Vec<String> = Vec::new();
    for _ in 0..weighted(rng, &[20, 40, 30, 10]) {
        let w = (*pick(rng, from)).to_owned();
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

type Reflections = (Vec<SessionRecord>, Vec<EntryRecord>, Vec<IntentionRecord>);

fn make_reflections(rng: &mut Rng, ties: &[TieRecord], facts: &[Facts]) -> Reflections {
    let close_ones: Vec<usize> = (0..facts.len()).filter(|&i| facts[i].close() && facts[i].person).collect();
    let end = exported_at();
    let weekly = GUIDES.iter().find(|g| g.theme.is_none()).expect("the weekly check-in guide");
    let themed: Vec<_> = GUIDES.iter().filter(|g| g.theme.is_some()).collect();
    let theme_weights: Vec<u32> = themed
        .iter()
        .map(|g| {
            use kindred_core::theme::Theme::*;
            match g.theme {
                Some(Emotional) => 20,
                Some(Quality) => 16,
                Some(Resilience) | Some(Body) => 14,
                Some(Practical) | Some(Openness) => 12,
                _ => 8,
            }
        })
        .collect();

    // When each session began: evenings mostly, a few mornings, never two
    // at the same minute.
    let mut starts: Vec<DateTime<Utc>> = (0..SESSIONS)
        .map(|_| {
            let on = first_day() + Duration::days(rng.random_range(2..(last_day() - first_day()).num_days()));
            let minutes = if rng.random_bool(0.8) {
                rng.random_range(19 * 60..23 * 60 + 30)
            } else {
                rng.random_range(6 * 60 + 30..9 * 60)
            };
            at(on, minutes)
        })
        .collect();
    starts.sort();
    for i in 1..starts.len() {
        if starts[i] <= starts[i - 1] {
            starts[i] = starts[i - 1] + Duration::minutes(1);
        }
    }
    let weekly_at: Vec<usize> = {
        let mut picked = index::sample(rng, SESSIONS, WEEKLY_CHECK_INS).into_vec();
        picked.sort_unstable();
        picked
    };

    let mut sessions = Vec::with_capacity(SESSIONS);
    let mut entries = Vec::with_capacity(JOURNAL_ENTRIES);
    let mut intentions = Vec::new();
    for (n, started) in starts.into_iter().enumerate() {
        let id = n as i64 + 1;
        let guide = if weekly_at.binary_search(&n).is_ok() { weekly } else { themed[weighted(rng, &theme_weights)] };
        let on = started.date_naive();
        let last = n + 1 == SESSIONS;
        let status = if last {
            // The newest waits to be resumed.
            SessionStatus::InProgress
        } else if rng.random_bool(0.86) {
            SessionStatus::Completed
        } else {
            SessionStatus::SetAside
        };
        let steps: Vec<&'static Prompt> =
            guide.prompt_ids.iter().map(|p| prompt(p).expect("a guide's prompt")).collect();
        let answered = match status {
            SessionStatus::Completed => steps.len(),
            SessionStatus::InProgress => 2,
            SessionStatus::SetAside => rng.random_range(1..steps.len()),
        };
        let mood_before = [1u8, 2, 3, 4, 5][weighted(rng, &[6, 18, 36, 30, 10])];
        let mut when = started + Duration::minutes(1);
        for (position, p) in steps.iter().enumerate() {
            let tie = p.tie_need().and_then(|need| fitting(rng, facts, need, on));
            let name = tie.map(|i| ties[i].name.clone());
            let mention = tie.map_or_else(|| someone_close(rng, facts, &close_ones, on), |i| facts[i].short.clone());
            let (text, skipped) = if position >= answered {
                (String::new(), false)
            } else if rng.random_bool(0.08) {
                (String::new(), true)
            } else {
                (answer(rng, p.theme, &mention, tie.is_some_and(|i| !facts[i].person)), false)
            };
            if position < answered {
                when += Duration::minutes(rng.random_range(1..=6));
            }
            entries.push(EntryRecord {
                id: entries.len() as i64 + 1,
                session_id: Some(id),
                prompt_id: p.id.to_owned(),
                theme: p.theme,
                prompt_text: render(p, name.as_deref()),
                answer: text,
                skipped,
                tie_id: tie.map(|i| facts[i].id),
                position: position as i64,
                created_at: started,
                updated_at: if position < answered { when } else { started },
            });
        }
        let completed_at =
            (status == SessionStatus::Completed).then(|| when + Duration::minutes(rng.random_range(1..=4)));
        let mood_after = completed_at.map(|_| {
            let change = [0i8, 1, 2, -1][weighted(rng, &[45, 40, 5, 10])];
            (mood_before as i8 + change).clamp(1, 5) as u8
        });
        sessions.push(SessionRecord {
            id,
            guide_id: guide.id.to_owned(),
            status,
            mood_before: Some(mood_before),
            feelings_before: feelings(rng, mood_before),
            mood_after,
            feelings_after: mood_after.map(|m| feelings(rng, m)).unwrap_or_default(),
            started_at: started,
            completed_at,
            updated_at: completed_at.unwrap_or(when),
        });

        // About one finished session in five ends with a small step.
        if let (Some(done_at), true) = (completed_at, rng.random_bool(0.2)) {
            let who = (0..10).map(|_| *pick(rng, &close_ones)).find(|&i| facts[i].active_on(on));
            let template = pick(rng, INTENTIONS);
            let names_someone = template.contains("{name}");
            let text = template.replace("{name}", &who.map_or_else(|| "Mum".to_owned(), |i| facts[i].short.clone()));
            let due_on = rng.random_bool(0.7).then(|| on + Duration::days(rng.random_range(1..=10)));
            let due_time = due_on
                .filter(|_| rng.random_bool(0.3))
                .map(|_| format!("{:02}:{:02}", rng.random_range(8..21), *pick(rng, &[0, 15, 30, 45])));
            let recent = (end.date_naive() - on).num_days() < 21;
            let intention_status = if recent {
                IntentionStatus::Open
            } else {
                [IntentionStatus::Done, IntentionStatus::LetGo, IntentionStatus::Open][weighted(rng, &[75, 20, 5])]
            };
            let closed_at = match intention_status {
                IntentionStatus::Open => None,
                _ => Some(
                    (at(due_on.unwrap_or(on + Duration::days(3)), rng.random_range(9 * 60..22 * 60)))
                        .max(done_at)
                        .min(end),
                ),
            };
            intentions.push(IntentionRecord {
                id: intentions.len() as i64 + 1,
                text,
                tie_id: if names_someone { who.map(|i| facts[i].id) } else { None },
                session_id: Some(id),
                due_on,
                due_time,
                status: intention_status,
                created_at: done_at,
                updated_at: closed_at.unwrap_or(done_at),
                closed_at,
            });
        }
    }
    (sessions, entries, intentions)
}

// ---------------------------------------------------------------------
// Check-ins and reminders
// ---------------------------------------------------------------------

/// The monthly three-question loneliness check-in, taken most months, a
/// lonelier stretch through the first lockdown year, and easier lately.
fn make_check_ins(rng: &mut Rng) -> Vec<CheckInRecord> {
    let mut out = Vec::new();
    let mut month = day(2017, 1, 1);
    while month <= last_day() {
        if rng.random_bool(0.8) {
            let on = month + Duration::days(rng.random_range(0..days_in(month.month(), month.year()) as i64));
            let on = on.min(last_day());
            let lonely_stretch = (day(2020, 4, 1)..day(2021, 4, 1)).contains(&on);
            let weights: &[u32] = if lonely_stretch { &[20, 45, 35] } else { &[55, 35, 10] };
            let mut item = || (weighted(rng, weights) + 1) as u8;
            let items = [item(), item(), item()];
            out.push(CheckInRecord {
                id: out.len() as i64 + 1,
                taken_at: at(on, rng.random_range(18 * 60..22 * 60)),
                items,
            });
        }
        month = if month.month() == 12 { day(month.year() + 1, 1, 1) } else { day(month.year(), month.month() + 1, 1) };
    }
    out
}

fn make_reminders() -> Vec<ReminderRecord> {
    let time = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    let made = |y, m, d| at(day(y, m, d), 20 * 60);
    vec![
        ReminderRecord {
            id: 1,
            title: "Ring Nan".into(),
            note: "After lunch, when she's had her nap.".into(),
            rule: Recurrence::Weekly { days: vec![Weekday::Sunday], at: time(14, 0) },
            enabled: true,
            created_at: made(2017, 1, 8),
            updated_at: made(2017, 1, 8),
        },
        ReminderRecord {
            id: 2,
            title: "Repeat prescription".into(),
            note: String::new(),
            rule: Recurrence::Monthly { day: 20, at: None },
            enabled: true,
            created_at: made(2018, 5, 20),
            updated_at: made(2018, 5, 20),
        },
        ReminderRecord {
            id: 3,
            title: "Water Zoë's plants while she's away".into(),
            note: "Key is under the blue pot.".into(),
            rule: Recurrence::Once { on: day(2026, 7, 12), at: time(9, 0) },
            enabled: true,
            created_at: made(2026, 7, 1),
            updated_at: made(2026, 7, 1),
        },
        ReminderRecord {
            id: 4,
            title: "Write a letter to Tía Carmen".into(),
            note: String::new(),
            rule: Recurrence::EveryNDays { n: 45, start: day(2021, 2, 1), at: None },
            enabled: false,
            created_at: made(2021, 1, 30),
            updated_at: made(2023, 6, 2),
        },
    ]
}
