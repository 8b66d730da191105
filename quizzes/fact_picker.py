"""The set builder's searchable fact list: the facts a teacher checked stay on top, then the
first facts matching the search."""

from __future__ import annotations

from quizzes.models import Fact

# Facts listed at once in the searchable list (checked ones are always listed on top).
FACT_LIST_LIMIT = 100


def matching_facts(q: str = "", kind: str = "", *, owner=None):
    """Facts this teacher may use whose statement, date, subject or answer contains q, of the
    given kind."""
    facts = (
        Fact.objects.usable_by(owner)
        .search(q)
        .select_related("subject")
        .order_by("date_start", "kind", "pk")
    )
    return facts.filter(kind=kind) if kind else facts


def fact_list(q: str = "", kind: str = "", checked: list[int] | None = None, *, owner=None) -> dict:
    """The searchable fact list: checked facts first (a filter never unchecks them), then
    the first matches of the search."""
    checked_ids = set(checked or [])
    checked_facts = list(
        Fact.objects.usable_by(owner)
        .filter(pk__in=checked_ids)
        .select_related("subject")
        .order_by("date_start")
    )
    found = list(
        matching_facts(q, kind, owner=owner).exclude(pk__in=checked_ids)[: FACT_LIST_LIMIT + 1]
    )
    return {
        "checked_facts": checked_facts,
        "found_facts": found[:FACT_LIST_LIMIT],
        "more_facts": len(found) > FACT_LIST_LIMIT,
        "fact_q": q,
        "fact_kind": kind,
        "fact_kinds": Fact.Kind.choices,
    }


def checked_ids(values) -> list[int]:
    """Fact ids from posted or queried values, ignoring anything that is not a number (or is
    one no database id can be: « ² » is a digit to Python, 10**30 overflows SQLite)."""
    texts = [str(value) for value in values]
    return [int(text) for text in texts if text.isascii() and text.isdigit() and len(text) < 19]
