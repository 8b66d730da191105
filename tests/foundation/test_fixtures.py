"""The shipped fact base loads, follows its source quote by quote, and passes validate_facts."""

import json
import re
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from quizzes.models import Entity, Fact, Opposes
from tests.conftest import FACT_FIXTURES

SEED_FIXTURE = FACT_FIXTURES[0]


def test_fixtures_load_every_kind_of_fact(fact_base):
    kinds = set(Fact.objects.values_list("kind", flat=True))
    assert kinds == {"event", "role", "place", "figure", "cause"}
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
        ("groupes d’opposition", "1943-03-20", "1943-06-20"),
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
        ("7e armée américaine", "la côte sud de la Sicile"),
    }


def test_every_event_quote_holds_its_date_label(fact_base):
    for event in Fact.objects.events():
        assert event.date_label in event.quote, event.text


def test_relative_labels_come_with_what_they_refer_to(fact_base):
    """« plus tard dans la journée », « six jours plus tard »: the quote also holds the date
    they count from, so the feedback shows the words that date the event."""
    arrest = Fact.objects.events().get(text="Mussolini est arrêté")
    assert "25 juillet" in arrest.quote
    surrender = Fact.objects.events().get(text="Toute l’Allemagne se rend")
    assert "le 1er mai" in surrender.quote


def test_cause_facts_link_a_cause_to_its_consequence(fact_base):
    causes = {
        (fact.subject.name, fact.object): fact
        for fact in Fact.objects.with_relation(Fact.Relation.CAUSES)
    }
    assert 4 <= len(causes) <= 6
    assert causes[("Conquête alliée de la Sicile", "l’effondrement du gouvernement de Mussolini")]
    assert all(fact.kind == Fact.Kind.CAUSE and not fact.is_dated for fact in causes.values())
    assert all(
        fact.subject.kind == "happening" and fact.object in fact.quote
        for fact in causes.values()
        if "Sicile" in fact.subject.name
    )


def test_roles_are_noun_phrases_and_never_repeat_a_command(fact_base):
    led = {}  # what each subject commands, without its article
    for fact in Fact.objects.with_relation("commands"):
        body = re.sub(r"^(?:le|la|les|un|une|l’)\s*", "", fact.object).split(" à partir")[0]
        led.setdefault(fact.subject_id, []).append(body)
    for role in Fact.objects.with_relation("role"):
        assert not any(body in role.object for body in led.get(role.subject_id, [])), role.text
        first_word = role.object.split()[0].rstrip(",")
        # No verb or participle agreeing with the subject (« sauvent », « démoralisées, elles »).
        assert not first_word.endswith(("ent", "ées", "és")), role.object
        assert first_word not in {"elles", "ils", "il", "elle", "contraint"}, role.object


def test_the_axis_is_an_entity(fact_base):
    assert Entity.objects.filter(name="Axe", kind="group").exists()


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


def _broken_opposition(tmp_path, quote):
    data = json.loads(SEED_FIXTURE.read_text(encoding="utf-8"))
    opposition = next(item for item in data if item["model"] == "quizzes.opposes")
    opposition["fields"]["quote"] = quote
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, opposition


def test_validate_facts_names_an_opposition_whose_quote_is_not_in_the_source(db, tmp_path, capsys):
    path, opposition = _broken_opposition(tmp_path, "les Alliés haïssent l’Axe")
    with pytest.raises(CommandError, match="1 problème"):
        call_command("validate_facts", str(path))
    errors = capsys.readouterr().err
    assert f"opposition n°{opposition['pk']} « Alliés ↔ Axe »" in errors
    assert "ne figure pas mot pour mot" in errors


def test_validate_facts_checks_the_oppositions_in_the_database(fact_base, capsys):
    call_command("validate_facts")
    assert "1 opposition(s) vérifiés" in capsys.readouterr().out
    Opposes.objects.update(quote="l’Axe contre les Alliés")
    with pytest.raises(CommandError):
        call_command("validate_facts")
    assert "« Alliés ↔ Axe » : la citation" in capsys.readouterr().err
