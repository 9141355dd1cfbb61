//! Sessions, the journal, intentions, check-ins and charts on real SQLite.

use std::sync::Arc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use crate::checkin::CheckInAnswers;
use crate::clock::FixedClock;
use crate::contact::{Channel, ContactDraft};
use crate::error::CoreError;
use crate::quality::QualityDraft;
use crate::reflection::intention::{IntentionDraft, IntentionStatus};
use crate::reflection::journal::{JournalFilter, ANSWER_MAX_CHARS};
use crate::reflection::mood::Mood;
use crate::reflection::personalise::WEEKLY_CHECK_IN;
use crate::reflection::session::{SessionEnd, SessionStatus};
use crate::reflection::{guide, PROMPTS};
use crate::store::Store;
use crate::theme::Theme;
use crate::tie::{Feel, SupportType, TieDraft};

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()))
}

fn store_with(clock: &Arc<FixedClock>) -> Store {
    Store::open_in_memory(clock.clone()).unwrap()
}

fn mood(m: u8) -> Mood {
    Mood { mood: m, feelings: vec!["calm".into()] }
}

fn filter(query: &str) -> JournalFilter {
    JournalFilter { query: Some(query.into()), ..Default::default() }
}

fn is_validation(err: &CoreError, field: &str) -> bool {
    matches!(err, CoreError::Validation { field: f, .. } if *f == field)
}

#[test]
fn a_whole_session_with_an_intention_is_kept_and_journalled() {
    let c = clock();
    let mut store = store_with(&c);
    let ana = store.create_tie(TieDraft::person("Ana")).unwrap();
    let session = store.start_session(WEEKLY_CHECK_IN, &mood(2)).unwrap();
    assert_eq!(session.status, SessionStatus::InProgress);
    assert_eq!(session.steps.len(), guide(WEEKLY_CHECK_IN).unwrap().prompt_ids.len());
    assert_eq!(session.mood_before.as_ref().unwrap().mood, 2);

    let first = session.steps[0].entry_id;
    store.answer_step(first, "A long walk with my sister", false).unwrap();
    store.answer_step(session.steps[1].entry_id, "ignored", true).unwrap();
    let end = SessionEnd {
        mood_after: Mood { mood: 4, feelings: vec!["hopeful".into(), "calm".into()] },
        intention: Some(IntentionDraft {
            text: "Call Ana on Sunday".into(),
            tie_id: Some(ana.id),
            due_on: NaiveDate::from_ymd_opt(2026, 11, 29),
            due_time: Some("18:00".into()),
        }),
    };
    let done = store.finish_session(session.id, &end).unwrap();
    assert_eq!(done.status, SessionStatus::Completed);
    assert_eq!(done.mood_after.as_ref().unwrap().feelings, ["hopeful", "calm"]);
    let intention = done.intention.unwrap();
    assert_eq!((intention.text.as_str(), intention.tie_name.as_deref()), ("Call Ana on Sunday", Some("Ana")));
    assert_eq!(store.list_intentions(true).unwrap().len(), 1);

    // Only what was written is in the journal; the skipped step is not.
    let page = store.journal(&JournalFilter::default()).unwrap();
    assert_eq!(page.entries.len(), 1);
    assert_eq!(page.entries[0].session_title.as_deref(), Some("Weekly check-in"));
    assert!(store.current_session().unwrap().is_none());
    assert!(matches!(store.finish_session(session.id, &end), Err(CoreError::Conflict(_))));
}

#[test]
fn a_session_left_midway_resumes_with_its_answers_after_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let c = clock();
    let id = {
        let mut store = Store::open_in_dir(dir.path(), c.clone()).unwrap();
        let s = store.start_session("quality", &mood(3)).unwrap_or_else(|_| {
            let g = crate::reflection::guide_for_theme(Theme::Quality).unwrap();
            store.start_session(g.id, &mood(3)).unwrap()
        });
        store.answer_step(s.steps[0].entry_id, "Half a thought", false).unwrap();
        s.id
    };
    let store = Store::open_in_dir(dir.path(), c).unwrap();
    let current = store.current_session().unwrap().expect("still waiting");
    assert_eq!(current.id, id);
    assert_eq!(current.steps[0].answer, "Half a thought");
    assert!(current.steps[1..].iter().all(|s| s.answer.is_empty() && !s.skipped));
}

