"""Fixtures for teachers' sources: a short French text with dates, people and a place."""

import pytest

CUBA = (
    "Le 14 octobre 1962, un avion espion américain photographie des rampes de lancement de "
    "missiles soviétiques à Cuba. Le président John F. Kennedy réunit ses conseillers le 16 "
    "octobre. Le 22 octobre, il annonce à la télévision un blocus naval de l’île. Deux jours "
    "plus tard, les navires soviétiques ralentissent. Le 28 octobre, Nikita Khrouchtchev, "
    "premier secrétaire du Parti communiste, accepte de retirer les missiles.\n"
)


@pytest.fixture
def cuba_text() -> str:
    return CUBA


def new_source_post(**overrides) -> dict:
    data = {"title": "La crise de Cuba", "author": "Mme Durand", "language": "auto", "text": CUBA}
    data.update(overrides)
    return data
