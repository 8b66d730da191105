"""The extraction quality the product promises, text by text and per language, on every
annotated text (development, held-out and fresh), the seed fixture's events, and the contract
of `manage.py extract_facts`.

Fresh texts (tests/extraction/fresh/) were written later, on other periods, and measured once
before any change (figures in docs/extraction.md); they were then used for tuning, so they are
measured like the held-out texts but their misses are listed like the development ones.

Thresholds (the rules of each figure are in quizzes/extraction/evaluation.py):
  events found with the right range >= 0.90, event candidates that are real dated events
  >= 0.80, people found with their role >= 0.80, verbatim quotes = 1.0.

A held-out text below a threshold keeps the threshold: its single case is a strict xfail whose
reason gives the measured figure and what the extractor misses (categories only, held-out
texts are never tuned on), so the case turns into a failure the day the extractor is fixed and
the mark must then go.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from quizzes.extraction.evaluation import aggregate, annotated_texts, load, score

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "extraction" / "texts"
HELDOUT = ROOT / "tests" / "extraction" / "heldout"
FRESH = ROOT / "tests" / "extraction" / "fresh"

THRESHOLDS = {
    "event_recall": 0.90,
    "event_precision": 0.80,
    "people_recall": 0.80,
    "verbatim_rate": 1.0,
}
COUNTS = {
    "event_recall": ("events_found_right_range", "events_total"),
    "event_precision": ("event_candidates_real", "event_candidates"),
    "people_recall": ("people_found_with_role", "people_total"),
    "verbatim_rate": ("quotes_verbatim", "quotes_total"),
}

# Held-out cases measured below their threshold (2026-11-25). Do not tune on them; remove the
# entry when the extractor gets there (the strict xfail then fails and says so).
KNOWN_HELDOUT_SHORTFALLS: dict[tuple[str, str], str] = {}


def _set_of(path: Path) -> str:
    return {HELDOUT: "heldout", FRESH: "fresh"}.get(path.parent, "dev")


TEXTS = [*annotated_texts(DEV), *annotated_texts(HELDOUT), *annotated_texts(FRESH)]


@functools.cache
def result_of(path: Path) -> dict:
    """The scores of one annotated text (the extractor runs once per text per session)."""
    from quizzes.extraction.pipeline import extract

    text, gold = load(path)
    candidates = [candidate.as_json() for candidate in extract(text, gold["language"])]
    return score(text, gold, candidates)


def _figure(result: dict, metric: str) -> str:
    part, whole = COUNTS[metric]
    rate = result[metric]
    shown = "n/a" if rate is None else f"{rate:.2f}"
    return f"{metric} = {result[part]}/{result[whole]} = {shown} (threshold {THRESHOLDS[metric]})"


def _misses(result: dict, metric: str) -> dict:
    keys = {
        "event_recall": ("missed_events",),
        "event_precision": ("false_events", "trap_events"),
        "people_recall": ("missed_people",),
        "verbatim_rate": (),
    }[metric]
    return {key: result[key] for key in keys}


def _text_cases():
    for path in TEXTS:
        name = path.name.removesuffix(".txt")
        for metric in THRESHOLDS:
            case_id = f"{_set_of(path)}/{name}-{metric}"
            reason = KNOWN_HELDOUT_SHORTFALLS.get((name, metric))
            if reason and _set_of(path) == "heldout":
                yield pytest.param(
                    path,
                    metric,
                    id=case_id,
                    marks=pytest.mark.xfail(strict=True, reason=reason),
                )
            else:
                yield pytest.param(path, metric, id=case_id)


def test_every_annotated_text_is_collected():
    assert len(annotated_texts(DEV)) >= 6
    assert len(annotated_texts(HELDOUT)) >= 4
    assert len(annotated_texts(FRESH)) >= 4
    known = {path.name.removesuffix(".txt") for path in annotated_texts(HELDOUT)}
    assert {name for name, _ in KNOWN_HELDOUT_SHORTFALLS} <= known


@pytest.mark.parametrize(("path", "metric"), list(_text_cases()))
def test_each_text_meets_the_promised_threshold(path, metric):
    result = result_of(path)
    if result[metric] is None:
        pytest.skip(f"nothing to measure: {_figure(result, metric)}")
    message = _figure(result, metric)
    if _set_of(path) != "heldout":  # held-out misses stay unlisted: they are not for tuning
        message += f"; {_misses(result, metric)}"
    assert result[metric] >= THRESHOLDS[metric], message


def _language_cases():
    for set_name in ("dev", "heldout", "fresh", "all"):
        for language in ("fr", "en"):
            for metric in THRESHOLDS:
                yield pytest.param(set_name, language, metric, id=f"{set_name}-{language}-{metric}")


@pytest.mark.parametrize(("set_name", "language", "metric"), list(_language_cases()))
def test_each_language_meets_the_promised_threshold(set_name, language, metric):
    paths = [path for path in TEXTS if set_name in ("all", _set_of(path))]
    results = [result_of(path) for path in paths]
    results = [result for result in results if result["language"] == language]
    assert results, f"no {language} text in {set_name}"
    total = aggregate(results)
    assert total[metric] is not None
    assert total[metric] >= THRESHOLDS[metric], _figure(total, metric)


# ------------------------------------------------------------------ the seed fixture's events

# Measured 2026-11-26: 20 of the 23 event facts of fixtures/italie_1943_1945.json (15 when each
# candidate may reproduce one fact only). Raise these floors when the extractor improves.
SEED_REPRODUCED_FLOOR = 20
SEED_ONE_TO_ONE_FLOOR = 15


def _seed_bench():
    spec = importlib.util.spec_from_file_location(
        "extraction_seed", ROOT / "bench" / "extraction_seed.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_seed_fixture_events_are_reproduced_with_their_range():
    bench = _seed_bench()
    result = bench.measure()
    report = bench.render(result)
    print(report)
    assert result["facts"] == 23, report
    assert result["reproduced"] >= SEED_REPRODUCED_FLOOR, report
    assert result["one_to_one"] >= SEED_ONE_TO_ONE_FLOOR, report


def test_the_seed_matching_rule_on_hand_made_candidates():
    bench = _seed_bench()
    text = "Le 3 mai 1940, rien. Le 5 mai 1940, tout."
    facts = [
        {"date_label": "Le 3 mai 1940", "date_start": "1940-05-03", "date_end": "1940-05-03",
         "quote": "Le 3 mai 1940, rien.", "quote_start": 0, "text": "rien"},
        {"date_label": "Le 5 mai 1940", "date_start": "1940-05-05", "date_end": "1940-05-05",
         "quote": "Le 5 mai 1940, tout.", "quote_start": 21, "text": "tout"},
        {"date_label": "peu après", "date_start": "1940-05-06", "date_end": "1940-05-06",
         "quote": "tout", "quote_start": 36, "text": "suite"},
    ]  # fmt: skip
    candidates = [
        {"kind": "event", "quote": "Le 3 mai 1940, rien.", "quote_start": 0,
         "date_label": "Le 3 mai 1940", "date_start": "1940-05-03", "date_end": "1940-05-03"},
        {"kind": "event", "quote": "Le 5 mai 1940, tout.", "quote_start": 21,
         "date_label": "Le 5 mai 1940", "date_start": "1940-05-04", "date_end": "1940-05-05"},
    ]  # fmt: skip
    result = bench.reproduce(text, facts, candidates)
    assert (result["reproduced"], result["one_to_one"]) == (1, 1)
    assert [m["reason"] for m in result["unmatched"]] == [bench.WRONG_RANGE, bench.NOT_IN_TEXT]


# ------------------------------------------------------------- manage.py extract_facts

KEYS = {
    "kind",
    "text",
    "quote",
    "quote_start",
    "date_label",
    "date_start",
    "date_end",
    "date_precision",
    "subject",
    "relation",
    "object",
}
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FRENCH_TEXT = DEV / "fr_cuba_1962.txt"
ENGLISH_TEXT = DEV / "en_berlin_airlift.txt"


def run_json(path: Path, **options) -> dict:
    out = StringIO()
    call_command("extract_facts", str(path), format="json", stdout=out, **options)
    return json.loads(out.getvalue())


def assert_contract(payload: dict, file_text: str) -> None:
    assert isinstance(payload, dict) and set(payload) == {"candidates"}
    candidates = payload["candidates"]
    assert isinstance(candidates, list) and candidates
    for candidate in candidates:
        assert set(candidate) == KEYS, candidate
        for key in ("date_start", "date_end"):
            value = candidate[key]
            assert value is None or (
                isinstance(value, str) and ISO_DAY.match(value) and date.fromisoformat(value)
            ), candidate
        if candidate["date_start"] and candidate["date_end"]:
            assert candidate["date_start"] <= candidate["date_end"], candidate
        start, quote = candidate["quote_start"], candidate["quote"]
        assert isinstance(start, int) and isinstance(quote, str) and quote, candidate
        assert file_text[start : start + len(quote)] == quote, candidate


@pytest.mark.parametrize("path", TEXTS, ids=[f"{_set_of(p)}/{p.stem}" for p in TEXTS])
def test_json_output_is_exactly_the_candidates_with_verbatim_quotes(path):
    payload = run_json(path)  # language detected
    assert_contract(payload, path.read_bytes().decode("utf-8"))
    kinds = {candidate["kind"] for candidate in payload["candidates"]}
    assert {"event", "role"} <= kinds


def test_json_output_on_an_english_text_with_language_en():
    payload = run_json(ENGLISH_TEXT, language="en")
    assert_contract(payload, ENGLISH_TEXT.read_bytes().decode("utf-8"))
    events = [c for c in payload["candidates"] if c["kind"] == "event"]
    assert events and all(c["date_start"] and c["date_end"] for c in events)


def test_json_output_on_a_file_with_accents_outside_the_repository(tmp_path):
    path = tmp_path / "texte élève.txt"
    path.write_bytes(FRENCH_TEXT.read_bytes())
    assert_contract(run_json(path, language="fr"), path.read_bytes().decode("utf-8"))


# A plain text file is read exactly as it is (no cleaning), so quote_start indexes the file's
# own UTF-8 text even with a byte-order mark, CRLF line ends or trailing spaces.
FILE_VARIANTS = {
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "bom": lambda text: "\ufeff" + text,
    "trailing-spaces": lambda text: text.replace("\n", "  \n"),
}


@pytest.mark.parametrize("variant", list(FILE_VARIANTS))
def test_json_quotes_index_the_file_text_even_when_it_is_not_clean(tmp_path, variant):
    path = tmp_path / f"{variant}.txt"
    source = FRENCH_TEXT.read_bytes().decode("utf-8")
    path.write_bytes(FILE_VARIANTS[variant](source).encode("utf-8"))
    assert_contract(run_json(path, language="fr"), path.read_bytes().decode("utf-8"))


def test_text_output_lists_every_candidate_and_their_count():
    payload = run_json(FRENCH_TEXT)
    out = StringIO()
    call_command("extract_facts", str(FRENCH_TEXT), format="text", stdout=out)
    lines = out.getvalue().splitlines()
    count = len(payload["candidates"])
    assert lines[-1] == f"{count} propositions."
    assert len(lines) == 2 * count + 1
    for candidate, (fact_line, quote_line) in zip(
        payload["candidates"], zip(lines[0:-1:2], lines[1:-1:2], strict=True), strict=True
    ):
        assert fact_line.startswith(candidate["kind"])
        assert candidate["text"] in fact_line
        assert quote_line.strip() == f"« {candidate['quote']} » @{candidate['quote_start']}"


def _junk(tmp_path: Path) -> Path:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20)
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _blank(tmp_path: Path) -> Path:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t \n")
    return path


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.txt"


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "folder.txt"
    path.mkdir()
    return path


def _bad_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    return path


UNREADABLE = {
    "missing": _missing,
    "binary-junk": _junk,
    "empty": _empty,
    "blank": _blank,
    "directory": _directory,
    "broken-pdf": _bad_pdf,
}


@pytest.mark.parametrize("make", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_file_is_a_command_error_naming_the_file(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(CommandError) as error:
        call_command("extract_facts", str(path), format="json", stdout=StringIO())
    message = str(error.value)
    assert str(path) in message
    assert len(message) > len(str(path)) + 5  # a reason follows the name
    assert "Traceback" not in message


@pytest.mark.parametrize("make", [_missing, _junk, _empty], ids=["missing", "binary-junk", "empty"])
def test_the_real_command_exits_non_zero_with_the_file_name(tmp_path, make):
    path = make(tmp_path)
    completed = subprocess.run(
        [sys.executable, "manage.py", "extract_facts", str(path), "--format", "json"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode != 0
    assert completed.stdout == ""
    assert str(path) in completed.stderr
    assert "Traceback" not in completed.stderr
