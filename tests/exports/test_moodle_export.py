"""Moodle XML export: the structure of each question compared element by element with
Moodle's own fixtures (qtype_ordering, qtype_match), the values allowed by Moodle's import
code, the quotes in the feedback, and the download from the set page and the command line."""

import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from quizzes.engine import grading
from quizzes.exports.moodle import moodle_xml
from quizzes.exports.questions import questions_for_export

# Moodle's import (set_options_for_import) and its grading constants, from shared/schemas/moodle/NOTES.md.
LAYOUTS = {"VERTICAL", "HORIZONTAL"}
SELECT_TYPES = {"ALL", "RANDOM", "CONTIGUOUS"}
GRADING_TYPES = {
    "ALL_OR_NOTHING",
    "ABSOLUTE_POSITION",
    "RELATIVE_NEXT_EXCLUDE_LAST",
    "RELATIVE_NEXT_INCLUDE_LAST",
    "RELATIVE_ONE_PREVIOUS_AND_NEXT",
    "RELATIVE_ALL_PREVIOUS_AND_NEXT",
    "LONGEST_ORDERED_SUBSET",
    "LONGEST_CONTIGUOUS_SUBSET",
    "RELATIVE_TO_CORRECT",
}
NUMBERING_STYLES = {"none", "abc", "ABCD", "123", "iii", "IIII"}
FORMATS = {"moodle_auto_format", "html", "plain_text", "wiki_like", "markdown"}


def tags(question) -> list[str]:
    """Child element names, runs of one name (the <answer>s) written once."""
    names = [child.tag for child in question if isinstance(child.tag, str)]
    return [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]


@pytest.fixture
def exported(question_set):
    return etree.fromstring(
        moodle_xml(question_set, questions_for_export(question_set, variants=2))
    )


def of_type(root, qtype):
    return root.findall(f"question[@type='{qtype}']")


def test_ordering_questions_have_the_elements_of_moodles_export_in_its_order(exported, schemas):
    fixture = etree.parse(str(schemas / "moodle/ordering/testexport.moodle.xml")).getroot()
    # Moodle's fixture also has two hints; quizsite writes none.
    expected = [name for name in tags(fixture) if name != "hint"]
    for question in of_type(exported, "ordering"):
        assert tags(question) == expected
        first_fixture_answer, first_answer = fixture.find("answer"), question.find("answer")
        assert set(first_answer.attrib) == set(first_fixture_answer.attrib)
        assert tags(first_answer) == tags(first_fixture_answer)


def test_ordering_values_are_those_moodle_reads(exported, question_set):
    questions = of_type(exported, "ordering")
    assert len(questions) >= 3
    for question in questions:
        assert question.findtext("layouttype") in LAYOUTS
        assert question.findtext("selecttype") == "ALL"
        assert question.findtext("gradingtype") == question_set.ordering_method
        assert question.findtext("showgrading") == "SHOW"
        assert question.findtext("numberingstyle") in NUMBERING_STYLES
        assert question.findtext("shownumcorrect") == "1"
        answers = question.findall("answer")
        assert int(question.findtext("selectcount")) == len(answers) >= 3
        # `fraction` is the item's position in the right order, the answers in that order.
        assert [a.get("fraction") for a in answers] == [str(i) for i in range(1, len(answers) + 1)]
        assert all(
            element.get("format") in FORMATS for element in question.iter() if element.get("format")
        )


def test_every_grading_method_is_written_under_moodles_name(question_set):
    assert set(grading.ORDERING_METHODS) == GRADING_TYPES
    for method in grading.ORDERING_METHODS:
        question_set.ordering_method = method
        root = etree.fromstring(
            moodle_xml(question_set, questions_for_export(question_set, variants=1))
        )
        assert {q.findtext("gradingtype") for q in of_type(root, "ordering")} == {method}


def test_the_chronology_answers_are_the_right_order_with_date_and_quote(exported, question_set):
    pinned = questions_for_export(question_set, variants=1)[0]
    question = of_type(exported, "ordering")[0]
    items = {item["id"]: item for item in pinned.data["items"]}
    right = [items[item_id] for item_id in pinned.data["answer"]]
    assert [a.findtext("text") for a in question.findall("answer")] == [i["label"] for i in right]
    for answer, item in zip(question.findall("answer"), right, strict=True):
        feedback = answer.findtext("feedback/text")
        assert item["date_label"] in feedback and item["quote"] in feedback
    general = question.findtext("generalfeedback/text")
    assert all(item["quote"] in general for item in right)


def test_matching_questions_have_the_elements_of_moodles_fixture(exported, schemas):
    fixture = etree.parse(str(schemas / "moodle/match/testquestion.moodle.xml"))
    expected_question = fixture.find("question[@type='matching']")
    # The fixture predates <idnumber>, which Moodle's writequestion now writes after <hidden>.
    expected = tags(expected_question)
    expected.insert(expected.index("hidden") + 1, "idnumber")
    for question in of_type(exported, "matching"):
        assert tags(question) == expected
        assert question.findtext("shuffleanswers") in {"true", "false"}
        for sub in question.findall("subquestion"):
            assert tags(sub) == tags(expected_question.find("subquestion"))
            assert tags(sub.find("answer")) == ["text"]


