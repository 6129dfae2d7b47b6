//! The orchestrator: wires inputs, the pure stages, progress and output files for each command.
//!
//! The only place besides `main` that uses anyhow: errors from the typed stages get the context
//! of the command. A failing posting is never an error here; it is a row, and the run ends with
//! [`Exit::SomeFailed`]. The outputs of `score` (tables, JSON lines, HTML report, candidate fit,
//! atomic files) are wired in the submodule `outputs`.

use std::collections::HashMap;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use futures_util::{FutureExt, StreamExt};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::sync::OnceCell;

use crate::analysis;
use crate::boards::{self, Board, BoardApis, BoardError, BoardPosting, FailedPosting};
use crate::cli::{ColorChoice, ExplainArgs, FetchArgs, RulesCommand, ScoreArgs, SortKey};
use crate::fetch::{self, CacheMode, FetchOptions, Fetcher};
use crate::input::{self, Input, Target};
use crate::matcher::Matcher;
use crate::report;
use crate::row::{FetchInfo, InputError, Outcome, Status, StreamLine};
use crate::rules::RuleSet;
pub use explain::explain;

mod candidate;
pub mod explain;
mod outputs;

pub use candidate::profile;

use outputs::ScoreOutputs;

/// How a run ended, when it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every input was scored.
    Success,
    /// Some inputs failed, were blocked or skipped; their rows say why.
    SomeFailed,
    /// No posting reached `--fail-under` (every output was still written).
    BelowThreshold,
    /// The `--jsonl-in` stream could not be read to its end: the lines read were answered,
    /// and the last row says why reading stopped.
    StreamBroken,
    /// SIGINT or SIGTERM stopped the run: the rows of the first `done` of `total` inputs were
    /// written, and every output file is complete.
    Interrupted {
        /// Inputs whose rows were written (a prefix of the input order).
        done: usize,
        /// Inputs given (`None` when they were streamed, `--jsonl-in`).
        total: Option<usize>,
    },
}

/// Counts of a `score` run by row status, for the line printed at the end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Rows scored.
    pub ok: usize,
    /// Rows that failed.
    pub failed: usize,
    /// Rows blocked by the site.
    pub blocked: usize,
    /// Rows skipped (robots.txt).
    pub skipped: usize,
    /// Rows read that are not job postings (a license, a results table, a list of jobs).
    pub not_postings: usize,
    /// Rows answered from the HTTP cache.
    pub from_cache: usize,
}

impl RunSummary {
    fn add(&mut self, outcome: &Outcome) {
        match outcome.status() {
            Status::Ok => self.ok += 1,
            Status::Error => self.failed += 1,
            Status::Blocked => self.blocked += 1,
            Status::Skipped => self.skipped += 1,
            Status::NotAPosting => self.not_postings += 1,
        }
        if outcome.fetch.as_ref().is_some_and(|f| f.from_cache) {
            self.from_cache += 1;
        }
    }

    /// Rows that did not end `ok` and make the run's exit code 1 (a document that is not a
    /// posting is answered, not failed).
    pub fn not_ok(&self) -> usize {
        self.failed + self.blocked + self.skipped
    }
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} postings: {} ok, {} failed, {} blocked, {} skipped, {} from cache",
            self.ok + self.not_ok() + self.not_postings,
            self.ok,
            self.failed,
            self.blocked,
            self.skipped,
            self.from_cache
        )?;
        if self.not_postings > 0 {
            write!(f, ", {} not postings", self.not_postings)?;
        }
        Ok(())
    }
}

/// Postings analysed ahead of the one being written, per worker thread: keeps every core (and
/// the fetcher) busy while rows are written in input order, with bounded memory.
const AHEAD_PER_THREAD: usize = 64;

/// Most local postings (files, inline texts) analysed as one piece of work on a worker: a
/// posting takes a fraction of a millisecond, about what handing it to the pool, waking a
/// worker and waking the writer cost when each posting goes on its own.
const MAX_BATCH: usize = 16;