#[test]
fn starting_anew_sets_the_old_session_aside_and_keeps_its_words() {
    let c = clock();
    let mut store = store_with(&c);
    let old = store.start_session(WEEKLY_CHECK_IN, &mood(3)).unwrap();
    store.answer_step(old.steps[0].entry_id, "Kept", false).unwrap();
    let new = store.start_session(WEEKLY_CHECK_IN, &mood(4)).unwrap();
    assert_eq!(store.get_session(old.id).unwrap().status, SessionStatus::SetAside);
    assert_eq!(store.current_session().unwrap().unwrap().id, new.id);
    assert_eq!(store.journal(&filter("Kept")).unwrap().entries.len(), 1);
    store.set_aside_session(new.id).unwrap();
    assert!(store.current_session().unwrap().is_none());
    assert!(matches!(store.set_aside_session(9999), Err(CoreError::NotFound { .. })));
}

#[test]
fn bad_input_is_refused_and_nothing_half_saved() {
    let c = clock();
    let mut store = store_with(&c);
    assert!(is_validation(&store.start_session(WEEKLY_CHECK_IN, &mood(0)).unwrap_err(), "moodBefore"));
    assert!(is_validation(&store.start_session("no-such-guide", &mood(3)).unwrap_err(), "guideId"));
    assert!(store.current_session().unwrap().is_none(), "no session was created");

    let s = store.start_session(WEEKLY_CHECK_IN, &mood(3)).unwrap();
    let entry = s.steps[0].entry_id;
    let too_long = "é".repeat(ANSWER_MAX_CHARS + 1);
    assert!(is_validation(&store.answer_step(entry, &too_long, false).unwrap_err(), "answer"));
    store.answer_step(entry, &"é".repeat(ANSWER_MAX_CHARS), false).unwrap();

    // A bad intention stops the whole ending: mood after is not saved either.
    let end =
        SessionEnd { mood_after: mood(4), intention: Some(IntentionDraft { text: " ".into(), ..Default::default() }) };
    assert!(is_validation(&store.finish_session(s.id, &end).unwrap_err(), "text"));
    let after = store.get_session(s.id).unwrap();
    assert_eq!((after.status, after.mood_after), (SessionStatus::InProgress, None));
    let end = SessionEnd { mood_after: mood(6), intention: None };
    assert!(is_validation(&store.finish_session(s.id, &end).unwrap_err(), "moodAfter"));
}

#[test]
fn a_single_prompt_is_rendered_from_the_library_and_never_names_an_archived_tie() {
    let c = clock();
    let mut store = store_with(&c);
    let robin = store.create_tie(TieDraft::person("Robin")).unwrap();
    let draining = QualityDraft { feel: Some(Feel::Draining), ..Default::default() };
    store.rate_tie(robin.id, draining).unwrap();
    let entry = store.answer_prompt("quality-02", Some(robin.id), "Say no to the late calls").unwrap();
    assert!(entry.prompt_text.contains("Robin"), "{}", entry.prompt_text);
    assert_eq!(entry.session_id, None);

    store.archive_tie(robin.id).unwrap();
    assert!(is_validation(&store.answer_prompt("quality-02", Some(robin.id), "x").unwrap_err(), "tieId"));
    let today = store.personalised().unwrap();
    assert_ne!(today.prompt.tie_id, Some(robin.id));
    assert!(!today.prompt.text.contains("Robin"));
    for theme in [Theme::Quality, Theme::Emotional] {
        assert!(store.prompts_to_choose(theme).unwrap().iter().all(|p| !p.text.contains("Robin")));
    }
    assert!(is_validation(&store.answer_prompt("nope", None, "x").unwrap_err(), "promptId"));
    assert!(is_validation(&store.answer_prompt("quality-01", None, "   ").unwrap_err(), "answer"));
}

