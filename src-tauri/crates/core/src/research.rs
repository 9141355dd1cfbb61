//! The map for research tools, in the shapes Network Canvas writes: one ego
//! (the person), alters (their people and groups) with circle, sector,
//! support types as true/false columns, feel and latest quality ratings,
//! and ties: ego–alter (how many contacts) and alter–alter (how many
//! contacts they shared). GraphML opens in Gephi; the CSV files (ego,
//! alters, alter–alter ties) read into R's egor.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use quick_xml::escape::escape;

use crate::error::CoreResult;
use crate::network::Network;
use crate::tie::{Circle, Feel, Sector, SupportType, Tie, TieKind};

/// The ego's id in every file.
pub const EGO_ID: &str = "ego";

/// Ring radius on a unit map (the ego at the centre), for coordinates.
fn radius(circle: Option<Circle>) -> f64 {
    match circle {
        Some(Circle::Inner) => 0.33,
        Some(Circle::Middle) => 0.66,
        Some(Circle::Outer) => 1.0,
        None => 1.2,
    }
}

/// One alter with everything the files hold.
struct Alter<'a> {
    tie: &'a Tie,
    contacts: u32,
    x: f64,
    y: f64,
    ratings: crate::network::Ratings,
}

fn alters<'a>(ties: &'a [Tie], network: &Network) -> (Vec<Alter<'a>>, BTreeMap<(i64, i64), u32>) {
    let mut per_tie: BTreeMap<i64, u32> = BTreeMap::new();
    let mut shared: BTreeMap<(i64, i64), u32> = BTreeMap::new();
    for c in &network.contacts {
        for (i, a) in c.tie_ids.iter().enumerate() {
            *per_tie.entry(*a).or_default() += 1;
            for b in &c.tie_ids[i + 1..] {
                *shared.entry(((*a).min(*b), (*a).max(*b))).or_default() += 1;
            }
        }
    }
    let ratings: BTreeMap<i64, crate::network::Ratings> = network.ties.iter().map(|t| (t.id, t.ratings)).collect();
    let n = ties.len().max(1) as f64;
    let list = ties
        .iter()
        .enumerate()
        .map(|(i, tie)| {
            // Evenly round each ring, in list order, like the map's default.
            let angle = (i as f64 / n) * std::f64::consts::TAU;
            let r = radius(tie.circle);
            Alter {
                tie,
                contacts: per_tie.get(&tie.id).copied().unwrap_or(0),
                x: (r * angle.cos() * 1000.0).round() / 1000.0,
                y: (r * angle.sin() * 1000.0).round() / 1000.0,
                ratings: ratings.get(&tie.id).copied().unwrap_or_default(),
            }
        })
        .collect();
    (list, shared)
}

