"""The scorer of the extractor (quizzes/extraction/evaluation.py), on hand-made candidates, and
the annotated texts it reads: these tests do not run the extractor."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from quizzes.extraction.evaluation import (
    aggregate,
    annotated_texts,
    gold_problems,
    label_span,
    load,
    role_heads,
    score,
)

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "extraction" / "texts"
HELDOUT = ROOT / "tests" / "extraction" / "heldout"
FRESH = ROOT / "tests" / "extraction" / "fresh"

TEXT = (
    "Au cours de l’été 1962, des cargos arrivent à Cuba. "
    "Le 14 octobre 1962, un avion photographie des rampes. "
    "Le lendemain, le président John F. Kennedy est informé. "
    "Le lendemain, Robert Kennedy, procureur général, écrit à Nikita Khrouchtchev, "
    "premier secrétaire du Parti communiste. "
    "Depuis 1959, Castro gouverne l’île."
)
GOLD = {
    "language": "fr",
    "title": "test",
    "events": [
        {
            "label": "Au cours de l’été 1962",
            "date_start": "1962-06-21",
            "date_end": "1962-09-22",
            "precision": "season",
            "tolerance_days": 2,
        },
        {
            "label": "Le 14 octobre 1962",
            "date_start": "1962-10-14",
            "date_end": "1962-10-14",
            "precision": "day",
        },
        {
            "label": "Le lendemain",
            "date_start": "1962-10-15",
            "date_end": "1962-10-15",
            "precision": "relative",
        },
        {
            "label": "Le lendemain",
            "occurrence": 2,
            "date_start": "1962-10-16",
            "date_end": "1962-10-16",
            "precision": "relative",
        },
    ],
    "not_events": ["Depuis 1959"],
    "people": [
        {"name": "John F. Kennedy", "role": "président"},
        {"name": "Robert Kennedy", "role": "procureur général"},
        {"name": "Nikita Khrouchtchev", "role": "premier secrétaire du Parti communiste"},
    ],
}


def sentence(containing: str, occurrence: int = 1) -> tuple[str, int]:
    """The sentence of TEXT around the occurrence-th `containing`, and where it starts."""
    at, _ = label_span(TEXT, containing, occurrence)
    start = TEXT.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = TEXT.find(".", at) + 1
    return TEXT[start:end], start


def event(quote: str, start: int, date_start, date_end=None, label=None) -> dict:
    return {
        "kind": "event",
        "text": quote,
        "quote": quote,
        "quote_start": start,
        "date_label": label,
        "date_start": date_start,
        "date_end": date_end or date_start,
        "date_precision": "day",
        "subject": None,
        "relation": None,
        "object": None,
    }


def role(subject: str, obj: str) -> dict:
    quote, start = sentence("Robert Kennedy")
    return {
        "kind": "role",
        "text": f"{subject} : {obj}",
        "quote": quote,
        "quote_start": start,
        "date_label": None,
        "date_start": None,
        "date_end": None,
        "date_precision": None,
        "subject": subject,
        "relation": "role",
        "object": obj,
    }


def october_14(date_start="1962-10-14", date_end=None, label=None) -> dict:
    return event(*sentence("Le 14 octobre 1962"), date_start, date_end, label)


# ---------------------------------------------------------------------------------- events


def test_the_hand_made_gold_is_well_formed():
    assert gold_problems(TEXT, GOLD) == []


def test_a_candidate_with_the_right_range_finds_its_event():
    result = score(TEXT, GOLD, [october_14()])
    assert result["events_total"] == 4
    assert result["events_found_right_range"] == 1
    assert result["event_recall"] == 0.25
    assert result["event_precision"] == 1
    assert "Le 14 octobre 1962" not in result["missed_events"]


def test_a_wrong_range_is_not_found_but_the_candidate_is_still_real():
    result = score(TEXT, GOLD, [october_14("1962-10-01", "1962-10-31")])
    assert result["events_found_right_range"] == 0
    assert "Le 14 octobre 1962" in result["missed_events"]
    assert result["event_candidates_real"] == 1
    assert result["false_events"] == []


def test_a_missing_date_is_a_wrong_range():
    assert score(TEXT, GOLD, [october_14(None, None)])["events_found_right_range"] == 0


def test_a_quote_that_does_not_contain_the_label_finds_nothing():
    quote = "un avion photographie des rampes"
    candidate = event(quote, TEXT.index(quote), "1962-10-14")
    result = score(TEXT, GOLD, [candidate])
    assert result["events_found_right_range"] == 0
    assert result["event_candidates_real"] == 0
    assert result["event_precision"] == 0
    assert result["false_events"] == [quote]


def test_a_quote_that_cuts_the_label_finds_nothing_without_a_date_label():
    quote = "14 octobre 1962, un avion photographie des rampes."
    assert (
        score(TEXT, GOLD, [event(quote, TEXT.index(quote), "1962-10-14")])[
            "events_found_right_range"
        ]
        == 0
    )


def test_a_date_label_overlapping_the_gold_label_is_enough():
    quote = "14 octobre 1962, un avion photographie des rampes."
    candidate = event(quote, TEXT.index(quote), "1962-10-14", label="14 octobre 1962")
    result = score(TEXT, GOLD, [candidate])
    assert result["events_found_right_range"] == 1
    assert result["event_candidates_real"] == 1


def test_a_date_label_outside_the_quote_is_located_nearest_to_the_quote():
    quote, start = sentence("Le lendemain", 2)
    candidate = event(quote[13:], start + 13, "1962-10-16", label="Le lendemain")
    assert score(TEXT, GOLD, [candidate])["events_found_right_range"] == 1


def test_the_occurrence_rule_tells_two_identical_labels_apart():
    second, at = sentence("Le lendemain", 2)
    right = score(TEXT, GOLD, [event(second, at, "1962-10-16")])
    assert right["events_found_right_range"] == 1
    assert right["missed_events"] == [
        "Au cours de l’été 1962",
        "Le 14 octobre 1962",
        "Le lendemain",
    ]
    # The range of the first « Le lendemain », quoted from the second sentence: not found.
    assert score(TEXT, GOLD, [event(second, at, "1962-10-15")])["events_found_right_range"] == 0
    first, at = sentence("Le lendemain", 1)
    assert score(TEXT, GOLD, [event(first, at, "1962-10-15")])["events_found_right_range"] == 1


def test_tolerance_days_at_season_edges():
    quote, at = sentence("Au cours de l’été 1962")
    assert (
        score(TEXT, GOLD, [event(quote, at, "1962-06-23", "1962-09-20")])[
            "events_found_right_range"
        ]
        == 1
    )
    assert (
        score(TEXT, GOLD, [event(quote, at, "1962-06-24", "1962-09-22")])[
            "events_found_right_range"
        ]
        == 0
    )
    # Without a tolerance, one day off is wrong.
    assert score(TEXT, GOLD, [october_14("1962-10-15")])["events_found_right_range"] == 0


def test_one_candidate_finds_at_most_one_event():
    start = TEXT.index("Le 14 octobre 1962")
    end = TEXT.index("Robert")
    quote = TEXT[start:end]
    twice = event(quote, start, "1962-10-15")
    other = dict(twice, date_start="1962-10-14", date_end="1962-10-14")
    alone = score(TEXT, GOLD, [twice])
    assert alone["events_found_right_range"] == 1
    assert len(alone["missed_events"]) == 3
    assert score(TEXT, GOLD, [twice, other])["events_found_right_range"] == 2


def test_a_background_date_is_a_false_event_and_a_trap():
    quote, at = sentence("Depuis 1959")
    result = score(TEXT, GOLD, [october_14(), event(quote, at, "1959-01-01", "1959-12-31")])
    assert result["event_candidates"] == 2
    assert result["event_precision"] == 0.5
    assert result["false_events"] == [quote]
    assert result["trap_events"] == [quote]


def test_no_candidate_means_no_precision_and_everything_missed():
    result = score(TEXT, GOLD, [])
    assert result["event_precision"] is None
    assert result["verbatim_rate"] is None
    assert len(result["missed_events"]) == 4
    assert result["people_recall"] == 0


# ---------------------------------------------------------------------------------- quotes


def test_a_non_verbatim_quote_lowers_the_verbatim_rate():
    good = october_14()
    shifted = dict(october_14(), quote_start=good["quote_start"] + 1)
    retyped = dict(october_14(), quote=good["quote"].upper())
    result = score(TEXT, GOLD, [good, shifted, retyped, role("Robert Kennedy", "procureur")])
    assert result["quotes_total"] == 4
    assert result["quotes_verbatim"] == 2
    assert result["verbatim_rate"] == 0.5


# ---------------------------------------------------------------------------------- people


def test_people_match_by_surname_and_role_head_word():
    result = score(
        TEXT,
        GOLD,
        [
            role("KHROUCHTCHEV", "Premier Secretaire"),
            role("Robert Kennedy", "procureur"),
        ],
    )
    assert result["people_found_with_role"] == 2
    assert result["missed_people"] == ["John F. Kennedy"]
    assert result["people_recall"] == pytest.approx(2 / 3)


def test_the_role_must_contain_the_head_word():
    result = score(TEXT, GOLD, [role("Nikita Khrouchtchev", "Parti communiste")])
    assert result["people_found_with_role"] == 0
    result = score(TEXT, GOLD, [role("Nikita Khrouchtchev", "secrétaire")])
    assert result["people_found_with_role"] == 1


def test_the_surname_must_be_a_whole_word():
    result = score(TEXT, GOLD, [role("Khrouchtchevski", "premier secrétaire")])
    assert result["people_found_with_role"] == 0


def test_a_shared_surname_needs_the_first_name():
    result = score(TEXT, GOLD, [role("Kennedy", "président")])
    assert result["people_found_with_role"] == 0
    result = score(TEXT, GOLD, [role("John F. Kennedy", "président")])
    assert result["missed_people"] == ["Robert Kennedy", "Nikita Khrouchtchev"]
    # Robert's surname with John's role finds nobody.
    assert score(TEXT, GOLD, [role("Robert Kennedy", "président")])["people_found_with_role"] == 0


def test_only_role_candidates_count_for_people():
    candidate = dict(role("Robert Kennedy", "procureur général"), kind="place")
    assert score(TEXT, GOLD, [candidate])["people_found_with_role"] == 0


def test_a_person_with_two_roles_is_found_by_either():
    gold = dict(
        GOLD,
        language="en",
        people=[{"name": "Lucius D. Clay", "role": ["General", "military governor"]}],
    )
    text = "General Lucius D. Clay, the American military governor, said no."
    for obj in ("general", "American military governor", "Governor"):
        candidate = {
            "kind": "role",
            "quote": text,
            "quote_start": 0,
            "subject": "Clay",
            "object": obj,
        }
        assert score(text, gold, [candidate])["people_found_with_role"] == 1


@pytest.mark.parametrize(
    ("role_text", "language", "head"),
    [
        ("premier secrétaire du Parti communiste de l’Union soviétique", "fr", "secretaire"),
        ("ambassadeur soviétique à Washington", "fr", "ambassadeur"),
        ("ancien ministre de la Justice", "fr", "ministre"),
        ("commandant en chef de l’armée française", "fr", "commandant"),
        ("généraux", "fr", "general"),
        ("président", "fr", "president"),
        ("American military governor", "en", "governor"),
        ("Major General", "en", "general"),
        ("commander in chief of the Continental Army", "en", "commander"),
        ("the commander of Apollo 17", "en", "commander"),
        ("English-born writer", "en", "writer"),
        ("astronauts", "en", "astronaut"),
    ],
)
def test_role_head_words(role_text, language, head):
    assert role_heads(role_text, language) == [head]


# ------------------------------------------------------------------------------- aggregate


def test_aggregate_adds_counts_and_recomputes_rates():
    first = score(TEXT, GOLD, [october_14(), role("Robert Kennedy", "procureur")])
    second = score(TEXT, GOLD, [october_14("1962-10-20")])
    total = aggregate([first, second])
    assert total["texts"] == 2
    assert total["events_total"] == 8
    assert total["events_found_right_range"] == 1
    assert total["event_recall"] == 1 / 8
    assert total["event_precision"] == 1
    assert total["people_found_with_role"] == 1
    assert total["people_recall"] == 1 / 6
    assert total["verbatim_rate"] == 1
    assert len(total["missed_events"]) == 7
    assert aggregate([])["event_recall"] is None


# ---------------------------------------------------------------------- the annotated texts

ALL_TEXTS = [*annotated_texts(DEV), *annotated_texts(HELDOUT), *annotated_texts(FRESH)]


def test_every_text_has_its_gold_file():
    for folder in (DEV, HELDOUT, FRESH):
        for path in folder.glob("*"):
            if path.name.endswith(".gold.json"):
                assert path.with_name(path.name.removesuffix(".gold.json") + ".txt").exists()
            else:
                assert path.suffix == ".txt", path
                assert path in ALL_TEXTS, f"{path} has no gold file"


@pytest.mark.parametrize("folder", [DEV, HELDOUT, FRESH], ids=["dev", "heldout", "fresh"])
def test_each_set_has_french_and_english_texts(folder):
    languages = [load(path)[1]["language"] for path in annotated_texts(folder)]
    at_least = 3 if folder == DEV else 2
    assert languages.count("fr") >= at_least
    assert languages.count("en") >= at_least


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_gold_file_is_well_formed(path):
    text, gold = load(path)
    assert gold_problems(text, gold) == []
    assert 300 <= len(text.split()) <= 700
    assert gold["events"] and gold["people"]
    assert json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


def perfect_extractor(text: str, language: str) -> list[dict]:
    """What a flawless extractor would propose, built from the gold: every gold event quoted by
    its label, every person with their first role."""
    gold = next(load(path)[1] for path in ALL_TEXTS if load(path)[0] == text)
    found = []
    for item in gold["events"]:
        start, _ = label_span(text, item["label"], item.get("occurrence", 1))
        found.append(event(item["label"], start, item["date_start"], item["date_end"]))
    for person in gold["people"]:
        roles = person["role"] if isinstance(person["role"], list) else [person["role"]]
        at = text.find(person["name"])
        found.append(
            {
                "kind": "role",
                "quote": person["name"],
                "quote_start": at,
                "subject": person["name"],
                "object": roles[0],
            }
        )
    return found


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_a_perfect_extractor_scores_full_marks(path):
    text, gold = load(path)
    result = score(text, gold, perfect_extractor(text, gold["language"]))
    assert result["missed_events"] == []
    assert result["missed_people"] == []
    assert result["event_recall"] == result["event_precision"] == 1
    assert result["people_recall"] == result["verbatim_rate"] == 1


# ------------------------------------------------------------------------- the bench script


def bench():
    spec = importlib.util.spec_from_file_location(
        "extraction_quality", ROOT / "bench" / "extraction_quality.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "flags", [[], ["--markdown"], ["--heldout"], ["--fresh"], ["--all", "--markdown"]]
)
def test_the_bench_prints_one_row_per_text_and_totals(capsys, flags):
    assert bench().main(flags, extractor=perfect_extractor) == 0
    out = capsys.readouterr().out
    folder = HELDOUT if "--heldout" in flags else FRESH if "--fresh" in flags else DEV
    names = [path.stem for path in annotated_texts(folder)]
    for name in names:
        assert name in out
    assert "total fr" in out and "total en" in out
    assert "100 %" in out
    if "--markdown" in flags:
        assert out.startswith("| text | lang |")
        rows = [line for line in out.splitlines() if line.startswith("| ")]
        expected = len(ALL_TEXTS) if "--all" in flags else len(names)
        assert len(rows) == 1 + expected + 3


def test_the_bench_verbose_lists_development_and_fresh_misses_never_held_out_ones(capsys):
    assert bench().main(["--all", "-v"], extractor=lambda text, language: []) == 0
    out = capsys.readouterr().out
    for path in [*annotated_texts(DEV), *annotated_texts(FRESH)]:
        assert f"\n{path.stem}\n  missed_events:" in out
    for path in annotated_texts(HELDOUT):
        assert f"\n{path.stem}\n" not in out


def test_the_bench_accepts_candidate_objects(capsys):
    from quizzes.extraction.candidates import Candidate

    def one_candidate(text, language):
        return [Candidate(kind="event", text="x", quote=text[:5], quote_start=0)]

    assert bench().main([], extractor=one_candidate) == 0
    assert "0 %" in capsys.readouterr().out