/// Loads the user's site profiles, when there are any, over the built-in ones, for every page
/// read after.
pub fn install_sites(paths: &[PathBuf]) -> Result<()> {
    if !paths.is_empty() {
        let sites = crate::extract::sites::Sites::load(paths)?;
        crate::extract::sites::install(sites);
    }
    Ok(())
}

/// Loads the rule files (the built-in map when none) and compiles them.
pub fn load_matcher(paths: &[PathBuf]) -> Result<Matcher> {
    let rules = RuleSet::load(paths)?;
    Ok(Matcher::new(rules)?)
}

/// The fetcher's settings from the command line.
pub fn fetch_options(args: &FetchArgs) -> Result<FetchOptions> {
    let cache = if args.no_cache {
        CacheMode::Off
    } else {
        let dir = match &args.cache_dir {
            Some(dir) => dir.clone(),
            None => fetch::cache::default_dir()
                .context("no user cache directory is known here: pass --cache-dir or --no-cache")?,
        };
        let file = dir.join(fetch::cache::FILE_NAME);
        if args.offline {
            CacheMode::Offline(file)
        } else {
            CacheMode::On(file)
        }
    };
    Ok(FetchOptions {
        user_agent: args
            .user_agent
            .clone()
            .unwrap_or_else(|| fetch::DEFAULT_USER_AGENT.to_owned()),
        concurrency: args.concurrency.get(),
        per_host: args.per_host.get(),
        delay: Duration::from_millis(args.delay),
        timeout: Duration::from_secs_f64(args.timeout),
        retries: args.retries,
        max_bytes: args.max_bytes,
        robots: !args.ignore_robots,
        cache,
        ..FetchOptions::default()
    })
}

/// Where the job-board APIs are (the `--*-api` options).
fn board_apis(args: &FetchArgs) -> BoardApis {
    BoardApis {
        greenhouse: args.greenhouse_api.clone(),
        lever: args.lever_api.clone(),
        ashby: args.ashby_api.clone(),
        workday: args.workday_api.clone(),
        smartrecruiters: args.smartrecruiters_api.clone(),
        workable: args.workable_api.clone(),
        recruitee: args.recruitee_api.clone(),
        personio: args.personio_api.clone(),
        hh: args.hh_api.clone(),
    }
}

