"""Who acts for whom, which sides were enemies, and the order the source states between events
whose dates coincide: their invariants (database constraints and clean()), the shipped links,
and their admin."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from quizzes.fixture_facts import shipped_event_orders, shipped_facts
from quizzes.models import ActsFor, Entity, EventOrder, Fact, Opposes, Source


def _event(fact_base, fragment):
    return Fact.objects.events().get(text__contains=fragment)


def test_shipped_links_say_who_acts_for_whom(fact_base):
    links = set(ActsFor.objects.values_list("agent__name", "principal__name"))
    assert {
        ("Pietro Badoglio", "Gouvernement italien"),
        ("Pietro Badoglio", "Gouvernement Badoglio"),
        ("Bernard L. Montgomery", "8e armée britannique"),
        ("George S. Patton", "7e armée américaine"),
        ("Allemagne", "Axe"),
        ("8e armée britannique", "Alliés"),
    } <= links
    badoglio = Entity.objects.get(name="Pietro Badoglio")
    assert set(badoglio.acts_for.values_list("name", flat=True)) == {
        "Gouvernement italien",
        "Gouvernement Badoglio",
    }
    assert "Pietro Badoglio" in Entity.objects.get(name="Gouvernement italien").agents.values_list(
        "name", flat=True
    )


def test_an_entity_never_acts_for_itself(fact_base):
    axis = Entity.objects.get(name="Axe")
    with pytest.raises(ValidationError):
        ActsFor(agent=axis, principal=axis).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActsFor.objects.create(agent=axis, principal=axis)


def test_a_link_is_stored_once(fact_base):
    link = ActsFor.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActsFor.objects.create(agent=link.agent, principal=link.principal)


def test_a_link_stays_within_its_source(fact_base):
    other = Source.objects.create(title="Autre", text="Texte.")
    stranger = Entity.objects.create(source=other, name="Quelqu’un", kind="person")
    with pytest.raises(ValidationError, match="même source"):
        ActsFor(agent=stranger, principal=Entity.objects.get(name="Axe")).full_clean()


def test_shipped_orders_are_sound_and_overlap(fact_base):
    orders = list(EventOrder.objects.select_related("earlier__source", "later"))
    assert len(orders) >= 4
    for order in orders:
        assert order.problems() == [], order
        # Only pairs whose dates cannot settle the order need the source's words.
        assert order.earlier.date_start <= order.later.date_end
        assert order.later.date_start <= order.earlier.date_end
    resign = _event(fact_base, "contraint de démissionner")
    arrest = _event(fact_base, "Mussolini est arrêté")
    assert EventOrder.objects.filter(earlier=resign, later=arrest).exists()


def test_orders_are_plain_data_for_the_engine():
    events, _relations = shipped_facts()
    by_id = {event.id: event for event in events}
    orders = shipped_event_orders()
    assert ("7", "8") in {(earlier, later) for earlier, later, _quote in orders}
    for earlier, later, quote in orders:
        assert by_id[earlier].overlaps(by_id[later])
        assert quote


def test_an_event_never_precedes_itself(fact_base):
    resign = _event(fact_base, "contraint de démissionner")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventOrder.objects.create(earlier=resign, later=resign, quote=resign.quote)


def test_an_order_is_stored_once_and_never_both_ways(fact_base):
    order = EventOrder.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        EventOrder.objects.create(earlier=order.earlier, later=order.later, quote=order.quote)
    reverse_order = EventOrder(earlier=order.later, later=order.earlier, quote=order.quote)
    with pytest.raises(ValidationError, match="ordre inverse"):
        reverse_order.full_clean()


def test_an_order_needs_a_verbatim_quote_and_dates_that_allow_it(fact_base):
    capture = _event(fact_base, "capturé par des partisans")
    landing = _event(fact_base, "débarquant en Sicile")
    with pytest.raises(ValidationError) as error:
        EventOrder(earlier=capture, later=landing, quote="Mussolini capturé avant").full_clean()
    messages = " ".join(error.value.messages)
    assert "mot pour mot" in messages and "ne peut pas précéder" in messages


def test_clean_finds_the_quote_position(fact_base):
    resign = _event(fact_base, "contraint de démissionner")
    arrest = _event(fact_base, "Mussolini est arrêté")
    EventOrder.objects.filter(earlier=resign, later=arrest).delete()
    order = EventOrder(earlier=resign, later=arrest, quote="est arrêté plus tard dans la journée")
    order.full_clean()
    assert fact_base.text[order.quote_start :].startswith(order.quote)


def test_admin_lists_and_edits_orders_and_links(admin_client, fact_base):
    order = EventOrder.objects.first()
    page = admin_client.get(reverse("admin:quizzes_eventorder_changelist")).content.decode()
    assert order.earlier.text in page
    page = admin_client.get(reverse("admin:quizzes_eventorder_change", args=[order.pk]))
    assert "<mark>" in page.content.decode()
    badoglio = Entity.objects.get(name="Pietro Badoglio")
    page = admin_client.get(reverse("admin:quizzes_entity_change", args=[badoglio.pk]))
    assert page.status_code == 200
    assert "-principal" in page.content.decode()  # the inline of whom he acts for
    assert "Gouvernement Badoglio" in page.content.decode()


def test_admin_refuses_an_order_against_the_source(admin_client, fact_base):
    resign = _event(fact_base, "contraint de démissionner")
    arrest = _event(fact_base, "Mussolini est arrêté")
    response = admin_client.post(
        reverse("admin:quizzes_eventorder_add"),
        {"earlier": arrest.pk, "later": resign.pk, "quote": "arrêté puis démissionne"},
    )
    assert response.status_code == 200  # the form again, with the problems
    assert EventOrder.objects.filter(earlier=arrest).count() == 0


def test_fact_admin_edits_the_teachers_note(admin_client, fact_base):
    fact = Fact.objects.exclude(teacher_note="").first()
    page = admin_client.get(reverse("admin:quizzes_fact_change", args=[fact.pk])).content.decode()
    assert 'name="teacher_note"' in page and fact.teacher_note in page


def _sides():
    return Entity.objects.get(name="Alliés"), Entity.objects.get(name="Axe")


def test_the_shipped_source_says_the_allies_and_the_axis_were_enemies(fact_base):
    opposition = Opposes.objects.select_related("first__source", "second").get()
    assert {opposition.first.name, opposition.second.name} == {"Alliés", "Axe"}
    assert opposition.quote == (
        "les Alliés commencent leur invasion de l’Europe contrôlée par l’Axe"
    )
    assert opposition.problems() == []
    start = opposition.quote_start
    assert fact_base.text[start : start + len(opposition.quote)] == opposition.quote


def test_an_opposition_is_stored_once_in_either_order(fact_base):
    allies, axis = _sides()
    quote = Opposes.objects.get().quote
    with pytest.raises(IntegrityError), transaction.atomic():
        Opposes.objects.create(first=allies, second=axis, quote=quote)
    with pytest.raises(IntegrityError), transaction.atomic():
        Opposes.objects.create(first=axis, second=allies, quote=quote)
    with pytest.raises(ValidationError, match="déjà dits adversaires"):
        Opposes(first=axis, second=allies, quote=quote).full_clean()


def test_a_side_never_opposes_itself(fact_base):
    axis = Entity.objects.get(name="Axe")
    with pytest.raises(ValidationError, match="lui-même"):
        Opposes(first=axis, second=axis, quote="l’Axe").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Opposes.objects.create(first=axis, second=axis, quote="l’Axe")


def test_an_opposition_needs_a_verbatim_quote_and_one_source(fact_base):
    Opposes.objects.all().delete()
    allies, axis = _sides()
    with pytest.raises(ValidationError, match="mot pour mot"):
        Opposes(first=allies, second=axis, quote="les Alliés combattent l’Axe").full_clean()
    other = Source.objects.create(title="Autre", text="Les Alliés et l’Axe.")
    stranger = Entity.objects.create(source=other, name="Axe", kind="group")
    with pytest.raises(ValidationError, match="même source"):
        Opposes(first=allies, second=stranger, quote="Les Alliés et l’Axe.").full_clean()
    opposition = Opposes(first=allies, second=axis, quote="contrôlée par l’Axe")
    opposition.full_clean()  # clean() finds where the quote starts
    assert fact_base.text[opposition.quote_start :].startswith(opposition.quote)


def test_admin_adds_an_opposition_and_shows_its_quote_in_context(admin_client, fact_base):
    Opposes.objects.all().delete()
    allies, axis = _sides()
    quote = "les Alliés commencent leur invasion de l’Europe contrôlée par l’Axe"
    response = admin_client.post(
        reverse("admin:quizzes_opposes_add"),
        {"first": axis.pk, "second": allies.pk, "quote": quote, "quote_start": ""},
    )
    assert response.status_code == 302
    opposition = Opposes.objects.get()
    assert (opposition.first, opposition.second) == (axis, allies)
    assert fact_base.text[opposition.quote_start :].startswith(quote)
    page = admin_client.get(reverse("admin:quizzes_opposes_change", args=[opposition.pk]))
    assert f"<mark>{quote}</mark>" in page.content.decode()
    listing = admin_client.get(reverse("admin:quizzes_opposes_changelist")).content.decode()
    assert quote in listing and ">Axe<" in listing


def test_admin_refuses_an_opposition_the_source_does_not_state(admin_client, fact_base):
    allies, axis = _sides()
    Opposes.objects.all().delete()
    response = admin_client.post(
        reverse("admin:quizzes_opposes_add"),
        {"first": allies.pk, "second": axis.pk, "quote": "les Alliés haïssent l’Axe"},
    )
    assert response.status_code == 200  # the form again, with the problem
    assert "mot pour mot" in response.content.decode()
    assert not Opposes.objects.exists()
