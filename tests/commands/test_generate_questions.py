"""`manage.py generate_questions`: sound questions from the database, reproducible output,
clear refusals when the facts cannot support what is asked."""

import json
from datetime import date
from io import StringIO
from itertools import combinations, pairwise

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError

from quizzes.engine.facts import acting_together
from quizzes.models import ActsFor, Entity, EventOrder, Fact, QuestionSet, Source
from quizzes.question_builder import SEEDED_KINDS, build_questions


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate_questions", *args, stdout=out)
    return out.getvalue()


def generate_json(*args: str) -> list[dict]:
    return json.loads(generate(*args, "--format", "json"))


@pytest.fixture
def tiny_source(db):
    """Three days far apart and a month that overlaps one of them: at most 3 orderable."""
    source = Source.objects.create(title="Petite source", text="Quatre faits datés.")
    dated = [
        ("Premier fait", "le 1er mars 1944", date(1944, 3, 1), date(1944, 3, 1), "day"),
        ("Deuxième fait", "le 5 juin 1944", date(1944, 6, 5), date(1944, 6, 5), "day"),
        ("Troisième fait", "en juin 1944", date(1944, 6, 1), date(1944, 6, 30), "month"),
        ("Quatrième fait", "le 9 mai 1945", date(1945, 5, 9), date(1945, 5, 9), "day"),
    ]
    for text, label, start, end, precision in dated:
        Fact.objects.create(
            source=source,
            kind=Fact.Kind.EVENT,
            text=text,
            date_label=label,
            date_start=start,
            date_end=end,
            date_precision=precision,
            quote=text,
        )
    person = Entity.objects.create(source=source, name="Quelqu’un", kind=Entity.Kind.PERSON)
    Fact.objects.create(
        source=source,
        kind=Fact.Kind.ROLE,
        text="Quelqu’un a un rôle",
        subject=person,
        relation=Fact.Relation.ROLE,
        object="un rôle",
        quote="Quelqu’un a un rôle",
    )
    return source


def settled_pairs(question: dict) -> dict[tuple[str, str], list[str]]:
    return {
        (pair["earlier"], pair["later"]): pair["quotes"] for pair in question.get("settled", [])
    }


def test_chronology_answers_are_ordered_by_dates_or_by_the_source_s_words(fact_base):
    questions = generate_json("--kind", "chronology", "--count", "40", "--items", "5")
    assert len(questions) == 40
    quotes = dict(Fact.objects.values_list("pk", "quote"))
    stated = set(EventOrder.objects.values_list("quote", flat=True))
    with_stated_order = 0
    for question in questions:
        assert question["kind"] == "chronology"
        items = {item["id"]: item for item in question["items"]}
        assert len(items) == 5
        assert sorted(question["answer"]) == sorted(items)
        settled = settled_pairs(question)
        with_stated_order += bool(settled)
        for earlier_id, later_id in combinations(question["answer"], 2):
            earlier, later = items[earlier_id], items[later_id]
            if earlier["end"] < later["start"]:
                continue
            # Dates that overlap: the builder's stated orders settle them, and are cited.
            assert not later["end"] < earlier["start"]
            assert set(settled[earlier_id, later_id]) <= stated
        for item in items.values():
            assert item["quote"] == quotes[int(item["fact_id"])]
            assert item["date_label"]
            assert date.fromisoformat(item["start"]) <= date.fromisoformat(item["end"])
    # The orders the source states are used, as the builder uses them.
    assert with_stated_order


@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_every_difficulty_gives_ordered_chains(fact_base, difficulty):
    for question in generate_json("--count", "10", "--items", "4", "--difficulty", difficulty):
        starts = {item["id"]: item["start"] for item in question["items"]}
        ends = {item["id"]: item["end"] for item in question["items"]}
        settled = settled_pairs(question)
        answer = question["answer"]
        assert all(ends[a] < starts[b] or (a, b) in settled for a, b in pairwise(answer))


def test_matching_maps_each_prompt_to_a_distinct_answer(fact_base):
    questions = generate_json(
        "--kind", "matching", "--count", "18", "--items", "3", "--distractors", "1"
    )
    assert len(questions) == 18
    # Without --relation the questions rotate over the relations that have 3 pairs.
    relations = [question["relation"] for question in questions]
    assert {"role", "happened_at", "date"} <= set(relations)
    assert "landed_at" not in relations  # only 2 armies land: never 3 pairs
    known = {
        (fact.relation, fact.subject.name, fact.object)
        for fact in Fact.objects.exclude(relation="").select_related("subject")
    }
    for question in questions:
        prompts = {item["id"]: item for item in question["prompts"]}
        answers = {item["id"]: item["label"] for item in question["answers"]}
        pairs = question["answer"]
        assert set(pairs) == set(prompts)
        assert len(set(pairs.values())) == len(pairs) == 3
        assert set(pairs.values()) <= set(answers)
        assert len(answers) <= 4  # 3 right answers and at most one distractor
        for prompt_id, answer_id in pairs.items():
            prompt = prompts[prompt_id]
            if question["relation"] == "date":
                # As the source writes it, with its year when the question spans years.
                label, year = prompt["date_label"], prompt["start"][:4]
                assert answers[answer_id] in (label, f"{label} ({year})")
                continue
            assert (question["relation"], prompt["label"], answers[answer_id]) in known
            # No other answer shown is also right for this prompt.
            for other_id, label in answers.items():
                if other_id != answer_id:
                    assert (question["relation"], prompt["label"], label) not in known


