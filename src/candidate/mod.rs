//! The candidate's side: who is looking for a job, and how well each posting fits them.
//!
//! - [`profile`] reads a candidate profile (the skills a job seeker has) from a TOML file.
//! - [`fit`] computes how well one posting fits a profile.
//!
//! Not to be confused with the rule file's `[profile]` section, which describes the skill map
//! (who it was written for), not a candidate. This module owns nothing of the postings' side:
//! it takes the skills a posting asks for as [`crate::SkillMatch`]es and never reads postings.

pub mod fit;
pub mod profile;

pub use fit::{Fit, fit};
pub use profile::{CandidateProfile, ProfileError};
