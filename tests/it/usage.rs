//! README.md shows the `--help` of every command exactly. Run with `UPDATE_README=1` to rewrite
//! the usage blocks from the binary after changing the CLI.

use std::fs;

const COMMANDS: &[&[&str]] = &[
    &[],
    &["score"],
    &["explain"],
    &["rules", "list"],
    &["rules", "check"],
];

fn help(command: &[&str]) -> String {
    let mut args = command.to_vec();
    args.push("--help");
    let output = crate::jobfit(&args, "");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn readme_usage_matches_help() {
    let path = crate::root().join("README.md");
    let mut readme = fs::read_to_string(&path).unwrap();
    let update = std::env::var_os("UPDATE_README").is_some();
    for command in COMMANDS {
        let name = if command.is_empty() {
            "jobfit".to_owned()
        } else {
            format!("jobfit {}", command.join(" "))
        };
        let open = format!("<!-- usage: {name} -->\n```text\n");
        let close = "```\n<!-- /usage -->";
        let start = readme
            .find(&open)
            .unwrap_or_else(|| panic!("README.md has no usage block for `{name}`"))
            + open.len();
        let end = start + readme[start..].find(close).unwrap();
        let expected = help(command);
        if update {
            readme.replace_range(start..end, &expected);
        } else {
            assert_eq!(
                readme[start..end],
                expected,
                "README usage of `{name}` differs from --help (UPDATE_README=1 cargo test rewrites it)"
            );
        }
    }
    if update {
        fs::write(&path, readme).unwrap();
    }
}
