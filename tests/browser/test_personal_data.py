"""In Chromium, with and without JavaScript: a student opens « Mes données » from the navigation,
downloads their data as a JSON file, then deletes their account with their password."""

import json

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from quizzes.models import Attempt
from tests.browser.conftest import log_in, start_set

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_student_downloads_their_data_as_a_json_file(browser, site, javascript, artifacts):
    context = browser.new_context(java_script_enabled=javascript, accept_downloads=True)
    page = context.new_page()
    log_in(page, site)
    attempt = start_set(page, site["sets"]["Quiz mixte"])

    page.get_by_role("navigation").get_by_role("link", name="Mes données").click()
    expect(page.get_by_role("heading", name="Mes données", level=1)).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger mes données").click()
    download = download_info.value
    assert download.suggested_filename.startswith("quizsite-mes-donnees-")
    assert download.suggested_filename.endswith(".json")
    path = artifacts / f"mes-donnees-{'js' if javascript else 'nojs'}.json"
    download.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["account"]["username"] == "camille"
    assert [exported["id"] for exported in data["attempts"]] == [attempt.pk]
    assert "password" not in data["account"]
    context.close()


def test_the_student_deletes_their_account_after_typing_their_password(browser, site, artifacts):
    page = browser.new_page()
    log_in(page, site)
    start_set(page, site["sets"]["Quiz mixte"])
    page.goto(site["url"] + "/mes-donnees/")
    page.get_by_label("Votre mot de passe, pour confirmer").fill("pas-le-bon")
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.get_by_text("Ce n’est pas votre mot de passe.")).to_be_visible()
    assert get_user_model().objects.filter(username="camille").exists()

    page.get_by_label("Votre mot de passe, pour confirmer").fill(site["password"])
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.get_by_role("status")).to_contain_text("Votre compte et toutes vos données")
    expect(page.get_by_role("link", name="Se connecter").first).to_be_visible()
    page.screenshot(path=artifacts / "account-deleted.png")
    assert not get_user_model().objects.filter(username="camille").exists()
    assert not Attempt.objects.exists()
    page.close()
