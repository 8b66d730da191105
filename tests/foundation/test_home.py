"""The home page lists the sources and draws the seed source's events on a timeline."""

import re

from django.urls import reverse

from quizzes.models import Fact


def test_home_timeline_lists_every_event_in_date_order(client, fact_base):
    page = client.get(reverse("home")).content.decode()
    events = list(Fact.objects.events().chronological())  # ties: in the order of the text
    positions = [page.index(event.text) for event in events]
    assert positions == sorted(positions)
    assert "La campagne d’Italie (1943-1945)" in page
    assert "Au printemps 1943" in page  # the date as the source writes it


def test_each_timeline_event_offers_its_quote(client, fact_base):
    page = client.get(reverse("home")).content.decode()
    assert page.count("Voir la citation") == Fact.objects.events().count()
    assert "Le 17 août, Patton arrive à Messine avant Montgomery" in page


def test_home_is_french_and_uses_whitenoise_static(client, fact_base):
    response = client.get(reverse("home"))
    assert '<html lang="fr">' in response.content.decode()
    page = response.content.decode()
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', page).group(1)
    css = client.get(stylesheet)
    assert css.status_code == 200
    assert css.headers["Content-Type"].startswith("text/css")


def test_source_page_shows_text_and_unknown_source_is_404(client, fact_base):
    assert client.get(reverse("source_detail", args=[fact_base.pk])).status_code == 200
    assert client.get(reverse("source_detail", args=[9999])).status_code == 404
