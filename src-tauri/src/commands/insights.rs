//! What the network suggests: insights, and who it might be nice to reach
//! out to. Both are computed by the core from the network as it is today.

use kindred_core::birthdays::{upcoming_birthdays, UpcomingBirthday};
use kindred_core::insights::{insights, Insight};
use kindred_core::reach_out::{due_closest_first, ReachOut};
use kindred_core::tie::TieScope;
use tauri::State;

use crate::{ApiError, AppState};

#[tauri::command(async)]
pub fn insights_list(state: State<'_, AppState>) -> Result<Vec<Insight>, ApiError> {
    state.store(|store| Ok(insights(&*store.network()?)))
}

/// Everyone whose rhythm has come round, the closest first (Today shows
/// the first few and counts the rest).
#[tauri::command(async)]
pub fn insights_reach_out(state: State<'_, AppState>) -> Result<Vec<ReachOut>, ApiError> {
    state.store(|store| Ok(due_closest_first(&*store.network()?)))
}

/// How far ahead Today looks for birthdays.
const BIRTHDAY_DAYS_AHEAD: i64 = 14;

#[tauri::command(async)]
pub fn insights_birthdays(state: State<'_, AppState>) -> Result<Vec<UpcomingBirthday>, ApiError> {
    state.store(|store| Ok(upcoming_birthdays(&store.list_ties(TieScope::Active)?, store.today(), BIRTHDAY_DAYS_AHEAD)))
}