#[test]
fn todays_prompt_skips_what_was_answered_this_month() {
    let c = clock();
    let mut store = store_with(&c);
    let first = store.personalised().unwrap().prompt;
    store.answer_prompt(&first.prompt_id, first.tie_id, "Answered").unwrap();
    assert_ne!(store.personalised().unwrap().prompt.prompt_id, first.prompt_id);
}

#[test]
fn search_finds_words_with_highlights_accents_and_emoji() {
    let c = clock();
    let mut store = store_with(&c);
    store.answer_prompt("body-04", None, "Coffee at the café with Zoë 🙂").unwrap();
    store.answer_prompt("body-06", None, "Quiet evenings, walking the dog").unwrap();

    let page = store.journal(&filter("cafe")).unwrap();
    assert_eq!(page.entries.len(), 1);
    let parts = page.entries[0].answer_parts.as_ref().unwrap();
    assert!(parts.iter().any(|p| p.hit && p.text == "café"), "{parts:?}");
    assert_eq!(parts.iter().map(|p| p.text.as_str()).collect::<String>(), "Coffee at the café with Zoë 🙂");

    assert_eq!(store.journal(&filter("walki")).unwrap().entries.len(), 1, "prefix match");
    assert_eq!(store.journal(&filter("walk")).unwrap().entries.len(), 2, "the prompt's words count too");
    assert_eq!(store.journal(&filter("🙂")).unwrap().entries.len(), 1, "emoji as plain text");
    assert_eq!(store.journal(&filter("coffee dog")).unwrap().entries.len(), 0, "all words required");
    assert_eq!(store.journal(&filter("   ")).unwrap().entries.len(), 2, "blank is no search");
}

#[test]
fn filters_by_theme_tie_and_dates() {
    let c = clock();
    let mut store = store_with(&c);
    let mut draft = TieDraft::person("Ana");
    draft.support_types = vec![SupportType::Emotional];
    let ana = store.create_tie(draft).unwrap();
    store.answer_prompt("body-04", None, "Old one").unwrap();
    c.advance(Duration::days(3));
    let named = PROMPTS.iter().find(|p| p.tie_need() == Some(crate::reflection::TieNeed::Confidant)).unwrap();
    store.answer_prompt(named.id, Some(ana.id), "About Ana").unwrap();

    let only = |f: JournalFilter| store.journal(&f).unwrap().entries.into_iter().map(|e| e.answer).collect::<Vec<_>>();
    assert_eq!(only(JournalFilter { theme: Some(Theme::Body), ..Default::default() }), ["Old one"]);
    assert_eq!(only(JournalFilter { tie_id: Some(ana.id), ..Default::default() }), ["About Ana"]);
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d);
    assert_eq!(only(JournalFilter { from: day(27), ..Default::default() }), ["About Ana"]);
    assert_eq!(only(JournalFilter { to: day(26), ..Default::default() }), ["Old one"]);
    assert_eq!(only(JournalFilter { from: day(26), to: day(29), ..Default::default() }), ["About Ana", "Old one"]);
}

#[test]
fn date_filters_read_days_in_the_persons_zone() {
    // 11:30 UTC on the 25th is already 00:30 on the 26th in Auckland.
    let c = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 11, 30, 0).unwrap()));
    let mut store = store_with(&c);
    store.answer_prompt("body-04", None, "Late night tea").unwrap();
    let on = |d| JournalFilter {
        from: NaiveDate::from_ymd_opt(2026, 11, d),
        to: NaiveDate::from_ymd_opt(2026, 11, d),
        ..Default::default()
    };
    let count = |f: &JournalFilter, tz| store.journal_in(f, tz).unwrap().entries.len();
    assert_eq!(count(&on(26), chrono_tz::Pacific::Auckland), 1);
    assert_eq!(count(&on(25), chrono_tz::Pacific::Auckland), 0);
    assert_eq!(count(&on(25), chrono_tz::UTC), 1);
}

