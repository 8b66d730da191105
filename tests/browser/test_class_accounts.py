"""Pupils' accounts as schools run them, in a real browser: a teacher pastes the class list and
prints the cards (the print stylesheet leaves only the cards, two to a row), a pupil chooses
their password at first login (without JavaScript), a teacher gives a pupil a new password."""

import re

import pytest
from playwright.sync_api import Page, expect

from quizzes.class_accounts import create_class_accounts
from quizzes.models import Classroom
from tests.conftest import make_teacher

pytestmark = pytest.mark.browser

PASSWORD = "Messine-17-aout"
CHOSEN = "Vercors-1944-maquis"


@pytest.fixture
def classroom(site):
    return Classroom.objects.create(name="3e B", teacher=make_teacher("mme-durand", PASSWORD))


def log_in(page: Page, site, username: str, password: str):
    page.goto(site["url"] + "/compte/connexion/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def card_password(page: Page, username: str) -> str:
    card = page.locator(".pupil-card").filter(has_text=username)
    return card.locator("dd code").nth(1).inner_text()


def test_a_teacher_creates_the_class_accounts_and_prints_the_cards(
    page: Page, site, classroom, artifacts
):
    log_in(page, site, "mme-durand", PASSWORD)
    page.get_by_role("link", name="3e B").first.click()
    page.get_by_role("link", name="Créer les comptes des élèves à partir d’une liste").click()
    names = page.get_by_label("Noms des élèves, un par ligne")
    names.fill("Camille Lefèvre\nZoé Hervé\nCamille Lefèvre")
    page.get_by_role("button", name="Créer les comptes").click()
    # The repeated name is reported with its line, and nothing is created.
    expect(
        page.get_by_text(re.compile("Ligne 3 : « Camille Lefèvre » figure déjà ligne 1"))
    ).to_be_visible()
    assert not classroom.enrollments.exists()

    page.get_by_label("Noms des élèves, un par ligne").fill(
        "Camille Lefèvre\nZoé Hervé\nLéo Martin\nInès Bernard"
    )
    page.get_by_role("button", name="Créer les comptes").click()
    expect(page.get_by_role("heading", name="Comptes créés")).to_be_visible()
    expect(page.get_by_text("n’est affichée qu’une fois", exact=False)).to_be_visible()
    cards = page.locator(".pupil-card")
    expect(cards).to_have_count(4)
    expect(cards.first).to_contain_text("camille.lefevre")
    expect(cards.first).to_contain_text("/compte/connexion/")
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", card_password(page, "zoe.herve"))
    assert classroom.enrollments.count() == 4
    page.screenshot(path=artifacts / "class-accounts-sheet-screen.png", full_page=True)

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_role("heading", name="Comptes créés")).to_be_hidden()
    expect(cards.first).to_be_visible()
    boxes = [cards.nth(n).bounding_box() for n in range(4)]
    # Two cards to a row, side by side, each as wide as half the sheet; rows follow one another.
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[1]["x"] > boxes[0]["x"] + boxes[0]["width"] - 2
    assert boxes[2]["y"] >= boxes[0]["y"] + boxes[0]["height"] - 2
    assert boxes[2]["x"] == boxes[0]["x"]
    border = cards.first.evaluate("card => getComputedStyle(card).borderTopStyle")
    assert border == "dashed"
    page.screenshot(path=artifacts / "class-accounts-sheet-print.png", full_page=True)
    page.emulate_media(media="screen")
    expect(page.locator(".site-header")).to_be_visible()


def test_a_pupil_chooses_their_password_at_first_login_without_javascript(
    browser, site, classroom, artifacts
):
    (card,) = create_class_accounts(
        classroom=classroom, teacher=classroom.teacher, names=["Lina Morel"]
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, site, card.username, card.password)
    expect(page.get_by_role("heading", name="Choisissez votre mot de passe")).to_be_visible()
    page.goto(site["url"] + "/mes-resultats/")  # any other page leads back here
    expect(page.get_by_role("heading", name="Choisissez votre mot de passe")).to_be_visible()
    page.get_by_label("Nouveau mot de passe", exact=True).fill("lina")
    page.get_by_label("Confirmation du nouveau mot de passe").fill("lina")
    page.get_by_role("button", name="Enregistrer mon mot de passe").click()
    expect(page.get_by_text(re.compile("trop court"))).to_be_visible()
    page.screenshot(path=artifacts / "choose-password-error.png", full_page=True)
    page.get_by_label("Nouveau mot de passe", exact=True).fill(CHOSEN)
    page.get_by_label("Confirmation du nouveau mot de passe").fill(CHOSEN)
    page.get_by_role("button", name="Enregistrer mon mot de passe").click()
    expect(page.get_by_role("heading", name="Mes quiz")).to_be_visible()
    expect(page.get_by_text("Votre mot de passe est enregistré")).to_be_visible()
    page.goto(site["url"] + "/mes-resultats/")
    expect(page.get_by_role("heading", name="Mes résultats")).to_be_visible()
    context.close()


def test_a_teacher_gives_a_pupil_a_new_password_and_the_pupil_chooses_one_again(
    page: Page, browser, site, classroom
):
    (card,) = create_class_accounts(
        classroom=classroom, teacher=classroom.teacher, names=["Lina Morel"]
    )
    log_in(page, site, "mme-durand", PASSWORD)
    page.goto(site["url"] + f"/enseignant/classes/{classroom.pk}/")
    page.get_by_role("link", name=f"Nouveau mot de passe pour {card.username}").click()
    page.get_by_role("button", name="Donner un nouveau mot de passe").click()
    expect(page.get_by_role("heading", name="Nouveau mot de passe")).to_be_visible()
    expect(page.locator(".pupil-card")).to_have_count(1)
    new_password = card_password(page, card.username)
    assert new_password != card.password

    pupil = browser.new_context().new_page()
    log_in(pupil, site, card.username, card.password)
    expect(
        pupil.get_by_text(re.compile("Saisissez un nom d’utilisateur et un mot de passe"))
    ).to_be_visible()
    log_in(pupil, site, card.username, new_password)
    expect(pupil.get_by_role("heading", name="Choisissez votre mot de passe")).to_be_visible()
    pupil.get_by_label("Nouveau mot de passe", exact=True).fill(CHOSEN)
    pupil.get_by_label("Confirmation du nouveau mot de passe").fill(CHOSEN)
    pupil.get_by_role("button", name="Enregistrer mon mot de passe").click()
    expect(pupil.get_by_role("heading", name="Mes quiz")).to_be_visible()
    pupil.context.close()
