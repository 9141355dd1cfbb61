//! Insights: short, kind observations about a person's network, each linked
//! to a theme so the UI can offer a fitting reflection. Pure functions of a
//! [`Network`]; every threshold is a named constant below, with the reason
//! for its value.
//!
//! Wording rules (PRODUCT.md, "Insights" and "Look and feel"): insights
//! suggest and never diagnose, judge or shame. Titles stay short; names
//! appear as plain text; lists of names read naturally ("Sam, Ana and Ben").
//! A handful of words ([`FORBIDDEN_WORDS`]) never appear in our wording.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::contact::{Felt, Initiator};
use crate::network::{Network, NetworkContact, NetworkTie};
use crate::reach_out::{compare_names, due_to_reach_out, ReachOut};
use crate::theme::Theme;
use crate::tie::{Feel, SupportType};
use crate::words::join_names;

// ---------------------------------------------------------------------------
// Thresholds
// ---------------------------------------------------------------------------

/// Missing and fragile support notes need at least this many active ties.
/// A map that is just starting (one or two people) would otherwise get a
/// wall of "no one gives you…" notes before the person has had a chance to
/// add anyone; three ties is the point where gaps start to mean something.
pub const MIN_TIES_FOR_SUPPORT_GAPS: usize = 3;

/// Over-reliance: one tie carries at least this percentage of all support
/// tags. Half is the point where one person holds as much of the support as
/// everyone else together, so losing them for a while would halve it.
pub const OVER_RELIANCE_PERCENT: usize = 50;

/// Over-reliance needs at least this many support tags across the map. With
/// fewer, "half" is one or two tags, too little to say anything about.
pub const OVER_RELIANCE_MIN_TAGS: usize = 4;

/// Over-reliance needs at least this many active ties: with a single tie it
/// trivially carries everything, and the note would only repeat the map.
pub const OVER_RELIANCE_MIN_TIES: usize = 2;

/// A respect or boundaries rating (1–5) at or below this counts as low: on a
/// five-point scale 1 and 2 are the clearly negative answers, 3 is neutral.
pub const LOW_RATING_MAX: u8 = 2;

/// "Much contact" for a draining tie is counted over this many days,
/// today included: about a month, long enough to see a pattern and short
/// enough to be about how things are now.
pub const DRAINING_WINDOW_DAYS: i64 = 30;

/// A draining tie is noted when it had at least this many contacts in the
/// window: about once a week or more, which is frequent enough to weigh on
/// someone, while an occasional visit is not worth a note.
pub const DRAINING_MIN_CONTACTS: usize = 4;

/// Reciprocity looks at contacts within this many days, today included:
/// about six months, so an old pattern that has since changed does not
/// linger.
pub const RECIPROCITY_WINDOW_DAYS: i64 = 180;

/// Reciprocity reads at most this many of the most recent contacts (with
/// "who reached out" recorded), so the note reflects the present balance
/// rather than the whole history.
pub const RECIPROCITY_MAX_CONTACTS: usize = 10;

/// Reciprocity needs at least this many contacts with "who reached out"
/// recorded: with fewer, a run of three or four can happen by chance.
pub const RECIPROCITY_MIN_CONTACTS: usize = 5;

/// Reciprocity notes fire when one side started at least this percentage of
/// the contacts read: four out of five is "almost always", well past the
/// natural ebb and flow of who calls whom. `Both` counts for neither side.
pub const RECIPROCITY_PERCENT: usize = 80;

/// "Feel better after" needs at least this many contacts that record how the
/// person felt: one or two good days are not yet a pattern.
pub const FEEL_BETTER_MIN_CONTACTS: usize = 3;

/// "Feel better after" fires when at least this percentage of the recorded
/// feelings are "better": a clear majority (three in five), which leaves room
/// for ordinary days while still being a real tendency.
pub const FEEL_BETTER_PERCENT: usize = 60;

/// Titles longer than this (for example with a very long name, names can be
/// up to 100 characters) fall back to a wording without names, so a title
/// fits on one line of a card. The name is always in the body and tie ids.
pub const TITLE_MAX_CHARS: usize = 70;

/// The "past cadence" note names at most this many people in its title; with
/// more, the title would not stay short, so it uses a general wording.
pub const PAST_CADENCE_NAMES_IN_TITLE: usize = 3;

/// The "past cadence" note names at most this many people in its body before
/// summing up the rest ("and 3 others"): a longer list reads like a to-do
/// list, which is the pressure the app avoids.
pub const PAST_CADENCE_NAMES_IN_BODY: usize = 5;

/// Words that never appear in an insight's title or body: they judge, blame
/// or diagnose. (Checked by tests over every wording, including a property
/// test over random networks.)
pub const FORBIDDEN_WORDS: [&str; 6] = ["overdue", "neglect", "fail", "should", "toxic", "unhealthy"];

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/// What an insight is about. The order here is the order insights are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InsightKind {
    /// No active tie gives a support type.
    MissingSupport,
    /// Exactly one active tie gives a support type.
    FragileSupport,
    /// One tie carries at least half of all support.
    OverReliance,
    /// A draining or low-respect/boundaries tie that takes much contact.
    DrainingButFrequent,
    /// Recent contacts with a tie were almost always started by the person.
    MostlyYouReachOut,
    /// Recent contacts with a tie were almost always started by the tie.
    MostlyTheyReachOut,
    /// Ties past their reach-out cadence.
    PastCadence,
    /// Contacts with a tie tend to leave the person feeling better.
    FeelBetterAfter,
}

/// One insight, ready to show: plain-text title and body, the theme of a
/// fitting reflection, and the ties (and support type) it is about.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Insight {
    pub kind: InsightKind,
    pub title: String,
    pub body: String,
    pub theme: Theme,
    /// The ties the insight is about, most relevant first; empty for a
    /// missing support type.
    pub tie_ids: Vec<i64>,
    /// Set for missing and fragile support.
    pub support_type: Option<SupportType>,
}

/// The theme a support type belongs to, used to link support notes to a
/// fitting reflection.
pub fn support_theme(support_type: SupportType) -> Theme {
    match support_type {
        SupportType::Emotional => Theme::Emotional,
        SupportType::Practical | SupportType::Encouragement => Theme::Practical,
        SupportType::Inspiration => Theme::Resilience,
        SupportType::Belonging | SupportType::Professional => Theme::Openness,
    }
}

/// Every insight for `network`, in a stable order: by kind (in the order of
/// [`InsightKind`]), then strongest first, then by name, so the same network
/// always gives the same list whatever order its ties and contacts come in.
///
/// Past cadence is a single insight naming every tie past its cadence (in
/// the order of [`due_to_reach_out`]), not one per tie: the Today screen
/// already lists them one by one, and a side panel of many near-identical
/// notes would feel like a to-do list rather than a calm overview.
///
/// Contacts dated after `network.today` are ignored by every rule here (they
/// have not happened yet, so they say nothing about how things are).
pub fn insights(network: &Network) -> Vec<Insight> {
    let mut found: Vec<Candidate> = Vec::new();
    let by_tie = network.contacts_by_tie();
    support_gaps(network, &mut found);
    over_reliance(network, &mut found);
    draining_but_frequent(network, &by_tie, &mut found);
    reciprocity(network, &by_tie, &mut found);
    past_cadence(network, &mut found);
    feel_better_after(network, &by_tie, &mut found);
    found.sort_by(Candidate::order);
    found.into_iter().map(|c| c.insight).collect()
}

