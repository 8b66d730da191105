"""Scoring the extractor against annotated texts (plain Python, no Django).

An annotated text is `NAME.txt` and `NAME.gold.json` (tests/extraction/texts/ for development,
tests/extraction/heldout/ for measuring only). `score(text, gold, candidates)` compares the
candidates of one text, in the JSON shape of `manage.py extract_facts --format json`, with the
gold; `aggregate(results)` adds the scores of several texts up.

Rules
-----
Gold event span. A gold event's label is a verbatim substring of the text; its span is the
`occurrence`-th (default 1st) place where the label occurs (exact, case-sensitive search).

Event found with the right range. A gold event is found when one candidate of kind "event"
*points at it* and gives its range. A candidate points at a gold span when
  - the span lies inside the candidate's quote, [quote_start, quote_start + len(quote)), or
  - the candidate's date_label overlaps the span. The date_label has no offset of its own: it
    is looked for (case-insensitively) inside the candidate's quote; when it is not in the
    quote, its occurrence in the text nearest to the quote is used.
Its range is right when date_start and date_end both equal the gold ones, or are each within
`tolerance_days` of them when the gold event gives a tolerance. One candidate finds at most one
gold event (a maximum matching between candidates and gold events), so a quote that spans two
dated sentences cannot be counted twice.

Real event candidate (precision). An event candidate is real when it points at some gold event
span (same rule, range not considered). The others are listed in `false_events` (their quotes);
those of them that point at a `not_events` label (a background date, a duration) are also
listed in `trap_events`.

Person found with their role. A gold person is found when some candidate of kind "role" has
  - a subject containing the person's surname as whole words, case- and accent-insensitively
    (surname: the gold `surname` if given, else the last word of the name, or the whole name
    when that last word is a Roman numeral, as in "Louis XVI"). When two gold people of the
    text share a surname (John F. Kennedy, Robert Kennedy), the subject must also contain the
    person's first name;
  - an object containing the head word of one of the gold roles (whole word, case- and
    accent-insensitive, plurals folded: "généraux" = "général"). The head word is the gold
    `head` when given; otherwise the role's main noun, found in the words before the first
    preposition or article ("premier secrétaire du Parti communiste" -> "premier secrétaire"):
    in English the last of those words ("American military governor" -> "governor"), in
    French the first one that is not a pre-nominal adjective such as premier, ancien, grand
    ("premier secrétaire" -> "secrétaire", "ambassadeur soviétique" -> "ambassadeur").

Verbatim. A candidate's quote is verbatim when text[quote_start:quote_start + len(quote)] ==
quote; every candidate, of every kind, is counted.

Rates are None when there is nothing to divide by (no gold event, no candidate...).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from quizzes.extraction.candidates import normal

PRECISIONS = ("day", "month", "season", "year", "relative")
LANGUAGES = ("fr", "en")
EVENT = "event"
ROLE = "role"

_ROMAN = re.compile(r"^[IVXLC]+$")
_WORD = re.compile(r"[0-9a-z]+")
_ARTICLES = {
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "son",
    "sa",
    "ses",
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
}
_FUNCTION_WORDS = {
    "fr": {
        "de",
        "du",
        "des",
        "d",
        "a",
        "au",
        "aux",
        "la",
        "le",
        "les",
        "l",
        "en",
        "pour",
        "sur",
        "par",
        "chez",
        "et",
        "dans",
        "avec",
        "sous",
    },
    "en": {"of", "in", "for", "at", "from", "to", "the", "and", "on", "with", "under", "by"},
}
_FRENCH_PRENOMINAL = {
    "premier",
    "premiere",
    "ancien",
    "ancienne",
    "grand",
    "grande",
    "jeune",
    "nouveau",
    "nouvelle",
    "futur",
    "future",
    "vieux",
    "vieil",
    "vieille",
    "second",
    "seconde",
    "haut",
    "haute",
    "petit",
    "petite",
    "ex",
    "deuxieme",
    "troisieme",
    "celebre",
    "illustre",
}


# ---------------------------------------------------------------- reading the annotated texts


def load(txt_path: str | Path) -> tuple[str, dict]:
    """The text of `NAME.txt` and the gold of the `NAME.gold.json` beside it."""
    txt_path = Path(txt_path)
    text = txt_path.read_text(encoding="utf-8")
    gold_path = txt_path.with_name(txt_path.name.removesuffix(".txt") + ".gold.json")
    return text, json.loads(gold_path.read_text(encoding="utf-8"))


def annotated_texts(folder: str | Path) -> list[Path]:
    """The `.txt` files of `folder` that have a gold file, sorted by name."""
    folder = Path(folder)
    return sorted(
        path
        for path in folder.glob("*.txt")
        if path.with_name(path.name.removesuffix(".txt") + ".gold.json").exists()
    )


def label_span(text: str, label: str, occurrence: int = 1) -> tuple[int, int]:
    """Where the `occurrence`-th `label` is in `text`; ValueError when there is no such one."""
    start = -1
    for _ in range(occurrence):
        start = text.find(label, start + 1)
        if start < 0:
            raise ValueError(f"label {label!r} (occurrence {occurrence}) is not in the text")
    return start, start + len(label)


def gold_problems(text: str, gold: dict) -> list[str]:
    """What is wrong with a gold file (empty when it is well formed)."""
    problems = []
    if gold.get("language") not in LANGUAGES:
        problems.append(f"language {gold.get('language')!r} is not one of {LANGUAGES}")
    for key in ("events", "not_events", "people"):
        if not isinstance(gold.get(key), list):
            problems.append(f"{key} is missing or not a list")
    for event in gold.get("events") or []:
        label = event.get("label", "")
        try:
            label_span(text, label, event.get("occurrence", 1))
        except ValueError as error:
            problems.append(str(error))
        try:
            start, end = _day(event["date_start"]), _day(event["date_end"])
        except (KeyError, TypeError, ValueError):
            problems.append(f"{label!r}: date_start/date_end are not ISO dates")
        else:
            if start > end:
                problems.append(f"{label!r}: date_start {start} is after date_end {end}")
        if event.get("precision") not in PRECISIONS:
            problems.append(f"{label!r}: precision {event.get('precision')!r} not in {PRECISIONS}")
        tolerance = event.get("tolerance_days", 0)
        if not isinstance(tolerance, int) or tolerance < 0:
            problems.append(f"{label!r}: tolerance_days must be a non-negative integer")
    spans = [_gold_span(text, event) for event in gold.get("events") or []]
    seen = {span for span in spans if span and spans.count(span) > 1}
    problems += [f"two gold events share the span {span}" for span in sorted(seen)]
    for label in gold.get("not_events") or []:
        if label not in text:
            problems.append(f"not_event {label!r} is not in the text")
    for person in gold.get("people") or []:
        if not person.get("name") or not _roles(person):
            problems.append(f"person {person!r} needs a name and a role")
        elif not _words(_surname(person)):
            problems.append(f"person {person['name']!r} has no usable surname")
    return problems


# ------------------------------------------------------------------------------------ helpers


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(value: str | None) -> list[str]:
    """Folded whole words, plurals folded, hyphenated names split: "Généraux" -> ["general"]."""
    return [_singular(word) for word in _WORD.findall(normal(value))]


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )


def _day(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _gold_span(text: str, event: dict) -> tuple[int, int] | None:
    try:
        return label_span(text, event["label"], event.get("occurrence", 1))
    except (KeyError, ValueError):
        return None


def _quote_span(candidate: dict) -> tuple[int, int] | None:
    quote, start = candidate.get("quote"), candidate.get("quote_start")
    if not isinstance(quote, str) or not isinstance(start, int):
        return None
    return start, start + len(quote)


def _label_spans(text: str, candidate: dict) -> list[tuple[int, int]]:
    """Where the candidate's date_label is: inside its quote, else its nearest occurrence."""
    label = (candidate.get("date_label") or "").strip()
    if not label:
        return []
    lowered, needle = text.lower(), label.lower()
    quote = _quote_span(candidate)
    if quote:
        inside, at = [], lowered.find(needle, quote[0])
        while at >= 0 and at + len(needle) <= quote[1]:
            inside.append((at, at + len(needle)))
            at = lowered.find(needle, at + 1)
        if inside:
            return inside
    anchor = quote[0] if quote else 0
    everywhere, at = [], lowered.find(needle)
    while at >= 0:
        everywhere.append((at, at + len(needle)))
        at = lowered.find(needle, at + 1)
    return [min(everywhere, key=lambda span: abs(span[0] - anchor))] if everywhere else []