def test_relation_option_restricts_the_relation(fact_base):
    questions = generate_json("--kind", "matching", "--relation", "commands", "--count", "4")
    assert {question["relation"] for question in questions} == {"commands"}


@pytest.mark.parametrize(
    "args",
    [
        ("--kind", "chronology", "--items", "6"),
        ("--kind", "matching", "--items", "3", "--distractors", "2"),
    ],
)
def test_same_seed_same_output_other_seed_other_output(fact_base, args):
    first = generate(*args, "--count", "8", "--seed", "classe-3B")
    assert generate(*args, "--count", "8", "--seed", "classe-3B") == first
    assert generate(*args, "--count", "8", "--seed", "classe-3C") != first


def test_question_i_uses_seed_s_colon_i(fact_base):
    """Question 3 of a run is question 3 of any longer run with the same seed."""
    three = generate_json("--count", "3", "--seed", "x")
    ten = generate_json("--count", "10", "--seed", "x")
    assert ten[:3] == three


def test_text_format_numbers_the_questions(fact_base):
    text = generate("--kind", "matching", "--count", "3", "--items", "2", "--format", "text")
    blocks = text.strip().split("\n\n")
    assert len(blocks) == 3
    for number, block in enumerate(blocks, 1):
        assert block.startswith(f"Question {number} (association)\nAssociez")
        assert "Réponse :" in block and "→" in block
    chronology = generate("--count", "2", "--format", "text")
    assert chronology.startswith("Question 1 (chronologie)\nRemettez ces événements")
    assert "\n\nQuestion 2 (chronologie)\n" in chronology


def test_too_many_items_names_what_is_missing(fact_base, tiny_source):
    with pytest.raises(CommandError) as error:
        generate("--items", "8", "--source", str(tiny_source.pk))
    message = str(error.value)
    assert "8 événements" in message and "au plus 3" in message
    assert "Demandez au plus 3 événements (--items)" in message
    # Three items fit: the month that overlaps "le 5 juin" is never asked with it.
    for question in generate_json("--items", "3", "--count", "5", "--source", str(tiny_source.pk)):
        assert {item["label"] for item in question["items"]} != {
            "Deuxième fait",
            "Troisième fait",
        }


def test_matching_with_too_few_pairs_is_refused(tiny_source):
    with pytest.raises(CommandError, match="« role »"):
        generate("--kind", "matching", "--relation", "role", "--items", "2")
    # Three days apart make 3 date pairs, never 4; one role is never 2 pairs.
    assert generate_json("--kind", "matching", "--relation", "date", "--items", "3")
    with pytest.raises(CommandError, match="Aucun type d’association ne réunit 4 paires") as error:
        generate("--kind", "matching", "--items", "4")
    # The builder's reasons, one per relation.
    assert "4 paires « role »" in str(error.value)
    assert "4 événements à leur date" in str(error.value)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--kind", "matching", "--relation", "naissance"), "--relation : valeur inconnue"),
        (("--kind", "quiz"), "--kind : valeur inconnue"),
        (("--format", "xml"), "--format : valeur inconnue"),
        (("--difficulty", "extrême"), "--difficulty : valeur inconnue"),
        (("--items", "9"), "de 3 à 8 événements"),
        (("--items", "2"), "de 3 à 8 événements"),
        (("--kind", "matching", "--items", "1"), "de 2 à 8 paires"),
        (("--count", "0"), "--count doit valoir au moins 1"),
        (("--kind", "matching", "--distractors", "-1"), "--distractors ne peut pas"),
        (("--source", "999"), "Aucune source n° 999"),
    ],
)
def test_bad_options_are_refused_in_french(fact_base, args, expected):
    with pytest.raises(CommandError, match=expected):
        generate(*args)


def test_unknown_relation_lists_the_known_ones(fact_base):
    with pytest.raises(CommandError) as error:
        generate("--kind", "matching", "--relation", "naissance")
    assert "role, commands, happened_at, landed_at, figure, causes, date" in str(error.value)


def test_empty_database_is_refused(db):
    with pytest.raises(CommandError, match="Aucun fait dans la base"):
        generate()


def test_command_line_exit_code_is_non_zero(fact_base):
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "generate_questions", "--items", "12"]).execute()
    assert exit_info.value.code != 0


RESIGNATION = "Mussolini est contraint de démissionner par le Grand Conseil fasciste"
ARREST = "Mussolini est arrêté"


