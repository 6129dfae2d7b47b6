//! The committed shell completions and man page are what the binary generates now. After
//! changing the CLI, `UPDATE_GENERATED=1 cargo test --test integration generated` rewrites them.

use std::fs;

/// Each committed file and the command that writes it.
const FILES: &[(&str, &[&str])] = &[
    ("completions/jobfit.bash", &["completions", "bash"]),
    ("completions/_jobfit", &["completions", "zsh"]),
    ("completions/jobfit.fish", &["completions", "fish"]),
    ("man/jobfit.1", &["man"]),
];

#[test]
fn generated_files_match_the_binary() {
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    for (path, args) in FILES {
        let output = crate::jobfit(args, "");
        assert!(
            output.status.success(),
            "jobfit {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
        let path = crate::root().join(path);
        if update {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &output.stdout).unwrap();
        } else if fs::read(&path).ok().as_deref() != Some(output.stdout.as_slice()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "{} differ from what jobfit generates now (UPDATE_GENERATED=1 cargo test --test \
         integration generated rewrites them)",
        stale.join(", ")
    );
}

/// Full names of the commands that run something: `jobfit score`, `jobfit rules list`...
fn leaves(command: &clap::Command, prefix: &str, names: &mut Vec<String>) {
    for sub in command.get_subcommands() {
        let name = format!("{prefix} {}", sub.get_name());
        if sub.has_subcommands() {
            leaves(sub, &name, names);
        } else {
            names.push(name);
        }
    }
}

#[test]
fn man_page_has_a_section_for_every_command() {
    use clap::CommandFactory;
    let page = String::from_utf8(crate::jobfit(&["man"], "").stdout).unwrap();
    let mut names = Vec::new();
    leaves(&jobfit::cli::Cli::command(), "jobfit", &mut names);
    assert!(names.contains(&"jobfit rules list".to_owned()), "{names:?}");
    for name in names {
        let heading = format!(".SH \"{}\"\n", name.to_uppercase());
        assert!(
            page.contains(&heading),
            "no section for `{name}` in the man page"
        );
    }
    assert_eq!(page.matches("\n.TH ").count(), 1, "one page");
}
