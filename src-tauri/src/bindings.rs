//! TypeScript types for every DTO that crosses IPC, generated from the Rust
//! definitions so the UI cannot drift from the backend. A test compares the
//! generated text with the committed `ui/src/lib/api/types.gen.ts`; run
//! `KINDRED_WRITE_BINDINGS=1 cargo test bindings` to refresh it.

use kindred_core::appearance::Appearance;
use kindred_core::birthdays::UpcomingBirthday;
use kindred_core::checkin::{CheckIn, CheckInAnswers, CheckInStatus};
use kindred_core::contact::{Channel, Contact, ContactDraft, Felt, Initiator};
use kindred_core::first_run::MapAnswer;
use kindred_core::insights::{Insight, InsightKind};
use kindred_core::network::Ratings;
use kindred_core::notice::{Notice, NoticeKind};
use kindred_core::quality::{QualityDraft, QualityRating};
use kindred_core::reach_out::ReachOut;
use kindred_core::reflection::intention::{Intention, IntentionDraft, IntentionStatus};
use kindred_core::reflection::journal::{JournalCursor, JournalEntry, JournalFilter, TextPart};
use kindred_core::reflection::mood::Mood;
use kindred_core::reflection::personalise::{Personalised, ShownPrompt, Suggestion, SuggestionReason};
use kindred_core::reflection::session::{SessionEnd, SessionStatus, SessionStep, SessionView};
use kindred_core::reflection::Guide;
use kindred_core::reminder::{Reminder, ReminderDraft};
use kindred_core::reminder_settings::{PauseFor, ReflectionSchedule, ReminderSettings};
use kindred_core::schedule::{QuietHours, Recurrence, Weekday};
use kindred_core::store::{
    Backup, BackupKind, CadenceDefaults, Charts, Counts, ImportMode, ImportPreview, JournalPage, MoodPoint,
    OpenProblem, ScorePoint, WeekCount,
};
use kindred_core::theme::Theme;
use kindred_core::tie::{
    Birthday, Cadence, Circle, Feel, GroupKind, Sector, SupportType, Tie, TieDraft, TieKind, TieScope,
};
use kindred_core::vcard::{UnreadableCard, VcardFile, VcardPerson, VcardPick};
use ts_rs::{Config, TS};

use crate::commands::app::AppInfo;
use crate::commands::checkins::CheckInScale;
use crate::commands::reflect::ReflectLibrary;
use crate::error::{ApiError, ErrorCode};
use crate::state::{DataProblem, LockStatus, Restored};

/// Path of the generated file, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/lib/api/types.gen.ts";

pub fn typescript() -> String {
    // Ids are i64 in Rust but far below 2^53, so they travel as plain numbers.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ErrorCode::decl(&cfg),
        ApiError::decl(&cfg),
        AppInfo::decl(&cfg),
        LockStatus::decl(&cfg),
        DataProblem::decl(&cfg),
        OpenProblem::decl(&cfg),
        Appearance::decl(&cfg),
        TieKind::decl(&cfg),
        GroupKind::decl(&cfg),
        Circle::decl(&cfg),
        Sector::decl(&cfg),
        SupportType::decl(&cfg),
        Feel::decl(&cfg),
        Cadence::decl(&cfg),
        Birthday::decl(&cfg),
        TieScope::decl(&cfg),
        Tie::decl(&cfg),
        TieDraft::decl(&cfg),
        Channel::decl(&cfg),
        Initiator::decl(&cfg),
        Felt::decl(&cfg),
        Contact::decl(&cfg),
        ContactDraft::decl(&cfg),
        Ratings::decl(&cfg),
        QualityDraft::decl(&cfg),
        QualityRating::decl(&cfg),
        CadenceDefaults::decl(&cfg),
        Theme::decl(&cfg),
        InsightKind::decl(&cfg),
        Insight::decl(&cfg),
        ReachOut::decl(&cfg),
        UpcomingBirthday::decl(&cfg),
        MapAnswer::decl(&cfg),
        NoticeKind::decl(&cfg),
        Notice::decl(&cfg),
        Weekday::decl(&cfg),
        Recurrence::decl(&cfg),
        ReminderDraft::decl(&cfg),
        Reminder::decl(&cfg),
        QuietHours::decl(&cfg),
        ReflectionSchedule::decl(&cfg),
        ReminderSettings::decl(&cfg),
        PauseFor::decl(&cfg),
        ImportMode::decl(&cfg),
        Counts::decl(&cfg),
        ImportPreview::decl(&cfg),
        BackupKind::decl(&cfg),
        Backup::decl(&cfg),
        Restored::decl(&cfg),
        VcardPerson::decl(&cfg),
        UnreadableCard::decl(&cfg),
        VcardFile::decl(&cfg),
        VcardPick::decl(&cfg),
        Guide::decl(&cfg),
        ReflectLibrary::decl(&cfg),
        ShownPrompt::decl(&cfg),
        SuggestionReason::decl(&cfg),
        Suggestion::decl(&cfg),
        Personalised::decl(&cfg),
        Mood::decl(&cfg),
        SessionStatus::decl(&cfg),
        SessionStep::decl(&cfg),
        IntentionStatus::decl(&cfg),
        IntentionDraft::decl(&cfg),
        Intention::decl(&cfg),
        SessionView::decl(&cfg),
        SessionEnd::decl(&cfg),
        TextPart::decl(&cfg),
        JournalEntry::decl(&cfg),
        JournalCursor::decl(&cfg),
        JournalFilter::decl(&cfg),
        JournalPage::decl(&cfg),
        MoodPoint::decl(&cfg),
        ScorePoint::decl(&cfg),
        WeekCount::decl(&cfg),
        Charts::decl(&cfg),
        CheckInScale::decl(&cfg),
        CheckInAnswers::decl(&cfg),
        CheckIn::decl(&cfg),
        CheckInStatus::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust DTOs by src-tauri/src/bindings.rs. Do not edit by hand:\n\
         // run `KINDRED_WRITE_BINDINGS=1 cargo test bindings` after changing a DTO.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn bindings_match_the_committed_typescript() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        let generated = typescript();
        if std::env::var_os("KINDRED_WRITE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is out of date with the Rust DTOs. Run `KINDRED_WRITE_BINDINGS=1 cargo test bindings` and commit it.",
            BINDINGS_PATH
        );
    }
}
