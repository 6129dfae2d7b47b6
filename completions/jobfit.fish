# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_jobfit_global_optspecs
    string join \n h/help V/version
end

function __fish_jobfit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_jobfit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_jobfit_using_subcommand
    set -l cmd (__fish_jobfit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c jobfit -n "__fish_jobfit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jobfit -n "__fish_jobfit_needs_command" -s V -l version -d 'Print version'
complete -c jobfit -n "__fish_jobfit_needs_command" -f -a "score" -d 'Score postings against the skill map and write CSV tables'
complete -c jobfit -n "__fish_jobfit_needs_command" -f -a "explain" -d 'Explain, for one posting, why each skill matched, with evidence'
complete -c jobfit -n "__fish_jobfit_needs_command" -f -a "profile" -d 'Read a résumé and print the candidate profile it shows, as editable TOML for --profile'
complete -c jobfit -n "__fish_jobfit_needs_command" -f -a "rules" -d 'List or validate rule files'
complete -c jobfit -n "__fish_jobfit_needs_command" -f -a "completions" -d 'Write the shell completion script of SHELL to stdout'
complete -c jobfit -n "__fish_jobfit_needs_command" -f -a "man" -d 'Write the man page (roff, jobfit.1) to stdout'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l input-file -d 'Read inputs from FILE, one per line; blank lines and `#` comments are skipped (repeatable; read after the INPUT arguments)' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l jsonl-in -d 'Read postings as JSON lines from FILE (`-`: stdin), `{"id": ..., "url"|"html"|"markdown"| "text": "..."}`, and write one row per line (JSON lines unless `--format csv`), streaming: the map step of a distributed job. Exits 0 when every line was answered' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -s o -l output -d 'Write the postings table to FILE instead of stdout' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l matches -d 'Also write one row per posting and matched skill, with evidence, to FILE' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l summary -d 'Also write one row per skill of the map, with how many postings ask for it, to FILE' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l by -d 'Break the summary (and the report\'s demand) down by COLUMN: a postings column (remote, seniority, language, company, employment_type...), `month` or `year` of date_posted, or a field passed through from --jsonl-in (`meta.market`); repeatable' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l pairs -d 'Also write which skills come together to FILE: skill_a, skill_b, postings, share_of_a, lift' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l min-pairs -d 'The fewest postings a pair of skills needs to be a row of --pairs' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l xlsx -d 'Also write one spreadsheet workbook to FILE (.xlsx) with a sheet per table: postings, matches, summary (by --by) and pairs (--min-pairs), whatever CSV files are asked for; numbers as numbers, text as text (never a formula), URLs as links' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l rules -d 'Score against this rule file instead of the built-in skill map (repeatable: files are merged)' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l sites -d 'Site profiles to add to the built-in ones (repeatable; a later file\'s profile of a host wins): host patterns and CSS selectors for title, company, location, description and parts to drop, and label words to add. See "Site profiles" in README.md' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -s j -l jobs -d 'Number of worker threads, 1 to 256 (default: all cores)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l shard -d 'Score only part K of N of the inputs (by a stable hash of each input), so that N machines can split one list without coordination; their outputs concatenate' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l format -d 'Format of the postings output: `csv` (the default), or `jsonl` (one JSON object per posting, with its matches nested; the default with `--jsonl-in`)' -r -f -a "csv\t'CSV, one row per posting'
jsonl\t'JSON lines, one object per posting with its matches'"
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l html -d 'Also write a self-contained HTML report (charts, sortable table, evidence) to FILE' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l profile -d 'Candidate profile, a TOML file `skills = ["rust", ...]` (`jobfit profile RESUME` writes one): adds the columns fit, missing_required, missing_preferred and experience_gap' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l resume -d 'Candidate résumé (.md .txt .html .json JSON Resume, .pdf, .docx): the profile it shows (`jobfit profile FILE` prints it) gives the fit columns, as --profile does' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l sort -d 'Order the rows by `score` or `fit`, highest first (default: input order)' -r -f -a "score\t'The overall score'
fit\t'The candidate fit (needs --profile)'"
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l fail-under -d 'Exit with code 1 when no posting reaches score N (fit N with --profile)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l concurrency -d 'Requests in flight at once, overall (1 to 4096)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l per-host -d 'Requests in flight at once to one host (1 to 4096)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l delay -d 'Minimum time between the starts of two requests to one host, in milliseconds (at most an hour, 3600000)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l timeout -d 'Time limit of one request (connection, redirects and body), in seconds' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l retries -d 'Retries on timeouts, connection errors, 429 and 5xx, with exponential backoff and jitter; `Retry-After` is honoured up to 60 s (0 to 100)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l max-bytes -d 'Largest response body read, in bytes; larger ones are error rows (download stopped)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l user-agent -d 'The User-Agent header [default: jobfit/<version> (+<repository>)]' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l cache-dir -d 'Keep fetched pages in DIR and revalidate them on the next run [default: the user cache directory, e.g. ~/.cache/jobfit]' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l greenhouse-api -d 'Base URL of Greenhouse\'s job board API' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l lever-api -d 'Base URL of Lever\'s postings API' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l ashby-api -d 'Base URL of Ashby\'s posting API' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l workday-api -d 'Base URL of Workday\'s job endpoints [default: each career site\'s own host]' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l smartrecruiters-api -d 'Base URL of SmartRecruiters\' Posting API' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l workable-api -d 'Base URL of Workable\'s careers widget' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l recruitee-api -d 'Base URL of Recruitee\'s offers API [default: each careers site\'s own host]' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l personio-api -d 'Base URL of Personio\'s XML feeds [default: each careers site\'s own host]' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l hh-api -d 'Base URL of hh.ru\'s API (vacancies of hh.ru, hh.kz and rabota.by)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l paste -d 'Read one posting\'s text from stdin (plain text, Markdown or HTML, as copied from a browser), scored before any INPUT; its row\'s source is `(stdin)`'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l no-progress -d 'Do not show the progress bar (it is shown only when stderr is a terminal)'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l excel -d 'Start CSV files with a UTF-8 byte-order mark, so that Excel reads accents correctly'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l dedup -d 'Detect near-duplicate postings (same employer, near-identical text) and name the first occurrence in the duplicate_of column; --summary then counts each posting once'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l ignore-robots -d 'Fetch URLs even when robots.txt disallows them'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l no-cache -d 'Do not read or write the cache'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -l offline -d 'Answer URLs from the cache only; never use the network'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -s h -l help -d 'Print help'
complete -c jobfit -n "__fish_jobfit_using_subcommand score" -s V -l version -d 'Print version'
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l rules -d 'Use this rule file instead of the built-in skill map (repeatable: files are merged)' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l sites -d 'Site profiles to add to the built-in ones (repeatable), as for `score`' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l color -d 'When to highlight hits with colour' -r -f -a "auto\t'When stdout is a terminal'
always\t'Always'
never\t'Never'"
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l profile -d 'Candidate profile (TOML): also explain how well the posting fits it' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l resume -d 'Candidate résumé: also explain how well the posting fits the profile it shows' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l concurrency -d 'Requests in flight at once, overall (1 to 4096)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l per-host -d 'Requests in flight at once to one host (1 to 4096)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l delay -d 'Minimum time between the starts of two requests to one host, in milliseconds (at most an hour, 3600000)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l timeout -d 'Time limit of one request (connection, redirects and body), in seconds' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l retries -d 'Retries on timeouts, connection errors, 429 and 5xx, with exponential backoff and jitter; `Retry-After` is honoured up to 60 s (0 to 100)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l max-bytes -d 'Largest response body read, in bytes; larger ones are error rows (download stopped)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l user-agent -d 'The User-Agent header [default: jobfit/<version> (+<repository>)]' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l cache-dir -d 'Keep fetched pages in DIR and revalidate them on the next run [default: the user cache directory, e.g. ~/.cache/jobfit]' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l greenhouse-api -d 'Base URL of Greenhouse\'s job board API' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l lever-api -d 'Base URL of Lever\'s postings API' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l ashby-api -d 'Base URL of Ashby\'s posting API' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l workday-api -d 'Base URL of Workday\'s job endpoints [default: each career site\'s own host]' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l smartrecruiters-api -d 'Base URL of SmartRecruiters\' Posting API' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l workable-api -d 'Base URL of Workable\'s careers widget' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l recruitee-api -d 'Base URL of Recruitee\'s offers API [default: each careers site\'s own host]' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l personio-api -d 'Base URL of Personio\'s XML feeds [default: each careers site\'s own host]' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l hh-api -d 'Base URL of hh.ru\'s API (vacancies of hh.ru, hh.kz and rabota.by)' -r
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l ignore-robots -d 'Fetch URLs even when robots.txt disallows them'
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l no-cache -d 'Do not read or write the cache'
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -l offline -d 'Answer URLs from the cache only; never use the network'
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jobfit -n "__fish_jobfit_using_subcommand explain" -s V -l version -d 'Print version'
complete -c jobfit -n "__fish_jobfit_using_subcommand profile" -l rules -d 'Use this rule file instead of the built-in skill map (repeatable: files are merged)' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand profile" -s h -l help -d 'Print help'
complete -c jobfit -n "__fish_jobfit_using_subcommand profile" -s V -l version -d 'Print version'
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and not __fish_seen_subcommand_from list check" -s h -l help -d 'Print help'
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and not __fish_seen_subcommand_from list check" -s V -l version -d 'Print version'
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and not __fish_seen_subcommand_from list check" -f -a "list" -d 'Print the skill map as CSV: skill_id, skill, category, kind, weight'
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and not __fish_seen_subcommand_from list check" -f -a "check" -d 'Validate rule files and check their examples: exit 0 when they load and every example and counter-example holds, 1 when one does not, 2 when a file does not load. Excludes that no counter-example needs are warnings'
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and __fish_seen_subcommand_from list" -l rules -d 'List this rule file instead of the built-in skill map (repeatable: files are merged)' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and __fish_seen_subcommand_from check" -l rules -d 'A rule file to check (repeatable: files are merged); the built-in skill map when no file is given' -r -F
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c jobfit -n "__fish_jobfit_using_subcommand rules; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c jobfit -n "__fish_jobfit_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jobfit -n "__fish_jobfit_using_subcommand completions" -s V -l version -d 'Print version'
complete -c jobfit -n "__fish_jobfit_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jobfit -n "__fish_jobfit_using_subcommand man" -s V -l version -d 'Print version'
