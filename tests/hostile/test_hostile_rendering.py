"""User-controlled text is never rendered as markup: hostile fact statements and quotes, entity
names, a hostile username and full name, class name, set title and instructions, on every page
that shows them (student and teacher, full pages and htmx fragments). The grades CSV does not
let a spreadsheet run a formula from a name (CSV injection)."""

import csv
import io

import pytest
from django.db.models import CharField, F, TextField, Value
from django.db.models.functions import Cast, Concat, Left
from django.utils.html import escape

from quizzes.attempts import start_attempt
from quizzes.class_results import grades_csv
from quizzes.models import Entity, Fact, Source
from tests.conftest import right_answer_post, wrong_answer_post
from tests.factories import make_class, make_student, make_teacher, published_set
from tests.hostile.conftest import hostile_client

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
BOLD = "<b>bold</b>\"'&"
RAW = [SCRIPT, IMG, "<img src=x", "<b>bold</b>", "onerror=alert(1)>"]
FORMULAS = ['=HYPERLINK("http://x")', "+33 1 23", "-2+3", "@SUM(1+1)"]


@pytest.fixture
def hostile_world(fact_base):
    Fact.objects.update(
        text=Left(Concat(Value(f"{SCRIPT} {IMG} "), F("text"), output_field=TextField()), 400),
        quote=Concat(Value(f"{IMG} "), F("quote"), Value(f" {SCRIPT}"), output_field=TextField()),
    )
    Fact.objects.exclude(object="").update(
        object=Left(Concat(F("object"), Value(f" {IMG}"), output_field=TextField()), 300)
    )
    Entity.objects.update(
        name=Left(Concat(Value(f"{SCRIPT} "), F("name"), output_field=CharField()), 200)
    )
    Source.objects.update(
        title=Concat(
            Value(f"{IMG} "), F("title"), Cast("pk", CharField()), output_field=CharField()
        )
    )
    teacher = make_teacher("prof-hostile")
    teacher.first_name, teacher.last_name = SCRIPT, IMG
    teacher.save()
    student = make_student(BOLD)
    student.first_name, student.last_name = FORMULAS[0], SCRIPT
    student.save()
    pupils = [student]
    for n, formula in enumerate(FORMULAS[1:]):
        user = make_student(f"{formula.replace(' ', '')[:10]}{n}")  # valid usernames: + - @
        user.last_name = formula
        user.save()
        pupils.append(user)
    classroom = make_class(teacher=teacher, name=f"{SCRIPT}3e", pupils=pupils)
    question_set = published_set(
        owner=teacher,
        title=IMG,
        classrooms=[classroom],
        instructions=SCRIPT,
        chronology_count=1,
        chronology_items=4,
        matching_count=1,
        matching_pairs=3,
    )
    finished = start_attempt(question_set, user=student)
    client = hostile_client(student)
    for q in finished.questions.order_by("position"):
        answer = right_answer_post if q.position == 1 else wrong_answer_post
        client.post(f"/quiz/tentatives/{finished.pk}/questions/{q.position}/", answer(q.data))
    open_attempt = start_attempt(question_set, user=student)
    return {
        "teacher": teacher,
        "student": student,
        "classroom": classroom,
        "set": question_set,
        "finished": finished,
        "open": open_attempt,
    }


def assert_escaped(response, *, shows=()):
    assert response.status_code < 500, response.status_code
    page = response.content.decode()
    for raw in RAW:
        assert raw not in page, raw
    for text in shows:
        assert escape(text) in page, text


def test_student_pages_escape_hostile_text(hostile_world):
    w = hostile_world
    client = hostile_client(w["student"])
    open_url = f"/quiz/tentatives/{w['open'].pk}/questions/1/"
    assert_escaped(client.get("/quiz/"), shows=[IMG, f"{SCRIPT}3e"])
    page = client.get(open_url)
    assert page.status_code == 200, (page.status_code, page.headers)
    assert_escaped(page, shows=[SCRIPT, BOLD])
    assert_escaped(client.get(open_url, headers={"HX-Request": "true"}), shows=[SCRIPT])
    question = w["open"].questions.get(position=1)
    for htmx in (True, False):  # the feedback, after a right then a repeated answer
        headers = {"HX-Request": "true"} if htmx else {}
        response = client.post(open_url, right_answer_post(question.data), headers=headers)
        assert_escaped(response, shows=[SCRIPT, IMG])
    for q in w["finished"].questions.all():
        url = f"/quiz/tentatives/{w['finished'].pk}/questions/{q.position}/"
        assert_escaped(client.get(url), shows=[SCRIPT])
    assert_escaped(client.get(f"/quiz/tentatives/{w['finished'].pk}/resultat/"), shows=[IMG])
    assert_escaped(client.get("/mes-resultats/"), shows=[IMG])
    assert_escaped(client.get("/classes/rejoindre/"))
    assert_escaped(client.post("/classes/rejoindre/", {"code": IMG + SCRIPT}))
    source = Source.objects.first()
    assert_escaped(client.get(f"/sources/{source.pk}/"), shows=[IMG])