// ---------------------------------------------------------------------------
// Ordering
// ---------------------------------------------------------------------------

/// An insight with what it is sorted by.
struct Candidate {
    insight: Insight,
    /// How strong the signal is (a share, 0–1); higher first.
    strength: f64,
    /// A count behind the share (contacts, tags); higher first when the
    /// strength is equal.
    count: usize,
    /// The name it is about, "" when none.
    name: String,
}

impl Candidate {
    fn order(a: &Self, b: &Self) -> Ordering {
        a.insight
            .kind
            .cmp(&b.insight.kind)
            .then_with(|| b.strength.total_cmp(&a.strength))
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| compare_names(&a.name, &b.name))
            .then_with(|| a.insight.support_type.cmp(&b.insight.support_type))
            .then_with(|| a.insight.tie_ids.cmp(&b.insight.tie_ids))
    }
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

const ALL_SUPPORT_TYPES: [SupportType; 6] = SupportType::ALL;

/// The distinct support types a tie gives (a repeated tag counts once).
fn distinct_support(tie: &NetworkTie) -> Vec<SupportType> {
    let mut types = tie.support_types.clone();
    types.sort();
    types.dedup();
    types
}

fn support_gaps(network: &Network, out: &mut Vec<Candidate>) {
    if network.ties.len() < MIN_TIES_FOR_SUPPORT_GAPS {
        return;
    }
    for st in ALL_SUPPORT_TYPES {
        let givers: Vec<&NetworkTie> = network.ties.iter().filter(|t| t.support_types.contains(&st)).collect();
        match givers.as_slice() {
            [] => {
                let (title, body) = missing_wording(st);
                out.push(Candidate {
                    insight: Insight {
                        kind: InsightKind::MissingSupport,
                        title: title.to_owned(),
                        body: body.to_owned(),
                        theme: support_theme(st),
                        tie_ids: vec![],
                        support_type: Some(st),
                    },
                    strength: 0.0,
                    count: 0,
                    name: String::new(),
                });
            }
            [only] => {
                let (title, fallback, body) = fragile_wording(st, &only.name);
                out.push(Candidate {
                    insight: Insight {
                        kind: InsightKind::FragileSupport,
                        title: fit_title(title, fallback),
                        body,
                        theme: support_theme(st),
                        tie_ids: vec![only.id],
                        support_type: Some(st),
                    },
                    strength: 0.0,
                    count: 0,
                    name: only.name.clone(),
                });
            }
            _ => {}
        }
    }
}

fn over_reliance(network: &Network, out: &mut Vec<Candidate>) {
    if network.ties.len() < OVER_RELIANCE_MIN_TIES {
        return;
    }
    let tags: Vec<(&NetworkTie, usize)> = network.ties.iter().map(|t| (t, distinct_support(t).len())).collect();
    let total: usize = tags.iter().map(|(_, n)| n).sum();
    if total < OVER_RELIANCE_MIN_TAGS {
        return;
    }
    for &(tie, count) in &tags {
        if count * 100 < total * OVER_RELIANCE_PERCENT {
            continue;
        }
        // An even split between two ties (each exactly half) is balance, not
        // one person carrying most: only a tie that carries more than every
        // other tie is noted.
        if tags.iter().any(|&(other, n)| other.id != tie.id && n >= count) {
            continue;
        }
        let name = &tie.name;
        let share = if count == total {
            "All of the support"
        } else if count * 2 > total {
            "Most of the support"
        } else {
            "Half of the support"
        };
        out.push(Candidate {
            insight: Insight {
                kind: InsightKind::OverReliance,
                title: fit_title(
                    format!("{name} gives you a lot of your support"),
                    "Much of your support comes from one place",
                ),
                body: format!(
                    "{share} you've noted on your map comes through {name}. That says a lot about what \
                     {name} means to you. Letting a few others share the load, even in small ways, can \
                     make things steadier for you both."
                ),
                theme: Theme::Resilience,
                tie_ids: vec![tie.id],
                support_type: None,
            },
            strength: count as f64 / total as f64,
            count,
            name: name.clone(),
        });
    }
}

fn draining_but_frequent(network: &Network, by_tie: &ContactIndex<'_>, out: &mut Vec<Candidate>) {
    for tie in &network.ties {
        let draining = tie.feel == Some(Feel::Draining);
        let low_respect = tie.ratings.respect.is_some_and(|r| r <= LOW_RATING_MAX);
        let low_boundaries = tie.ratings.boundaries.is_some_and(|r| r <= LOW_RATING_MAX);
        if !(draining || low_respect || low_boundaries) {
            continue;
        }
        let recent = contacts_of(by_tie, tie.id)
            .filter(|c| within_last(network.today, c.occurred_on, DRAINING_WINDOW_DAYS))
            .count();
        if recent < DRAINING_MIN_CONTACTS {
            continue;
        }
        let name = &tie.name;
        let low = match (low_respect, low_boundaries) {
            (true, true) => Some("respect and boundaries"),
            (true, false) => Some("respect"),
            (false, true) => Some("boundaries"),
            (false, false) => None,
        };
        let reason = match (draining, low) {
            (true, Some(low)) => format!("you've noted that it often feels draining, and rated {low} low"),
            (true, None) => "you've noted that it often feels draining".to_owned(),
            (false, Some(low)) => format!("you've rated {low} low lately"),
            (false, None) => unreachable!("checked above"),
        };
        out.push(Candidate {
            insight: Insight {
                kind: InsightKind::DrainingButFrequent,
                title: fit_title(
                    format!("You've been in touch with {name} a lot lately"),
                    "You've been in touch with someone a lot lately",
                ),
                body: format!(
                    "You've been in touch with {name} {recent} times in the past month, and {reason}. It \
                     might help to notice what you need from this connection, and whether a little more \
                     space or some gentler limits would feel kinder to you."
                ),
                theme: Theme::Quality,
                tie_ids: vec![tie.id],
                support_type: None,
            },
            strength: recent as f64,
            count: recent,
            name: name.clone(),
        });
    }
}