def _points_at(text: str, candidate: dict, span: tuple[int, int]) -> bool:
    quote = _quote_span(candidate)
    if quote and quote[0] <= span[0] and span[1] <= quote[1]:
        return True
    return any(start < span[1] and span[0] < end for start, end in _label_spans(text, candidate))


def _right_range(candidate: dict, event: dict) -> bool:
    try:
        start, end = _day(candidate.get("date_start")), _day(candidate.get("date_end"))
    except ValueError:
        return False
    if start is None or end is None:
        return False
    tolerance = event.get("tolerance_days", 0)
    return (
        abs((start - _day(event["date_start"])).days) <= tolerance
        and abs((end - _day(event["date_end"])).days) <= tolerance
    )


def max_matching(edges: dict[int, list[int]]) -> set[int]:
    """The gold indexes of a maximum matching, gold index -> candidate indexes (Kuhn)."""
    owner: dict[int, int] = {}

    def augment(gold: int, seen: set[int]) -> bool:
        for cand in edges[gold]:
            if cand in seen:
                continue
            seen.add(cand)
            if cand not in owner or augment(owner[cand], seen):
                owner[cand] = gold
                return True
        return False

    for gold in edges:
        augment(gold, set())
    return set(owner.values())


def _roles(person: dict) -> list[str]:
    role = person.get("role")
    roles = role if isinstance(role, list) else [role]
    return [r for r in roles if isinstance(r, str) and r.strip()]


def _surname(person: dict) -> str:
    if person.get("surname"):
        return person["surname"]
    parts = person["name"].split()
    return person["name"] if _ROMAN.match(parts[-1]) else parts[-1]