def test_anonymous_pages_escape_hostile_text(hostile_world):
    client = hostile_client()
    assert_escaped(client.get("/"))
    response = client.post("/compte/inscription/", {"username": BOLD + SCRIPT, "password1": IMG})
    assert response.status_code == 400
    assert_escaped(response)
    assert_escaped(client.post("/compte/connexion/", {"username": IMG + SCRIPT, "password": "x"}))


def test_teacher_pages_escape_hostile_text(hostile_world):
    w = hostile_world
    client = hostile_client(w["teacher"])
    room, qs = w["classroom"], w["set"]
    assert_escaped(client.get("/enseignant/classes/"), shows=[f"{SCRIPT}3e"])
    assert_escaped(client.get(f"/enseignant/classes/{room.pk}/"), shows=[BOLD, f"{SCRIPT}3e", IMG])
    assert_escaped(
        client.get(f"/enseignant/classes/{room.pk}/eleves/{w['student'].pk}/retirer/"), shows=[BOLD]
    )
    for htmx in (False, True):
        headers = {"HX-Request": "true"} if htmx else {}
        response = client.post(
            f"/enseignant/classes/{room.pk}/eleves/",
            {"username": BOLD},
            headers=headers,
            follow=True,
        )
        assert_escaped(response, shows=[BOLD])
        response = client.post("/enseignant/classes/", {"name": SCRIPT + IMG}, headers=headers)
        assert response.status_code in (200, 302)
    assert_escaped(client.get("/enseignant/classes/"), shows=[SCRIPT + IMG])
    assert_escaped(client.get("/enseignant/series/"), shows=[IMG])
    assert_escaped(client.get(f"/enseignant/series/{qs.pk}/"), shows=[IMG, SCRIPT])
    assert_escaped(
        client.get("/enseignant/series/faits/", {"q": "alert"}, headers={"HX-Request": "true"}),
        shows=[SCRIPT],
    )
    assert_escaped(client.get("/enseignant/series/nouvelle/", {"q": SCRIPT}))
    preview = {
        "title": IMG,
        "instructions": SCRIPT,
        "fact_choice": "all",
        "chronology_count": "1",
        "chronology_items": "4",
        "matching_count": "1",
        "matching_pairs": "3",
        "matching_distractors": "1",
        "difficulty": "medium",
        "ordering_method": "ABSOLUTE_POSITION",
        "matching_penalty": "0",
        "attempts_allowed": "0",
        "regenerate_per_attempt": "True",
        "status": "draft",
    }
    assert_escaped(
        client.post("/enseignant/series/apercu/", preview, headers={"HX-Request": "true"}),
        shows=[SCRIPT],
    )
    assert_escaped(client.post(f"/enseignant/series/{qs.pk}/apercu/", preview), shows=[SCRIPT])
    assert_escaped(client.get(f"/enseignant/series/{qs.pk}/supprimer/"), shows=[IMG])
    assert_escaped(client.get("/enseignant/resultats/"), shows=[f"{SCRIPT}3e"])
    assert_escaped(client.get("/enseignant/resultats/", headers={"HX-Request": "true"}))
    detail = f"/enseignant/resultats/classes/{room.pk}/series/{qs.pk}/"
    assert_escaped(client.get(detail), shows=[BOLD, IMG])
    assert_escaped(client.get(detail, headers={"HX-Request": "true"}), shows=[BOLD])


def test_grades_csv_neutralises_formulas_from_names(hostile_world):
    w = hostile_world
    client = hostile_client(w["teacher"])
    response = client.get(
        f"/enseignant/resultats/classes/{w['classroom'].pk}/series/{w['set'].pk}/notes.csv"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row[:2]]
    assert BOLD in cells  # the names are kept, whole
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    for formula in FORMULAS:
        assert any(cell.startswith("'" + formula) for cell in cells), formula


def test_grades_csv_keeps_plain_names_as_they_are():
    class Row:
        attempt_count, best_percent, last_percent, last_finished_at = 1, 50.0, 50.0, None

        def get_username(self):
            return "camille"

        def get_full_name(self):
            return "Camille Dupont"

    assert grades_csv([Row()]).splitlines()[1] == "camille;Camille Dupont;1;50;50;"
