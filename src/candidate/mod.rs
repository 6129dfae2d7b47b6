//! The candidate's side: who is looking for a job, and how well each posting fits them.
//!
//! - [`resume`] reads a résumé (Markdown, text, HTML, JSON Resume, PDF, DOCX) into the skills
//!   and technologies the candidate has, with evidence and years.
//! - [`profile`] is a candidate profile (the skills a job seeker has), read from a TOML file or
//!   made from a résumé, and written back as editable TOML.
//! - [`technology`] is the vocabulary of technologies beyond the skill map (languages,
//!   frameworks, databases, tools) and finds them in postings and résumés.
//! - [`role`] finds the words of a job title that name a profession ("designer", "sales").
//! - [`mod@fit`] computes how well one posting fits a profile.
//!
//! Not to be confused with the rule file's `[profile]` section, which describes the skill map
//! (who it was written for), not a candidate. This module takes a posting's side as
//! [`crate::SkillMatch`]es and [`technology::TechnologyMention`]s; it never fetches.

pub mod fit;
pub mod profile;
pub mod resume;
pub mod role;
pub mod technology;

pub use fit::{Fit, FitModel, fit};
pub use profile::{CandidateProfile, ProfileError};
pub use resume::{Resume, ResumeError, ResumeFormat};
pub use technology::{Technologies, TechnologyMention};
