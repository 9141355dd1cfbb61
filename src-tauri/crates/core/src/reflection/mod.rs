//! Guided reflection: the prompt library and the guided sessions built from
//! it (compiled in as data so they work offline and can be tested), how a
//! session is walked through, the journal it writes, and the intentions it
//! ends in.
//!
//! Every prompt is grounded in one of the seven themes (see PRODUCT.md) and
//! written to be gentle: one question at a time, answerable in a few
//! sentences, with a lighter variant for low-energy days.

pub mod intention;
pub mod journal;
pub mod mood;
pub mod personalise;
pub mod prompts;
pub mod session;
pub mod sessions;

pub use prompts::{prompt, prompts_for, render, Placeholder, Prompt, TieNeed, PROMPTS};
pub use sessions::{guide, guide_for_theme, Guide, FEELING_WORDS, GUIDES};

#[cfg(test)]
mod tests;