fn reciprocity(network: &Network, by_tie: &ContactIndex<'_>, out: &mut Vec<Candidate>) {
    for tie in &network.ties {
        let mut recent: Vec<(&NetworkContact, Initiator)> = contacts_of(by_tie, tie.id)
            .filter(|c| within_last(network.today, c.occurred_on, RECIPROCITY_WINDOW_DAYS))
            .filter_map(|c| c.initiated_by.map(|i| (c, i)))
            .collect();
        // Most recent first; the contact id settles contacts on the same day.
        recent.sort_by(|(a, _), (b, _)| b.occurred_on.cmp(&a.occurred_on).then_with(|| b.id.cmp(&a.id)));
        recent.truncate(RECIPROCITY_MAX_CONTACTS);
        let n = recent.len();
        if n < RECIPROCITY_MIN_CONTACTS {
            continue;
        }
        let me = recent.iter().filter(|(_, i)| *i == Initiator::Me).count();
        let them = recent.iter().filter(|(_, i)| *i == Initiator::Them).count();
        let name = &tie.name;
        let (kind, count, title, body) = if me * 100 >= n * RECIPROCITY_PERCENT {
            let times = if me == n { "every time".to_owned() } else { format!("{me} times") };
            (
                InsightKind::MostlyYouReachOut,
                me,
                fit_title(
                    format!("You're usually the one who reaches out to {name}"),
                    "You're usually the one who reaches out here",
                ),
                format!(
                    "Of the last {n} times you noted who got in touch with {name}, it was you {times}. \
                     Reaching out is a kind thing to do, and it's fine to notice how the balance feels. \
                     If it would help, you might let {name} know you'd love to hear from them too."
                ),
            )
        } else if them * 100 >= n * RECIPROCITY_PERCENT {
            let times = if them == n { "every time".to_owned() } else { format!("{them} times") };
            (
                InsightKind::MostlyTheyReachOut,
                them,
                fit_title(
                    format!("{name} usually reaches out to you first"),
                    "Someone usually reaches out to you first",
                ),
                format!(
                    "Of the last {n} times you noted who got in touch, it was {name} {times}. It's lovely \
                     to be thought of. If it feels right, you might be the one to say hello next time."
                ),
            )
        } else {
            continue;
        };
        out.push(Candidate {
            insight: Insight { kind, title, body, theme: Theme::Quality, tie_ids: vec![tie.id], support_type: None },
            strength: count as f64 / n as f64,
            count: n,
            name: name.clone(),
        });
    }
}

fn past_cadence(network: &Network, out: &mut Vec<Candidate>) {
    let due = due_to_reach_out(network);
    let named: Vec<(&ReachOut, &str)> = due
        .iter()
        .filter_map(|r| network.ties.iter().find(|t| t.id == r.tie_id).map(|t| (r, t.name.as_str())))
        .collect();
    let (title, body) = match named.as_slice() {
        [] => return,
        [(r, name)] => {
            let since = friendly_span(r.days_since);
            let first = match r.last_contact_on {
                Some(_) => format!(
                    "It's been {since} since you were last in touch with {name}, a little longer than \
                     your usual rhythm."
                ),
                None => format!("There's no time with {name} logged since you added them to your map, {since} ago."),
            };
            (
                fit_title(
                    format!("It's been a while since you were in touch with {name}"),
                    "Someone might be glad to hear from you",
                ),
                format!(
                    "{first} A short message or a call might be a nice way to reconnect, whenever it \
                     suits you."
                ),
            )
        }
        many => {
            let names: Vec<&str> = many.iter().map(|(_, n)| *n).collect();
            let title = if names.len() <= PAST_CADENCE_NAMES_IN_TITLE {
                fit_title(
                    format!("It's been a while since you were in touch with {}", join_names(&names)),
                    "A few people might be glad to hear from you",
                )
            } else {
                "A few people might be glad to hear from you".to_owned()
            };
            let listed = if names.len() <= PAST_CADENCE_NAMES_IN_BODY {
                join_names(&names)
            } else {
                // Name a few, and sum up the rest (always two or more, so
                // "others" is never singular).
                let shown = PAST_CADENCE_NAMES_IN_BODY - 1;
                let rest = format!("{} others", names.len() - shown);
                let mut parts: Vec<&str> = names[..shown].to_vec();
                parts.push(&rest);
                join_names(&parts)
            };
            (
                title,
                format!(
                    "It's been a little longer than your usual rhythm since you were in touch with \
                     {listed}. A short message to one of them might be a gentle place to start; there's \
                     no need to reach everyone at once."
                ),
            )
        }
    };
    out.push(Candidate {
        insight: Insight {
            kind: InsightKind::PastCadence,
            title,
            body,
            theme: Theme::Emotional,
            tie_ids: named.iter().map(|(r, _)| r.tie_id).collect(),
            support_type: None,
        },
        strength: 0.0,
        count: named.len(),
        name: String::new(),
    });
}

fn feel_better_after(network: &Network, by_tie: &ContactIndex<'_>, out: &mut Vec<Candidate>) {
    for tie in &network.ties {
        let felt: Vec<Felt> =
            contacts_of(by_tie, tie.id).filter(|c| c.occurred_on <= network.today).filter_map(|c| c.felt).collect();
        let n = felt.len();
        if n < FEEL_BETTER_MIN_CONTACTS {
            continue;
        }
        let better = felt.iter().filter(|f| **f == Felt::Better).count();
        if better * 100 < n * FEEL_BETTER_PERCENT {
            continue;
        }
        let name = &tie.name;
        let first = if better == n {
            format!(
                "Each of the {n} times you noted how you felt after time with {name}, you came away feeling better."
            )
        } else {
            format!("Of the {n} times you noted how you felt after time with {name}, you felt better {better} times.")
        };
        out.push(Candidate {
            insight: Insight {
                kind: InsightKind::FeelBetterAfter,
                title: fit_title(
                    format!("Time with {name} often leaves you feeling better"),
                    "Someone on your map often leaves you feeling better",
                ),
                body: format!(
                    "{first} On a harder day, reaching out to {name} might be a gentle thing to do for \
                     yourself."
                ),
                theme: Theme::Body,
                tie_ids: vec![tie.id],
                support_type: None,
            },
            strength: better as f64 / n as f64,
            count: n,
            name: name.clone(),
        });
    }
}

// ---------------------------------------------------------------------------
// Wording
// ---------------------------------------------------------------------------

fn missing_wording(st: SupportType) -> (&'static str, &'static str) {
    match st {
        SupportType::Emotional => (
            "No one on your map is someone you confide in yet",
            "Being heard by someone you trust can lighten what you carry. Is there a person you might \
             share a little more with, or a group where you'd feel understood?",
        ),
        SupportType::Practical => (
            "No one on your map gives you hands-on help yet",
            "Help with everyday things, like a lift, a meal or a hand with a task, can ease a lot of \
             stress. Is there someone you could ask, or swap small favours with?",
        ),
        SupportType::Encouragement => (
            "No one on your map nudges you to look after yourself yet",
            "Someone who cheers on your healthy habits, or asks how your care is going, can make it \
             easier to keep going. Who might you share a small goal with?",
        ),
        SupportType::Inspiration => (
            "No one on your map gives you hope or inspiration yet",
            "Seeing how others have come through hard times can be a quiet source of hope. Is there \
             someone, near or far, whose story gives you strength?",
        ),
        SupportType::Belonging => (
            "There's no place of belonging on your map yet",
            "A club, a class, a faith community or an online group can be a place to feel understood. \
             Is there one you might try, even just to look around?",
        ),
        SupportType::Professional => (
            "No one on your map helps you professionally yet",
            "A GP, a counsellor, a therapist or a helpline can be part of your support too. If it ever \
             feels right, you might add who you could turn to.",
        ),
    }
}

