//! Which prompt and which guided session to offer today, read from the map
//! and the journal. Pure and deterministic: the same network, history and
//! date always give the same answer, so the Today screen does not change
//! under the person's eyes and the rules can be tested with hand-made maps.
//!
//! The map speaks first (in this order): thin emotional support, a tie far
//! past its rhythm, a draining tie, a group or online community. With none of
//! these, the weekly check-in is offered once a week, and otherwise the themes
//! take turns day by day. Prompts answered in the last
//! [`AVOID_REPEAT_DAYS`] days are left out while others remain.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::prompts::{Prompt, TieNeed, PROMPTS};
use super::sessions::{guide, guide_for_theme, Guide, GUIDES};
use crate::insights::MIN_TIES_FOR_SUPPORT_GAPS;
use crate::network::{Network, NetworkTie};
use crate::reach_out::{compare_names, due_to_reach_out, latest_contacts};
use crate::theme::Theme;
use crate::tie::{Feel, GroupKind, SupportType, TieKind};

/// A prompt answered this recently is not offered again while others remain.
pub const AVOID_REPEAT_DAYS: i64 = 30;

/// "Far past its rhythm": at least this many rhythms since the last contact.
pub const FAR_PAST_RHYTHM_RATIO: f64 = 2.0;

/// Emotional support counts as thin when at most this many people give it.
pub const THIN_EMOTIONAL_SUPPORT_MAX: usize = 1;

/// The weekly check-in is suggested when the last one is at least this old.
pub const WEEKLY_CHECK_IN_DAYS: i64 = 7;

/// The id of the guided session across themes.
pub const WEEKLY_CHECK_IN: &str = "weekly-check-in";

/// A prompt ready to show: names filled in from the map, as plain text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShownPrompt {
    pub prompt_id: String,
    pub theme: Theme,
    pub text: String,
    /// The lighter version, answerable in a word or an emoji.
    pub low_energy: Option<String>,
    /// The tie the text names, if it names one.
    pub tie_id: Option<i64>,
    pub tie_name: Option<String>,
}

/// Why a suggestion was made; the UI words it, the tests check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionReason {
    ThinEmotionalSupport,
    FarPastRhythm,
    DrainingTie,
    GroupOrCommunity,
    WeeklyCheckIn,
    ThemeOfTheDay,
}

/// The guided session offered today.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub guide_id: String,
    pub title: String,
    pub intro: String,
    pub reason: SuggestionReason,
    /// One plain sentence on why this one, for the person to read.
    pub because: String,
}

/// What the Today screen and Reflect offer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Personalised {
    pub prompt: ShownPrompt,
    pub suggestion: Suggestion,
}

/// One prompt the person answered, and the day they did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub prompt_id: String,
    pub on: NaiveDate,
}

/// What the map says, strongest first. Each signal carries the theme it
/// leans on and, when it is about one tie, that tie.
#[derive(Debug, Clone, PartialEq)]
struct Signal<'a> {
    reason: SuggestionReason,
    theme: Theme,
    need: Option<TieNeed>,
    tie: Option<&'a NetworkTie>,
}

/// Today's prompt and session for this network and history.
/// `last_weekly_check_in` is the day of the latest weekly check-in session.
pub fn personalise(network: &Network, answered: &[Answered], last_weekly_check_in: Option<NaiveDate>) -> Personalised {
    let today = network.today;
    let day = day_number(today);
    let signals = signals(network);
    let recent = recently_answered(answered, today);

    // The prompt takes turns among the signals so a lasting one does not
    // fill every day; the session follows the strongest.
    let prompt = match signals.len() {
        0 => theme_of_the_day(today, &recent, network),
        n => prompt_for_signal(&signals[day % n], &recent, network, day),
    };
    let suggestion = match signals.first() {
        Some(signal) => suggest(signal),
        None => {
            let weekly_due = last_weekly_check_in.is_none_or(|d| (today - d).num_days() >= WEEKLY_CHECK_IN_DAYS);
            if weekly_due {
                suggestion_for(weekly(), SuggestionReason::WeeklyCheckIn, weekly_because())
            } else {
                let guide = guide_for_theme(prompt.theme).unwrap_or(weekly());
                suggestion_for(guide, SuggestionReason::ThemeOfTheDay, theme_because(prompt.theme))
            }
        }
    };
    Personalised { prompt, suggestion }
}

/// A guide's prompts ready to show, names filled in from the map.
pub fn fill_guide(guide: &Guide, network: &Network) -> Vec<ShownPrompt> {
    let day = day_number(network.today);
    guide.prompts().map(|p| show(p, network, day, None)).collect()
}

/// One prompt ready to show, naming `tie` when it fits (or the best fitting
/// tie from the map when none is given).
pub fn fill_prompt(prompt: &Prompt, network: &Network, tie: Option<&NetworkTie>) -> ShownPrompt {
    show(prompt, network, day_number(network.today), tie)
}

