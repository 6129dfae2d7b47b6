//! Shell completion scripts and the man page, generated from the clap definitions of [`cli`]
//! (`jobfit completions SHELL`, `jobfit man`), so that they always describe the commands and
//! options this binary has.
//!
//! The man page is one page, `jobfit.1`: the top command, then a section for every command
//! (`JOBFIT SCORE`, `JOBFIT RULES LIST`...) with its synopsis, description and options. With a
//! handful of commands, one page is what `man jobfit` readers expect (searchable with `/`, one
//! file to install, complete when read in place with `man ./man/jobfit.1`); clap_mangen's own
//! layout, a page per subcommand that the top page points to (`jobfit-score(1)`), suits tools
//! with dozens of commands and only works once every page is installed.
//!
//! [`cli`]: crate::cli

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::{Generator, Shell};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::Cli;

/// The name the scripts complete and the man page documents.
const BIN_NAME: &str = "jobfit";

/// The command line, built: every subcommand knows its full name (`jobfit rules list`). Without
/// the `help` subcommand, which completions and the man page need not show twice (`--help` is
/// there).
fn command() -> clap::Command {
    let mut command = Cli::command()
        .bin_name(BIN_NAME)
        .disable_help_subcommand(true);
    command.build();
    command
}

/// Writes the completion script of `shell` to `out`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    // `try_generate`, not `clap_complete::generate`: that one panics when a write fails (a
    // closed pipe).
    shell.try_generate(&command(), out)
}

/// Writes the man page `jobfit.1` (roff) to `out`.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let command = command();
    let top = Man::new(command.clone());
    let mut page = Vec::new();
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    top.render_options_section(&mut page)?;

    let mut leaves = Vec::new();
    collect_leaves(&command, &mut leaves);
    let mut list = Roff::new();
    list.control("SH", ["COMMANDS"]);
    list.text([roman(
        "Each command is described in a section of its own below.",
    )]);
    for leaf in &leaves {
        list.control("TP", []);
        list.text([bold(full_name(leaf))]);
        if let Some(about) = leaf.get_about() {
            list.text([roman(about.to_string())]);
        }
    }
    list.to_writer(&mut page)?;

    for leaf in &leaves {
        command_section(leaf, &mut page)?;
    }
    top.render_version_section(&mut page)?;

    // Every piece rendered apart starts with roff's definition of the apostrophe string: once
    // is enough.
    let page = String::from_utf8_lossy(&page);
    let mut seen = Vec::new();
    for line in page.lines() {
        if line.starts_with(".ie ") || line.starts_with(".el ") {
            if seen.contains(&line) {
                continue;
            }
            seen.push(line);
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The commands that run something (`jobfit rules list`, not `jobfit rules`), in help order.
fn collect_leaves<'a>(command: &'a clap::Command, leaves: &mut Vec<&'a clap::Command>) {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.has_subcommands() {
            collect_leaves(sub, leaves);
        } else {
            leaves.push(sub);
        }
    }
}

fn full_name(command: &clap::Command) -> String {
    command
        .get_bin_name()
        .unwrap_or_else(|| command.get_name())
        .to_owned()
}

/// The section of one command: `.SH "JOBFIT SCORE"`, its synopsis and description, then its
/// options under `.SS` headings (`OPTIONS`, `FETCHING URLS`).
fn command_section(command: &clap::Command, page: &mut Vec<u8>) -> io::Result<()> {
    let mut heading = Roff::new();
    heading.control("SH", [full_name(command).to_uppercase().as_str()]);
    heading.to_writer(&mut *page)?;
    let man = Man::new(command.clone());
    let mut body = Vec::new();
    man.render_synopsis_section(&mut body)?;
    man.render_description_section(&mut body)?;
    man.render_options_section(&mut body)?;
    let body = String::from_utf8_lossy(&body);
    for line in body.lines() {
        // roff escapes text lines that start with a dot (`\&.`), so these are the section
        // headings: the synopsis and description run on under the command's heading, the option
        // groups become its subsections.
        match line.strip_prefix(".SH ") {
            Some("SYNOPSIS") => {}
            Some("DESCRIPTION") => page.extend_from_slice(b".PP\n"),
            Some(title) => {
                page.extend_from_slice(b".SS ");
                page.extend_from_slice(title.as_bytes());
                page.push(b'\n');
            }
            None => {
                page.extend_from_slice(line.as_bytes());
                page.push(b'\n');
            }
        }
    }
    Ok(())
}
