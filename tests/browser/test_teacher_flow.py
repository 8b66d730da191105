"""A teacher creates a class, builds a set with the live preview and publishes it to the class;
a student joins with the code and takes it; the teacher sees the result and downloads the CSV."""

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

from quizzes.models import Attempt, Classroom, QuestionSet
from tests.conftest import make_teacher

pytestmark = pytest.mark.browser

PASSWORD = "Messine-17-aout"


def log_in(page: Page, site, username: str, password: str):
    page.goto(site["url"] + "/compte/connexion/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def answer_without_javascript(page: Page, attempt: Attempt):
    """Answer every question right with the plain form controls (position selects, pairs)."""
    for question in attempt.questions.order_by("position"):
        expect(page.get_by_text(f"Question {question.position} sur")).to_be_visible()
        data = question.data
        if data["kind"] == "chronology":
            for rank, item_id in enumerate(data["answer"], 1):
                page.locator(f'select[name="position-{item_id}"]').select_option(str(rank))
        else:
            for prompt_id, answer_id in dict(data["answer"]).items():
                page.locator(f'select[name="match-{prompt_id}"]').select_option(answer_id)
        page.get_by_role("button", name="Valider").click()
        expect(page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()
        next_link = page.get_by_role("link", name=re.compile("Question suivante|Voir le résultat"))
        next_link.click()


def test_teacher_builds_a_set_for_a_class_and_follows_the_result(
    page: Page, browser, site, artifacts
):
    make_teacher("mme-durand", PASSWORD)
    log_in(page, site, "mme-durand", PASSWORD)
    expect(page.get_by_role("heading", name="Mes classes", exact=True)).to_be_visible()

    # A class, whose join code the teacher reads out.
    page.get_by_label("Nom de la classe").fill("4e A")
    page.get_by_role("button", name="Créer la classe").click()
    expect(page.get_by_role("heading", name="Code pour rejoindre la classe")).to_be_visible()
    code = Classroom.objects.get(name="4e A").join_code
    expect(page.locator("#join-code")).to_contain_text(code[:3])

    # A set, with the live preview answering each change.
    page.get_by_role("link", name="Mes séries").click()
    page.get_by_role("link", name="Nouvelle série").click()
    page.get_by_label("Titre").fill("Été 1943")
    page.get_by_label("Questions de chronologie").fill("1")
    page.get_by_label("Événements par chronologie").fill("3")
    page.get_by_label("Questions d’association").fill("1")
    page.get_by_label("Paires par association").fill("3")
    page.get_by_label("armée ↔ lieu de débarquement").check()
    preview = page.locator("#set-preview")
    # Two armies only: three landing pairs cannot be asked, and the preview says why.
    expect(preview).to_contain_text("Impossible d’associer 3 paires")
    page.get_by_label("armée ↔ lieu de débarquement").uncheck()
    page.get_by_label("personnage ou groupe ↔ rôle").check()
    expect(preview.get_by_role("heading", name="Exemple de chronologie")).to_be_visible()
    expect(preview.get_by_role("heading", name="Exemple d’association")).to_be_visible()
    expect(preview).not_to_contain_text("Impossible")
    page.screenshot(path=artifacts / "teacher-builder-desktop.png", full_page=True)
    page.get_by_label("publié").check()
    page.get_by_label("4e A").check()
    page.get_by_role("button", name="Enregistrer").click()
    question_set = QuestionSet.objects.get(title="Été 1943")
    assert question_set.status == QuestionSet.Status.PUBLISHED
    assert list(question_set.classrooms.values_list("name", flat=True)) == ["4e A"]

    # A student joins with the code (typed loosely) and takes the set, without JavaScript.
    student_context = browser.new_context(java_script_enabled=False)
    student_page = student_context.new_page()
    log_in(student_page, site, site["student"].username, site["password"])
    student_page.goto(site["url"] + "/classes/rejoindre/")
    student_page.get_by_label("Code de la classe").fill(f" {code[:3].lower()} {code[3:]} ")
    student_page.get_by_role("button", name="Rejoindre").click()
    card = student_page.locator(".set-card").filter(has_text="Été 1943")
    card.get_by_role("button", name=re.compile("Commencer")).click()
    attempt = Attempt.objects.get(question_set=question_set, user=site["student"])
    answer_without_javascript(student_page, attempt)
    expect(student_page.get_by_text("soit 100 %")).to_be_visible()
    student_context.close()

    # The teacher sees it, then downloads the grades.
    page.get_by_role("link", name="Résultats", exact=True).click()
    page.get_by_role("link", name="Été 1943").click()
    expect(page.get_by_role("row", name=re.compile(site["student"].username))).to_contain_text(
        "100 %"
    )
    page.screenshot(path=artifacts / "teacher-results-desktop.png", full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger les notes (CSV)").click()
    content = download_info.value.path().read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read the accents
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "élève"
    student_row = next(row for row in rows if row[0] == site["student"].username)
    assert student_row[2:5] == ["1", "100", "100"]
