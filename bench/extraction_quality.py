"""How well the extractor reads the annotated texts: one row per text, totals per language.

    .venv/bin/python bench/extraction_quality.py              # development texts
    .venv/bin/python bench/extraction_quality.py --heldout    # held-out texts only
    .venv/bin/python bench/extraction_quality.py --fresh      # fresh texts only
    .venv/bin/python bench/extraction_quality.py --all        # all three sets
    .venv/bin/python bench/extraction_quality.py --markdown   # a table for the docs
    .venv/bin/python bench/extraction_quality.py -v           # + misses (development texts)

Development texts (tests/extraction/texts/) are the ones the extractor is tuned on; held-out
texts (tests/extraction/heldout/) are only measured. Fresh texts (tests/extraction/fresh/)
were written later on other periods, annotated and measured once before any change, then
used for tuning (docs/extraction.md gives both figures); -v lists their misses. The rules of the scores are in
quizzes/extraction/evaluation.py. "ms/1k words" is the extractor's wall time per 1,000 words
(the first text of each language also pays for loading its pipeline).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizzes.extraction.evaluation import aggregate, annotated_texts, load, score  # noqa: E402

DEV = ROOT / "tests" / "extraction" / "texts"
HELDOUT = ROOT / "tests" / "extraction" / "heldout"
FRESH = ROOT / "tests" / "extraction" / "fresh"

Extractor = Callable[[str, str], list]
COLUMNS = (
    "text",
    "lang",
    "words",
    "events",
    "ev. recall",
    "ev. precision",
    "people",
    "people recall",
    "verbatim",
    "ms/1k words",
)


def as_json(candidate) -> dict:
    """A candidate in the JSON shape of extract_facts (Candidate objects or dicts)."""
    return candidate.as_json() if hasattr(candidate, "as_json") else dict(candidate)


def evaluate(paths: Iterable[Path], extractor: Extractor, set_name: str = "") -> list[dict]:
    """Scores of `extractor` on each annotated text, with its name, set and timing."""
    rows = []
    for path in paths:
        text, gold = load(path)
        started = time.perf_counter()
        found = extractor(text, gold["language"])
        elapsed = time.perf_counter() - started
        result = score(text, gold, [as_json(candidate) for candidate in found])
        words = max(result["words"], 1)
        result.update(
            name=path.name.removesuffix(".txt"),
            set=set_name,
            seconds=elapsed,
            ms_per_1k_words=1000 * elapsed * 1000 / words,
        )
        rows.append(result)
    return rows


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def _cells(name: str, result: dict) -> list[str]:
    return [
        name,
        result["language"],
        str(result["words"]),
        f"{result['events_found_right_range']}/{result['events_total']}",
        _pct(result["event_recall"]),
        _pct(result["event_precision"]),
        f"{result['people_found_with_role']}/{result['people_total']}",
        _pct(result["people_recall"]),
        _pct(result["verbatim_rate"]),
        f"{result['ms_per_1k_words']:.0f}",
    ]


def table(rows: list[dict]) -> list[list[str]]:
    """One line per text, then one total per language, then the overall total."""
    lines = [
        _cells(f"{row['set']}/{row['name']}" if row["set"] else row["name"], row) for row in rows
    ]
    groups = [
        (f"total {lang}", [r for r in rows if r["language"] == lang])
        for lang in sorted({row["language"] for row in rows})
    ]
    groups.append(("total", rows))
    for name, group in groups:
        if not group:
            continue
        total = aggregate(group)
        seconds = sum(row["seconds"] for row in group)
        total.update(
            language=",".join(sorted({r["language"] for r in group})),
            ms_per_1k_words=1000 * seconds * 1000 / max(total["words"], 1),
        )
        lines.append(_cells(name, total))
    return lines


def render(lines: list[list[str]], markdown: bool = False) -> str:
    if markdown:
        out = [
            "| " + " | ".join(COLUMNS) + " |",
            "|" + "|".join("---" if i < 2 else "---:" for i in range(len(COLUMNS))) + "|",
        ]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(COLUMNS, *lines, strict=True)
    ]

    def fmt(cells):
        return "  ".join(
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )

    return "\n".join(
        [fmt(COLUMNS), fmt(["-" * width for width in widths])] + [fmt(line) for line in lines]
    )


def details(rows: list[dict]) -> str:
    out = []
    for row in rows:
        out.append(f"\n{row['name']}")
        for key in ("missed_events", "false_events", "trap_events", "missed_people"):
            if row[key]:
                out.append(f"  {key}: " + " | ".join(str(item) for item in row[key]))
    return "\n".join(out)


def main(argv: list[str] | None = None, extractor: Extractor | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--heldout", action="store_true", help="the held-out texts only")
    which.add_argument("--fresh", action="store_true", help="the fresh texts only")
    which.add_argument("--all", action="store_true", help="development, held-out and fresh texts")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list missed events, false events and missed people",
    )
    args = parser.parse_args(argv)

    if extractor is None:
        try:
            from quizzes.extraction.pipeline import extract
        except ImportError as error:
            print(f"the extractor cannot be imported: {error}", file=sys.stderr)
            return 2
        extractor = extract
    sets = [("dev", DEV)]
    if args.heldout:
        sets = [("heldout", HELDOUT)]
    if args.fresh:
        sets = [("fresh", FRESH)]
    if args.all:
        sets = [("dev", DEV), ("heldout", HELDOUT), ("fresh", FRESH)]
    rows, row_sets = [], []
    for name, folder in sets:
        found = evaluate(annotated_texts(folder), extractor, name if args.all else "")
        rows += found
        row_sets += [(name, folder)] * len(found)
    if not rows:
        print("no annotated texts found", file=sys.stderr)
        return 1
    print(render(table(rows), markdown=args.markdown))
    if args.verbose:
        # Held-out texts are measured, never read for tuning: their misses are not listed.
        print(
            details(
                [row for row, (name, _) in zip(rows, row_sets, strict=True) if name != "heldout"]
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