/// (title with the name, title without it, body) for a support type only
/// `name` gives.
fn fragile_wording(st: SupportType, name: &str) -> (String, &'static str, String) {
    match st {
        SupportType::Emotional => (
            format!("Only {name} is someone you confide in"),
            "Only one person on your map is someone you confide in",
            format!(
                "It's good to have {name} to talk to. Leaning on just one person for the hard things \
                 can feel fragile, though. Is there someone else you might open up to a little?"
            ),
        ),
        SupportType::Practical => (
            format!("Only {name} gives you hands-on help"),
            "Only one person or group on your map gives hands-on help",
            format!(
                "{name} is there for hands-on help. When all of it rests with one person, a busy week \
                 for them can leave you stuck. Is there someone else who might lend a hand now and then?"
            ),
        ),
        SupportType::Encouragement => (
            format!("Only {name} nudges you to look after yourself"),
            "Only one person or group nudges you to look after yourself",
            format!(
                "It's good to have {name} in your corner. Another voice cheering on your habits and \
                 care could make that support a little sturdier."
            ),
        ),
        SupportType::Inspiration => (
            format!("Only {name} gives you hope and inspiration"),
            "Only one person or group gives you hope and inspiration",
            format!(
                "Hope can come from many places. Is there another person or group whose story you \
                 find encouraging, alongside {name}?"
            ),
        ),
        SupportType::Belonging => (
            format!("Only {name} gives you a sense of belonging"),
            "Only one group or person gives you a sense of belonging",
            format!(
                "Belonging in more than one place can steady you when one of them changes. Is there \
                 another group, in person or online, you might explore alongside {name}?"
            ),
        ),
        SupportType::Professional => (
            format!("Only {name} helps you professionally"),
            "Only one person on your map helps you professionally",
            format!(
                "Having a second option, such as a GP, a counsellor or a helpline, can be reassuring \
                 for times when {name} isn't available."
            ),
        ),
    }
}

/// The title, or `fallback` when it is longer than [`TITLE_MAX_CHARS`].
fn fit_title(title: String, fallback: &str) -> String {
    if title.chars().count() <= TITLE_MAX_CHARS {
        title
    } else {
        fallback.to_owned()
    }
}

