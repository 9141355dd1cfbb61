//! Kindred's domain, free of any UI framework: the store and its schema,
//! validation, and (as features land) insights, reflection and reminder
//! planning. Everything here is testable headless, with time passed in.

pub mod appearance;
pub mod birthdays;
pub mod calendar;
pub mod checkin;
pub mod clock;
pub mod contact;
pub mod contacts_csv;
pub mod data_file;
pub mod error;
pub mod export_file;
pub mod first_run;
pub mod insights;
pub mod names;
pub mod network;
pub mod notice;
pub mod passphrase;
pub mod quality;
pub mod reach_out;
pub mod reflection;
pub mod reminder;
pub mod reminder_settings;
pub mod research;
pub mod schedule;
pub mod store;
pub mod theme;
pub mod tie;
pub mod vcard;
pub mod vtimezone;
pub mod words;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{CoreError, CoreResult};
pub use store::Store;
