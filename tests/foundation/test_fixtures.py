"""The shipped fact base loads, follows its source quote by quote, and passes validate_facts."""

import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from quizzes.models import Fact
from tests.conftest import FACT_FIXTURES

SEED_FIXTURE = FACT_FIXTURES[0]


def test_fixtures_load_every_kind_of_fact(fact_base):
    kinds = set(Fact.objects.values_list("kind", flat=True))
    assert kinds == {"event", "role", "place", "figure"}
    assert Fact.objects.events().count() >= 20


def test_every_quote_is_verbatim_at_its_position(fact_base):
    for fact in Fact.objects.select_related("source"):
        start = fact.quote_start
        assert fact.source.text[start : start + len(fact.quote)] == fact.quote, fact.text


@pytest.mark.parametrize(
    ("fragment", "start", "end"),
    [
        # The source's own dates, including relative ones resolved from their neighbours.
        ("débarquant en Sicile", "1943-07-10", "1943-07-10"),
        ("sauvé d’une prison dans les Abruzzes", "1943-09-04", "1943-09-30"),
        ("150 000 soldats", "1943-07-10", "1943-07-12"),
        ("Toute l’Allemagne se rend", "1945-05-07", "1945-05-07"),
        ("déclare la guerre à l’Allemagne", "1943-10-01", "1943-10-31"),
        ("groupes d’opposition", "1943-03-21", "1943-06-21"),
        ("Mussolini est arrêté", "1943-07-25", "1943-07-25"),
        ("Patton arrive à Messine", "1943-08-17", "1943-08-17"),
        ("sommairement exécuté", "1945-04-28", "1945-04-28"),
    ],
)
def test_events_follow_the_source_dates(fact_base, fragment, start, end):
    event = Fact.objects.events().get(text__contains=fragment)
    assert (event.date_start.isoformat(), event.date_end.isoformat()) == (start, end)


def test_armies_and_where_they_landed(fact_base):
    landings = {
        (fact.subject.name, fact.object) for fact in Fact.objects.with_relation("landed_at")
    }
    assert landings == {
        ("8e armée britannique", "la partie sud-est de la Sicile"),
        ("8e armée britannique", "la Calabre"),
        ("7e armée américaine", "la côte sud de la Sicile"),
    }


def test_validate_facts_passes_on_shipped_fixtures(fact_base, capsys):
    call_command("validate_facts")
    call_command("validate_facts", str(SEED_FIXTURE))
    assert "aucun problème" in capsys.readouterr().out


def _broken_copy(tmp_path, mutate):
    data = json.loads(SEED_FIXTURE.read_text(encoding="utf-8"))
    facts = [item for item in data if item["model"] == "quizzes.fact"]
    mutate(facts)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, facts


def test_validate_facts_names_a_fact_whose_quote_is_not_in_the_source(db, tmp_path, capsys):
    def mutate(facts):
        facts[3]["fields"]["quote"] = "Patton débarque en Normandie"

    path, facts = _broken_copy(tmp_path, mutate)
    with pytest.raises(CommandError):
        call_command("validate_facts", str(path))
    errors = capsys.readouterr().err
    assert f"fait n°{facts[3]['pk']}" in errors
    assert "ne figure pas mot pour mot" in errors


def test_validate_facts_names_a_fact_whose_range_is_reversed(db, tmp_path, capsys):
    def mutate(facts):
        facts[0]["fields"]["date_start"], facts[0]["fields"]["date_end"] = (
            "1860-12-31",
            "1860-01-01",
        )

    path, facts = _broken_copy(tmp_path, mutate)
    with pytest.raises(CommandError):
        call_command("validate_facts", str(path))
    assert f"fait n°{facts[0]['pk']}" in capsys.readouterr().err


def test_validate_facts_names_a_duplicate(db, tmp_path, capsys):
    def mutate(facts):
        facts[2]["fields"]["text"] = facts[1]["fields"]["text"].upper()

    path, facts = _broken_copy(tmp_path, mutate)
    with pytest.raises(CommandError):
        call_command("validate_facts", str(path))
    errors = capsys.readouterr().err
    assert f"fait n°{facts[2]['pk']}" in errors
    assert "doublon" in errors


def test_validate_facts_refuses_a_date_label_at_the_wrong_precision(db, tmp_path, capsys):
    def mutate(facts):
        event = next(f for f in facts if f["fields"]["date_label"] == "En octobre")
        event["fields"]["date_end"] = "1943-10-15"

    path, _ = _broken_copy(tmp_path, mutate)
    with pytest.raises(CommandError):
        call_command("validate_facts", str(path))
    assert "mois entier" in capsys.readouterr().err


def test_validate_facts_reports_an_unreadable_file(db, tmp_path):
    path = tmp_path / "truncated.json"
    shutil.copy(SEED_FIXTURE, path)
    path.write_text(path.read_text(encoding="utf-8")[:500], encoding="utf-8")
    with pytest.raises(CommandError, match=r"truncated\.json"):
        call_command("validate_facts", str(path))


def test_validate_facts_fails_on_a_broken_fact_in_the_database(fact_base):
    Fact.objects.filter(date_label="En octobre").update(date_label="Le 3 octobre")
    with pytest.raises(CommandError, match="problème"):
        call_command("validate_facts")