@pytest.mark.parametrize("kind", ["chronology", "matching", *SEEDED_KINDS])
def test_every_kind_the_builder_knows_is_generated_in_json_and_text(fact_base, kind):
    questions = generate_json("--kind", kind, "--count", "6", "--items", "3")
    assert len(questions) == 6
    assert {question["kind"] for question in questions} == {kind}
    text = generate("--kind", kind, "--count", "2", "--items", "3", "--format", "text")
    assert text.startswith("Question 1 (") and "\n\nQuestion 2 (" in text
    assert "Réponse :" in text


def test_which_first_asks_only_pairs_the_source_orders_and_cites_its_words(fact_base):
    questions = generate_json("--kind", "which_first", "--count", "400", "--seed", "w")
    stated = set(EventOrder.objects.values_list("quote", flat=True))
    same_day = 0
    for question in questions:
        items = {item["id"]: item for item in question["items"]}
        (later_id,) = set(items) - {question["answer"]}
        earlier, later = items[question["answer"]], items[later_id]
        assert not later["end"] < earlier["start"]
        if earlier["end"] < later["start"]:
            assert "settled" not in question
            continue
        (pair,) = question["settled"]
        assert (pair["earlier"], pair["later"]) == (question["answer"], later_id)
        assert pair["quotes"] and set(pair["quotes"]) <= stated
        same_day += {earlier["label"], later["label"]} == {RESIGNATION, ARREST}
    # « Tôt dans la matinée du 25 juillet… plus tard dans la journée »: asked, as the builder does.
    assert same_day


def test_the_command_asks_which_first_pairs_the_builder_asks(fact_base):
    def pairs(questions):
        return {frozenset(item["fact_id"] for item in q["items"]) for q in questions}

    from_command = pairs(generate_json("--kind", "which_first", "--count", "3000"))
    question_set = QuestionSet(
        title="Lequel d’abord ?", chronology_count=0, matching_count=0, which_first_count=10
    )
    from_builder = set()
    for seed in range(60):
        from_builder |= pairs(build_questions(question_set, f"b{seed}", pinned=[]))
    assert from_builder <= from_command
    same_day = Fact.objects.filter(text__in=[RESIGNATION, ARREST]).values_list("pk", flat=True)
    assert frozenset(str(pk) for pk in same_day) in from_command


def test_no_role_distractor_is_true_of_a_prompt_through_acts_for(fact_base):
    assert ActsFor.objects.exists()
    links = list(ActsFor.objects.values_list("agent__name", "principal__name"))
    together = acting_together(links)
    roles: dict[str, set[str]] = {}
    for subject, role in Fact.objects.filter(relation="role").values_list(
        "subject__name", "object"
    ):
        roles.setdefault(subject, set()).add(role)
    questions = generate_json(
        "--kind",
        "matching",
        "--relation",
        "role",
        "--items",
        "2",
        "--distractors",
        "3",
        "--count",
        "200",
    )
    for question in questions:
        right = set(question["answer"].values())
        distractors = {a["label"] for a in question["answers"] if a["id"] not in right}
        for prompt in question["prompts"]:
            for who in {prompt["label"], *together.get(prompt["label"], ())}:
                assert not distractors & roles.get(who, set()), (prompt["label"], who)


def test_date_entry_asks_an_event_as_precisely_as_the_source_dates_it(fact_base):
    for question in generate_json("--kind", "date_entry", "--count", "30"):
        (item,) = question["items"]
        fact = Fact.objects.get(pk=item["fact_id"])
        assert question["answer"] == {
            "start": fact.date_start.isoformat(),
            "end": fact.date_end.isoformat(),
        }
        assert question["precision"] in ("year", "month")
        assert str(fact.date_start.year) not in item["label"]


def test_cause_and_consequence_matching_is_generated(fact_base):
    questions = generate_json("--kind", "matching", "--relation", "causes", "--items", "2")
    known = set(Fact.objects.filter(relation="causes").values_list("subject__name", "object"))
    for question in questions:
        answers = {item["id"]: item["label"] for item in question["answers"]}
        prompts = {item["id"]: item["label"] for item in question["prompts"]}
        for prompt_id, answer_id in question["answer"].items():
            assert (prompts[prompt_id], answers[answer_id]) in known


@pytest.fixture
def undated_source(db):
    """A role, and no event: nothing to order, no date to write."""
    source = Source.objects.create(title="Sans date", text="Quelqu’un a un rôle.")
    person = Entity.objects.create(source=source, name="Quelqu’un", kind=Entity.Kind.PERSON)
    Fact.objects.create(
        source=source,
        kind=Fact.Kind.ROLE,
        text="Quelqu’un a un rôle",
        subject=person,
        relation=Fact.Relation.ROLE,
        object="un rôle",
        quote="Quelqu’un a un rôle",
    )
    return source


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("which_first", "Impossible de demander quel événement vient en premier"),
        ("date_entry", "Impossible de faire écrire une date"),
    ],
)
def test_facts_that_fall_short_are_refused_with_a_non_zero_exit(undated_source, kind, expected):
    with pytest.raises(CommandError, match=expected):
        generate("--kind", kind, "--source", str(undated_source.pk))
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            ["manage.py", "generate_questions", "--kind", kind, "--source", str(undated_source.pk)]
        ).execute()
    assert exit_info.value.code != 0
