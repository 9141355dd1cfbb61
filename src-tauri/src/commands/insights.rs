//! What the network suggests: insights, and who it might be nice to reach
//! out to. Both are computed by the core from the network as it is today.

use kindred_core::insights::{insights, Insight};
use kindred_core::reach_out::{due_to_reach_out, ReachOut};
use tauri::State;

use crate::{ApiError, AppState};

#[tauri::command(async)]
pub fn insights_list(state: State<'_, AppState>) -> Result<Vec<Insight>, ApiError> {
    state.store(|store| Ok(insights(&store.network()?)))
}

#[tauri::command(async)]
pub fn insights_reach_out(state: State<'_, AppState>) -> Result<Vec<ReachOut>, ApiError> {
    state.store(|store| Ok(due_to_reach_out(&store.network()?)))
}