def test_a_distractor_is_a_subquestion_without_text(exported, question_set):
    generated = of_type(exported, "matching")[-1]
    subquestions = generated.findall("subquestion")
    empty = [s for s in subquestions if not s.findtext("text")]
    assert len(empty) == question_set.matching_distractors
    assert all(s.findtext("answer/text") for s in empty)


def test_one_category_for_the_set_first(exported, schemas):
    fixture = etree.parse(str(schemas / "moodle/match/testquestion.moodle.xml"))
    category = exported.find("question")
    assert category.get("type") == "category"
    assert tags(category) == tags(fixture.find("question[@type='category']"))
    assert category.findtext("category/text") == "$course$/top/Italie 1943"
    assert len(of_type(exported, "category")) == 1


def test_the_other_kinds_become_moodles_nearest_types(exported):
    counted = {qtype: len(of_type(exported, qtype)) for qtype in ("multichoice", "truefalse")}
    assert counted == {"multichoice": 4, "truefalse": 2}
    assert of_type(exported, "numerical") or of_type(exported, "shortanswer")
    for question in of_type(exported, "multichoice"):
        fractions = sorted(a.get("fraction") for a in question.findall("answer"))
        assert fractions.count("100") == 1


def test_xmllint_finds_the_export_well_formed_offline(exported, tmp_path):
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint (libxml2-utils) is installed by `make test`"
    path = tmp_path / "export.xml"
    path.write_bytes(etree.tostring(exported, xml_declaration=True, encoding="UTF-8"))
    result = subprocess.run([xmllint, "--noout", "--nonet", str(path)], capture_output=True)
    assert result.returncode == 0, result.stderr


def test_the_set_page_downloads_the_moodle_file(teacher_client, question_set):
    page = teacher_client.get(reverse("teacher_set_edit", args=[question_set.pk]))
    assert "Exporter" in page.content.decode()
    url = reverse("teacher_set_export_moodle", args=[question_set.pk])
    response = teacher_client.get(url, {"variantes": "1"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="italie-1943-moodle.xml"'
    root = etree.fromstring(response.content)
    assert len(of_type(root, "ordering")) == 1 + question_set.chronology_count


def test_the_command_writes_moodle_xml_and_the_qti_package(question_set, tmp_path, capsys):
    call_command("export_set", str(question_set.pk), "--variants", "1")
    root = etree.fromstring(capsys.readouterr().out.encode())
    assert of_type(root, "ordering")
    target = tmp_path / "set.zip"
    call_command("export_set", str(question_set.pk), "--format", "qti3", "--output", str(target))
    assert target.read_bytes()[:2] == b"PK"


def test_a_set_its_facts_cannot_support_explains_why_instead_of_a_file(teacher_client, teacher):
    from quizzes.models import QuestionSet, Source

    empty = Source.objects.create(title="Brouillon", text="Rien de daté.", owner=teacher)
    question_set = QuestionSet.objects.create(title="Sans faits", owner=teacher)
    question_set.sources.set([empty])
    response = teacher_client.get(
        reverse("teacher_set_export_qti3", args=[question_set.pk]), {"variantes": "1"}
    )
    assert response.status_code == 409
    assert "Export impossible" in response.content.decode()
    assert "attachment" not in response.get("Content-Disposition", "")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["99999"], "Aucune série n°99999."),
        (["{pk}", "--variants", "0"], "--variants : de 1 à 20."),
        (["{pk}", "--format", "qti3"], "précisez --output"),
    ],
)
def test_the_command_refuses_bad_arguments_clearly(question_set, arguments, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("export_set", *[a.format(pk=question_set.pk) for a in arguments])


def test_control_characters_and_cdata_ends_in_a_quote_do_not_break_the_files(question_set):
    from quizzes.exports.qti import qti_package
    from quizzes.models import Fact

    pinned = question_set.pinned_questions.get(kind="chronology")
    fact = pinned.facts.order_by("pk").first()
    # \x0b: a vertical tab from a pasted text (PostgreSQL itself refuses \x00).
    Fact.objects.filter(pk=fact.pk).update(text="Vote ]]> <b>\x0bfinal\x1f</b> & co")
    questions = questions_for_export(question_set, variants=1)
    root = etree.fromstring(moodle_xml(question_set, questions))
    texts = [a.findtext("text") for a in root.find("question[@type='ordering']").iter("answer")]
    assert "Vote ]]&gt; &lt;b&gt;final&lt;/b&gt; &amp; co" in texts
    assert qti_package(question_set, questions)[:2] == b"PK"
