"""A teacher brings a text of their own: uploads a Word file, watches it being read by the real
background worker, reviews what it proposes (edits a date range, rejects one, accepts the rest),
builds a set with the facts and publishes it to a class; a student takes it and reads the
source's quotes in the feedback. Also: reviewing by keyboard only, and the whole review without
JavaScript (plain form posts, a page that refreshes itself while the text is read)."""

import io
import re
import threading
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from quizzes.models import Attempt, CandidateFact, Classroom, Enrollment, Fact, QuestionSet, Source
from tests.browser.test_student_quiz import keyboard_into_order, right_labels
from tests.conftest import make_student, make_teacher

pytestmark = pytest.mark.browser

PASSWORD = "Blocus-22-octobre"
STUDENT_PASSWORD = "Missiles-28-octobre"

PARAGRAPHS = [
    "Le 14 octobre 1962, un avion espion américain U-2 photographie des rampes de lancement de "
    "missiles soviétiques à Cuba. Le président John F. Kennedy réunit ses conseillers à la "
    "Maison-Blanche le 16 octobre 1962.",
    "Le 22 octobre, le président John F. Kennedy annonce à la télévision un blocus naval de "
    "l’île. Deux jours plus tard, les navires soviétiques ralentissent devant la ligne de blocus.",
    "Le 28 octobre 1962, le premier secrétaire Nikita Khrouchtchev accepte de retirer les "
    "missiles de Cuba. Le 20 novembre 1962, les États-Unis lèvent le blocus naval.",
]
TEXT = "\n\n".join(PARAGRAPHS)

# The proposals the review touches (their statements, as the reading writes them).
SLOWED_SHIPS = "Les navires soviétiques ralentissent devant la ligne de blocus"
BLOCKADE = "Le président John F. Kennedy annonce à la télévision un blocus naval de l’île"


def cuba_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("La crise des missiles de Cuba", level=1)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def reading_gate(monkeypatch):
    """Holds the worker's reading after its first steps until the test opens the gate, so the
    progress bar is seen for certain however fast the reading is. The worker itself (the
    `task_worker` fixture) is the real one; only the pace is the test's."""
    from quizzes.extraction import pipeline

    gate = threading.Event()
    reached = threading.Event()
    real_extract = pipeline.extract

    def gated_extract(text, language, progress=None):
        def report(percent, step):
            if progress is not None:
                progress(percent, step)
            if step == "dates":
                reached.set()
                assert gate.wait(timeout=60), "the test never opened the reading gate"

        return real_extract(text, language, report)

    monkeypatch.setattr(pipeline, "extract", gated_extract)
    gate.reached = reached
    yield gate
    gate.set()


@pytest.fixture
def people(live_server, transactional_db):
    """Mme Leroy, her class « 3e C » with Noé enrolled."""
    teacher = make_teacher("mme-leroy", PASSWORD)
    student = make_student("noe", STUDENT_PASSWORD)
    classroom = Classroom.objects.create(name="3e C", teacher=teacher)
    Enrollment.objects.create(classroom=classroom, student=student)
    return {"url": live_server.url, "teacher": teacher, "student": student, "class": classroom}


