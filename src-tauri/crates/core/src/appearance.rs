//! Light or dark: the person's choice, or whatever their computer uses.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Appearance {
    /// Follow the system's light or dark setting (and its changes).
    #[default]
    System,
    Light,
    Dark,
}