#[test]
fn entries_are_edited_deleted_and_exported() {
    let c = clock();
    let mut store = store_with(&c);
    let a = store.answer_prompt("body-04", None, "First").unwrap();
    let b = store.answer_prompt("body-06", None, "Second").unwrap();
    let edited = store.update_entry(a.id, "First, but kinder").unwrap();
    assert_eq!(edited.answer, "First, but kinder");
    assert_eq!(store.journal(&filter("kinder")).unwrap().entries.len(), 1, "the index follows edits");
    assert!(is_validation(&store.update_entry(a.id, "  ").unwrap_err(), "answer"));

    let md = store.journal_markdown(Some(&[b.id])).unwrap();
    assert!(md.contains("Second") && !md.contains("kinder"));
    let all = store.journal_markdown(None).unwrap();
    assert!(all.contains("Second") && all.contains("kinder"));

    store.delete_entry(a.id).unwrap();
    assert_eq!(store.journal(&filter("kinder")).unwrap().entries.len(), 0, "the index follows deletes");
    assert!(matches!(store.delete_entry(a.id), Err(CoreError::NotFound { .. })));
    store.delete_entry(b.id).unwrap();
    assert!(is_validation(&store.journal_markdown(None).unwrap_err(), "ids"));
}

#[test]
fn check_ins_score_read_and_come_round_monthly() {
    let c = clock();
    let mut store = store_with(&c);
    assert!(store.check_in_status().unwrap().due);
    store.put_off_check_in().unwrap();
    assert!(!store.check_in_status().unwrap().due);
    c.advance(Duration::days(28));
    assert!(store.check_in_status().unwrap().due);

    let first = store.record_check_in(CheckInAnswers { items: [3, 2, 2] }).unwrap();
    assert_eq!(first.score, 7);
    let status = store.check_in_status().unwrap();
    assert!(!status.due && !status.show_support);
    c.advance(Duration::days(30));
    store.record_check_in(CheckInAnswers { items: [3, 3, 2] }).unwrap();
    assert!(store.check_in_status().unwrap().show_support, "two in a row at 7 or more");
    assert!(is_validation(&store.record_check_in(CheckInAnswers { items: [4, 1, 1] }).unwrap_err(), "items"));
    assert_eq!(store.check_ins().unwrap().len(), 2);
}

#[test]
fn the_lowest_mood_repeating_across_sessions_brings_support_forward() {
    let c = clock();
    let mut store = store_with(&c);
    for _ in 0..2 {
        let s = store.start_session(WEEKLY_CHECK_IN, &mood(1)).unwrap();
        store.finish_session(s.id, &SessionEnd { mood_after: mood(2), intention: None }).unwrap();
        c.advance(Duration::hours(1));
    }
    assert!(store.check_in_status().unwrap().show_support);
}

#[test]
fn charts_hold_moods_scores_and_twelve_weeks_of_contacts() {
    let c = clock();
    let mut store = store_with(&c);
    let ana = store.create_tie(TieDraft::person("Ana")).unwrap();
    let s = store.start_session(WEEKLY_CHECK_IN, &mood(2)).unwrap();
    store.finish_session(s.id, &SessionEnd { mood_after: mood(4), intention: None }).unwrap();
    let unfinished = store.start_session(WEEKLY_CHECK_IN, &mood(3)).unwrap();
    store.set_aside_session(unfinished.id).unwrap();
    store.record_check_in(CheckInAnswers { items: [1, 2, 1] }).unwrap();
    // Today is Thursday 26 Nov 2026: two contacts this week, one 11 weeks
    // back, one too old to show.
    for (y, m, d) in [(2026, 11, 26), (2026, 11, 23), (2026, 9, 7), (2026, 9, 6)] {
        let on = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        store.create_contact(ContactDraft::on(on, Channel::Call, vec![ana.id])).unwrap();
    }
    let charts = store.charts().unwrap();
    assert_eq!(charts.moods.len(), 1, "only finished sessions");
    assert_eq!((charts.moods[0].before, charts.moods[0].after), (2, 4));
    assert_eq!(charts.check_ins[0].score, 4);
    let weeks = &charts.contacts_per_week;
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[11].week_of, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    assert_eq!(weeks[11].contacts, 2);
    assert_eq!(weeks[0].week_of, NaiveDate::from_ymd_opt(2026, 9, 7).unwrap());
    assert_eq!(weeks[0].contacts, 1);
    assert_eq!(weeks.iter().map(|w| w.contacts).sum::<u32>(), 3);
}

