"""The whole reading of a text: sentences, dates, events, people, places and figures, then
near-duplicates merged. One function, shared by the background task and `extract_facts`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from quizzes.extraction import candidates as kinds
from quizzes.extraction.candidates import Candidate, normal
from quizzes.extraction.dates import find_dates
from quizzes.extraction.events import event_candidates
from quizzes.extraction.nlp import pipeline
from quizzes.extraction.people import role_candidates
from quizzes.extraction.places import figure_candidates, place_candidates

# The statement and the answer must fit the Fact model's columns (Fact.text, Fact.object).
MAX_TEXT = 400
MAX_OBJECT = 300
MAX_SUBJECT = 200
MAX_LABEL = 100

# The language model reads a long text this many characters at a time (whole paragraphs).
CHUNK_CHARS = 20_000

Progress = Callable[[int, str], None]


def _silent(percent: int, step: str) -> None:
    return None


def extract(text: str, language: str, progress: Progress | None = None) -> list[Candidate]:
    """Every candidate fact of `text`, in text order. `progress(percent, step)` is told how far
    the reading has got (the background job shows it as a progress bar).

    Dates are read over the whole text (an anchor may sit paragraphs before its relative
    phrase); the language model reads it in chunks of whole paragraphs, so a long text costs
    the memory of one chunk, not of the whole text parsed at once."""
    report = progress or _silent
    report(5, "dates")
    mentions = find_dates(text, language)
    pieces = chunks(text)
    found: list[Candidate] = []
    for number, (start, end) in enumerate(pieces):
        base = 10 + 85 * number // len(pieces)
        found += _chunk_candidates(text, start, end, language, mentions, base, report)
    report(95, "merging")
    return merge_near_duplicates(
        [fit(candidate) for candidate in found if is_sound(text, candidate)]
    )


def chunks(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of whole paragraphs, each about `size` (CHUNK_CHARS) characters at
    most (a longer paragraph is a chunk of its own)."""
    size = size or CHUNK_CHARS
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else (text.find("\n", end) + 1 or len(text))
        spans.append((start, end))
        start = end
    return spans or [(0, 0)]


def _chunk_candidates(text, start, end, language, mentions, base, report) -> list[Candidate]:
    piece = text[start:end]
    inside = [
        replace(mention, start=mention.start - start, end=mention.end - start)
        for mention in mentions
        if start <= mention.start and mention.end <= end
    ]
    report(base, "sentences")
    doc = pipeline(language)(piece)
    report(base + 2, "events")
    found = event_candidates(piece, language, inside)
    report(base + 4, "people")
    found += role_candidates(piece, language, doc)
    report(base + 6, "places")
    found += place_candidates(piece, language, doc)
    found += figure_candidates(piece, language, doc)
    return [replace(candidate, quote_start=candidate.quote_start + start) for candidate in found]


def is_sound(text: str, candidate: Candidate) -> bool:
    """A candidate whose quote is not verbatim at its position is a bug upstream: never shown."""
    end = candidate.quote_start + len(candidate.quote)
    return (
        candidate.kind in kinds.KINDS
        and bool(candidate.quote.strip())
        and bool(candidate.text.strip())
        and text[candidate.quote_start : end] == candidate.quote
    )


def _shorten(value: str | None, limit: int) -> str | None:
    if value is None or len(value) <= limit:
        return value
    cut = value[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def fit(candidate: Candidate) -> Candidate:
    """Statements, subjects and answers shortened to what a fact can hold (quotes never are)."""
    return replace(
        candidate,
        text=_shorten(candidate.text, MAX_TEXT),
        subject=_shorten(candidate.subject, MAX_SUBJECT),
        object=_shorten(candidate.object, MAX_OBJECT),
        date_label=candidate.date_label
        if not candidate.date_label
        else candidate.date_label[:MAX_LABEL],
    )


def duplicate_key(candidate: Candidate) -> tuple:
    if candidate.relation:
        return (
            candidate.kind,
            normal(candidate.subject),
            candidate.relation,
            normal(candidate.object),
        )
    if candidate.kind == kinds.EVENT:
        return (candidate.kind, candidate.quote_start, candidate.date_start, candidate.date_end)
    return (candidate.kind, normal(candidate.text))


def merge_near_duplicates(found: list[Candidate]) -> list[Candidate]:
    """One candidate per fact: the same person with the same role, the same event read twice,
    the same statement: the first one in the text is kept."""
    kept: dict[tuple, Candidate] = {}
    texts: set[tuple[str, str]] = set()
    for candidate in sorted(found, key=lambda c: (c.quote_start, kinds.KINDS.index(c.kind))):
        key = duplicate_key(candidate)
        text_key = (candidate.kind, normal(candidate.text))
        if key in kept or text_key in texts:
            continue
        kept[key] = candidate
        texts.add(text_key)
    return list(kept.values())