/// `jobfit score`: rows in input order, whatever order the work finishes in.
pub fn score(
    args: &ScoreArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
) -> Result<(Exit, RunSummary)> {
    // The rules are loaded (and validated) now; the automaton is compiled on the worker threads
    // while the first URLs are fetched, and every analysis waits for it.
    let rule_set = RuleSet::load(&args.rules)?;
    install_sites(&args.sites)?;
    let rules = &rule_set;
    let profile = candidate::load(args.profile.as_deref(), args.resume.as_deref(), rules)?;
    if args.sort == Some(SortKey::Fit) && profile.is_none() {
        bail!("--sort fit needs a candidate profile (--profile FILE or --resume FILE)");
    }
    let pool = match args.jobs {
        Some(jobs) => rayon::ThreadPoolBuilder::new().num_threads(jobs.get()),
        None => rayon::ThreadPoolBuilder::new(),
    }
    .build()
    .context("cannot start worker threads")?;
    let pool = Arc::new(pool);
    let matcher = compile_in_background(&pool, rule_set.clone());

    // The inputs: a list known up front, or JSON lines read as the run goes (streaming).
    let mut jsonl_file;
    // Set when the stream could not be read to its end.
    let mut broken = None;
    // A list fetches only when it has URLs; a stream may have some.
    let (inputs, total, needs_fetcher): (
        Box<dyn Iterator<Item = Input> + '_>,
        Option<usize>,
        bool,
    ) = match &args.jsonl_in {
        Some(path) => {
            let reader: &mut dyn BufRead = if path.as_os_str() == "-" {
                stdin
            } else {
                let file = std::fs::File::open(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                jsonl_file = io::BufReader::new(file);
                &mut jsonl_file
            };
            let shard = args.shard;
            let lines = input::JsonLines::new(reader);
            broken = Some(lines.broken());
            let lines = lines.filter(move |i| shard.is_none_or(|s| s.contains(&i.source)));
            (Box::new(lines), None, true)
        }
        None => {
            let mut inputs = Vec::new();
            if args.paste {
                if args.inputs.iter().any(|i| i == "-") {
                    bail!(
                        "--paste reads a posting from stdin, so `-` cannot also read a list there"
                    );
                }
                inputs.push(input::pasted(stdin));
            }
            inputs.extend(input::collect(&args.inputs, &args.input_files, stdin)?);
            if let Some(shard) = args.shard {
                inputs.retain(|input| shard.contains(&input.source));
            } else if inputs.is_empty() {
                let mut given = args.inputs.clone();
                given.extend(args.input_files.iter().map(|p| p.display().to_string()));
                bail!(
                    "no postings found in {} (looked for URLs and .html, .htm, .mhtml, .mht, \
                         .md, .markdown, .txt, .json, .jsonl, .ndjson files)",
                    given.join(", ")
                );
            }
            let total = inputs.len();
            let urls = inputs
                .iter()
                .any(|i| matches!(i.target, Ok(Target::Url(_))));
            (Box::new(inputs.into_iter()), Some(total), urls)
        }
    };
    let fetcher = if needs_fetcher {
        Some(Arc::new(Fetcher::new(fetch_options(&args.fetch)?)?))
    } else {
        None
    };

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    // Listen for SIGINT and SIGTERM before any output file exists, so that an interruption
    // always goes through the orderly end below.
    let mut stop = Box::pin(interruption(&runtime)?);

    // Open every output before reading a posting: a bad path fails the run with nothing written.
    let has_profile = profile.is_some();
    let mut outputs = ScoreOutputs::open(args, rules, profile, stdout)?;

    let progress = progress_bar(total, !args.no_progress);
    let context = Arc::new(Shared {
        matcher: matcher.clone(),
        pool: Arc::clone(&pool),
        fetcher,
        extras: analysis::Extras {
            signature: args.dedup,
            technologies: has_profile,
        },
        board_apis: board_apis(&args.fetch),
        boards: Mutex::new(HashMap::new()),
    });
    let threads = pool.current_num_threads().max(1);
    let ahead = threads * AHEAD_PER_THREAD + args.fetch.concurrency.get() * 4;
    // Local postings of a list go to the workers in batches, small enough that every worker
    // gets several (a stream, or a list with URLs, goes one input at a time).
    let batch = match total {
        Some(total) if !needs_fetcher => (total / (threads * 8)).clamp(1, MAX_BATCH),
        _ => 1,
    };
    let mut counts = RunSummary::default();
    let mut done = 0;
    let interrupted = runtime.block_on(async {
        let taking = AtomicBool::new(true);
        let mut rows = futures_util::stream::iter(Units {
            inputs: inputs.take_while(|_| taking.load(Ordering::Relaxed)),
            batch,
            pending: None,
        })
        .map(|unit| process(Arc::clone(&context), unit))
        .buffered(ahead.div_ceil(batch));
        let mut interrupted = false;
        loop {
            let next = tokio::select! {
                biased;
                _ = &mut stop => {
                    interrupted = true;
                    taking.store(false, Ordering::Relaxed);
                    // Rows already analysed, in order, are still written; nothing new starts.
                    match rows.next().now_or_never() {
                        Some(Some(outcomes)) => Some(outcomes),
                        _ => None,
                    }
                }
                next = rows.next() => next,
            };
            let Some((inputs, outcomes)) = next else {
                break;
            };
            if outcomes.len() > inputs {
                progress.inc_length((outcomes.len() - inputs) as u64);
            }
            for outcome in outcomes {
                counts.add(&outcome);
                outputs.add(outcome)?;
                progress.inc(1);
            }
            done += inputs;
            progress.set_message(format!("{} not ok", counts.not_ok()));
            if interrupted {
                // Drain what is ready without waiting for anything still running.
                while let Some(Some((inputs, outcomes))) = rows.next().now_or_never() {
                    for outcome in outcomes {
                        counts.add(&outcome);
                        outputs.add(outcome)?;
                    }
                    done += inputs;
                }
                break;
            }
        }
        anyhow::Ok(interrupted)
    })?;
    progress.finish_and_clear();
    if let Some(Err(error)) = matcher.peek() {
        bail!("cannot compile the rules: {error}");
    }
    // Work still running on the pool is abandoned: its results have nowhere to go.
    runtime.shutdown_background();
    let best = outputs.finish()?;
    if interrupted {
        return Ok((Exit::Interrupted { done, total }, counts));
    }
    if let Some(threshold) = args.fail_under
        && !best.is_some_and(|best| best >= threshold)
    {
        return Ok((Exit::BelowThreshold, counts));
    }
    if broken.is_some_and(|broken| broken.load(Ordering::Relaxed)) {
        return Ok((Exit::StreamBroken, counts));
    }
    // In a stream an error row is data: the run succeeded when every line was answered.
    let exit = if counts.not_ok() == 0 || args.jsonl_in.is_some() {
        Exit::Success
    } else {
        Exit::SomeFailed
    };
    Ok((exit, counts))
}

/// Resolves on the first SIGINT or SIGTERM. The handlers are installed now, in `runtime`.
fn interruption(runtime: &tokio::runtime::Runtime) -> Result<impl Future<Output = ()> + use<>> {
    use tokio::signal::unix::{SignalKind, signal};
    let _entered = runtime.enter();
    let mut interrupt = signal(SignalKind::interrupt()).context("cannot handle SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("cannot handle SIGTERM")?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

/// The compiled rules, ready or not yet.
type MatcherFuture = futures_util::future::Shared<
    futures_util::future::BoxFuture<'static, Result<Arc<Matcher>, String>>,
>;

/// Compiles the rules on `pool`; the future resolves when they are ready.
fn compile_in_background(pool: &rayon::ThreadPool, rules: RuleSet) -> MatcherFuture {
    use futures_util::FutureExt;
    let (tx, rx) = tokio::sync::oneshot::channel();
    pool.spawn(move || {
        let _ = tx.send(Matcher::new(rules).map(Arc::new).map_err(|e| e.to_string()));
    });
    async move {
        rx.await
            .unwrap_or_else(|_| Err("the compilation of the rules panicked".to_owned()))
    }
    .boxed()
    .shared()
}

/// What every task of a `score` run shares.
struct Shared {
    matcher: MatcherFuture,
    pool: Arc<rayon::ThreadPool>,
    fetcher: Option<Arc<Fetcher>>,
    /// What analyses carry beyond skills and scores: a MinHash signature (`--dedup`), the
    /// technologies a posting names (with a candidate profile).
    extras: analysis::Extras,
    /// Where the job-board APIs are.
    board_apis: BoardApis,
    /// Board API answers of this run, by API URL: a board is fetched once however many of its
    /// postings are given.
    boards: Mutex<HashMap<String, Arc<BoardCell>>>,
}

/// A board's postings, the postings of its listing that failed, and how the list was fetched.
type Listed = (Arc<Vec<BoardPosting>>, Arc<Vec<FailedPosting>>, FetchInfo);
type BoardCell = OnceCell<Result<Listed, (BoardError, FetchInfo)>>;

/// Runs `work` on the worker threads; `None` when it panicked.
async fn on_pool<T: Send + 'static>(
    pool: &rayon::ThreadPool,
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    pool.spawn(move || {
        // Caught here: a panic in `spawn` would otherwise abort the whole process.
        if let Ok(done) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
            let _ = tx.send(done);
        }
    });
    rx.await.ok()
}

/// What one task of a run handles: a URL, or a run of local inputs (files, inline postings,
/// inputs that cannot be read) analysed one after the other on one worker.
enum Unit {
    Url(String, url::Url, Option<Box<StreamLine>>),
    Local(Vec<Input>),
}

/// Groups consecutive local inputs into [`Unit::Local`] batches of up to `batch`, in order.
struct Units<I> {
    inputs: I,
    batch: usize,
    /// A URL input read while filling a batch: the next unit.
    pending: Option<Unit>,
}

impl<I: Iterator<Item = Input>> Iterator for Units<I> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        if let Some(unit) = self.pending.take() {
            return Some(unit);
        }
        let mut local = Vec::new();
        while local.len() < self.batch {
            let Some(input) = self.inputs.next() else {
                break;
            };
            match input.target {
                Ok(Target::Url(url)) => {
                    let unit = Unit::Url(input.source, url, input.line);
                    if local.is_empty() {
                        return Some(unit);
                    }
                    self.pending = Some(unit);
                    break;
                }
                target => local.push(Input { target, ..input }),
            }
        }
        (!local.is_empty()).then_some(Unit::Local(local))
    }
}

