"""A proposed fact: what the extractor read in the text, before a teacher reviews it."""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass
from datetime import date

EVENT = "event"
ROLE = "role"
PLACE = "place"
FIGURE = "figure"
KINDS = (EVENT, ROLE, PLACE, FIGURE)

# What the subject of a relation candidate is (mirrors quizzes.models.Entity.Kind).
PERSON = "person"
GROUP = "group"
ARMY = "army"


@dataclass(frozen=True)
class Candidate:
    """One proposed fact. `quote` is always text[quote_start:quote_start + len(quote)]."""

    kind: str
    text: str
    quote: str
    quote_start: int
    date_label: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    subject: str | None = None
    subject_kind: str | None = None
    relation: str | None = None
    object: str | None = None

    @property
    def quote_end(self) -> int:
        return self.quote_start + len(self.quote)

    def as_json(self) -> dict:
        """The public JSON shape of `manage.py extract_facts --format json` (dates as ISO)."""
        data = asdict(self)
        data.pop("subject_kind")
        for key in ("date_start", "date_end"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def quote_of(text: str, start: int, end: int) -> tuple[str, int]:
    """text[start:end] without surrounding blanks, and where it starts: quotes stay verbatim."""
    chunk = text[start:end]
    stripped = chunk.lstrip()
    start += len(chunk) - len(stripped)
    return stripped.rstrip(), start


def relation_candidate(
    text: str,
    start: int,
    end: int,
    *,
    kind: str,
    subject: str,
    subject_kind: str,
    relation: str,
    object: str,
    statement: str | None = None,
) -> Candidate:
    """A subject → relation → object candidate quoting text[start:end] (people, places,
    figures); its statement reads « subject : object » unless one is given."""
    quote, quote_start = quote_of(text, start, end)
    return Candidate(
        kind=kind,
        text=statement or f"{subject} : {object}",
        quote=quote,
        quote_start=quote_start,
        subject=subject,
        subject_kind=subject_kind,
        relation=relation,
        object=object,
    )


def normal(value: str | None) -> str:
    """Case, accents, apostrophes and spacing folded, so near-identical wordings compare equal."""
    if not value:
        return ""
    value = unicodedata.normalize("NFKD", value.replace("’", "'"))
    value = "".join(char for char in value if not unicodedata.combining(char))
    return " ".join(value.casefold().split())


def phrase_key(phrase: str) -> str:
    """A phrase compared as written (accents kept): case, apostrophes and spacing folded."""
    return " ".join(phrase.lower().replace("'", "’").split())