fn signals(network: &Network) -> Vec<Signal<'_>> {
    let mut out = Vec::new();
    let confidants = people(network).filter(|t| t.support_types.contains(&SupportType::Emotional)).count();
    if network.ties.len() >= MIN_TIES_FOR_SUPPORT_GAPS && confidants <= THIN_EMOTIONAL_SUPPORT_MAX {
        out.push(Signal {
            reason: SuggestionReason::ThinEmotionalSupport,
            theme: Theme::Emotional,
            need: Some(TieNeed::Confidant),
            tie: None,
        });
    }
    if let Some(far) = due_to_reach_out(network).into_iter().find(|r| r.ratio >= FAR_PAST_RHYTHM_RATIO) {
        let tie = network.ties.iter().find(|t| t.id == far.tie_id);
        let theme = PROMPTS
            .iter()
            .find(|p| p.tie_need() == Some(TieNeed::LongestSinceContact))
            .map_or(Theme::Emotional, |p| p.theme);
        out.push(Signal {
            reason: SuggestionReason::FarPastRhythm,
            theme,
            need: Some(TieNeed::LongestSinceContact),
            tie,
        });
    }
    if let Some(tie) = sorted(network.ties.iter().filter(|t| t.feel == Some(Feel::Draining))).first().copied() {
        out.push(Signal {
            reason: SuggestionReason::DrainingTie,
            theme: Theme::Quality,
            need: Some(TieNeed::Draining),
            tie: Some(tie),
        });
    }
    let groups = sorted(network.ties.iter().filter(|t| t.kind == TieKind::Group));
    if let Some(online) = groups.iter().find(|t| t.group_kind == Some(GroupKind::Online)) {
        out.push(Signal {
            reason: SuggestionReason::GroupOrCommunity,
            theme: Theme::Digital,
            need: Some(TieNeed::OnlineGroup),
            tie: Some(online),
        });
    } else if let Some(group) = groups.first() {
        out.push(Signal {
            reason: SuggestionReason::GroupOrCommunity,
            theme: Theme::Openness,
            need: Some(TieNeed::Group),
            tie: Some(group),
        });
    }
    out
}

fn prompt_for_signal(
    signal: &Signal<'_>,
    recent: &HashMap<&str, NaiveDate>,
    network: &Network,
    day: usize,
) -> ShownPrompt {
    // Prefer prompts that name the signal's kind of tie, then the theme's
    // others; within each, those not answered lately.
    let of_theme: Vec<&Prompt> = PROMPTS.iter().filter(|p| p.theme == signal.theme).collect();
    let naming: Vec<&Prompt> =
        of_theme.iter().copied().filter(|p| signal.need.is_some() && p.tie_need() == signal.need).collect();
    let chosen = pick_fresh(&naming, recent, day)
        .or_else(|| pick_fresh(&of_theme, recent, day))
        .unwrap_or_else(|| least_recent(&of_theme, recent, day));
    let tie = signal.tie.filter(|_| chosen.tie_need() == signal.need);
    show(chosen, network, day, tie)
}

fn theme_of_the_day(today: NaiveDate, recent: &HashMap<&str, NaiveDate>, network: &Network) -> ShownPrompt {
    let day = day_number(today);
    let theme = THEME_ORDER[day % THEME_ORDER.len()];
    let of_theme: Vec<&Prompt> = PROMPTS.iter().filter(|p| p.theme == theme).collect();
    let everything: Vec<&Prompt> = PROMPTS.iter().collect();
    let chosen = pick_fresh(&of_theme, recent, day)
        .or_else(|| pick_fresh(&everything, recent, day))
        .unwrap_or_else(|| least_recent(&everything, recent, day));
    show(chosen, network, day, None)
}

const THEME_ORDER: [Theme; 7] = [
    Theme::Emotional,
    Theme::Practical,
    Theme::Resilience,
    Theme::Body,
    Theme::Openness,
    Theme::Quality,
    Theme::Digital,
];

fn pick_fresh<'p>(candidates: &[&'p Prompt], recent: &HashMap<&str, NaiveDate>, day: usize) -> Option<&'p Prompt> {
    let fresh: Vec<&Prompt> = candidates.iter().copied().filter(|p| !recent.contains_key(p.id)).collect();
    (!fresh.is_empty()).then(|| fresh[day % fresh.len()])
}

/// Every candidate was answered lately: the one answered longest ago.
fn least_recent<'p>(candidates: &[&'p Prompt], recent: &HashMap<&str, NaiveDate>, day: usize) -> &'p Prompt {
    candidates
        .iter()
        .copied()
        .min_by_key(|p| (recent.get(p.id).copied(), p.id))
        .unwrap_or(&PROMPTS[day % PROMPTS.len()])
}

fn recently_answered(answered: &[Answered], today: NaiveDate) -> HashMap<&str, NaiveDate> {
    let mut recent: HashMap<&str, NaiveDate> = HashMap::new();
    for a in answered.iter().filter(|a| (today - a.on).num_days() < AVOID_REPEAT_DAYS) {
        let day = recent.entry(a.prompt_id.as_str()).or_insert(a.on);
        *day = (*day).max(a.on);
    }
    recent
}