/// One unit -> how many inputs it held, and their rows (one per input, or one per open posting
/// of a job board).
async fn process(context: Arc<Shared>, unit: Unit) -> (usize, Vec<Outcome>) {
    match unit {
        Unit::Local(inputs) => (inputs.len(), process_local(&context, inputs).await),
        Unit::Url(source, url, line) => {
            let mut outcomes = match Board::recognise(&url) {
                Some(board) => process_board(&context, &source, &board).await,
                None => vec![process_page(&context, &source, &url).await],
            };
            // Every row of a board answers the same line, and carries its fields.
            for outcome in &mut outcomes {
                outcome.line.clone_from(&line);
            }
            (1, outcomes)
        }
    }
}

/// Analyses local inputs on one worker, in order, once the matcher is compiled. A panic
/// becomes that input's failed row; a failed compilation, every input's.
async fn process_local(context: &Shared, inputs: Vec<Input>) -> Vec<Outcome> {
    let matcher = match context.matcher.clone().await {
        Ok(matcher) => matcher,
        Err(e) => {
            return inputs
                .iter()
                .map(|i| Outcome::failed(&i.source, None, InputError::Internal(e.clone())))
                .collect();
        }
    };
    let sources: Vec<String> = inputs.iter().map(|i| i.source.clone()).collect();
    let extras = context.extras;
    on_pool(&context.pool, move || {
        inputs
            .into_iter()
            .flat_map(
                |Input {
                     source,
                     target,
                     line,
                 }| {
                    let analysis = std::panic::AssertUnwindSafe(|| match target {
                        Err(error) => vec![Outcome::failed(&source, None, error)],
                        // One row, or one per posting of a file that holds many.
                        Ok(Target::File(path, format)) => {
                            analysis::analyze_file_rows(&matcher, &source, &path, format, extras)
                        }
                        Ok(Target::Inline(format, text)) => vec![analysis::analyze_inline(
                            &matcher,
                            &source,
                            text.as_bytes(),
                            format,
                            extras,
                        )],
                        // Never batched: a URL is a unit of its own.
                        Ok(Target::Url(_)) => vec![crashed(&source, None)],
                    });
                    let mut outcomes = std::panic::catch_unwind(analysis)
                        .unwrap_or_else(|_| vec![crashed(&source, None)]);
                    for outcome in &mut outcomes {
                        outcome.line.clone_from(&line);
                    }
                    outcomes
                },
            )
            .collect()
    })
    .await
    .unwrap_or_else(|| sources.iter().map(|s| crashed(s, None)).collect())
}

