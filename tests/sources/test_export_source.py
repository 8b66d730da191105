"""A source and its facts leave as a Django fixture with natural keys and come back whole."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from quizzes.engine.matching import RelationBank
from quizzes.engine.odd_one_out import BY_SIDE
from quizzes.models import ActsFor, Entity, EventOrder, Fact, Opposes, Source
from quizzes.question_builder import FactBank
from tests.conftest import FACT_FIXTURES


def export(source) -> str:
    out = StringIO()
    call_command("export_source", str(source.pk), stdout=out)
    return out.getvalue()


def fact_rows(source):
    return sorted(
        source.facts.values_list(
            "kind", "text", "quote", "quote_start", "date_label", "date_start", "date_end",
            "date_precision", "relation", "object", "subject__name", "subject__kind",
            "teacher_note",
        )
    )  # fmt: skip


@pytest.mark.django_db
def test_the_seed_source_round_trips_through_its_fixture(fact_base, tmp_path):
    before = fact_rows(fact_base)
    uid, title, text = fact_base.uid, fact_base.title, fact_base.text
    path = tmp_path / "italie.json"
    call_command("export_source", str(fact_base.pk), output=str(path), stderr=StringIO())

    data = json.loads(path.read_text(encoding="utf-8"))
    assert {item["model"] for item in data} == {
        "quizzes.source",
        "quizzes.entity",
        "quizzes.fact",
        "quizzes.actsfor",
        "quizzes.eventorder",
        "quizzes.opposes",
    }
    assert all("pk" not in item for item in data)  # natural keys: loadable anywhere
    Fact.objects.all().delete()
    Entity.objects.all().delete()
    Source.objects.all().delete()

    call_command("loaddata", str(path), verbosity=0)
    source = Source.objects.get()
    assert (source.uid, source.title, source.text) == (uid, title, text)
    assert fact_rows(source) == before
    call_command("validate_facts", stdout=StringIO())


def links_and_orders():
    return (
        sorted(ActsFor.objects.values_list("agent__name", "principal__name")),
        sorted(
            EventOrder.objects.values_list("earlier__text", "later__text", "quote", "quote_start")
        ),
        sorted(Opposes.objects.values_list("first__name", "second__name", "quote", "quote_start")),
    )


def question_pool():
    """What questions the facts allow, whatever their ids: the « which came first? » pairs
    (the source's stated orders add some), the chronologies of 3 to 5 events, the role
    answers each prompt may never be offered (its own and, through who acts for whom, others'),
    and the « l’intrus » properties by side (who is of which side, against which enemy)."""
    bank = FactBank(Fact.objects.for_engine())
    labels = {event.id: event.text for event in bank.events}
    which_first = {
        tuple(labels[event.id] for event in bank.which_first.pair(index))
        for index in range(bank.which_first.count)
    }
    chronologies = [bank.chronology.count_sets(n) for n in (3, 4, 5)]
    roles = RelationBank(bank.relations["role"], "role", bank.acts_for).known
    sides = {
        (
            prop.target,
            *sorted(o.item.label for o in prop.having),
            "/",
            *sorted(o.item.label for o in prop.lacking),
        )
        for prop in bank.odd_one_out.properties
        if prop.criterion == BY_SIDE
    }
    return which_first, chronologies, roles, sides


@pytest.mark.django_db
def test_acts_for_oppositions_and_stated_orders_round_trip_and_give_the_same_questions(
    fact_base, tmp_path
):
    before, pool = links_and_orders(), question_pool()
    assert all(before) and pool[3]  # links, orders, oppositions; questions by side
    path = tmp_path / "italie.json"
    path.write_text(export(fact_base), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    models = ("quizzes.actsfor", "quizzes.eventorder", "quizzes.opposes")
    links = [item for item in data if item["model"] in models]
    assert len(links) == sum(len(part) for part in before)
    assert all("pk" not in item for item in links)  # natural keys: names and statements
    Fact.objects.all().delete()
    Entity.objects.all().delete()
    Source.objects.all().delete()
    assert not ActsFor.objects.exists() and not EventOrder.objects.exists()
    assert not Opposes.objects.exists()

    call_command("loaddata", str(path), verbosity=0)
    assert links_and_orders() == before
    assert question_pool() == pool
    # Loading again updates the links instead of duplicating them.
    call_command("loaddata", str(path), verbosity=0)
    assert links_and_orders() == before


@pytest.mark.django_db
def test_teachers_notes_leave_with_the_export_and_come_back(fact_base, tmp_path):
    noted = dict(fact_base.facts.exclude(teacher_note="").values_list("text", "teacher_note"))
    path = tmp_path / "italie.json"
    path.write_text(export(fact_base), encoding="utf-8")
    assert len(noted) == 3
    assert all(note in path.read_text(encoding="utf-8") for note in noted.values())

    fact_base.facts.update(teacher_note="")
    call_command("loaddata", str(path), verbosity=0)
    assert dict(fact_base.facts.exclude(teacher_note="").values_list("text", "teacher_note")) == (
        noted
    )


@pytest.mark.django_db
def test_loading_the_export_twice_updates_instead_of_duplicating(fact_base, tmp_path):
    path = tmp_path / "italie.json"
    path.write_text(export(fact_base), encoding="utf-8")
    count = Fact.objects.count()
    call_command("loaddata", str(path), verbosity=0)
    call_command("loaddata", str(path), verbosity=0)
    assert Fact.objects.count() == count
    assert Source.objects.count() == 1


@pytest.mark.django_db
def test_a_teachers_source_exports_without_its_owner(teacher, tmp_path):
    source = Source.objects.create(owner=teacher, title="Cuba", text="Le 22 octobre 1962, blocus.")
    Fact.objects.create(
        source=source,
        kind="event",
        text="Blocus",
        quote="Le 22 octobre 1962, blocus.",
        quote_start=0,
        date_label="Le 22 octobre 1962",
        date_start="1962-10-22",
        date_end="1962-10-22",
        date_precision="day",
        created_by=teacher,
    )
    text = export(source)
    assert "mme-durand" not in text and '"owner"' not in text and "created_by" not in text


@pytest.mark.django_db
def test_an_unknown_source_is_a_clear_error():
    with pytest.raises(CommandError, match="source inconnue : 4242"):
        call_command("export_source", "4242")
    with pytest.raises(CommandError, match="source inconnue"):
        call_command("export_source", "pas-un-uuid")


def test_the_shipped_fixture_keeps_a_stable_source_id():
    data = json.loads(FACT_FIXTURES[0].read_text(encoding="utf-8"))
    source = next(item for item in data if item["model"] == "quizzes.source")
    assert source["fields"]["uid"] and source["fields"]["site_wide"] is True
