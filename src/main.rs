//! The `jobfit` binary: parse the command line, run, map the outcome to an exit code.
//!
//! Exit codes: 0 every input scored; 1 some inputs failed, were blocked or skipped (their rows
//! say why), or no posting reached `--fail-under`; 2 usage or rule errors, nothing written; 130
//! interrupted by SIGINT or SIGTERM (the rows done so far were written, every output file is
//! complete). A closed pipe on stdout (`jobfit score ... | head`) is success.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use jobfit::app::{self, Exit};
use jobfit::cli::{Cli, Command};
use jobfit::generate;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let is_terminal = stdout.is_terminal();
    let mut out = stdout.lock();
    let result = match &cli.command {
        Command::Score(args) => {
            app::score(args, &mut io::stdin().lock(), &mut out).map(|(exit, summary)| {
                let _ = writeln!(io::stderr(), "jobfit: {summary}");
                exit
            })
        }
        Command::Explain(args) => app::explain(
            args,
            &mut io::stdin().lock(),
            &mut out,
            &mut io::stderr(),
            is_terminal,
        ),
        Command::Profile(args) => app::profile(args, &mut out),
        Command::Rules(command) => app::rules(command, &mut out),
        Command::Completions { shell } => generate::completions(*shell, &mut out)
            .map(|()| Exit::Success)
            .map_err(Into::into),
        Command::Man => generate::man(&mut out)
            .map(|()| Exit::Success)
            .map_err(Into::into),
    };
    let result = result.and_then(|exit| {
        out.flush()?;
        Ok(exit)
    });
    match result {
        Ok(Exit::Success) => ExitCode::SUCCESS,
        Ok(Exit::SomeFailed | Exit::BelowThreshold | Exit::StreamBroken) => ExitCode::from(1),
        Ok(Exit::Interrupted { done, total }) => {
            let _ = writeln!(
                io::stderr(),
                "jobfit: interrupted: {done} of {} inputs done",
                total.map_or_else(|| "the streamed".to_owned(), |t| t.to_string())
            );
            ExitCode::from(130)
        }
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "jobfit: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        if let Some(csv) = cause.downcast_ref::<csv::Error>()
            && let csv::ErrorKind::Io(io) = csv.kind()
        {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        false
    })
}
