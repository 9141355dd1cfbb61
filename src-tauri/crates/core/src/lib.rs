//! Kindred's domain, free of any UI framework: the store and its schema,
//! validation, and (as features land) insights, reflection and reminder
//! planning. Everything here is testable headless, with time passed in.

pub mod clock;
pub mod error;
pub mod names;
pub mod store;
pub mod tie;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{CoreError, CoreResult};
pub use store::Store;