/// Runs `work` (the matcher, the source, what analyses carry) on the worker pool once
/// the matcher is compiled; a failed compilation or a panic becomes the input's failed row,
/// with `fetch` when the input was fetched.
async fn analyze_on_pool(
    context: &Shared,
    source: &str,
    fetch: Option<FetchInfo>,
    work: impl FnOnce(&Matcher, &str, analysis::Extras) -> Outcome + Send + 'static,
) -> Outcome {
    let matcher = match context.matcher.clone().await {
        Ok(matcher) => matcher,
        Err(e) => return Outcome::failed(source, fetch, InputError::Internal(e)),
    };
    let work_source = source.to_owned();
    let extras = context.extras;
    on_pool(&context.pool, move || work(&matcher, &work_source, extras))
        .await
        .unwrap_or_else(|| crashed(source, fetch))
}

fn crashed(source: &str, fetch: Option<FetchInfo>) -> Outcome {
    Outcome::failed(
        source,
        fetch,
        InputError::Internal("the analysis of this input panicked".into()),
    )
}

async fn process_page(context: &Shared, source: &str, url: &url::Url) -> Outcome {
    let Some(fetcher) = &context.fetcher else {
        return crashed(source, None);
    };
    match fetcher.get(url).await {
        Err(error) => Outcome::failed(
            source,
            Some(FetchInfo::failed(url.as_str(), &error)),
            error.into(),
        ),
        Ok(response) => {
            let info = FetchInfo::of(url.as_str(), &response);
            let work_url = url.to_string();
            analyze_on_pool(
                context,
                source,
                Some(info),
                move |matcher, source, extras| {
                    analysis::analyze_response(matcher, source, &work_url, &response, extras)
                },
            )
            .await
        }
    }
}