fn text<T: Copy>(value: Option<T>, as_str: fn(T) -> &'static str) -> &'static str {
    value.map_or("", as_str)
}

fn number(value: Option<u8>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The network as GraphML (one file).
pub fn graphml(ties: &[Tie], network: &Network) -> String {
    let (alters, shared) = alters(ties, network);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    let node_keys = [
        ("name", "string"),
        ("type", "string"),
        ("circle", "string"),
        ("sector", "string"),
        ("feel", "string"),
        ("empathy", "int"),
        ("respect", "int"),
        ("reciprocity", "int"),
        ("boundaries", "int"),
        ("x", "double"),
        ("y", "double"),
        // The ego's own: how many people and groups, how many contacts.
        ("alters", "int"),
        ("contacts", "int"),
    ];
    for (key, kind) in node_keys {
        let _ = writeln!(out, "  <key id=\"{key}\" for=\"node\" attr.name=\"{key}\" attr.type=\"{kind}\"/>");
    }
    for s in SupportType::ALL {
        let _ = writeln!(
            out,
            "  <key id=\"support_{0}\" for=\"node\" attr.name=\"support_{0}\" attr.type=\"boolean\"/>",
            s.as_str()
        );
    }
    out.push_str("  <key id=\"edge_contacts\" for=\"edge\" attr.name=\"contacts\" attr.type=\"int\"/>\n");
    out.push_str("  <graph id=\"kindred\" edgedefault=\"undirected\">\n");
    // The ego carries the person's own attributes (what Network Canvas
    // users asked for): the same counts as the ego CSV, and for each kind of
    // support whether anyone on the map gives it.
    let total: u32 = alters.iter().map(|a| a.contacts).sum();
    let _ = write!(out, "    <node id=\"{EGO_ID}\"><data key=\"name\">me</data><data key=\"type\">ego</data>");
    let _ = write!(out, "<data key=\"alters\">{}</data><data key=\"contacts\">{total}</data>", alters.len());
    for s in SupportType::ALL {
        let given = alters.iter().any(|a| a.tie.support_types.contains(&s));
        let _ = write!(out, "<data key=\"support_{}\">{given}</data>", s.as_str());
    }
    let _ = writeln!(out, "<data key=\"x\">0</data><data key=\"y\">0</data></node>");
    for a in &alters {
        let t = a.tie;
        let _ = write!(out, "    <node id=\"alter-{}\">", t.id);
        let _ = write!(out, "<data key=\"name\">{}</data>", escape(t.name.as_str()));
        let _ = write!(out, "<data key=\"type\">{}</data>", if t.kind == TieKind::Group { "group" } else { "person" });
        for (key, value) in [
            ("circle", text(t.circle, Circle::as_str).to_owned()),
            ("sector", text(t.sector, Sector::as_str).to_owned()),
            ("feel", text(t.feel, Feel::as_str).to_owned()),
            ("empathy", number(a.ratings.empathy)),
            ("respect", number(a.ratings.respect)),
            ("reciprocity", number(a.ratings.reciprocity)),
            ("boundaries", number(a.ratings.boundaries)),
        ] {
            if !value.is_empty() {
                let _ = write!(out, "<data key=\"{key}\">{value}</data>");
            }
        }
        for s in SupportType::ALL {
            let _ = write!(out, "<data key=\"support_{}\">{}</data>", s.as_str(), t.support_types.contains(&s));
        }
        let _ = writeln!(out, "<data key=\"x\">{}</data><data key=\"y\">{}</data></node>", a.x, a.y);
    }
    for a in &alters {
        let _ = writeln!(
            out,
            "    <edge source=\"{EGO_ID}\" target=\"alter-{}\"><data key=\"edge_contacts\">{}</data></edge>",
            a.tie.id, a.contacts
        );
    }
    let known: std::collections::BTreeSet<i64> = alters.iter().map(|a| a.tie.id).collect();
    for ((from, to), n) in &shared {
        if known.contains(from) && known.contains(to) {
            let _ = writeln!(
                out,
                "    <edge source=\"alter-{from}\" target=\"alter-{to}\"><data key=\"edge_contacts\">{n}</data></edge>"
            );
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The network as three CSV files: (ego, alters, alter–alter ties).
pub fn csv_files(ties: &[Tie], network: &Network) -> CoreResult<(String, String, String)> {
    let (alters, shared) = alters(ties, network);
    let ego = {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["egoID", "alters", "contacts"]).map_err(io)?;
        let total: u32 = alters.iter().map(|a| a.contacts).sum();
        w.write_record([EGO_ID.to_owned(), alters.len().to_string(), total.to_string()]).map_err(io)?;
        finish(w)?
    };
    let alter_file = {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header: Vec<String> =
            ["egoID", "alterID", "name", "type", "circle", "sector"].map(str::to_owned).to_vec();
        header.extend(SupportType::ALL.iter().map(|s| format!("support_{}", s.as_str())));
        header.extend(
            ["feel", "empathy", "respect", "reciprocity", "boundaries", "contacts", "x", "y"].map(str::to_owned),
        );
        w.write_record(&header).map_err(io)?;
        for a in &alters {
            let t = a.tie;
            let mut row = vec![
                EGO_ID.to_owned(),
                format!("alter-{}", t.id),
                t.name.clone(),
                if t.kind == TieKind::Group { "group" } else { "person" }.to_owned(),
                text(t.circle, Circle::as_str).to_owned(),
                text(t.sector, Sector::as_str).to_owned(),
            ];
            row.extend(SupportType::ALL.iter().map(|s| t.support_types.contains(s).to_string()));
            row.extend([
                text(t.feel, Feel::as_str).to_owned(),
                number(a.ratings.empathy),
                number(a.ratings.respect),
                number(a.ratings.reciprocity),
                number(a.ratings.boundaries),
                a.contacts.to_string(),
                a.x.to_string(),
                a.y.to_string(),
            ]);
            w.write_record(&row).map_err(io)?;
        }
        finish(w)?
    };
    let ties_file = {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["egoID", "from", "to", "contacts"]).map_err(io)?;
        let known: std::collections::BTreeSet<i64> = alters.iter().map(|a| a.tie.id).collect();
        for ((from, to), n) in &shared {
            if known.contains(from) && known.contains(to) {
                w.write_record([EGO_ID.to_owned(), format!("alter-{from}"), format!("alter-{to}"), n.to_string()])
                    .map_err(io)?;
            }
        }
        finish(w)?
    };
    Ok((ego, alter_file, ties_file))
}

fn io(e: csv::Error) -> crate::error::CoreError {
    std::io::Error::other(e).into()
}

fn finish(w: csv::Writer<Vec<u8>>) -> CoreResult<String> {
    let bytes = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::clock::FixedClock;
    use crate::contact::{Channel, ContactDraft};
    use crate::store::Store;
    use crate::tie::{TieDraft, TieScope};

    fn store() -> Store {
        let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()));
        let mut s = Store::open_in_memory(clock).unwrap();
        let mut sam = TieDraft::person("Sam <the \"best\">, & co");
        sam.circle = Some(Circle::Inner);
        sam.support_types = vec![SupportType::Emotional];
        let sam = s.create_tie(sam).unwrap().id;
        let ana = s.create_tie(TieDraft::person("Ana")).unwrap().id;
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        s.create_contact(ContactDraft::on(day, Channel::Call, vec![sam, ana])).unwrap();
        s.create_contact(ContactDraft::on(day, Channel::Call, vec![sam])).unwrap();
        s
    }

    #[test]
    fn graphml_is_well_formed_xml_with_ego_alters_and_ties() {
        let s = store();
        let xml = graphml(&s.list_ties(TieScope::Active).unwrap(), &s.network().unwrap());
        // Parse it back: every element closes and the name is escaped.
        let mut reader = quick_xml::Reader::from_str(&xml);
        let (mut nodes, mut edges) = (0, 0);
        loop {
            match reader.read_event().unwrap() {
                quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => match e.name().as_ref() {
                    b"node" => nodes += 1,
                    b"edge" => edges += 1,
                    _ => {}
                },
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!((nodes, edges), (3, 3), "ego + 2 alters; 2 ego ties + Sam–Ana");
        assert!(xml.contains("Sam &lt;the &quot;best&quot;&gt;, &amp; co"));
        assert!(xml.contains("<data key=\"support_emotional\">true</data>"));
        // The ego carries the person's own attributes.
        let ego = xml.lines().find(|l| l.contains("<node id=\"ego\">")).unwrap();
        for expected in [
            "<data key=\"alters\">2</data>",
            "<data key=\"contacts\">3</data>",
            "<data key=\"support_emotional\">true</data>",
            "<data key=\"support_practical\">false</data>",
        ] {
            assert!(ego.contains(expected), "{expected} in {ego}");
        }
        // Every key has one id: node and edge attributes named alike stay apart.
        let ids: Vec<&str> = xml.lines().filter_map(|l| l.split("<key id=\"").nth(1)?.split('"').next()).collect();
        let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
        assert_eq!(ids.len(), unique.len(), "{ids:?}");
    }

    #[test]
    fn csv_files_have_one_row_per_alter_and_shared_contact() {
        let s = store();
        let (ego, alters, ties) = csv_files(&s.list_ties(TieScope::Active).unwrap(), &s.network().unwrap()).unwrap();
        assert_eq!(ego.lines().nth(1), Some("ego,2,3"));
        let mut reader = csv::Reader::from_reader(alters.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let headers = reader.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let sam = rows.iter().find(|r| r[col("name")].starts_with("Sam")).unwrap();
        assert_eq!(&sam[col("name")], "Sam <the \"best\">, & co", "quoted, not mangled");
        assert_eq!(&sam[col("support_emotional")], "true");
        assert_eq!(&sam[col("contacts")], "2");
        assert_eq!(ties.lines().count(), 2, "header and the Sam–Ana tie");
    }
}
