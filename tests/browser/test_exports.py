"""A teacher exports a set to Moodle XML and QTI 3.0 from its page, imports the Moodle file
into another set, and downloads a source's Anki deck, in a real browser."""

import zipfile

import pytest
from lxml import etree
from playwright.sync_api import Page, expect

from quizzes.models import PinnedQuestion, QuestionSet, Source
from tests.conftest import make_teacher
from tests.exports.conftest import orderable

pytestmark = pytest.mark.browser

PASSWORD = "Messine-17-aout"


def log_in(page: Page, site):
    page.goto(site["url"] + "/compte/connexion/")
    page.get_by_label("Nom d’utilisateur").fill("mme-durand")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_teacher_exports_a_set_imports_it_again_and_downloads_an_anki_deck(
    browser, site, javascript, tmp_path
):
    teacher = make_teacher("mme-durand", PASSWORD)
    exported_set = QuestionSet.objects.create(
        title="Été 1943", owner=teacher, chronology_count=1, matching_count=1, matching_pairs=3
    )
    pin = PinnedQuestion.objects.create(question_set=exported_set, kind="chronology")
    pin.facts.set(orderable(4))
    target = QuestionSet.objects.create(title="Révisions", owner=teacher, chronology_count=1)
    context = browser.new_context(java_script_enabled=javascript, accept_downloads=True)
    page = context.new_page()
    log_in(page, site)

    page.goto(f"{site['url']}/enseignant/series/{exported_set.pk}/")
    exports = page.get_by_role("region", name="Exporter")
    exports.get_by_label("Variantes générées").first.fill("2")
    with page.expect_download() as moodle_download:
        exports.get_by_role("button", name="Télécharger le fichier Moodle XML").click()
    moodle = tmp_path / moodle_download.value.suggested_filename
    moodle_download.value.save_as(moodle)
    assert moodle.name == "ete-1943-moodle.xml"
    root = etree.parse(str(moodle)).getroot()
    assert len(root.findall("question[@type='ordering']")) == 1 + 2  # pinned + 2 variants
    kept = len(root.findall("question[@type='ordering']")) + len(
        root.findall("question[@type='matching']")
    )

    with page.expect_download() as qti_download:
        exports.get_by_role("button", name="Télécharger le paquet QTI 3.0").click()
    package = zipfile.ZipFile(qti_download.value.path())
    assert "imsmanifest.xml" in package.namelist()

    # The Moodle file into another set: its chronologies and pairs become pinned questions.
    page.goto(f"{site['url']}/enseignant/series/{target.pk}/")
    page.get_by_role("link", name="Importer des questions Moodle dans cette série").click()
    page.get_by_label("Fichier Moodle XML").set_input_files(str(moodle))
    page.get_by_role("button", name="Importer").click()
    expect(page.get_by_role("heading", name=f"{kept} questions épinglées")).to_be_visible()
    assert target.pinned_questions.count() == kept

    # A hostile file is refused with the reason, nothing stored.
    bomb = tmp_path / "bombe.xml"
    bomb.write_text('<!DOCTYPE quiz [<!ENTITY a "aaaa">]><quiz>&a;</quiz>')
    page.get_by_label("Fichier Moodle XML").set_input_files(str(bomb))
    page.get_by_role("button", name="Importer").click()
    expect(
        page.get_by_text("déclare une DTD, des entités ou des références externes")
    ).to_be_visible()
    assert target.pinned_questions.count() == kept

    # The seed source's facts as an Anki deck.
    source = Source.objects.order_by("pk").first()
    page.goto(f"{site['url']}/enseignant/sources/{source.pk}/")
    with page.expect_download() as anki_download:
        page.get_by_role("link", name="Télécharger ces faits en paquet Anki (.apkg)").click()
    assert anki_download.value.suggested_filename.endswith(".apkg")
    deck = zipfile.ZipFile(anki_download.value.path())
    assert "collection.anki2" in deck.namelist()
    context.close()
