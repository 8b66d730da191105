"""A source's facts as an Anki deck (`.apkg`, written by genanki): an event asks for its date
(as the source writes it, and the range of days it allows), a person for their role; the quote
is on the back. Note ids come from the source's stable id and the fact's id, so importing a
newer export updates the cards (an edited date or quote) instead of adding duplicates."""

from __future__ import annotations

import hashlib
import os
import tempfile

import genanki
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext, gettext_noop

from quizzes.models import Fact, Source

# Fixed for good: Anki recognises a note type and a deck by their ids.
MODEL_ID = 1_607_392_314
DECK_ID_BASE = 1_700_000_000
FIELDS = ["Question", "Réponse", "Date", "Intervalle", "Citation", "Source"]

MODEL = genanki.Model(
    MODEL_ID,
    "quizsite — fait d’une source",
    fields=[{"name": name} for name in FIELDS],
    templates=[
        {
            "name": "Carte",
            "qfmt": "<div class=question>{{Question}}</div>",
            "afmt": (
                "{{FrontSide}}<hr id=answer><div class=answer>{{Réponse}}</div>"
                "{{#Intervalle}}<div class=range>{{Intervalle}}</div>{{/Intervalle}}"
                "<blockquote>{{Citation}}</blockquote><div class=source>{{Source}}</div>"
            ),
        }
    ],
    css=(
        ".card{font-family:sans-serif;font-size:20px;text-align:center}"
        ".range,.source{font-size:14px;color:#555}blockquote{font-style:italic}"
    ),
)

RELATION_QUESTIONS = {
    Fact.Relation.ROLE: gettext_noop("Quel est le rôle de %(name)s ?"),
    Fact.Relation.COMMANDS: gettext_noop("Que dirige %(name)s ?"),
}


def deck_id(source: Source) -> int:
    digest = hashlib.sha256(str(source.uid).encode()).digest()
    return DECK_ID_BASE + int.from_bytes(digest[:4], "big") % 1_000_000_000


def note_guid(source: Source, fact: Fact) -> str:
    """Stable across exports: the source's uid and the fact's id (its text may be edited)."""
    return genanki.guid_for("quizsite-fact", str(source.uid), fact.pk)


def date_range(fact: Fact) -> str:
    start, end = date_format(fact.date_start), date_format(fact.date_end)
    if start == end:
        return gettext("le %(day)s") % {"day": start}
    return gettext("entre le %(start)s et le %(end)s") % {"start": start, "end": end}


def card_fields(fact: Fact) -> tuple[str, str, str, str] | None:
    """(question, answer, date as written, range) for the facts a card can ask about."""
    if fact.kind == Fact.Kind.EVENT and fact.date_start:
        return fact.text, fact.date_label, fact.date_label, date_range(fact)
    if fact.relation and fact.subject_id:
        template = RELATION_QUESTIONS.get(fact.relation)
        if template:
            question = gettext(template) % {"name": fact.subject.name}
        else:
            question = f"{fact.subject.name} — {fact.get_relation_display()}"
        return question, fact.object, "", ""
    return None


def anki_deck(source: Source) -> genanki.Deck:
    deck = genanki.Deck(deck_id(source), f"quizsite::{source.title}")
    for fact in source.facts.select_related("subject").order_by("date_start", "pk"):
        fields = card_fields(fact)
        if fields is None:
            continue
        values = [escape(value) for value in (*fields, fact.quote, source.title)]
        deck.add_note(genanki.Note(model=MODEL, fields=values, guid=note_guid(source, fact)))
    return deck


def anki_package(source: Source) -> bytes:
    """The `.apkg` file's bytes (genanki writes to a path: a temporary file, removed)."""
    handle, path = tempfile.mkstemp(suffix=".apkg")
    os.close(handle)
    try:
        genanki.Package(anki_deck(source)).write_to_file(path)
        with open(path, "rb") as written:
            return written.read()
    finally:
        os.remove(path)