def role_heads(role: str, language: str) -> list[str]:
    """The main noun of a role, folded: "premier secrétaire du Parti" -> ["secretaire"]."""
    words = _WORD.findall(normal(role))
    while words and words[0] in _ARTICLES:
        words = words[1:]
    stop = _FUNCTION_WORDS.get(language, set())
    head = []
    for word in words:
        if word in stop and head:
            break
        if word not in stop:
            head.append(word)
    if not head:
        return []
    if language == "fr":
        nouns = [word for word in head if word not in _FRENCH_PRENOMINAL]
        return [_singular((nouns or head)[0])]
    return [_singular(head[-1])]


def _heads(person: dict, language: str) -> list[list[str]]:
    if person.get("head"):
        given = person["head"] if isinstance(person["head"], list) else [person["head"]]
        return [_words(head) for head in given if _words(head)]
    return [[head] for role in _roles(person) for head in role_heads(role, language)]


def _person_found(person: dict, language: str, shared: set[str], roles: list[dict]) -> bool:
    surname = _words(_surname(person))
    first = _words(person["name"].split()[0])
    needs_first = " ".join(surname) in shared and first != surname
    heads = _heads(person, language)
    for candidate in roles:
        subject, obj = _words(candidate.get("subject")), _words(candidate.get("object"))
        if not _contains_words(subject, surname):
            continue
        if needs_first and not _contains_words(subject, first):
            continue
        if any(_contains_words(obj, head) for head in heads):
            return True
    return False


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# -------------------------------------------------------------------------------------- score


def score(text: str, gold: dict, candidates: list[dict]) -> dict:
    """How well `candidates` (JSON shape of extract_facts) read `text`, against `gold`."""
    language = gold.get("language", "")
    gold_events = [(event, _gold_span(text, event)) for event in gold.get("events", [])]
    gold_events = [(event, span) for event, span in gold_events if span]
    events = [c for c in candidates if c.get("kind") == EVENT]

    edges = {
        g: [
            c
            for c, candidate in enumerate(events)
            if _points_at(text, candidate, span) and _right_range(candidate, event)
        ]
        for g, (event, span) in enumerate(gold_events)
    }
    matched = max_matching(edges)
    found = len(matched)
    missed = [event["label"] for g, (event, _) in enumerate(gold_events) if g not in matched]

    traps = []
    for label in gold.get("not_events", []):
        at = text.find(label)
        while at >= 0:
            traps.append((at, at + len(label)))
            at = text.find(label, at + 1)
    real, false_events, trap_events = 0, [], []
    for candidate in events:
        if any(_points_at(text, candidate, span) for _, span in gold_events):
            real += 1
            continue
        false_events.append(candidate.get("quote"))
        if any(_points_at(text, candidate, span) for span in traps):
            trap_events.append(candidate.get("quote"))

    people = gold.get("people", [])
    role_candidates = [c for c in candidates if c.get("kind") == ROLE]
    surnames = [" ".join(_words(_surname(person))) for person in people]
    shared = {name for name in surnames if surnames.count(name) > 1}
    missed_people = [
        person["name"]
        for person in people
        if not _person_found(person, language, shared, role_candidates)
    ]
    people_found = len(people) - len(missed_people)

    verbatim = 0
    for candidate in candidates:
        span = _quote_span(candidate)
        if span and span[0] >= 0 and text[span[0] : span[1]] == candidate["quote"]:
            verbatim += 1

    return {
        "language": language,
        "words": len(text.split()),
        "events_total": len(gold_events),
        "events_found_right_range": found,
        "event_recall": _rate(found, len(gold_events)),
        "event_candidates": len(events),
        "event_candidates_real": real,
        "event_precision": _rate(real, len(events)),
        "people_total": len(people),
        "people_found_with_role": people_found,
        "people_recall": _rate(people_found, len(people)),
        "quotes_total": len(candidates),
        "quotes_verbatim": verbatim,
        "verbatim_rate": _rate(verbatim, len(candidates)),
        "missed_events": missed,
        "false_events": false_events,
        "trap_events": trap_events,
        "missed_people": missed_people,
    }


COUNTS = (
    "words",
    "events_total",
    "events_found_right_range",
    "event_candidates",
    "event_candidates_real",
    "people_total",
    "people_found_with_role",
    "quotes_total",
    "quotes_verbatim",
)


def aggregate(results: list[dict]) -> dict:
    """The counts of several texts added up, and the rates recomputed from the sums."""
    total = {key: sum(result.get(key, 0) for result in results) for key in COUNTS}
    total["texts"] = len(results)
    total["event_recall"] = _rate(total["events_found_right_range"], total["events_total"])
    total["event_precision"] = _rate(total["event_candidates_real"], total["event_candidates"])
    total["people_recall"] = _rate(total["people_found_with_role"], total["people_total"])
    total["verbatim_rate"] = _rate(total["quotes_verbatim"], total["quotes_total"])
    for key in ("missed_events", "false_events", "trap_events", "missed_people"):
        total[key] = [item for result in results for item in result.get(key, [])]
    return total