fn show(prompt: &Prompt, network: &Network, day: usize, tie: Option<&NetworkTie>) -> ShownPrompt {
    let tie = prompt.tie_need().and_then(|need| tie.filter(|t| fits(need, t)).or_else(|| best_tie(need, network, day)));
    ShownPrompt {
        prompt_id: prompt.id.to_owned(),
        theme: prompt.theme,
        text: prompt.render(tie.map(|t| t.name.as_str())),
        low_energy: prompt.low_energy.map(str::to_owned),
        tie_id: tie.map(|t| t.id),
        tie_name: tie.map(|t| t.name.clone()),
    }
}

/// Whether `tie` is the kind of tie `need` asks for.
fn fits(need: TieNeed, tie: &NetworkTie) -> bool {
    match need {
        TieNeed::LongestSinceContact => true,
        TieNeed::Draining => tie.feel == Some(Feel::Draining),
        TieNeed::Energising => tie.feel == Some(Feel::Energising),
        TieNeed::OnlineGroup => tie.kind == TieKind::Group && tie.group_kind == Some(GroupKind::Online),
        TieNeed::Group => tie.kind == TieKind::Group,
        other => tie.kind == TieKind::Person && other.support_type().is_some_and(|s| tie.support_types.contains(&s)),
    }
}

/// The tie a prompt names: for "longest since contact" the one furthest past
/// its rhythm (or simply longest since contact); otherwise the fitting ties
/// take turns by day, so the same person is not named every time.
fn best_tie(need: TieNeed, network: &Network, day: usize) -> Option<&NetworkTie> {
    if need == TieNeed::LongestSinceContact {
        if let Some(first) = due_to_reach_out(network).first() {
            return network.ties.iter().find(|t| t.id == first.tie_id);
        }
        let latest = latest_contacts(network);
        let since = |t: &NetworkTie| latest.get(&t.id).copied().unwrap_or(t.added_on);
        return people(network).max_by(|a, b| since(b).cmp(&since(a)).then_with(|| compare_names(&b.name, &a.name)));
    }
    let fitting = sorted(network.ties.iter().filter(|t| fits(need, t)));
    (!fitting.is_empty()).then(|| fitting[day % fitting.len()])
}

fn people(network: &Network) -> impl Iterator<Item = &NetworkTie> {
    network.ties.iter().filter(|t| t.kind == TieKind::Person)
}

fn sorted<'a>(ties: impl Iterator<Item = &'a NetworkTie>) -> Vec<&'a NetworkTie> {
    let mut list: Vec<&NetworkTie> = ties.collect();
    list.sort_by(|a, b| compare_names(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
    list
}

fn day_number(day: NaiveDate) -> usize {
    usize::try_from(day.num_days_from_ce()).unwrap_or(0)
}

fn weekly() -> &'static Guide {
    guide(WEEKLY_CHECK_IN).unwrap_or(&GUIDES[0])
}

fn suggest(signal: &Signal<'_>) -> Suggestion {
    let guide = guide_for_theme(signal.theme).unwrap_or(weekly());
    let name = signal.tie.map(|t| t.name.as_str());
    let because = match (signal.reason, name) {
        (SuggestionReason::ThinEmotionalSupport, _) => {
            "Your map shows few people to confide in right now. This one is about the people you could open up to."
                .to_owned()
        }
        (SuggestionReason::FarPastRhythm, Some(name)) => {
            format!("It has been a while since you and {name} were in touch. This one may help you think about them.")
        }
        (SuggestionReason::DrainingTie, Some(name)) => {
            format!("Time with {name} often feels draining. This one is about what you need from your relationships.")
        }
        (SuggestionReason::GroupOrCommunity, Some(name)) => {
            format!("{name} is part of your map. This one looks at the groups and spaces where you belong.")
        }
        (reason, _) => return suggestion_for(guide, reason, theme_because(signal.theme)),
    };
    suggestion_for(guide, signal.reason, because)
}

fn suggestion_for(guide: &Guide, reason: SuggestionReason, because: String) -> Suggestion {
    Suggestion {
        guide_id: guide.id.to_owned(),
        title: guide.title.to_owned(),
        intro: guide.intro.to_owned(),
        reason,
        because,
    }
}

fn weekly_because() -> String {
    "A few minutes to look back over your week and the people in it.".to_owned()
}

fn theme_because(theme: Theme) -> String {
    let about = match theme {
        Theme::Emotional => "sharing what is on your mind",
        Theme::Practical => "the everyday help around you",
        Theme::Resilience => "getting through hard stretches",
        Theme::Body => "calm, rest and warm company",
        Theme::Openness => "talking openly about how you are",
        Theme::Quality => "how your relationships feel",
        Theme::Digital => "the online spaces where you belong",
    };
    format!("Today's theme is {about}.")
}

#[cfg(test)]
#[path = "personalise_tests.rs"]
mod tests;