def log_in(page: Page, url: str, username: str, password: str):
    page.goto(url + "/compte/connexion/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def candidate_item(page: Page, text: str):
    return page.locator("li.candidate").filter(has=page.get_by_text(text, exact=True))


def new_pasted_source(page: Page, title: str):
    page.get_by_role("link", name="Mes textes", exact=True).click()
    page.get_by_role("link", name="Nouveau texte").click()
    page.get_by_label("Titre").fill(title)
    page.get_by_label("Texte", exact=True).fill(TEXT)
    page.get_by_role("button", name="Enregistrer et lire le texte").click()


def test_teacher_reviews_an_uploaded_text_builds_a_set_and_a_student_reads_its_quotes(
    page: Page, browser, people, task_worker, reading_gate, artifacts
):
    url = people["url"]
    log_in(page, url, "mme-leroy", PASSWORD)
    page.get_by_role("link", name="Mes textes", exact=True).click()
    expect(page.get_by_role("heading", name="Mes textes sources")).to_be_visible()
    page.get_by_role("link", name="Nouveau texte").click()

    # A Word file, uploaded.
    page.get_by_label("Titre").fill("La crise de Cuba")
    page.get_by_label("Auteur ou origine").fill("Mme Leroy")
    page.get_by_label("Ou un fichier").set_input_files(
        files=[
            {
                "name": "crise-de-cuba.docx",
                "mimeType": "application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document",
                "buffer": cuba_docx(),
            }
        ]
    )
    page.get_by_role("button", name="Enregistrer et lire le texte").click()
    source = Source.objects.get(title="La crise de Cuba")
    assert source.owner == people["teacher"] and source.language == "fr"
    assert source.original_filename == "crise-de-cuba.docx"
    assert "Deux jours plus tard" in source.text
    assert "1962.\nLe 22 octobre" in source.text  # Word paragraphs: one line break apart

    # The progress bar, followed by htmx while the worker reads.
    expect(page.get_by_role("heading", name="La crise de Cuba")).to_be_visible()
    progress = page.locator("progress")
    expect(progress).to_be_visible()
    assert reading_gate.reached.wait(timeout=30), "the worker never started the reading"
    reading = page.get_by_role("status").filter(has_text="Lecture du texte")
    expect(reading).to_contain_text("Lecture du texte : 5 % — Recherche des dates")
    expect(progress).to_have_attribute("value", "5")
    page.screenshot(path=artifacts / "teacher-source-reading-desktop.png", full_page=True)
    reading_gate.set()

    # The reading ends: the page reloads itself and shows the proposals.
    proposals = page.get_by_role("heading", name=re.compile(r"^[1-9]\d* propositions à examiner$"))
    expect(proposals).to_be_visible(timeout=30_000)
    expect(progress).to_have_count(0)
    expect(page.get_by_text(re.compile("Lecture terminée"))).to_be_visible()
    found = source.candidates.count()
    assert found >= 8
    events = {
        c.date_label: (c.date_start, c.date_end) for c in source.candidates.filter(kind="event")
    }
    # The year-less date at the start of a line is read, and the relative date follows it.
    assert events["Le 22 octobre"] == (date(1962, 10, 22), date(1962, 10, 22))
    assert events["Deux jours plus tard"] == (date(1962, 10, 24), date(1962, 10, 24))
    expect(proposals).to_have_text(f"{found} propositions à examiner")
    # The text, with its quotes highlighted as links to their proposals.
    text_panel = page.get_by_role("region", name="Le texte")
    expect(text_panel.locator("a.quoted").first).to_be_visible()
    expect(candidate_item(page, SLOWED_SHIPS)).to_contain_text("Deux jours plus tard")
    expect(candidate_item(page, SLOWED_SHIPS)).to_contain_text("24 octobre 1962")
    page.screenshot(path=artifacts / "teacher-source-proposals-desktop.png", full_page=True)

    # Edit one date range: the ships slowed down on the 24th or the 25th.
    page.get_by_role("link", name=f"Modifier « {SLOWED_SHIPS} »").click()
    expect(page.get_by_role("heading", name="Modifier puis accepter")).to_be_visible()
    expect(page.get_by_label("Au plus tôt")).to_have_value("1962-10-24")
    page.get_by_label("Au plus tard").fill("1962-10-25")
    page.screenshot(path=artifacts / "teacher-fact-form-desktop.png", full_page=True)
    page.get_by_role("button", name="Enregistrer et accepter").click()
    expect(page.get_by_text(f"Fait modifié et accepté : {SLOWED_SHIPS}")).to_be_visible()
    facts = page.get_by_role("region", name=re.compile("fait accepté"))
    edited_item = facts.get_by_role("listitem").filter(has_text=SLOWED_SHIPS)
    expect(edited_item).to_contain_text("du 24 octobre 1962 au 25 octobre 1962")
    expect(edited_item).to_contain_text("Proposé puis modifié")
    edited = Fact.objects.get(source=source, text=SLOWED_SHIPS)
    assert (edited.date_start, edited.date_end) == (date(1962, 10, 24), date(1962, 10, 25))
    assert edited.origin == Fact.Origin.EDITED
    expect(candidate_item(page, SLOWED_SHIPS)).to_have_count(0)

    # Reject one proposal that is not an event (the White House one only repeats an event).
    wrong = (
        source.candidates.filter(status=CandidateFact.Status.PROPOSED)
        .exclude(kind=Fact.Kind.EVENT)
        .order_by("quote_start", "pk")
        .first()
    )
    wrong_item = page.locator(f"#proposition-{wrong.pk}")
    wrong_item.get_by_role("button", name=re.compile("^Rejeter")).click()
    expect(wrong_item).to_contain_text("Proposition rejetée")
    expect(wrong_item.get_by_role("button")).to_have_count(0)
    wrong.refresh_from_db()
    assert wrong.status == CandidateFact.Status.REJECTED

    # Accept the rest at once.
    remaining = source.candidates.filter(status=CandidateFact.Status.PROPOSED).count()
    page.get_by_role("button", name="Accepter toutes les propositions restantes").click()
    expect(
        page.get_by_text(
            f"{remaining} fait{'s' if remaining > 1 else ''} accepté{'s' if remaining > 1 else ''}."
        )
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Aucune proposition à examiner")).to_be_visible()
    expect(page.get_by_text("1 rejetée.")).to_be_visible()
    assert not source.candidates.filter(status=CandidateFact.Status.PROPOSED).exists()
    assert source.facts.count() == found - 1
    expect(page.get_by_role("heading", name=f"{found - 1} faits acceptés")).to_be_visible()
    assert not source.facts.filter(text=wrong.text).exists()
    page.screenshot(path=artifacts / "teacher-source-facts-desktop.png", full_page=True)

    # A set with these facts, for the class.
    page.get_by_role("link", name="Créer une série avec ces faits").click()
    expect(page.get_by_label("Seulement les faits que je choisis")).to_be_checked()
    page.get_by_label("Titre").fill("Crise de Cuba, octobre 1962")
    page.get_by_label("Questions de chronologie").fill("1")
    page.get_by_label("Événements par chronologie").fill("3")
    page.get_by_label("Questions d’association").fill("0")
    preview = page.locator("#set-preview")
    expect(preview.get_by_role("heading", name="Exemple de chronologie")).to_be_visible()
    expect(preview).not_to_contain_text("Impossible")
    page.get_by_label("publié").check()
    page.get_by_label("3e C").check()
    page.screenshot(path=artifacts / "teacher-source-builder-desktop.png", full_page=True)
    page.get_by_role("button", name="Enregistrer").click()
    question_set = QuestionSet.objects.get(title="Crise de Cuba, octobre 1962")
    assert question_set.status == QuestionSet.Status.PUBLISHED
    assert list(question_set.classrooms.all()) == [people["class"]]
    assert set(question_set.facts.all()) == set(source.facts.all())

    # The student takes it and reads, in the feedback, the quotes of the teacher's text.
    student_context = browser.new_context()
    student_page = student_context.new_page()
    log_in(student_page, url, "noe", STUDENT_PASSWORD)
    expect(student_page.get_by_role("heading", name="Mes quiz")).to_be_visible()
    card = student_page.locator(".set-card").filter(has_text="Crise de Cuba, octobre 1962")
    card.get_by_role("button", name=re.compile("Commencer")).click()
    expect(student_page.get_by_text("Question 1 sur 1")).to_be_visible()
    attempt = Attempt.objects.get(question_set=question_set, user=people["student"])
    chronology = attempt.questions.get()
    used = Fact.objects.filter(pk__in=[item["fact_id"] for item in chronology.data["items"]])
    assert {fact.source_id for fact in used} == {source.pk}
    keyboard_into_order(student_page, right_labels(chronology))
    student_page.get_by_role("button", name="Valider").click()
    expect(student_page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()
    timeline = student_page.get_by_role("list", name="La bonne chronologie")
    quotes = timeline.locator("details.quote")
    expect(quotes).to_have_count(3)
    for index in range(3):
        quotes.nth(index).get_by_text("Voir la citation").click()
    for fact in used:
        fragment = fact.quote[:60]
        assert fragment in TEXT
        expect(timeline.locator("blockquote").filter(has_text=fragment)).to_be_visible()
    student_page.screenshot(path=artifacts / "student-source-quotes-desktop.png", full_page=True)
    student_page.get_by_role("link", name="Voir le résultat").click()
    expect(student_page.get_by_text("soit 100 %")).to_be_visible()
    student_context.close()


def focused_name(page: Page) -> str:
    return page.evaluate("(document.activeElement && document.activeElement.textContent || '')")


def tab_to(page: Page, name: str, limit: int = 150):
    for _ in range(limit):
        if " ".join(focused_name(page).split()) == name:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {name!r} with the Tab key")


def test_teacher_reviews_proposals_with_the_keyboard_only(
    page: Page, people, task_worker, artifacts
):
    log_in(page, people["url"], "mme-leroy", PASSWORD)
    new_pasted_source(page, "Cuba au clavier")
    expect(
        page.get_by_role("heading", name=re.compile(r"^[1-9]\d* propositions à examiner$"))
    ).to_be_visible(timeout=30_000)
    source = Source.objects.get(title="Cuba au clavier")
    blockade = source.candidates.get(text=BLOCKADE)
    following = (
        source.candidates.filter(quote_start__gt=blockade.quote_start)
        .order_by("quote_start")
        .first()
    )

    # Tab to « Accepter » and press Enter: the proposal is accepted where it stood.
    tab_to(page, f"Accepter « {BLOCKADE} »")
    page.keyboard.press("Enter")
    expect(page.locator(f"#proposition-{blockade.pk}")).to_contain_text(
        f"Fait accepté : {BLOCKADE}"
    )
    blockade.refresh_from_db()
    assert blockade.status == CandidateFact.Status.ACCEPTED
    assert source.facts.filter(text=BLOCKADE, origin=Fact.Origin.ACCEPTED).exists()

    # The keyboard goes on from there: the next Tab reaches the following proposal, whose
    # « Rejeter » is two Tabs further (Accepter, Modifier, Rejeter).
    page.keyboard.press("Tab")
    assert " ".join(focused_name(page).split()) == f"Accepter « {following.text} »"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert " ".join(focused_name(page).split()) == f"Rejeter « {following.text} »"
    page.keyboard.press("Enter")
    expect(page.locator(f"#proposition-{following.pk}")).to_contain_text("Proposition rejetée")
    following.refresh_from_db()
    assert following.status == CandidateFact.Status.REJECTED
    page.screenshot(path=artifacts / "teacher-source-keyboard-desktop.png", full_page=True)


def test_teacher_reviews_proposals_without_javascript(
    browser, people, task_worker, reading_gate, artifacts
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, people["url"], "mme-leroy", PASSWORD)
    new_pasted_source(page, "Cuba sans JavaScript")
    source = Source.objects.get(title="Cuba sans JavaScript")

    # No htmx: the page refreshes itself (meta refresh in <noscript>) and offers a link.
    expect(page.locator("progress")).to_be_visible()
    expect(page.locator('meta[http-equiv="refresh"]')).to_have_count(1)
    expect(page.get_by_role("link", name="Actualiser")).to_be_visible()
    assert reading_gate.reached.wait(timeout=30), "the worker never started the reading"
    page.get_by_role("link", name="Actualiser").click()
    expect(page.get_by_text("Lecture du texte : 5 % — Recherche des dates")).to_be_visible()
    page.screenshot(path=artifacts / "teacher-source-reading-nojs.png", full_page=True)
    reading_gate.set()
    # The next automatic refresh shows the proposals, and refreshing stops.
    expect(
        page.get_by_role("heading", name=re.compile(r"^[1-9]\d* propositions à examiner$"))
    ).to_be_visible(timeout=30_000)
    expect(page.locator('meta[http-equiv="refresh"]')).to_have_count(0)
    expect(page.locator("progress")).to_have_count(0)

    # Accept and reject are plain form posts: the page comes back with a message.
    blockade = source.candidates.get(text=BLOCKADE)
    page.get_by_role("button", name=f"Accepter « {BLOCKADE} »").click()
    expect(page.get_by_text(f"Fait accepté : {BLOCKADE}")).to_be_visible()
    expect(page.locator(f"#proposition-{blockade.pk}")).to_have_count(0)
    blockade.refresh_from_db()
    assert blockade.status == CandidateFact.Status.ACCEPTED

    ships = source.candidates.get(text=SLOWED_SHIPS)
    page.get_by_role("button", name=f"Rejeter « {SLOWED_SHIPS} »").click()
    expect(page.get_by_text(f"Proposition rejetée : {SLOWED_SHIPS}")).to_be_visible()
    expect(page.get_by_text("1 rejetée.")).to_be_visible()
    ships.refresh_from_db()
    assert ships.status == CandidateFact.Status.REJECTED

    page.get_by_role("button", name="Accepter toutes les propositions restantes").click()
    expect(page.get_by_text(re.compile(r"\d+ faits acceptés\."))).to_be_visible()
    assert not source.candidates.filter(status=CandidateFact.Status.PROPOSED).exists()
    expect(page.get_by_role("link", name="Créer une série avec ces faits")).to_be_visible()
    page.screenshot(path=artifacts / "teacher-source-reviewed-nojs.png", full_page=True)
    context.close()
