"""Anki deck of a source: read back with sqlite, as Anki would open it; the same note ids on
a second export, so Anki updates the cards instead of duplicating them."""

import io
import sqlite3
import zipfile

import pytest
from django.urls import reverse
from django.utils.html import escape

from quizzes.exports.anki import MODEL_ID, anki_package, deck_id
from quizzes.models import Fact, Source

FIELD_SEPARATOR = "\x1f"


def notes_of(apkg: bytes, tmp_path) -> dict:
    """guid → fields, from the collection inside the .apkg."""
    collection = tmp_path / "collection.anki2"
    collection.write_bytes(zipfile.ZipFile(io.BytesIO(apkg)).read("collection.anki2"))
    with sqlite3.connect(collection) as db:
        rows = db.execute("select guid, mid, flds from notes").fetchall()
        decks = db.execute("select decks from col").fetchone()[0]
    return {
        "notes": {guid: (mid, fields.split(FIELD_SEPARATOR)) for guid, mid, fields in rows},
        "decks": decks,
    }


def test_events_ask_for_their_date_as_written_and_as_a_range_with_the_quote(fact_base, tmp_path):
    read = notes_of(anki_package(fact_base), tmp_path)
    fact = Fact.objects.filter(source=fact_base, date_label="Le 10 juillet 1943").first()
    cards = [f for _mid, f in read["notes"].values() if f[0] == fact.text]
    assert len(cards) == 1
    _question, answer, written, range_, quote, source = cards[0]
    assert (answer, written) == ("Le 10 juillet 1943", "Le 10 juillet 1943")
    assert range_ == "le 10 juillet 1943"
    assert quote == escape(fact.quote)  # Anki fields are HTML
    assert source == fact_base.title
    assert all(mid == MODEL_ID for mid, _f in read["notes"].values())
    assert str(deck_id(fact_base)) in read["decks"]


def test_a_person_asks_for_their_role(fact_base, tmp_path):
    read = notes_of(anki_package(fact_base), tmp_path)
    fact = Fact.objects.get(
        relation="role", subject__name="Benito Mussolini", object__startswith="dictateur"
    )
    cards = [f for _mid, f in read["notes"].values() if f[1] == fact.object]
    assert [c[0] for c in cards] == ["Quel est le rôle de Benito Mussolini ?"]


def test_two_exports_have_the_same_note_ids_and_an_edit_keeps_its_id(fact_base, tmp_path):
    first = notes_of(anki_package(fact_base), tmp_path)["notes"]
    fact = Fact.objects.filter(source=fact_base, kind="event").first()
    Fact.objects.filter(pk=fact.pk).update(quote=fact.quote)  # unchanged: same ids
    second = notes_of(anki_package(fact_base), tmp_path)["notes"]
    assert set(first) == set(second)
    Fact.objects.filter(pk=fact.pk).update(text=fact.text + " (revu)")
    third = notes_of(anki_package(fact_base), tmp_path)["notes"]
    assert set(third) == set(first)
    assert any(f[0].endswith("(revu)") for _mid, f in third.values())


def test_the_source_page_offers_the_deck_for_download(teacher_client, fact_base):
    response = teacher_client.get(reverse("teacher_source_anki", args=[fact_base.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/apkg"
    assert ".apkg" in response["Content-Disposition"]
    assert zipfile.ZipFile(io.BytesIO(response.content)).namelist()[0] == "collection.anki2"


def test_another_teachers_source_is_a_404(client, fact_base, teacher, other_teacher):
    own = Source.objects.create(title="Mes notes", text="Un texte.", owner=teacher)
    client.force_login(other_teacher)
    assert client.get(reverse("teacher_source_anki", args=[own.pk])).status_code == 404
    assert client.get(reverse("teacher_source_anki", args=[99999])).status_code == 404


@pytest.mark.parametrize("method", ["post"])
def test_the_deck_is_only_a_download(teacher_client, fact_base, method):
    response = getattr(teacher_client, method)(reverse("teacher_source_anki", args=[fact_base.pk]))
    assert response.status_code == 405
