"""How fast the extractor reads a text, and how much memory the process holding it needs.

    .venv/bin/python bench/extraction_speed.py               # in-process figures + a real worker
    .venv/bin/python bench/extraction_speed.py --no-worker   # in-process figures only
    .venv/bin/python bench/extraction_speed.py --runs 5      # median of 5 runs instead of 3

Prints Markdown tables (docs/benchmarks.md, section "Extraction").

In-process figures: each language is measured in a fresh Python process (so that the peak RSS
of one language's models does not hide the other's), which
  1. imports quizzes.extraction.pipeline (no model loaded yet): peak RSS "before models";
  2. loads the language pipeline (`nlp.pipeline(language)`, i.e. spacy.load for French, a blank
     tokenizer + sentencizer for English): "pipeline load" time, peak RSS "after loading";
  3. calls `extract` once on the short text: "first call" (what is still lazy after loading);
  4. calls `extract` `--runs` times on the short text, then on the long text: the median time
     per 1,000 words (words = `len(text.split())`), peak RSS after each.
Peak RSS is `resource.getrusage(RUSAGE_SELF).ru_maxrss` (kB on Linux): a high-water mark, so
"after the long text" is the peak reached while reading it.

Texts. French short text: the seed fixture's source (fixtures/italie_1943_1945.json). English
short text: tests/extraction/texts/en_berlin_airlift.txt (the seed is French only). Long
texts: the annotated texts of the language (tests/extraction/texts/ then heldout/, each sorted
by name) joined by blank lines, the whole list repeated until the text has >= 20,000 words
(French: 9 rounds; English: 10 rounds with today's texts). The same words repeated: spaCy keeps
no state between documents, so this costs what 20,000 different words would, give or take the
vocabulary's string store.

Real worker (unless --no-worker): a throw-away SQLite database in a temporary folder
(DATABASE_URL, DEBUG=1, never the project's db.sqlite3) is migrated, one source is created and
its reading queued (quizzes.source_reading.start_extraction), then
`/usr/bin/time -v manage.py db_worker --batch --no-startup-delay` runs the job: its wall time
and "Maximum resident set size" (Django, the task backend, the models and one job). One worker
run per job, so each peak is that job's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "italie_1943_1945.json"
TEXT_FOLDERS = (ROOT / "tests" / "extraction" / "texts", ROOT / "tests" / "extraction" / "heldout")
ENGLISH_SHORT = ROOT / "tests" / "extraction" / "texts" / "en_berlin_airlift.txt"
LONG_WORDS = 20_000


def words(text: str) -> int:
    return len(text.split())


def seed_text() -> str:
    records = json.loads(SEED.read_text(encoding="utf-8"))
    return next(r["fields"]["text"] for r in records if r["model"] == "quizzes.source")


def short_text(language: str) -> tuple[str, str]:
    if language == "fr":
        return "seed fixture (italie_1943_1945)", seed_text()
    return ENGLISH_SHORT.name, ENGLISH_SHORT.read_text(encoding="utf-8")


def long_text(language: str, minimum: int = LONG_WORDS) -> tuple[str, str]:
    """The annotated texts of `language`, repeated until there are `minimum` words."""
    texts = [
        path.read_text(encoding="utf-8").strip()
        for folder in TEXT_FOLDERS
        for path in sorted(folder.glob(f"{language}_*.txt"))
    ]
    if not texts:
        raise SystemExit(f"no annotated {language} text")
    parts, rounds = [], 0
    while words("\n\n".join(parts)) < minimum:
        parts += texts
        rounds += 1
    return f"{len(texts)} annotated {language} texts x {rounds}", "\n\n".join(parts)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------------ one language, in-process


def measure_language(language: str, runs: int) -> dict:
    """Run in a fresh process (`--child LANGUAGE`): the figures of one language."""
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    from quizzes.extraction.nlp import pipeline
    from quizzes.extraction.pipeline import extract

    result = {
        "language": language,
        "import_s": time.perf_counter() - started,
        "rss_before_models_mb": peak_rss_mb(),
    }
    started = time.perf_counter()
    pipeline(language)
    result["load_s"] = time.perf_counter() - started
    result["rss_after_load_mb"] = peak_rss_mb()

    short_name, short = short_text(language)
    started = time.perf_counter()
    extract(short, language)
    result["first_call_s"] = time.perf_counter() - started

    for key, (name, text) in (("short", (short_name, short)), ("long", long_text(language))):
        times, count = [], 0
        for _ in range(runs):
            started = time.perf_counter()
            count = len(extract(text, language))
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        result[key] = {
            "name": name,
            "words": words(text),
            "chars": len(text),
            "candidates": count,
            "runs_s": times,
            "median_s": median,
            "ms_per_1k_words": 1000 * median * 1000 / words(text),
            "rss_after_mb": peak_rss_mb(),
        }
    return result


def in_process(language: str, runs: int) -> dict:
    completed = subprocess.run(
        [sys.executable, __file__, "--child", language, "--runs", str(runs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------- a real worker

_SETUP = """
import sys
import uuid
from quizzes.models import Source
from quizzes.source_reading import start_extraction
text = sys.stdin.read()
source = Source.objects.create(title=f"bench {{uuid.uuid4()}}", author="", language={language!r}, text=text)
print(start_extraction(source=source).pk)
"""
_STATUS = """
from quizzes.models import ExtractionJob
job = ExtractionJob.objects.get(pk={job})
print(job.status, job.candidates_found, job.error)
"""


def _manage(env: dict, *args: str, stdin: str | None = None) -> str:
    completed = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if completed.returncode:
        raise SystemExit(f"manage.py {args[0]} failed:\n{completed.stderr}")
    return completed.stdout


def worker_run(env: dict, language: str, name: str, text: str) -> dict:
    job = _manage(env, "shell", "-c", _SETUP.format(language=language), stdin=text).split()[-1]
    time_bin = shutil.which("time") or "/usr/bin/time"
    completed = subprocess.run(
        [time_bin, "-v", sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    report = completed.stderr
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", report)
    seconds = sum(
        float(part) * 60**power
        for power, part in enumerate(reversed(wall.group(1).split(":")) if wall else [])
    )
    # The shell prints its auto-imports first: the job's status is the last line.
    status = _manage(env, "shell", "-c", _STATUS.format(job=job)).strip().splitlines()[-1]
    return {
        "language": language,
        "name": name,
        "words": words(text),
        "exit": completed.returncode,
        "status": status,
        "wall_s": seconds,
        "peak_rss_mb": int(rss.group(1)) / 1024 if rss else None,
    }


def real_worker() -> list[dict]:
    if not (shutil.which("time") or Path("/usr/bin/time").exists()):
        print("GNU time is missing (apt-get install time): no worker figures", file=sys.stderr)
        return []
    folder = tempfile.mkdtemp(prefix="quizsite-bench-")
    try:
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
        }
        _manage(env, "migrate", "--verbosity", "0")
        jobs = [
            ("fr", *short_text("fr")),
            ("fr", *long_text("fr")),
            ("en", *long_text("en")),
        ]
        return [worker_run(env, language, name, text) for language, name, text in jobs]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------------------------------ printing


def render(results: list[dict], workers: list[dict], runs: int) -> str:
    out = [
        f"In-process (one fresh process per language; median of {runs} runs)",
        "",
        "| lang | text | words | candidates | median s | ms / 1,000 words | peak RSS after (MB) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        for key in ("short", "long"):
            t = r[key]
            out.append(
                f"| {r['language']} | {t['name']} | {t['words']:,} | {t['candidates']} "
                f"| {t['median_s']:.2f} | {t['ms_per_1k_words']:.0f} | {t['rss_after_mb']:.0f} |"
            )
    out += [
        "",
        "| lang | import s | pipeline load s | first call s (short text) "
        "| RSS before models (MB) | RSS after load (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        out.append(
            f"| {r['language']} | {r['import_s']:.2f} | {r['load_s']:.2f} "
            f"| {r['first_call_s']:.2f} | {r['rss_before_models_mb']:.0f} "
            f"| {r['rss_after_load_mb']:.0f} |"
        )
    if workers:
        out += [
            "",
            "Real worker (`manage.py db_worker --batch`, one job, `/usr/bin/time -v`)",
            "",
            "| lang | text | words | job | wall s (start-up + load + job) | peak RSS (MB) |",
            "|---|---|---:|---|---:|---:|",
        ]
        for w in workers:
            rss = "?" if w["peak_rss_mb"] is None else f"{w['peak_rss_mb']:.0f}"
            out.append(
                f"| {w['language']} | {w['name']} | {w['words']:,} | {w['status'].strip()} "
                f"| {w['wall_s']:.1f} | {rss} |"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per text (median)")
    parser.add_argument("--no-worker", action="store_true", help="skip the real worker")
    parser.add_argument("--json", action="store_true", help="raw figures as JSON")
    parser.add_argument("--child", choices=["fr", "en"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_language(args.child, args.runs)))
        return 0
    results = [in_process(language, args.runs) for language in ("fr", "en")]
    workers = [] if args.no_worker else real_worker()
    if args.json:
        print(json.dumps({"in_process": results, "worker": workers}, indent=2))
    print(render(results, workers, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
