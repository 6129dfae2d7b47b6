#!/usr/bin/env python3
"""Runs the README's map-step recipes (PySpark, Spark's Scala shell, GNU parallel) for real.

Each recipe is the first fenced code block after its marker line in the README
(`<!-- recipe: pyspark -->`, `<!-- recipe: spark-scala -->`, `<!-- recipe: parallel -->`) and is
run as written, in a fresh directory holding `postings.jsonl`, with the jobfit under test first
on PATH: PySpark through `spark-submit --master local[2]`, Scala through
`spark-shell --master local[2] -i recipe.scala` with stdin closed, parallel with its `--block`
made small so that the input goes to several jobfit processes.

The input is every fixture posting (tests/fixtures/postings) as a JSON line, with a pass-through
field, and between them the lines a real feed has: blank, not JSON, JSON without a posting key, a
JSON array, no id, a number id, a CRLF line end, and lines that are not UTF-8.

What is checked, against the single-process run `jobfit score --jsonl-in postings.jsonl` and the
streaming contract (one row per input line, in input order; `source` the id or `line:` + FNV-1a;
pass-through fields under `input`; exit 0 when every line was answered):

- every recipe exits 0, and gives one row per input line, in input order;
- its rows equal the single-process rows, JSON value for JSON value, except where Spark changed
  the input itself (see `spark_view`): those lines are compared with jobfit's row for the line
  as Spark handed it over;
- Spark's output reads back with tests/spark/schema.ddl in FAILFAST mode, with no corrupt
  record and the same row count.

Standard library only; pyspark only inside the spark-submit run of `--schema-check`.
Usage: tests/spark/recipes.py [--readme PATH] [--jobfit PATH] [--only pyspark|scala|parallel]
       [--only-valid] [--keep] [--print pyspark|scala|parallel]
Ends with the line `N passed, N failed`; exits 1 when a check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# recipe name -> (marker name, accepted fence languages)
RECIPES = {
    "pyspark": ("pyspark", {"python", "py"}),
    "scala": ("spark-scala", {"scala"}),
    "parallel": ("parallel", {"sh", "bash", "shell", "console"}),
}
POSTING_KEYS = ("url", "html", "markdown", "text")
PARALLEL_BLOCK = "300k"  # several blocks for the ~3.4 MB input (parallel grows it past long lines)

LOG4J2 = """\
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
logger.jetty.name = org.sparkproject.jetty
logger.jetty.level = error
"""


class Checks:
    """Counts and prints named checks."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"PASS {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        sys.stdout.flush()
        return ok


# ---------------------------------------------------------------------------------------------
# Recipes


def extract_recipes(text: str) -> dict[str, str]:
    """The first fenced code block after each `<!-- recipe: NAME -->` line, by recipe name."""
    lines = text.splitlines()
    found: dict[str, str] = {}
    for name, (marker, languages) in RECIPES.items():
        pattern = re.compile(r"^\s*<!--\s*recipe:\s*" + re.escape(marker) + r"\s*-->\s*$")
        starts = [i for i, line in enumerate(lines) if pattern.match(line)]
        if len(starts) != 1:
            raise SystemExit(f"recipes: expected one `<!-- recipe: {marker} -->` line, found {len(starts)}")
        i = starts[0] + 1
        while i < len(lines) and not lines[i].lstrip().startswith("```"):
            i += 1
        if i == len(lines):
            raise SystemExit(f"recipes: no fenced code block after `<!-- recipe: {marker} -->`")
        fence = lines[i].strip()
        ticks = len(fence) - len(fence.lstrip("`"))
        language = fence[ticks:].strip().split()[0] if fence[ticks:].strip() else ""
        if language not in languages:
            raise SystemExit(f"recipes: the block after `{marker}` is ```{language}, expected one of {sorted(languages)}")
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != "`" * ticks:
            body.append(lines[i])
            i += 1
        if i == len(lines):
            raise SystemExit(f"recipes: the block after `{marker}` is not closed")
        found[name] = "\n".join(body) + "\n"
    return found


# ---------------------------------------------------------------------------------------------
# Input and what the contract expects of it


def fnv1a(data: bytes) -> int:
    """64-bit FNV-1a, as jobfit hashes a line without an id."""
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def posting_line(obj: dict) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def build_input(postings: Path, only_valid: bool) -> list[bytes]:
    """The input lines (without their `\\n`): every fixture, and the awkward lines among them."""
    files = sorted(p for p in postings.iterdir() if p.suffix in (".md", ".html"))
    good = []
    for n, path in enumerate(files):
        key = "html" if path.suffix == ".html" else "markdown"
        text = path.read_text(encoding="utf-8")
        good.append(posting_line({"id": path.name, key: text, "meta": {"file": path.name, "n": n}}))
    if only_valid:
        return good
    md = [p for p in files if p.suffix == ".md"]
    first = md[0].read_text(encoding="utf-8")
    second = md[1].read_text(encoding="utf-8")
    latin1 = "Caf\u00e9 au lait, r\u00e9sum\u00e9: Rust, Kubernetes and PostgreSQL. "
    odd: list[bytes] = [
        b"",  # blank
        b"  \t ",  # blank but for spaces
        b"this is not JSON at all",
        b'{"id": "truncated", "markdown": "Rust and Go',  # JSON cut short
        posting_line({"id": "no-posting-key", "meta": {"why": "no url/html/markdown/text"}}),
        b'["a", "JSON", "array"]',
        posting_line({"markdown": first, "meta": {"why": "no id"}}),
        posting_line({"text": "Senior Rust engineer: Tokio, PostgreSQL, Kubernetes; 5+ years."}),
        posting_line({"id": 42, "text": "Data engineer with Python, Spark and Airflow.", "meta": {"why": "number id"}}),
        posting_line({"id": "crlf-line", "markdown": second, "meta": {"why": "CRLF line end"}}) + b"\r",
        # Not UTF-8: a Latin-1 byte inside a posting's text, one in the id, one in a line without
        # an id (whose `line:` hash is of the raw bytes).
        posting_line({"id": "latin1-text", "text": "@@", "meta": {"why": "Latin-1 in text"}}).replace(
            b"@@", latin1.encode("latin-1")
        ),
        posting_line({"id": "caf@@-id", "text": latin1, "meta": {"why": "Latin-1 in id"}}).replace(
            b"@@", "\u00e9".encode("latin-1")
        ),
        posting_line({"text": "@@", "meta": {"why": "Latin-1, no id"}}).replace(b"@@", latin1.encode("latin-1")),
    ]
    # Spread the awkward lines over the file, so that every Spark partition and parallel block
    # has some; keep one at the very start and one at the very end.
    lines: list[bytes] = [odd[0]]
    step = max(1, len(good) // (len(odd) - 1))
    rest = odd[1:-1]
    for i, line in enumerate(good):
        lines.append(line)
        if (i + 1) % step == 0 and rest:
            lines.append(rest.pop(0))
    lines.extend(rest)
    lines.append(odd[-1])
    return lines


# jobfit's reading of `"id": ...` in a line that is not valid JSON (src/input/jsonl.rs): beyond
# the contract as first written, a malformed line keeps an id that can still be read.
SALVAGED_ID = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)')


def id_text(ident) -> str | None:
    """An id's text: a string as it is, a number as serde_json writes it."""
    if isinstance(ident, str):
        return ident
    if isinstance(ident, (int, float)) and not isinstance(ident, bool):
        return json.dumps(ident)
    return None


def expected_source(raw: bytes) -> str:
    """The row's `source` by the contract: the id (a string, or a number's text), else `line:` and
    the FNV-1a hash of the line's bytes (without the line end, \n or \r\n)."""
    if raw.endswith(b"\r"):  # CRLF: the \r is part of the line end
        raw = raw[:-1]
    text = raw.decode("utf-8", "replace").strip()
    try:
        value = json.loads(text)
    except ValueError:
        found = SALVAGED_ID.search(text)
        try:
            salvaged = id_text(json.loads(found.group(1))) if found else None
        except ValueError:
            salvaged = None
        return salvaged if salvaged is not None else f"line:{fnv1a(raw):016x}"
    ident = id_text(value.get("id")) if isinstance(value, dict) else None
    return ident if ident is not None else f"line:{fnv1a(raw):016x}"


def expected_input(raw: bytes):
    """The row's `input` by the contract: the object's fields but its posting key (None when the
    line is not a JSON object)."""
    try:
        value = json.loads(raw.decode("utf-8", "replace"))
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    return {k: v for k, v in value.items() if k not in POSTING_KEYS}


def spark_view(raw: bytes) -> list[bytes]:
    """The records Spark's textFile makes of one input line, as UTF-8 bytes. Hadoop's
    LineRecordReader ends a line at \\n, \\r\\n or a lone \\r, and Text.toString() decodes the
    bytes with U+FFFD for every byte that is not UTF-8 (as Python's errors="replace" does for the
    Latin-1 bytes used here): so jobfit, under Spark, never sees a non-UTF-8 line nor a CR."""
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    return [part.decode("utf-8", "replace").encode("utf-8") for part in re.split(rb"\r", raw)]


def parse_rows(data: bytes) -> tuple[list, list[str]]:
    """JSON rows of jobfit's output, and the lines that were not JSON."""
    rows, bad = [], []
    for line in data.split(b"\n"):
        if not line:
            continue
        try:
            rows.append(json.loads(line.decode("utf-8")))
        except ValueError:
            rows.append(None)
            bad.append(line[:200].decode("utf-8", "replace"))
    return rows, bad


def first_difference(got: list, want: list) -> str:
    if len(got) != len(want):
        return f"{len(got)} rows, expected {len(want)}"
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            if isinstance(g, dict) and isinstance(w, dict):
                keys = sorted(k for k in set(g) | set(w) if g.get(k) != w.get(k))
                detail = "; ".join(f"{k}: {str(g.get(k))[:120]!r} != {str(w.get(k))[:120]!r}" for k in keys[:3])
            else:
                detail = f"{str(g)[:120]!r} != {str(w)[:120]!r}"
            return f"{sum(1 for a, b in zip(got, want) if a != b)} rows differ; first, row {i + 1}: {detail}"
    return ""


# ---------------------------------------------------------------------------------------------
# Running


def run_logged(cmd, cwd: Path, env: dict, log: Path, stdin=subprocess.DEVNULL) -> tuple[int, float]:
    start = time.monotonic()
    with open(log.with_suffix(".out"), "wb") as out, open(log.with_suffix(".err"), "wb") as err:
        rc = subprocess.run(cmd, cwd=cwd, env=env, stdin=stdin, stdout=out, stderr=err).returncode
    return rc, time.monotonic() - start


def tail(path: Path, n: int = 25) -> str:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join("    | " + line[:300] for line in lines[-n:])


def spark_bin() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("pyspark")
    if spec is None or spec.origin is None:
        raise SystemExit("recipes: pyspark is not installed (pip install pyspark)")
    return Path(spec.origin).parent / "bin"


def spark_conf(tmp: Path) -> list[str]:
    """Local mode, no UI, every temp file under tmp, Spark's log at WARN on stderr only."""
    log4j = tmp / "log4j2.properties"
    if not log4j.exists():
        log4j.write_text(LOG4J2)
    (tmp / "java-tmp").mkdir(exist_ok=True)
    return [
        "--master", "local[2]",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.ui.showConsoleProgress=false",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", f"spark.local.dir={tmp / 'spark-local'}",
        "--conf", f"spark.sql.warehouse.dir={tmp / 'warehouse'}",
        "--driver-java-options",
        f"-Djava.io.tmpdir={tmp / 'java-tmp'} -Dlog4j2.configurationFile=file:{log4j} -Dderby.system.home={tmp}"
        f" -Duser.home={tmp / 'home'}",  # spark-shell's history file is ~/.scala_history_jline3
    ]


def read_parts(directory: Path) -> tuple[bytes, list[Path]]:
    """saveAsTextFile's part files in name order (= partition order), concatenated."""
    parts = sorted(directory.glob("part-*"))
    return b"".join(p.read_bytes() for p in parts), parts


def schema_check_job(result: Path, ddl_path: Path, outputs: list[str]) -> None:
    """Inside spark-submit: reads each output with the schema (FAILFAST, and PERMISSIVE with a
    corrupt-record column) and writes what it found to `result` as JSON."""
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    spark = SparkSession.builder.appName("jobfit-schema").getOrCreate()
    ddl = ddl_path.read_text(encoding="utf-8")
    schema = StructType.fromDDL(ddl)
    report = {"fields": schema.fieldNames(), "outputs": {}}
    for path in outputs:
        entry: dict = {}
        try:
            strict = spark.read.schema(schema).option("mode", "FAILFAST").json(path)
            entry["failfast_count"] = strict.count()
            rows = strict.select("source", "status", "input").collect()
            entry["rows"] = [[r["source"], r["status"], r["input"]] for r in rows]
        except Exception as error:  # noqa: BLE001 - reported, not raised
            entry["failfast_error"] = str(error)[:1500]
        try:
            loose_schema = StructType(schema.fields + [StructField("_corrupt_record", StringType())])
            loose = (
                spark.read.schema(loose_schema)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", "_corrupt_record")
                .json(path)
                .cache()
            )
            corrupt = loose.where("_corrupt_record IS NOT NULL").select("_corrupt_record").collect()
            entry["corrupt"] = [r[0][:300] for r in corrupt]
            entry["permissive_count"] = loose.count()
        except Exception as error:  # noqa: BLE001
            entry["permissive_error"] = str(error)[:1500]
        report["outputs"][path] = entry
    result.write_text(json.dumps(report))
    spark.stop()


# ---------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readme", default=str(ROOT / "README.md"), help="file holding the recipes (default README.md)")
    parser.add_argument("--jobfit", default=str(ROOT / "target/release/jobfit"), help="the jobfit binary under test")
    parser.add_argument("--only", choices=sorted(RECIPES), help="run one recipe")
    parser.add_argument("--postings", default=str(ROOT / "tests/fixtures/postings"))
    parser.add_argument("--schema", default=str(HERE / "schema.ddl"))
    parser.add_argument(
        "--only-valid",
        action="store_true",
        help="input of the fixture postings only (no blank, malformed or non-UTF-8 lines)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--print", choices=sorted(RECIPES), dest="print_recipe", help="print a recipe and exit")
    parser.add_argument("--schema-check", nargs="+", metavar="ARG", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.schema_check:  # the spark-submit side of the schema check
        result, ddl, *outputs = args.schema_check
        schema_check_job(Path(result), Path(ddl), outputs)
        return 0

    checks = Checks()
    if args.print_recipe:
        sys.stdout.write(extract_recipes(Path(args.readme).read_text(encoding="utf-8"))[args.print_recipe])
        return 0
    try:
        recipes = extract_recipes(Path(args.readme).read_text(encoding="utf-8"))
    except (OSError, SystemExit) as error:
        checks.check(f"the recipes can be read from {args.readme}", False, str(error))
        print(f"{checks.passed} passed, {checks.failed} failed")
        return 1
    names = [args.only] if args.only else list(RECIPES)
    binary = Path(args.jobfit).resolve()
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"recipes: {binary} is not an executable (cargo build --release)")

    tmp = Path(tempfile.mkdtemp(prefix="jobfit-recipes-"))
    try:
        return run(args, checks, recipes, names, binary, tmp)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def run(args, checks: Checks, recipes, names, binary: Path, tmp: Path) -> int:
    # A copy of the binary, first on PATH: the one in target/ may be rebuilt during the run.
    bindir = tmp / "bin"
    bindir.mkdir()
    shutil.copy2(binary, bindir / "jobfit")
    env = dict(os.environ)
    env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
    env["TMPDIR"] = str(tmp)
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    env.pop("PARALLEL", None)
    env["PARALLEL_HOME"] = str(tmp / "parallel-home")  # not ~/.parallel
    env["SPARK_LOCAL_IP"] = "127.0.0.1"  # loopback only
    jobfit = str(bindir / "jobfit")

    lines = build_input(Path(args.postings), args.only_valid)
    data = b"".join(line + b"\n" for line in lines)
    (tmp / "postings.jsonl").write_bytes(data)
    sources = [expected_source(line) for line in lines]
    print(f"input: {len(lines)} lines, {len(data) / 1e6:.1f} MB; recipes from {args.readme}")

    # The single-process reference.
    ref = subprocess.run(
        [jobfit, "score", "--jsonl-in", "postings.jsonl", "--no-cache", "--no-progress"],
        cwd=tmp, env=env, stdin=subprocess.DEVNULL, capture_output=True,
    )
    reference, bad = parse_rows(ref.stdout)
    checks.check("reference: exit 0", ref.returncode == 0, f"exit {ref.returncode}: {ref.stderr[-300:].decode(errors='replace')}")
    checks.check("reference: every output line is JSON", not bad, f"{len(bad)} are not: {bad[:2]}")
    checks.check("reference: one row per input line", len(reference) == len(lines), f"{len(reference)} rows for {len(lines)} lines")
    got_sources = [r.get("source") if isinstance(r, dict) else None for r in reference]
    checks.check("reference: sources are the ids or line: + FNV-1a, in input order", got_sources == sources,
                 first_difference(got_sources, sources))
    by_source = {s: r for s, r in zip(got_sources, reference) if isinstance(r, dict)}
    blank = [s for line, s in zip(lines, sources) if not line.strip()]
    checks.check("reference: a blank line is an error row",
                 bool(blank) == (not args.only_valid) and all(by_source.get(s, {}).get("status") == "error" for s in blank),
                 str([(s, by_source.get(s, {}).get("status")) for s in blank]))
    not_utf8 = []
    for line, s in zip(lines, sources):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(s)
    checks.check("reference: a non-UTF-8 line is scored, with a warning",
                 all(by_source.get(s, {}).get("status") == "ok" and by_source.get(s, {}).get("warnings") for s in not_utf8),
                 str([(s, by_source.get(s, {}).get("status"), by_source.get(s, {}).get("error")) for s in not_utf8]))
    inputs = [expected_input(line) for line in lines]
    got_inputs = [r.get("input") if isinstance(r, dict) else None for r in reference]
    wrong = [(i + 1, g, w) for i, (g, w) in enumerate(zip(got_inputs, inputs)) if w is not None and g != w]
    checks.check("reference: pass-through fields under `input`", not wrong and len(got_inputs) == len(inputs),
                 f"{len(wrong)} rows differ; first: line {wrong[0][0]}: {str(wrong[0][1])[:100]!r} != {str(wrong[0][2])[:100]!r}" if wrong else "")

    # What Spark hands jobfit where it changes a line: jobfit's rows for those lines as decoded.
    spark_expected = expected_under_spark(lines, reference, jobfit, tmp, env)

    timings = {}
    outputs = {}
    for name in names:
        work = tmp / f"run-{name}"
        work.mkdir()
        os.link(tmp / "postings.jsonl", work / "postings.jsonl")
        recipe = recipes[name]
        if name == "pyspark":
            (work / "recipe.py").write_text(recipe)
            cmd = [str(spark_bin() / "spark-submit"), *spark_conf(tmp), "recipe.py"]
            rc, secs = run_logged(cmd, work, env, work / "engine")
        elif name == "scala":
            (work / "recipe.scala").write_text(recipe)
            cmd = [str(spark_bin() / "spark-shell"), *spark_conf(tmp), "-i", "recipe.scala"]
            rc, secs = run_logged(cmd, work, env, work / "engine")
        else:
            small, count = re.subn(r"--block(?:size)?[ =]+(\d[\w.]*)", f"--block {PARALLEL_BLOCK}", recipe)
            checks.check("parallel: recipe has a --block to make small", count == 1, f"{count} --block options")
            (work / "recipe.sh").write_text(small)
            penv = dict(env, PARALLEL=f"--joblog {work / 'joblog'}")
            rc, secs = run_logged(["bash", "-euo", "pipefail", "recipe.sh"], work, penv, work / "engine")
        timings[name] = secs
        print(f"{name}: exit {rc} in {secs:.1f} s")
        if not checks.check(f"{name}: exit 0", rc == 0, f"exit {rc}\n{tail(work / 'engine.err')}"):
            pass
        if name == "parallel":
            out = work / "scored.jsonl"
            checks.check("parallel: wrote scored.jsonl", out.exists())
            output = out.read_bytes() if out.exists() else b""
            jobs = max(0, len((work / "joblog").read_text().splitlines()) - 1) if (work / "joblog").exists() else 0
            checks.check("parallel: the input went to several jobfit processes", jobs >= 2, f"{jobs} jobs")
            expected = reference
        else:
            scored = work / "scored"
            if name == "scala":  # spark-shell exits 0 whatever the script did: _SUCCESS says the job did
                checks.check("scala: the job committed (scored/_SUCCESS)", (scored / "_SUCCESS").exists(),
                             tail(work / "engine.err"))
            output, parts = read_parts(scored)
            nonempty = sum(1 for p in parts if p.stat().st_size)
            checks.check(f"{name}: at least 2 partitions, each with rows", len(parts) >= 2 and nonempty == len(parts),
                         f"{len(parts)} part files, {nonempty} with rows")
            expected = spark_expected
        outputs[name] = (str(work / "scored.jsonl") if name == "parallel" else str(work / "scored"), expected)
        rows, bad = parse_rows(output)
        checks.check(f"{name}: every output line is JSON", not bad, f"{len(bad)} are not: {bad[:2]}")
        # By the contract, from the input alone (what Spark hands over, for Spark).
        want_sources = sources if name == "parallel" else [expected_source(r) for line in lines for r in spark_view(line)]
        got = [r.get("source") if isinstance(r, dict) else None for r in rows]
        checks.check(f"{name}: every input line comes back once, in input order", got == want_sources,
                     first_difference(got, want_sources))
        checks.check(f"{name}: rows equal the single-process rows" + (" (as Spark decoded the input)" if name != "parallel" else ""),
                     rows == expected, first_difference(rows, expected))

    # Read back with the schema: the Spark outputs, and parallel's too when Spark runs anyway.
    if any(name != "parallel" for name in outputs):
        metas = {}
        for name in outputs:  # the input lines' `meta`, by source, as the recipe saw them
            records = lines if name == "parallel" else [r for line in lines for r in spark_view(line)]
            metas[name] = {}
            for record in records:
                fields = expected_input(record)
                if fields and "meta" in fields:
                    metas[name][expected_source(record)] = fields["meta"]
        schema_check(args, checks, outputs, metas, tmp, env)

    print("times: " + ", ".join(f"{n} {s:.1f} s" for n, s in timings.items()))
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


def expected_under_spark(lines: list[bytes], reference: list, jobfit: str, tmp: Path, env: dict) -> list:
    """The rows a Spark recipe must give: the single-process row for every line Spark hands over
    unchanged, and for a line it changes (decoded to U+FFFD, CR line end dropped, split at a lone
    CR) jobfit's rows for the records Spark made of it, from one more single-process run."""
    changed = [(i, spark_view(line)) for i, line in enumerate(lines) if spark_view(line) != [line]]
    if not changed:
        return list(reference)
    records = [r for _, view in changed for r in view]
    path = tmp / "as-spark-decoded.jsonl"
    path.write_bytes(b"".join(r + b"\n" for r in records))
    run = subprocess.run(
        [jobfit, "score", "--jsonl-in", str(path), "--no-cache", "--no-progress"],
        cwd=tmp, env=env, stdin=subprocess.DEVNULL, capture_output=True,
    )
    decoded, _ = parse_rows(run.stdout)
    if len(decoded) != len(records):  # fall back to one row per record, so the counts still show
        decoded = (decoded + [None] * len(records))[: len(records)]
    replacement = {}
    k = 0
    for i, view in changed:
        replacement[i] = decoded[k : k + len(view)]
        k += len(view)
    out = []
    for i, row in enumerate(reference + [None] * (len(lines) - len(reference))):
        out.extend(replacement.get(i, [row]))
    return out


def schema_check(args, checks: Checks, outputs: dict, metas: dict, tmp: Path, env: dict) -> None:
    """Reads the outputs (name -> (path, expected rows)) back with schema.ddl, in one spark-submit;
    `metas`: by output name, the pass-through field `meta` of the input lines, by source."""
    result = tmp / "schema-check.json"
    log = tmp / "schema-check"
    cmd = [str(spark_bin() / "spark-submit"), *spark_conf(tmp), str(Path(__file__).resolve()),
           "--schema-check", str(result), str(Path(args.schema).resolve()), *(p for p, _ in outputs.values())]
    rc, secs = run_logged(cmd, tmp, env, log)
    print(f"schema check: exit {rc} in {secs:.1f} s")
    if not checks.check("schema: spark-submit of the schema check exits 0", rc == 0 and result.exists(),
                        f"exit {rc}\n{tail(log.with_suffix('.err'))}"):
        return
    report = json.loads(result.read_text())
    fields = set(report["fields"])
    keys = set()
    for _, expected in outputs.values():
        keys |= {k for row in expected if isinstance(row, dict) for k in row}
    checks.check("schema: names every key of jobfit's rows", keys <= fields, f"missing {sorted(keys - fields)}")
    for name, (path, expected) in outputs.items():
        want_sources = sorted(str(r.get("source")) for r in expected if isinstance(r, dict))
        entry = report["outputs"][path]
        checks.check(f"{name}: reads back with schema.ddl in FAILFAST mode, same row count",
                     entry.get("failfast_count") == len(expected),
                     entry.get("failfast_error", f"{entry.get('failfast_count')} rows, expected {len(expected)}")[:1500])
        checks.check(f"{name}: no corrupt record (PERMISSIVE, columnNameOfCorruptRecord)",
                     "permissive_error" not in entry and not entry.get("corrupt") and entry.get("permissive_count") == len(expected),
                     entry.get("permissive_error", f"{len(entry.get('corrupt') or [])} corrupt: {(entry.get('corrupt') or [])[:2]}"))
        rows = entry.get("rows") or []
        checks.check(f"{name}: sources read back with the schema", sorted(str(r[0]) for r in rows) == want_sources)
        # `input` as MAP<STRING,STRING>: Spark keeps a nested object as its JSON text.
        got = {r[0]: (r[2] or {}).get("meta") for r in rows}
        bad_meta = []
        for source, meta in metas[name].items():
            try:
                same = got.get(source) is not None and json.loads(got[source]) == meta
            except ValueError:
                same = False
            if not same:
                bad_meta.append((source, got.get(source)))
        checks.check(f"{name}: input.meta reads back as its JSON text", not bad_meta,
                     f"{len(bad_meta)} of {len(metas[name])} differ: {bad_meta[:2]}")


if __name__ == "__main__":
    sys.exit(main())
