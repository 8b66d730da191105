"""French for everyone by default, whatever the browser asks; English after choosing it with
the switcher; back to French the same way. Dates follow the language, facts do not."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from quizzes.models import Attempt


def choose(client, language: str, next_url: str = "/"):
    response = client.post(reverse("set_language"), {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response.url == next_url


def first_question_url(client, question_set) -> str:
    client.post(reverse("attempt_start", args=[question_set.pk]))
    return reverse("attempt_question", args=[Attempt.objects.latest("pk").pk, 1])


def page(client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_pages_are_french_even_when_the_browser_asks_for_english(client, fact_base):
    home = page(client, reverse("home"))
    assert '<html lang="fr">' in home
    assert "Se connecter" in home
    assert "Log in" not in home
    login = page(client, reverse("login"))
    assert '<html lang="fr">' in login
    assert "Connexion" in login


def test_student_pages_are_french_even_when_the_browser_asks_for_english(
    student_client, default_sets
):
    assert "Mes quiz" in page(student_client, reverse("student_home"))
    question = page(
        student_client, first_question_url(student_client, default_sets["Chronologie 1943-1945"])
    )
    assert '<html lang="fr">' in question
    assert "Question 1 sur 5" in question
    assert "Remettez ces événements dans l’ordre chronologique" in question


def test_every_page_offers_the_language_switcher(client, fact_base):
    home = page(client, reverse("home"))
    assert f'action="{reverse("set_language")}"' in home
    assert '<option value="en" lang="en">English</option>' in home
    assert '<option value="fr" lang="fr" selected>Français</option>' in home
    assert "Changer" in home


def test_choosing_english_translates_the_anonymous_pages(client, fact_base):
    choose(client, "en")
    home = page(client, reverse("home"))
    assert '<html lang="en">' in home
    assert "Log in" in home
    assert "Se connecter" not in home
    assert '<option value="en" lang="en" selected>English</option>' in home
    login = page(client, reverse("login"))
    assert '<html lang="en">' in login
    assert "Skip to content" in login


def test_choosing_english_translates_the_student_pages_but_not_the_facts(
    student_client, default_sets
):
    choose(student_client, "en")
    home = page(student_client, reverse("student_home"))
    assert "My quizzes" in home
    assert "Mes quiz" not in home
    assert "Chronologie 1943-1945" in home  # a set's title is content, not interface
    url = first_question_url(student_client, default_sets["Chronologie 1943-1945"])
    question = page(student_client, url)
    assert '<html lang="en">' in question
    assert "Question 1 of 5" in question
    # The engine's prompt is stored in French and translated when shown.
    assert "Put these events in chronological order, from earliest to latest." in question
    attempt = Attempt.objects.latest("pk")
    for item in attempt.questions.get(position=1).data["items"]:
        assert item["label"] in question


def test_choosing_english_translates_the_teacher_set_form(teacher_client, fact_base):
    choose(teacher_client, "en")
    form = page(teacher_client, reverse("teacher_set_create"))
    assert "All or nothing" in form
    assert "Tout ou rien" not in form


def test_switching_back_to_french(student_client, default_sets):
    choose(student_client, "en")
    assert "My quizzes" in page(student_client, reverse("student_home"))
    choose(student_client, "fr", reverse("student_home"))
    home = page(student_client, reverse("student_home"))
    assert '<html lang="fr">' in home
    assert "Mes quiz" in home
    assert "My quizzes" not in home


def test_an_unknown_language_keeps_french(client, fact_base):
    client.cookies["django_language"] = "de"
    assert '<html lang="fr">' in page(client, reverse("home"))


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "25 novembre 2026"), ("en", "25 November 2026")]
)
def test_dates_are_written_in_the_chosen_language(language, expected):
    template = Template('{{ day|date:"j F Y" }}')
    with translation.override(language):
        assert template.render(Context({"day": datetime.date(2026, 11, 25)})) == expected


def test_timeline_dates_follow_the_language_while_date_labels_stay_french(client, fact_base):
    url = reverse("source_detail", args=[fact_base.pk])
    french = page(client, url)
    choose(client, "en")
    english = page(client, url)
    assert "entre le " in french
    assert " septembre 1943" in french
    assert "between " in english
    assert " September 1943" in english
    # The date as the source writes it is a fact: it stays French.
    label = fact_base.facts.exclude(date_label="").order_by("pk").first().date_label
    assert escape(label) in english
