"""Editors manage every model in the admin; unfaithful facts are refused with a form error."""

import pytest
from django.urls import reverse

from quizzes.models import Entity, Fact, Source

MODELS = [Source, Entity, Fact]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_add_and_change_pages_render(admin_client, fact_base, model):
    opts = model._meta
    obj = model.objects.order_by("pk").first()
    for url in (
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        reverse(f"admin:{opts.app_label}_{opts.model_name}_add"),
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
    ):
        assert admin_client.get(url).status_code == 200, url


def test_fact_changelist_searches_quotes_and_filters_by_precision(admin_client, fact_base):
    url = reverse("admin:quizzes_fact_changelist")
    response = admin_client.get(url, {"q": "course à Messine"})
    assert "Patton arrive à Messine avant Montgomery" in response.content.decode()
    response = admin_client.get(url, {"precision": "season"})
    assert response.context["cl"].result_count == 2  # spring 1943: the opposition, the Germans


def test_fact_change_page_shows_the_quote_highlighted_in_its_sentence(admin_client, fact_base):
    fact = Fact.objects.get(date_label="Le 17 août")
    page = admin_client.get(reverse("admin:quizzes_fact_change", args=[fact.pk])).content.decode()
    assert "<mark>Le 17 août, Patton arrive à Messine avant Montgomery" in page


def _fact_form(fact, **changes):
    data = {
        "source": fact.source_id,
        "kind": fact.kind,
        "text": fact.text,
        "subject": fact.subject_id or "",
        "relation": fact.relation,
        "object": fact.object,
        "date_label": fact.date_label,
        "date_precision": fact.date_precision,
        "date_start": fact.date_start.isoformat() if fact.date_start else "",
        "date_end": fact.date_end.isoformat() if fact.date_end else "",
        "quote": fact.quote,
        "quote_start": fact.quote_start,
    }
    data.update(changes)
    return data


def test_editing_a_fact_saves(admin_client, fact_base):
    fact = Fact.objects.get(date_label="Le 17 août")
    url = reverse("admin:quizzes_fact_change", args=[fact.pk])
    response = admin_client.post(url, _fact_form(fact, text="Patton gagne la course à Messine"))
    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.text == "Patton gagne la course à Messine"


def test_adding_a_fact_finds_the_quote_position_itself(admin_client, fact_base):
    template = Fact.objects.get(date_label="Le 17 août")
    data = _fact_form(
        template,
        text="La conquête alliée de la Sicile est achevée",
        quote="achevant la conquête alliée de la Sicile",
        quote_start="",
        subject="",
    )
    response = admin_client.post(reverse("admin:quizzes_fact_add"), data)
    assert response.status_code == 302
    created = Fact.objects.get(text="La conquête alliée de la Sicile est achevée")
    assert created.quote_start == fact_base.text.index("achevant la conquête alliée")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quote": "Patton arrive à Rome avant Montgomery"}, "ne figure pas mot pour mot"),
        ({"date_start": "1943-08-18", "date_end": "1943-08-17"}, "précède"),
        ({"date_label": "En août"}, "précision"),
    ],
)
def test_unfaithful_edit_is_refused_with_a_form_error(admin_client, fact_base, changes, message):
    fact = Fact.objects.get(date_label="Le 17 août")
    before = Fact.objects.values().get(pk=fact.pk)
    url = reverse("admin:quizzes_fact_change", args=[fact.pk])
    response = admin_client.post(url, _fact_form(fact, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Fact.objects.values().get(pk=fact.pk) == before


def test_source_admin_saves_with_its_facts_listed(admin_client, fact_base):
    url = reverse("admin:quizzes_source_change", args=[fact_base.pk])
    page = admin_client.get(url)
    assert "Patton arrive à Messine avant Montgomery" in page.content.decode()
    facts = list(fact_base.facts.order_by("date_start", "quote_start"))
    data = {
        "title": "La campagne d’Italie",
        "author": fact_base.author,
        "language": "fr",
        "text": fact_base.text,
        "facts-TOTAL_FORMS": len(facts),
        "facts-INITIAL_FORMS": len(facts),
        "facts-MIN_NUM_FORMS": 0,
        "facts-MAX_NUM_FORMS": 1000,
    }
    for index, fact in enumerate(facts):
        data[f"facts-{index}-id"] = fact.pk
        data[f"facts-{index}-source"] = fact_base.pk
    response = admin_client.post(url, data)
    assert response.status_code == 302
    fact_base.refresh_from_db()
    assert fact_base.title == "La campagne d’Italie"
    assert fact_base.facts.count() == len(facts)