/// "Sam", "Sam and Ana", "Sam, Ana and Ben".
/// A day count in words, rounded kindly: "a day", "9 days", "about 3
/// weeks", "about 2 months", "over a year".
fn friendly_span(days: i64) -> String {
    match days {
        i64::MIN..=1 => "a day".to_owned(),
        2..=13 => format!("{days} days"),
        14..=59 => format!("about {} weeks", (days + 3) / 7),
        60..=364 => format!("about {} months", (days + 15) / 30),
        365..=729 => "over a year".to_owned(),
        _ => format!("over {} years", days / 365),
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Contacts per tie, built once per call of [`insights`].
type ContactIndex<'a> = HashMap<i64, Vec<&'a NetworkContact>>;

fn contacts_of<'a, 'b>(by_tie: &'b ContactIndex<'a>, tie_id: i64) -> impl Iterator<Item = &'a NetworkContact> + 'b {
    by_tie.get(&tie_id).into_iter().flatten().copied()
}

/// Whether `date` falls in the last `days` days, today included (so 30
/// means today and the 29 days before it). Dates after today are not.
fn within_last(today: NaiveDate, date: NaiveDate, days: i64) -> bool {
    let ago = today.signed_duration_since(date).num_days();
    (0..days).contains(&ago)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use proptest::prelude::*;

    use super::*;
    use crate::network::Ratings;
    use crate::tie::TieKind;

    use InsightKind::*;
    use SupportType::{Belonging, Emotional, Encouragement, Inspiration, Practical, Professional};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
    }

    fn ago(days: i64) -> NaiveDate {
        today() - Duration::days(days)
    }

    /// A small builder for hand-made networks. Ties are people added long
    /// ago, with no cadence, feel or ratings unless set.
    #[derive(Default)]
    struct Net {
        ties: Vec<NetworkTie>,
        contacts: Vec<NetworkContact>,
    }

    impl Net {
        fn new() -> Self {
            Self::default()
        }

        fn tie(mut self, id: i64, name: &str, types: &[SupportType]) -> Self {
            self.ties.push(NetworkTie {
                id,
                name: name.to_owned(),
                kind: TieKind::Person,
                group_kind: None,
                circle: None,
                support_types: types.to_vec(),
                cadence_days: None,
                added_on: ago(400),
                feel: None,
                ratings: Ratings::default(),
            });
            self
        }

        fn edit(mut self, id: i64, f: impl FnOnce(&mut NetworkTie)) -> Self {
            f(self.ties.iter_mut().find(|t| t.id == id).expect("tie exists"));
            self
        }

        fn cadence(self, id: i64, days: u32) -> Self {
            self.edit(id, |t| t.cadence_days = Some(days))
        }

        fn feel(self, id: i64, feel: Feel) -> Self {
            self.edit(id, |t| t.feel = Some(feel))
        }

        fn log(mut self, days_ago: i64, tie_ids: &[i64], by: Option<Initiator>, felt: Option<Felt>) -> Self {
            let id = self.contacts.len() as i64 + 1;
            self.contacts.push(NetworkContact {
                id,
                occurred_on: ago(days_ago),
                tie_ids: tie_ids.to_vec(),
                initiated_by: by,
                felt,
            });
            self
        }

        fn contact(self, days_ago: i64, tie: i64) -> Self {
            self.log(days_ago, &[tie], None, None)
        }

        /// Contacts with `tie`, most recent first, one day apart, started by
        /// each initiator in turn.
        fn started_by(mut self, tie: i64, by: &[Initiator]) -> Self {
            for (i, who) in by.iter().enumerate() {
                self = self.log(i as i64 + 1, &[tie], Some(*who), None);
            }
            self
        }

        fn felt(mut self, tie: i64, felt: &[Felt]) -> Self {
            for (i, f) in felt.iter().enumerate() {
                self = self.log(i as i64 + 1, &[tie], None, Some(*f));
            }
            self
        }

        fn build(self) -> Network {
            let mut contacts = self.contacts;
            contacts.sort_by_key(|c| (c.occurred_on, c.id));
            Network { today: today(), ties: self.ties, contacts }
        }
    }

    fn of_kind(n: &Network, kind: InsightKind) -> Vec<Insight> {
        insights(n).into_iter().filter(|i| i.kind == kind).collect()
    }

    fn assert_kind_wording(i: &Insight) {
        let text = format!("{} {}", i.title, i.body).to_lowercase();
        for w in FORBIDDEN_WORDS {
            assert!(!text.contains(w), "{w:?} in {i:?}");
        }
        assert!(i.title.chars().count() <= TITLE_MAX_CHARS, "title too long: {}", i.title);
        assert!(!i.title.is_empty() && !i.body.is_empty());
    }

    // -- The balanced network: nothing to say ------------------------------

    /// Five ties, every support type given by two or more, no one carrying
    /// most, contact every week within cadence, initiators and feelings
    /// mixed, nothing draining.
    fn balanced() -> Network {
        let mut net = Net::new()
            .tie(1, "Sam", &[Emotional, Practical, Inspiration])
            .tie(2, "Ana", &[Emotional, Encouragement, Belonging])
            .tie(3, "Ben", &[Practical, Encouragement, Professional])
            .tie(4, "Dr Lee", &[Professional])
            .tie(5, "Choir", &[Belonging, Inspiration]);
        let initiators = [Initiator::Me, Initiator::Them, Initiator::Both];
        let felt = [Felt::Same, Felt::Better, Felt::Worse, Felt::Same];
        for tie in 1..=5 {
            net = net.cadence(tie, 14).feel(tie, if tie % 2 == 0 { Feel::Energising } else { Feel::Mixed });
            for week in 0..10 {
                let k = (tie + week) as usize;
                net = net.log(week * 7 + tie % 3, &[tie], Some(initiators[k % 3]), Some(felt[k % 4]));
            }
        }
        net.edit(2, |t| {
            t.ratings = Ratings { empathy: Some(4), respect: Some(5), reciprocity: Some(3), boundaries: Some(4) }
        })
        .build()
    }

    #[test]
    fn a_balanced_network_gets_no_insights() {
        assert_eq!(insights(&balanced()), vec![]);
    }

    #[test]
    fn an_empty_network_gets_no_insights() {
        assert_eq!(insights(&Net::new().build()), vec![]);
    }

    // -- Missing and fragile support --------------------------------------

    #[test]
    fn missing_support_fires_when_no_one_gives_a_type() {
        let n = Net::new()
            .tie(1, "Sam", &[Emotional, Practical, Encouragement])
            .tie(2, "Ana", &[Emotional, Practical, Encouragement, Inspiration])
            .tie(3, "Ben", &[Emotional, Practical, Inspiration])
            .build();
        let found = of_kind(&n, MissingSupport);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].support_type, Some(Belonging));
        assert_eq!(found[0].theme, Theme::Openness);
        assert_eq!(found[1].support_type, Some(Professional));
        assert_eq!(found[1].theme, Theme::Openness);
        assert!(found.iter().all(|i| i.tie_ids.is_empty()));
        found.iter().for_each(assert_kind_wording);
    }

    #[test]
    fn missing_support_stays_silent_below_the_minimum_of_ties() {
        // Two ties giving nothing at all: a map just starting.
        let n = Net::new().tie(1, "Sam", &[]).tie(2, "Ana", &[]).build();
        assert_eq!(MIN_TIES_FOR_SUPPORT_GAPS, 3);
        assert!(of_kind(&n, MissingSupport).is_empty());
        assert!(of_kind(&n, FragileSupport).is_empty());
    }

    #[test]
    fn every_support_type_has_wording_and_a_theme() {
        let n = Net::new().tie(1, "Sam", &[]).tie(2, "Ana", &[]).tie(3, "Ben", &[]).build();
        let found = of_kind(&n, MissingSupport);
        assert_eq!(found.iter().map(|i| i.support_type.unwrap()).collect::<Vec<_>>(), ALL_SUPPORT_TYPES);
        assert_eq!(
            found.iter().map(|i| i.theme).collect::<Vec<_>>(),
            [Theme::Emotional, Theme::Practical, Theme::Practical, Theme::Resilience, Theme::Openness, Theme::Openness]
        );
        found.iter().for_each(assert_kind_wording);
    }

    #[test]
    fn fragile_support_fires_when_only_one_tie_gives_a_type_and_names_it() {
        let n = Net::new()
            .tie(1, "Sam", &[Emotional, Practical, Encouragement, Inspiration, Belonging, Professional])
            .tie(2, "Ana", &[Practical, Encouragement, Inspiration, Belonging, Professional])
            .tie(3, "Ben", &[])
            .build();
        let found = of_kind(&n, FragileSupport);
        assert_eq!(found.len(), 1);
        let i = &found[0];
        assert_eq!(i.title, "Only Sam is someone you confide in");
        assert!(i.body.contains("Sam"));
        assert_eq!(i.tie_ids, vec![1]);
        assert_eq!(i.support_type, Some(Emotional));
        assert_eq!(i.theme, Theme::Emotional);
        assert_kind_wording(i);
        assert!(of_kind(&n, MissingSupport).is_empty());
    }

    #[test]
    fn fragile_support_stays_silent_with_two_givers() {
        let n = Net::new()
            .tie(1, "Sam", &[Emotional, Practical, Encouragement, Inspiration, Belonging, Professional])
            .tie(2, "Ana", &[Emotional, Practical, Encouragement, Inspiration, Belonging, Professional])
            .tie(3, "Ben", &[])
            .build();
        assert!(of_kind(&n, FragileSupport).is_empty());
        assert!(of_kind(&n, MissingSupport).is_empty());
    }

    #[test]
    fn fragile_notes_for_each_type_are_ordered_by_name_then_type() {
        let n = Net::new()
            .tie(1, "Zoe", &[Emotional, Practical])
            .tie(2, "ana", &[Professional, Encouragement])
            .tie(3, "Ben", &[Inspiration, Belonging])
            .build();
        let found: Vec<(i64, SupportType)> =
            of_kind(&n, FragileSupport).iter().map(|i| (i.tie_ids[0], i.support_type.unwrap())).collect();
        assert_eq!(
            found,
            vec![
                (2, Encouragement),
                (2, Professional),
                (3, Inspiration),
                (3, Belonging),
                (1, Emotional),
                (1, Practical)
            ]
        );
    }

    // -- Over-reliance ------------------------------------------------------

    #[test]
    fn over_reliance_fires_at_half_of_all_support() {
        // Sam 2 of 4 tags.
        let n = Net::new()
            .tie(1, "Sam", &[Emotional, Practical])
            .tie(2, "Ana", &[Belonging])
            .tie(3, "Ben", &[Inspiration])
            .build();
        let found = of_kind(&n, OverReliance);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].tie_ids, vec![1]);
        assert_eq!(found[0].theme, Theme::Resilience);
        assert_eq!(found[0].title, "Sam gives you a lot of your support");
        assert!(found[0].body.starts_with("Half of the support"));
        assert_kind_wording(&found[0]);
    }

    #[test]
    fn over_reliance_says_most_or_all() {
        let most = Net::new().tie(1, "Sam", &[Emotional, Practical, Belonging]).tie(2, "Ana", &[Inspiration]).build();
        assert!(of_kind(&most, OverReliance)[0].body.starts_with("Most of the support"));
        let all = Net::new().tie(1, "Sam", &[Emotional, Practical, Belonging, Inspiration]).tie(2, "Ana", &[]).build();
        assert!(of_kind(&all, OverReliance)[0].body.starts_with("All of the support"));
    }

    #[test]
    fn over_reliance_stays_silent_just_below_half() {
        // Sam 2 of 5 tags.
        let n = Net::new()
            .tie(1, "Sam", &[Emotional, Practical])
            .tie(2, "Ana", &[Belonging])
            .tie(3, "Ben", &[Inspiration])
            .tie(4, "Jo", &[Professional])
            .build();
        assert!(of_kind(&n, OverReliance).is_empty());
    }

    #[test]
    fn over_reliance_stays_silent_below_the_minimum_tags_and_ties() {
        // 3 tags in total: too few to say anything.
        let few_tags = Net::new().tie(1, "Sam", &[Emotional, Practical]).tie(2, "Ana", &[Belonging]).build();
        assert!(of_kind(&few_tags, OverReliance).is_empty());
        // A single tie trivially carries everything.
        let one_tie = Net::new().tie(1, "Sam", &[Emotional, Practical, Belonging, Inspiration]).build();
        assert!(of_kind(&one_tie, OverReliance).is_empty());
    }

    #[test]
    fn over_reliance_stays_silent_on_an_even_split_and_counts_repeated_tags_once() {
        let even = Net::new().tie(1, "Sam", &[Emotional, Practical]).tie(2, "Ana", &[Belonging, Inspiration]).build();
        assert!(of_kind(&even, OverReliance).is_empty());
        // Sam's repeated tag counts once: 2 of 5, not 3 of 6.
        let repeated = Net::new()
            .tie(1, "Sam", &[Emotional, Emotional, Practical])
            .tie(2, "Ana", &[Belonging])
            .tie(3, "Ben", &[Inspiration])
            .tie(4, "Jo", &[Professional])
            .build();
        assert!(of_kind(&repeated, OverReliance).is_empty());
    }

    // -- Draining but frequent ------------------------------------------------

    fn contacts_at(mut net: Net, tie: i64, days_ago: &[i64]) -> Net {
        for d in days_ago {
            net = net.contact(*d, tie);
        }
        net
    }

    #[test]
    fn draining_but_frequent_fires_with_four_contacts_in_thirty_days() {
        let net = Net::new().tie(1, "Sam", &[]).feel(1, Feel::Draining);
        let n = contacts_at(net, 1, &[0, 10, 20, 29]).build();
        let found = of_kind(&n, DrainingButFrequent);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].tie_ids, vec![1]);
        assert_eq!(found[0].theme, Theme::Quality);
        assert!(found[0].body.contains("4 times"), "{}", found[0].body);
        assert!(found[0].body.contains("draining"));
        assert_kind_wording(&found[0]);
    }

    #[test]
    fn draining_but_frequent_stays_silent_with_three_contacts_in_the_window() {
        // The fourth contact is 30 days ago: just outside the window.
        let net = Net::new().tie(1, "Sam", &[]).feel(1, Feel::Draining);
        let n = contacts_at(net, 1, &[0, 10, 20, 30, 45]).build();
        assert!(of_kind(&n, DrainingButFrequent).is_empty());
    }

    #[test]
    fn draining_but_frequent_ignores_contacts_after_today() {
        let net = Net::new().tie(1, "Sam", &[]).feel(1, Feel::Draining);
        let n = contacts_at(net, 1, &[0, 10, 20, -1, -2]).build();
        assert!(of_kind(&n, DrainingButFrequent).is_empty());
    }

    #[test]
    fn a_low_respect_or_boundaries_rating_counts_as_draining() {
        let low_respect =
            Net::new().tie(1, "Sam", &[]).edit(1, |t| t.ratings = Ratings { respect: Some(2), ..Ratings::default() });
        let n = contacts_at(low_respect, 1, &[1, 2, 3, 4]).build();
        let found = of_kind(&n, DrainingButFrequent);
        assert_eq!(found.len(), 1);
        assert!(found[0].body.contains("rated respect low"), "{}", found[0].body);
        assert_kind_wording(&found[0]);

        let both = Net::new()
            .tie(1, "Sam", &[])
            .feel(1, Feel::Draining)
            .edit(1, |t| t.ratings = Ratings { respect: Some(1), boundaries: Some(2), ..Ratings::default() });
        let n = contacts_at(both, 1, &[1, 2, 3, 4]).build();
        let found = of_kind(&n, DrainingButFrequent);
        assert!(found[0].body.contains("draining, and rated respect and boundaries low"), "{}", found[0].body);
    }

    #[test]
    fn a_rating_of_three_or_a_mixed_feel_is_not_draining() {
        let net = Net::new().tie(1, "Sam", &[]).feel(1, Feel::Mixed).edit(1, |t| {
            t.ratings = Ratings { empathy: Some(1), respect: Some(3), reciprocity: Some(1), boundaries: Some(3) }
        });
        let n = contacts_at(net, 1, &[1, 2, 3, 4, 5, 6]).build();
        assert!(of_kind(&n, DrainingButFrequent).is_empty());
    }

    #[test]
    fn draining_notes_list_the_most_contacted_first() {
        let net = Net::new().tie(1, "Ana", &[]).feel(1, Feel::Draining).tie(2, "Sam", &[]).feel(2, Feel::Draining);
        let net = contacts_at(net, 1, &[1, 2, 3, 4]);
        let n = contacts_at(net, 2, &[1, 2, 3, 4, 5]).build();
        let order: Vec<i64> = of_kind(&n, DrainingButFrequent).iter().map(|i| i.tie_ids[0]).collect();
        assert_eq!(order, vec![2, 1]);
    }

    // -- Reciprocity ------------------------------------------------------------

    use Initiator::{Both, Me, Them};

    #[test]
    fn mostly_you_reach_out_fires_at_four_of_five() {
        let n = Net::new().tie(1, "Sam", &[]).started_by(1, &[Me, Me, Them, Me, Me]).build();
        let found = of_kind(&n, MostlyYouReachOut);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].tie_ids, vec![1]);
        assert_eq!(found[0].theme, Theme::Quality);
        assert_eq!(found[0].title, "You're usually the one who reaches out to Sam");
        assert!(found[0].body.contains("Of the last 5 times"), "{}", found[0].body);
        assert!(found[0].body.contains("it was you 4 times"), "{}", found[0].body);
        assert_kind_wording(&found[0]);
        assert!(of_kind(&n, MostlyTheyReachOut).is_empty());
    }

    #[test]
    fn mostly_you_reach_out_stays_silent_below_eighty_percent() {
        // 7 of 10.
        let n = Net::new().tie(1, "Sam", &[]).started_by(1, &[Me, Me, Them, Me, Me, Them, Me, Me, Them, Me]).build();
        assert!(of_kind(&n, MostlyYouReachOut).is_empty());
    }

    #[test]
    fn reciprocity_stays_silent_with_fewer_than_five_known_initiators() {
        // Four known, plus contacts where no one recorded who reached out.
        let n = Net::new().tie(1, "Sam", &[]).started_by(1, &[Me, Me, Me, Me]).contact(5, 1).contact(6, 1).build();
        assert!(of_kind(&n, MostlyYouReachOut).is_empty());
    }

    #[test]
    fn both_dilutes_the_share() {
        let fires = Net::new().tie(1, "Sam", &[]).started_by(1, &[Me, Me, Both, Me, Me]).build();
        assert_eq!(of_kind(&fires, MostlyYouReachOut).len(), 1);
        let diluted = Net::new().tie(1, "Sam", &[]).started_by(1, &[Me, Both, Both, Me, Me]).build();
        assert!(of_kind(&diluted, MostlyYouReachOut).is_empty());
        assert!(of_kind(&diluted, MostlyTheyReachOut).is_empty());
    }

    #[test]
    fn reciprocity_reads_only_the_ten_most_recent() {
        // The 10 most recent: 7 of 10 by me; 5 older ones all by me would
        // push it over 80% if they counted.
        let mut by = vec![Me, Me, Them, Me, Me, Them, Me, Me, Them, Me];
        by.extend([Me; 5]);
        let n = Net::new().tie(1, "Sam", &[]).started_by(1, &by).build();
        assert!(of_kind(&n, MostlyYouReachOut).is_empty());
    }

    #[test]
    fn reciprocity_ignores_contacts_older_than_its_window() {
        let mut net = Net::new().tie(1, "Sam", &[]).started_by(1, &[Me, Me, Me, Me]);
        // The fifth is 180 days ago: just outside the window.
        net = net.log(180, &[1], Some(Me), None);
        assert!(of_kind(&net.build(), MostlyYouReachOut).is_empty());
        let mut net = Net::new().tie(1, "Sam", &[]).started_by(1, &[Me, Me, Me, Me]);
        net = net.log(179, &[1], Some(Me), None);
        let found = of_kind(&net.build(), MostlyYouReachOut);
        assert_eq!(found.len(), 1);
        assert!(found[0].body.contains("it was you every time"), "{}", found[0].body);
    }

    #[test]
    fn mostly_they_reach_out_fires_at_four_of_five() {
        let n = Net::new().tie(1, "Sam", &[]).started_by(1, &[Them, Them, Me, Them, Them]).build();
        let found = of_kind(&n, MostlyTheyReachOut);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "Sam usually reaches out to you first");
        assert!(found[0].body.contains("it was Sam 4 times"), "{}", found[0].body);
        assert_eq!(found[0].theme, Theme::Quality);
        assert_kind_wording(&found[0]);
        assert!(of_kind(&n, MostlyYouReachOut).is_empty());
    }

    #[test]
    fn mostly_they_reach_out_stays_silent_below_eighty_percent() {
        // 3 of 4 is 75%, and too few besides; 7 of 9 is 78%.
        let n =
            Net::new().tie(1, "Sam", &[]).started_by(1, &[Them, Them, Me, Them, Them, Me, Them, Them, Them]).build();
        assert!(of_kind(&n, MostlyTheyReachOut).is_empty());
    }

    // -- Past cadence -------------------------------------------------------------

    #[test]
    fn past_cadence_fires_once_a_full_cadence_has_passed() {
        let n = Net::new().tie(1, "Ana", &[]).cadence(1, 21).contact(21, 1).build();
        let found = of_kind(&n, PastCadence);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "It's been a while since you were in touch with Ana");
        assert!(found[0].body.starts_with("It's been about 3 weeks since"), "{}", found[0].body);
        assert_eq!(found[0].tie_ids, vec![1]);
        assert_eq!(found[0].theme, Theme::Emotional);
        assert_kind_wording(&found[0]);
    }

    #[test]
    fn past_cadence_stays_silent_a_day_before() {
        let n = Net::new().tie(1, "Ana", &[]).cadence(1, 21).contact(20, 1).build();
        assert!(of_kind(&n, PastCadence).is_empty());
    }

    #[test]
    fn past_cadence_without_contacts_counts_from_when_the_tie_was_added() {
        let n = Net::new().tie(1, "Ana", &[]).cadence(1, 60).build();
        let found = of_kind(&n, PastCadence);
        assert!(found[0].body.contains("since you added them to your map, over a year ago"), "{}", found[0].body);
    }

    #[test]
    fn past_cadence_is_one_note_listing_ties_in_reach_out_order() {
        let n = Net::new()
            .tie(1, "Sam", &[])
            .cadence(1, 7)
            .contact(14, 1) // 2.0
            .tie(2, "Ana", &[])
            .cadence(2, 7)
            .contact(28, 2) // 4.0
            .tie(3, "Ben", &[])
            .cadence(3, 30)
            .contact(45, 3) // 1.5
            .tie(4, "Jo", &[])
            .cadence(4, 30)
            .contact(3, 4) // not due
            .build();
        let found = of_kind(&n, PastCadence);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].tie_ids, vec![2, 1, 3]);
        assert_eq!(found[0].title, "It's been a while since you were in touch with Ana, Sam and Ben");
        assert!(found[0].body.contains("with Ana, Sam and Ben."), "{}", found[0].body);
        assert_kind_wording(&found[0]);
    }

    #[test]
    fn a_long_list_of_names_is_summed_up() {
        let mut net = Net::new();
        for (i, name) in ["A1", "B2", "C3", "D4", "E5", "F6", "G7"].iter().enumerate() {
            let id = i as i64 + 1;
            net = net.tie(id, name, &[]).cadence(id, 7).contact(8 + i as i64, id);
        }
        let found = of_kind(&net.build(), PastCadence);
        assert_eq!(found[0].title, "A few people might be glad to hear from you");
        assert!(found[0].body.contains("with G7, F6, E5, D4 and 3 others."), "{}", found[0].body);
        assert_eq!(found[0].tie_ids, vec![7, 6, 5, 4, 3, 2, 1]);
    }

    // -- Feel better after --------------------------------------------------------

    #[test]
    fn feel_better_after_fires_at_sixty_percent_of_three_or_more() {
        let n = Net::new().tie(1, "Sam", &[]).felt(1, &[Felt::Better, Felt::Same, Felt::Better]).build();
        let found = of_kind(&n, FeelBetterAfter);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "Time with Sam often leaves you feeling better");
        assert!(found[0].body.contains("you felt better 2 times"), "{}", found[0].body);
        assert_eq!(found[0].tie_ids, vec![1]);
        assert_eq!(found[0].theme, Theme::Body);
        assert_kind_wording(&found[0]);
    }

    #[test]
    fn feel_better_after_stays_silent_just_below_sixty_percent() {
        // 4 of 7 is 57%.
        let felt = [Felt::Better, Felt::Same, Felt::Better, Felt::Worse, Felt::Better, Felt::Same, Felt::Better];
        let n = Net::new().tie(1, "Sam", &[]).felt(1, &felt).build();
        assert!(of_kind(&n, FeelBetterAfter).is_empty());
    }

    #[test]
    fn feel_better_after_stays_silent_with_fewer_than_three_feelings() {
        let n = Net::new().tie(1, "Sam", &[]).felt(1, &[Felt::Better, Felt::Better]).contact(3, 1).build();
        assert!(of_kind(&n, FeelBetterAfter).is_empty());
    }

    #[test]
    fn feel_better_notes_are_ordered_by_share_then_count_then_name() {
        let n = Net::new()
            .tie(1, "Ana", &[])
            .felt(1, &[Felt::Better, Felt::Same, Felt::Better]) // 67%, 3
            .tie(2, "Ben", &[])
            .felt(2, &[Felt::Better, Felt::Better, Felt::Better]) // 100%, 3
            .tie(3, "Cat", &[])
            .felt(3, &[Felt::Better, Felt::Better, Felt::Better, Felt::Better]) // 100%, 4
            .tie(4, "Abe", &[])
            .felt(4, &[Felt::Better, Felt::Better, Felt::Better]) // 100%, 3
            .build();
        let order: Vec<i64> = of_kind(&n, FeelBetterAfter).iter().map(|i| i.tie_ids[0]).collect();
        assert_eq!(order, vec![3, 4, 2, 1]);
        assert!(of_kind(&n, FeelBetterAfter)[0].body.starts_with("Each of the 4 times"));
    }

    // -- Order, wording, wire shape -----------------------------------------------

    #[test]
    fn insights_are_grouped_by_kind_in_the_listed_order() {
        let mut net = Net::new()
            .tie(1, "Sam", &[Emotional, Practical, Encouragement, Inspiration])
            .feel(1, Feel::Draining)
            .tie(2, "Ana", &[Belonging])
            .tie(3, "Ben", &[])
            .cadence(3, 7)
            .started_by(1, &[Me, Me, Me, Me, Me])
            .felt(2, &[Felt::Better, Felt::Better, Felt::Better])
            .started_by(2, &[Them, Them, Them, Them, Them]);
        net = net.contact(10, 1);
        let n = net.build();
        let kinds: Vec<InsightKind> = insights(&n).iter().map(|i| i.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(kinds, sorted);
        for k in [
            MissingSupport,
            FragileSupport,
            OverReliance,
            DrainingButFrequent,
            MostlyYouReachOut,
            MostlyTheyReachOut,
            PastCadence,
            FeelBetterAfter,
        ] {
            assert!(kinds.contains(&k), "{k:?} missing from {kinds:?}");
        }
        insights(&n).iter().for_each(assert_kind_wording);
    }

    #[test]
    fn names_are_joined_naturally() {
        assert_eq!(join_names(&[]), "");
        assert_eq!(join_names(&["Sam"]), "Sam");
        assert_eq!(join_names(&["Sam", "Ana"]), "Sam and Ana");
        assert_eq!(join_names(&["Sam", "Ana", "Ben"]), "Sam, Ana and Ben");
    }

    #[test]
    fn spans_are_rounded_kindly() {
        assert_eq!(friendly_span(1), "a day");
        assert_eq!(friendly_span(9), "9 days");
        assert_eq!(friendly_span(14), "about 2 weeks");
        assert_eq!(friendly_span(24), "about 3 weeks");
        assert_eq!(friendly_span(59), "about 8 weeks");
        assert_eq!(friendly_span(60), "about 2 months");
        assert_eq!(friendly_span(364), "about 12 months");
        assert_eq!(friendly_span(400), "over a year");
        assert_eq!(friendly_span(800), "over 2 years");
    }

    #[test]
    fn a_very_long_name_keeps_the_title_short_and_the_name_in_the_body() {
        let long = "Bartholomew Alexander Montgomery-Fitzwilliam the Third";
        let n = Net::new().tie(1, long, &[]).felt(1, &[Felt::Better; 3]).build();
        let i = &of_kind(&n, FeelBetterAfter)[0];
        assert_eq!(i.title, "Someone on your map often leaves you feeling better");
        assert!(i.body.contains(long));
    }

    #[test]
    fn serialises_for_the_ui() {
        let n = Net::new().tie(1, "Sam", &[Emotional]).tie(2, "Ana", &[]).tie(3, "Ben", &[]).build();
        let i = of_kind(&n, FragileSupport).remove(0);
        let v = serde_json::to_value(&i).unwrap();
        assert_eq!(v["kind"], "fragile_support");
        assert_eq!(v["theme"], "emotional");
        assert_eq!(v["tieIds"], serde_json::json!([1]));
        assert_eq!(v["supportType"], "emotional");
        assert_eq!(serde_json::to_value(MostlyYouReachOut).unwrap(), "mostly_you_reach_out");
    }

    // -- Properties ---------------------------------------------------------------

    const NAMES: [&str; 8] = [
        "Sam",
        "Ana",
        "Ben",
        "Jo",
        "Book club",
        "Éloïse",
        "sam",
        "Dr Okonkwo-Fairweather of the Riverside Community Practice",
    ];

    fn tie_strategy() -> impl Strategy<Value = (usize, u8, Option<u32>, i64, u8, Option<u8>, Option<u8>)> {
        (
            0..NAMES.len(),
            0u8..64,
            prop::option::of(0u32..90),
            -5i64..500,
            0u8..4,
            prop::option::of(1u8..=5),
            prop::option::of(1u8..=5),
        )
    }

    fn contact_strategy() -> impl Strategy<Value = (i64, u8, u8, u8)> {
        (prop_oneof![-3i64..35, 0i64..400], 0u8..=255, 0u8..4, 0u8..4)
    }

    fn network_strategy() -> impl Strategy<Value = Network> {
        (prop::collection::vec(tie_strategy(), 0..8), prop::collection::vec(contact_strategy(), 0..60)).prop_map(
            |(ties, contacts)| {
                let ties: Vec<NetworkTie> = ties
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, mask, cadence, added, feel, respect, boundaries))| NetworkTie {
                        id: i as i64 + 1,
                        name: NAMES[name].to_owned(),
                        kind: if i % 3 == 2 { TieKind::Group } else { TieKind::Person },
                        group_kind: None,
                        circle: None,
                        support_types: ALL_SUPPORT_TYPES
                            .iter()
                            .enumerate()
                            .filter(|(b, _)| mask & (1 << b) != 0)
                            .map(|(_, s)| *s)
                            .collect(),
                        cadence_days: cadence,
                        added_on: ago(added),
                        feel: [Some(Feel::Energising), Some(Feel::Mixed), Some(Feel::Draining), None][feel as usize],
                        ratings: Ratings { empathy: None, respect, reciprocity: None, boundaries },
                    })
                    .collect();
                let contacts = contacts
                    .into_iter()
                    .enumerate()
                    .map(|(i, (days, mask, by, felt))| NetworkContact {
                        id: i as i64 + 100,
                        occurred_on: ago(days),
                        // Bit 7 names tie 8, which is never on the map.
                        tie_ids: (0..8).filter(|b| mask & (1 << b) != 0).map(|b| b as i64 + 1).collect(),
                        initiated_by: [Some(Me), Some(Them), Some(Both), None][by as usize],
                        felt: [Some(Felt::Better), Some(Felt::Same), Some(Felt::Worse), None][felt as usize],
                    })
                    .collect();
                Network { today: today(), ties, contacts }
            },
        )
    }

    proptest! {
        #[test]
        fn insights_are_safe_deterministic_and_kindly_worded(n in network_strategy()) {
            let first = insights(&n);
            prop_assert_eq!(&first, &insights(&n));

            // The order of ties and contacts in the input never matters.
            let mut reversed = n.clone();
            reversed.ties.reverse();
            reversed.contacts.reverse();
            prop_assert_eq!(&first, &insights(&reversed));

            for i in &first {
                let text = format!("{} {}", i.title, i.body).to_lowercase();
                for w in FORBIDDEN_WORDS {
                    prop_assert!(!text.contains(w), "{:?} in {:?}", w, i);
                }
                prop_assert!(i.title.chars().count() <= TITLE_MAX_CHARS, "long title {:?}", i.title);
                prop_assert!(!i.body.is_empty());
            }
            let kinds: Vec<InsightKind> = first.iter().map(|i| i.kind).collect();
            let mut sorted = kinds.clone();
            sorted.sort();
            prop_assert_eq!(&kinds, &sorted);
            prop_assert!(kinds.iter().filter(|k| **k == PastCadence).count() <= 1);
            prop_assert!(kinds.iter().filter(|k| **k == OverReliance).count() <= 1);
        }
    }
}