#[test]
fn chart_days_are_the_persons_days_not_utc_ones() {
    // 10:00 UTC on the 26th is already midnight of the 27th on Kiritimati.
    let c = clock();
    let mut store = store_with(&c);
    let s = store.start_session(WEEKLY_CHECK_IN, &mood(2)).unwrap();
    store.finish_session(s.id, &SessionEnd { mood_after: mood(4), intention: None }).unwrap();
    store.record_check_in(CheckInAnswers { items: [1, 2, 1] }).unwrap();
    let ahead: crate::schedule::Tz = "Pacific/Kiritimati".parse().unwrap();
    let behind: crate::schedule::Tz = "America/Los_Angeles".parse().unwrap();
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let charts = store.charts_in(ahead).unwrap();
    assert_eq!((charts.moods[0].on, charts.check_ins[0].on), (day(27), day(27)));
    let charts = store.charts_in(behind).unwrap();
    assert_eq!((charts.moods[0].on, charts.check_ins[0].on), (day(26), day(26)));
}

#[test]
fn intentions_outside_sessions_can_be_done_or_let_go() {
    let c = clock();
    let mut store = store_with(&c);
    let i = store.create_intention(&IntentionDraft { text: "Text Ben".into(), ..Default::default() }).unwrap();
    assert_eq!(store.set_intention_status(i.id, IntentionStatus::Done).unwrap().status, IntentionStatus::Done);
    assert!(store.list_intentions(true).unwrap().is_empty());
    assert_eq!(store.list_intentions(false).unwrap().len(), 1);
    assert!(is_validation(
        &store
            .create_intention(&IntentionDraft { text: "x".into(), tie_id: Some(77), ..Default::default() })
            .unwrap_err(),
        "tieId"
    ));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever is typed into the search box is a valid search: results or
    /// an empty list, never an error.
    #[test]
    fn any_string_is_a_valid_search(query in any::<String>(), extra in prop::sample::select(vec![
        "\"", "*", "-", "OR", "AND", "NOT", "NEAR(", ")", "^", ":", "answer:", "'", "\\", "🙂", "é", "\u{0}", "{", "}",
    ])) {
        let c = clock();
        let mut store = store_with(&c);
        store.answer_prompt("body-04", None, "Coffee OR tea \"quoted\" -minus * star NEAR café 🙂").unwrap();
        for q in [query.clone(), format!("{query}{extra}"), format!("{extra}{query}"), extra.to_owned()] {
            let result = store.journal(&filter(&q));
            prop_assert!(result.is_ok(), "{q:?}: {result:?}");
        }
    }
}

#[test]
fn the_whole_journal_is_read_back_page_by_page_with_none_missed_or_twice() {
    use crate::reflection::journal::JournalCursor;
    use crate::store::journal::JOURNAL_PAGE;
    let c = clock();
    let mut store = store_with(&c);
    // 450 entries: some in the same millisecond (the id orders those), most a day apart.
    for i in 0..450 {
        store.answer_prompt("body-04", None, &format!("Entry {i}")).unwrap();
        if i % 3 != 0 {
            c.advance(Duration::days(1));
        }
    }
    let mut seen = Vec::new();
    let mut before = None;
    loop {
        let page = store.journal(&JournalFilter { before, ..Default::default() }).unwrap();
        assert!(page.entries.len() <= JOURNAL_PAGE);
        seen.extend(page.entries.iter().map(|e| e.answer.clone()));
        if !page.more {
            break;
        }
        let last = page.entries.last().unwrap();
        before = Some(JournalCursor { created_at: last.created_at, id: last.id });
    }
    let newest_first: Vec<String> = (0..450).rev().map(|i| format!("Entry {i}")).collect();
    assert_eq!(seen, newest_first);

    // A jump to the end of a day, with a search, still pages from there.
    let cut = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
    let page = store
        .journal(&JournalFilter {
            query: Some("entry".into()),
            before: Some(JournalCursor { created_at: cut, id: i64::MAX }),
            ..Default::default()
        })
        .unwrap();
    assert!(page.entries.iter().all(|e| e.created_at < cut));
    assert!(page.entries.first().unwrap().created_at >= cut - Duration::days(1));
}