async fn process_board(context: &Shared, source: &str, board: &Board) -> Vec<Outcome> {
    let Some(fetcher) = &context.fetcher else {
        return vec![crashed(source, None)];
    };
    let api = match board.api_url(&context.board_apis) {
        Ok(api) => api,
        Err(reason) => {
            let board = board.kind.name();
            let error = BoardError::ApiUrl { board, reason };
            return vec![Outcome::failed(source, None, error.into())];
        }
    };
    let cell = {
        let mut boards = match context.boards.lock() {
            Ok(boards) => boards,
            Err(poisoned) => poisoned.into_inner(),
        };
        Arc::clone(boards.entry(api.to_string()).or_default())
    };
    let listed = cell
        .get_or_init(|| async {
            match boards::fetch_board(fetcher, &context.board_apis, board).await {
                Ok(answer) => Ok((
                    Arc::new(answer.postings),
                    Arc::new(answer.failed),
                    FetchInfo::of(source, &answer.response),
                )),
                Err(error) => {
                    let info = FetchInfo::of_board_error(source, &error);
                    Err((error, info))
                }
            }
        })
        .await;
    let (postings, failed, info) = match listed {
        Ok(listed) => listed.clone(),
        Err((error, info)) => {
            let info = FetchInfo {
                url: source.to_owned(),
                ..info.clone()
            };
            return vec![Outcome::failed(source, Some(info), error.clone().into())];
        }
    };
    let info = FetchInfo {
        url: source.to_owned(),
        ..info
    };
    let chosen = match boards::choose(board, &postings) {
        Ok(chosen) => chosen,
        Err(_) if !failed.is_empty() => Vec::new(),
        Err(error) => return vec![Outcome::failed(source, Some(info), error.into())],
    };
    let matcher = match context.matcher.clone().await {
        Ok(matcher) => matcher,
        Err(e) => return vec![Outcome::failed(source, Some(info), InputError::Internal(e))],
    };
    let work_info = info.clone();
    let extras = context.extras;
    let analysed = on_pool(&context.pool, move || {
        chosen
            .iter()
            .map(|p| analysis::analyze_board_posting(&matcher, p, work_info.clone(), extras))
            .collect::<Vec<Outcome>>()
    })
    .await;
    let Some(analysed) = analysed else {
        return vec![crashed(source, Some(info))];
    };
    // A listing's postings that failed take their places among the others.
    let mut rows = analysed.into_iter();
    let mut outcomes = Vec::with_capacity(rows.len() + failed.len());
    for failure in failed.iter() {
        while outcomes.len() < failure.position {
            match rows.next() {
                Some(row) => outcomes.push(row),
                None => break,
            }
        }
        let fetch = FetchInfo::of_board_error(&failure.url, &failure.error);
        outcomes.push(Outcome::failed(
            &failure.url,
            Some(fetch),
            failure.error.clone().into(),
        ));
    }
    outcomes.extend(rows);
    outcomes
}

/// The example checks of `jobfit rules check`.
fn jobfit_check(rules: &RuleSet) -> Result<crate::matcher::CheckReport> {
    Ok(crate::matcher::check(rules)?)
}

