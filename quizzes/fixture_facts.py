"""Read a shipped Django fixture straight into the engine's plain records (and its source's
text), without Django or a database: for the benchmarks and the engine's and extractor's tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from quizzes.engine.facts import EventFact, RelationFact, StatedOrder

SHIPPED_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "italie_1943_1945.json"


def shipped_source_text(path: Path = SHIPPED_FIXTURE) -> str:
    """The text of the fixture's source (the seed: the Allied campaign in Italy, 1943-1945)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return next(r["fields"]["text"] for r in records if r["model"] == "quizzes.source")


def shipped_facts(path: Path = SHIPPED_FIXTURE) -> tuple[list[EventFact], list[RelationFact]]:
    """The fixture's events and relation facts, adapted as question_builder adapts models."""
    records = json.loads(path.read_text(encoding="utf-8"))
    entities = {r["pk"]: r["fields"] for r in records if r["model"] == "quizzes.entity"}
    events, relations = [], []
    for record in records:
        if record["model"] != "quizzes.fact":
            continue
        fields, pk = record["fields"], str(record["pk"])
        if fields["kind"] == "event":
            events.append(
                EventFact(
                    id=pk,
                    text=fields["text"],
                    date_label=fields["date_label"],
                    start=date.fromisoformat(fields["date_start"]),
                    end=date.fromisoformat(fields["date_end"]),
                    quote=fields["quote"],
                    label_is_relative=fields["date_precision"] == "relative",
                )
            )
        if fields["relation"]:
            relations.append(
                RelationFact(
                    id=pk,
                    relation=fields["relation"],
                    subject=entities[fields["subject"]]["name"],
                    object=fields["object"],
                    quote=fields["quote"],
                    subject_kind=entities[fields["subject"]]["kind"],
                )
            )
    return events, relations


def shipped_event_orders(path: Path = SHIPPED_FIXTURE) -> list[tuple[str, str, str]]:
    """The orders the seed text states between events whose date ranges coincide or overlap
    (« Tôt dans la matinée du 25 juillet… plus tard dans la journée »), as (earlier id, later id,
    the quote that settles it), ids as in shipped_facts."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [
        (str(r["fields"]["earlier"]), str(r["fields"]["later"]), r["fields"]["quote"])
        for r in records
        if r["model"] == "quizzes.eventorder"
    ]


def shipped_stated_orders(path: Path = SHIPPED_FIXTURE) -> list[StatedOrder]:
    """shipped_event_orders as the engine takes them (question_builder.stated_orders)."""
    return [StatedOrder(*order) for order in shipped_event_orders(path)]


def shipped_acts_for(path: Path = SHIPPED_FIXTURE) -> list[tuple[str, str]]:
    """Who acts for whom in the fixture, as (agent, principal) names: what the engine's
    matching takes (question_builder.acts_for)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    names = {r["pk"]: r["fields"]["name"] for r in records if r["model"] == "quizzes.entity"}
    return [
        (names[r["fields"]["agent"]], names[r["fields"]["principal"]])
        for r in records
        if r["model"] == "quizzes.actsfor"
    ]


def shipped_opposed(path: Path = SHIPPED_FIXTURE) -> list[tuple[str, str]]:
    """Which sides the fixture's source says were enemies, as name pairs: what the engine's
    « l’intrus » by side takes (question_builder.opposed_sides)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    names = {r["pk"]: r["fields"]["name"] for r in records if r["model"] == "quizzes.entity"}
    return [
        (names[r["fields"]["first"]], names[r["fields"]["second"]])
        for r in records
        if r["model"] == "quizzes.opposes"
    ]
