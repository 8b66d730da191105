"""Moodle XML import: our own export read back gives the same chronologies and pairs as pinned
questions (round trip); Moodle's own fixtures are read, their questions skipped with a reason
when their items are not facts of the teacher's sources; hostile files are refused with a clear
message and store nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.exports.moodle import moodle_xml
from quizzes.exports.moodle_import import MAX_IMPORT_BYTES
from quizzes.exports.questions import questions_for_export
from quizzes.models import PinnedQuestion, QuestionSet
from quizzes.question_builder import pinned_question


@pytest.fixture
def empty_set(teacher, fact_base):
    return QuestionSet.objects.create(title="Vide", owner=teacher, chronology_count=1)


def upload(client, question_set, content: bytes, name="questions.xml"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("teacher_set_import", args=[question_set.pk]),
        {"fichier": SimpleUploadedFile(name, content, content_type="text/xml")},
    )


def test_an_export_imported_again_gives_the_same_items_in_the_same_order(
    teacher_client, question_set, empty_set
):
    exported = questions_for_export(question_set, variants=2)
    response = upload(teacher_client, empty_set, moodle_xml(question_set, exported))
    assert response.status_code == 200
    kept = [q for q in exported if q.kind in ("chronology", "matching")]
    pins = list(empty_set.pinned_questions.all())
    assert len(pins) == len(kept)
    for pin, question in zip(pins, kept, strict=True):
        again = pinned_question(pin.kind, pin.relation, list(pin.facts.all()), "check")
        if question.kind == "chronology":
            by_id = {i["id"]: i["label"] for i in again["items"]}
            labels = {i["id"]: i["label"] for i in question.data["items"]}
            assert [by_id[i] for i in again["answer"]] == [
                labels[i] for i in question.data["answer"]
            ]
        else:
            assert pin.relation == question.data["relation"]
            answers = {a["id"]: a["label"] for a in question.data["answers"]}
            pairs = {
                p["label"]: answers[question.data["answer"][p["id"]]]
                for p in question.data["prompts"]
            }
            answers_again = {a["id"]: a["label"] for a in again["answers"]}
            assert {
                p["label"]: answers_again[again["answer"][p["id"]]] for p in again["prompts"]
            } == pairs
    page = response.content.decode()
    assert f"{len(kept)} questions épinglées" in page
    skipped = len(exported) - len(kept)
    assert f"{skipped} questions ignorées" in page
    assert "seuls « ordering » et « matching » sont importés" in page


def test_moodles_own_fixtures_are_read_and_their_foreign_questions_skipped(
    teacher_client, empty_set, schemas
):
    for path in ("moodle/ordering/testquestion.moodle.xml", "moodle/match/testquestion.moodle.xml"):
        response = upload(teacher_client, empty_set, (schemas / path).read_bytes())
        assert response.status_code == 200
        assert "n’est aucun événement de vos sources" in response.content.decode() or (
            "ne sont pas toutes des faits" in response.content.decode()
        )
    assert not PinnedQuestion.objects.exists()


def test_an_order_contradicting_the_sources_dates_is_skipped(
    teacher_client, question_set, empty_set
):
    chronology = questions_for_export(question_set, variants=1)[:1]
    data = dict(chronology[0].data)
    data["answer"] = list(reversed(data["answer"]))
    reversed_question = type(chronology[0])(chronology[0].name, "x", data)
    response = upload(teacher_client, empty_set, moodle_xml(question_set, [reversed_question]))
    assert "L’ordre du fichier contredit les dates de vos sources." in response.content.decode()
    assert not empty_set.pinned_questions.exists()


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="ordering"><name><text>&xxe;</text></name></question></quiz>"""
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<quiz><question type="ordering"><name><text>&lol3;</text></name></question></quiz>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE quiz SYSTEM "http://example.invalid/moodle.dtd">
<quiz></quiz>"""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 not xml at all", "n’est pas un fichier XML bien formé"),
        (b"<quiz><question></quiz>", "n’est pas un fichier XML bien formé"),
        (b"", "Le fichier soumis est vide."),
        (b"<html><body>page</body></html>", "n’est pas un export Moodle"),
        (XXE, "déclare une DTD, des entités ou des références externes"),
        (BILLION_LAUGHS, "déclare une DTD, des entités ou des références externes"),
        (EXTERNAL_DTD, "déclare une DTD, des entités ou des références externes"),
        (b"<quiz>" + b" " * MAX_IMPORT_BYTES + b"</quiz>", "dépasse 2 Mo"),
        (b"<quiz>" + b'<question type="essay"/>' * 201 + b"</quiz>", "plus de 200 questions"),
    ],
    ids=[
        "binary",
        "malformed",
        "empty",
        "not-moodle",
        "xxe",
        "billion-laughs",
        "external-dtd",
        "too-big",
        "too-many",
    ],
)
def test_hostile_files_are_refused_with_a_clear_message_and_nothing_stored(
    teacher_client, question_set, content, message
):
    before = list(PinnedQuestion.objects.values_list("pk", flat=True))
    response = upload(teacher_client, question_set, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(PinnedQuestion.objects.values_list("pk", flat=True)) == before


def test_a_post_without_a_file_is_a_form_error(teacher_client, question_set):
    response = teacher_client.post(reverse("teacher_set_import", args=[question_set.pk]), {})
    assert response.status_code == 400
    assert not question_set.pinned_questions.exclude(position__in=[0, 1]).exists()


def test_another_teachers_set_and_an_unknown_set_are_404(client, question_set, other_teacher):
    client.force_login(other_teacher)
    for set_id in (question_set.pk, 99999):
        assert client.get(reverse("teacher_set_import", args=[set_id])).status_code == 404
        assert upload(client, QuestionSet(pk=set_id), b"<quiz/>").status_code == 404
        for name in ("teacher_set_export_moodle", "teacher_set_export_qti3"):
            assert client.get(reverse(name, args=[set_id])).status_code == 404


def test_students_and_visitors_cannot_import(client, question_set):
    from tests.conftest import make_student

    assert upload(client, question_set, b"<quiz/>").status_code == 302
    client.force_login(make_student("eleve-x"))
    assert upload(client, question_set, b"<quiz/>").status_code == 403


def test_the_import_needs_the_csrf_token(teacher, question_set, empty_set):
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    assert upload(client, empty_set, b"<quiz/>").status_code == 403


@pytest.mark.parametrize("variants", ["0", "21", "abc", "", "1e9", "-3"])
def test_a_tampered_variants_count_is_a_400_with_a_message(teacher_client, question_set, variants):
    for name in ("teacher_set_export_moodle", "teacher_set_export_qti3"):
        response = teacher_client.get(
            reverse(name, args=[question_set.pk]), {"variantes": variants}
        )
        assert response.status_code == 400
        assert "Le nombre de variantes doit être un entier de 1 à 20." in response.content.decode()