/// `jobfit rules list` and `jobfit rules check`.
pub fn rules(command: &RulesCommand, stdout: &mut dyn Write) -> Result<Exit> {
    match command {
        RulesCommand::List { rules } => {
            report::write_rules(stdout, &RuleSet::load(rules)?)?;
        }
        RulesCommand::Check { rules, files } => {
            let paths: Vec<PathBuf> = rules.iter().chain(files).cloned().collect();
            let set = RuleSet::load(&paths)?;
            let report = jobfit_check(&set)?;
            let names: Vec<String> = if paths.is_empty() {
                vec![crate::rules::DEFAULT_RULES_NAME.to_owned()]
            } else {
                paths.iter().map(|f| f.display().to_string()).collect()
            };
            for finding in &report.findings {
                writeln!(stdout, "{finding}")?;
            }
            let failures = report.findings.iter().filter(|f| !f.is_warning()).count();
            let warnings = report.findings.len() - failures;
            writeln!(
                stdout,
                "{}: {}, {} skills in {} categories; {} examples and {} counter-examples checked, {} failed; {} of {} excludes needed by no counter-example",
                names.join(", "),
                if failures == 0 { "ok" } else { "FAILED" },
                set.skills.len(),
                set.categories.len(),
                report.examples,
                report.counter_examples,
                failures,
                warnings,
                report.excludes,
            )?;
            if failures > 0 {
                return Ok(Exit::SomeFailed);
            }
        }
    }
    Ok(Exit::Success)
}

/// A rate as a whole number with thousands separators (`12,801`).
fn rate(per_sec: f64) -> String {
    let whole = if per_sec.is_finite() && per_sec > 0.0 {
        per_sec.round() as u64
    } else {
        0
    };
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn progress_bar(total: Option<usize>, wanted: bool) -> ProgressBar {
    if !wanted || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(total.map(|t| t as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {pos}/{len} postings, {msg}, {rate} [{elapsed_precise}]",
    ) {
        // Whole postings per second: indicatif's own {per_sec} prints "12,801.1163/s".
        bar.set_style(style.with_key(
            "rate",
            |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                let _ = write!(out, "{}/s", rate(state.per_sec()));
            },
        ));
    }
    bar.set_message("0 failed");
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> Input {
        Input {
            source: name.to_owned(),
            target: Ok(Target::File(
                PathBuf::from(name),
                crate::extract::Format::Markdown,
            )),
            line: None,
        }
    }

    fn url(name: &str) -> Input {
        Input {
            source: name.to_owned(),
            target: url::Url::parse(name)
                .map(Target::Url)
                .map_err(|e| InputError::BadUrl(e.to_string())),
            line: None,
        }
    }

    fn shape(units: impl Iterator<Item = Unit>) -> Vec<String> {
        units
            .map(|unit| match unit {
                Unit::Url(source, _, _) => format!("url {source}"),
                Unit::Local(inputs) => {
                    let names: Vec<&str> = inputs.iter().map(|i| i.source.as_str()).collect();
                    names.join(",")
                }
            })
            .collect()
    }

    #[test]
    fn rates_are_whole_numbers_with_separators() {
        assert_eq!(rate(12_801.116_3), "12,801");
        assert_eq!(rate(999.5), "1,000");
        assert_eq!(rate(7.2), "7");
        assert_eq!(rate(1_234_567.0), "1,234,567");
        assert_eq!(rate(f64::NAN), "0");
        assert_eq!(rate(f64::INFINITY), "0");
    }

    #[test]
    fn units_batch_local_inputs_in_order_and_keep_urls_apart() {
        let missing = Input {
            source: "gone.md".to_owned(),
            target: Err(InputError::NotFound),
            line: None,
        };
        let inputs = vec![
            file("a"),
            file("b"),
            missing,
            file("c"),
            url("https://example.com/1"),
            url("https://example.com/2"),
            file("d"),
        ];
        let units = Units {
            inputs: inputs.into_iter(),
            batch: 3,
            pending: None,
        };
        assert_eq!(
            shape(units),
            [
                "a,b,gone.md",
                "c",
                "url https://example.com/1",
                "url https://example.com/2",
                "d"
            ]
        );
        let one = Units {
            inputs: vec![file("a"), file("b")].into_iter(),
            batch: 1,
            pending: None,
        };
        assert_eq!(shape(one), ["a", "b"]);
    }
}
