"""Detecting whether a teacher's text is French, English, or neither."""

import pytest

from quizzes.extraction.language import SUPPORTED, detect_language

FRENCH = (
    "La prise de la Bastille a eu lieu le 14 juillet 1789 à Paris. Napoléon Bonaparte est "
    "sacré empereur à Notre-Dame en décembre 1804. Jeanne d’Arc libère Orléans en 1429 et fait "
    "sacrer Charles VII à Reims."
)
ENGLISH = (
    "The storming of the Bastille took place in Paris on 14 July 1789. Napoleon Bonaparte was "
    "crowned emperor at Notre-Dame in December 1804. Joan of Arc lifted the siege of Orléans "
    "in 1429 and had Charles VII crowned at Reims."
)
GERMAN = (
    "Der Sturm auf die Bastille fand am 14. Juli 1789 in Paris statt. Napoleon Bonaparte wurde "
    "im Dezember 1804 in Notre-Dame zum Kaiser gekrönt. Jeanne d’Arc befreite Orléans im Jahr "
    "1429 und ließ Karl VII. in Reims krönen."
)
ITALIAN = (
    "La presa della Bastiglia avvenne a Parigi il 14 luglio 1789. Napoleone Bonaparte fu "
    "incoronato imperatore a Notre-Dame nel dicembre 1804. Giovanna d’Arco liberò Orléans nel "
    "1429 e fece incoronare Carlo VII a Reims."
)
SPANISH = (
    "La toma de la Bastilla tuvo lugar en París el 14 de julio de 1789. Napoleón Bonaparte fue "
    "coronado emperador en Notre-Dame en diciembre de 1804. Juana de Arco liberó Orleans en "
    "1429 e hizo coronar a Carlos VII en Reims."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(FRENCH, "fr"), (ENGLISH, "en")],
    ids=["french", "english"],
)
def test_french_and_english_paragraphs_are_recognised(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Les femmes votent pour la première fois en France en avril 1945.", "fr"),
        ("Clovis, roi des Francs, se fait baptiser à Reims vers 496.", "fr"),
        ("Women voted for the first time in France in April 1945.", "en"),
        ("Charles de Gaulle made his appeal of 18 June 1940 from London.", "en"),
    ],
)
def test_a_single_sentence_is_enough(sentence, language):
    assert detect_language(sentence) == language


@pytest.mark.parametrize("text", [GERMAN, ITALIAN, SPANISH], ids=["german", "italian", "spanish"])
def test_other_languages_are_neither(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "Charles de Gaulle made",  # four words: read as French by every classifier measured
        "La Révolution française",
        "1789 1804 1815 1848 1870 1914 1918 1939 1945 1958",
        "— « … » — ; ! ? 12 345,67 € %",
        "asdkj qwpoe zmxnc vbnrt yuiop lkjhg fdsaq wertz uiopa sdfgh jklzx cvbnm",
    ],
    ids=["empty", "blank", "four-words", "title", "only-years", "punctuation", "keyboard-mash"],
)
def test_too_short_or_junk_text_is_neither(text):
    assert detect_language(text) is None


def test_an_english_text_quoting_french_stays_english():
    text = (
        "In his speech, de Gaulle said: « La France a perdu une bataille ! Mais la France n’a "
        "pas perdu la guerre ! » The speech was broadcast by the BBC from London on 18 June "
        "1940, and few people heard it at the time."
    )
    assert detect_language(text) == "en"


def test_a_french_text_quoting_english_stays_french():
    text = (
        "Churchill déclare à la Chambre des communes : « We shall fight on the beaches. » Ce "
        "discours du 4 juin 1940 suit l’évacuation de Dunkerque, où plus de 300 000 soldats "
        "sont rembarqués."
    )
    assert detect_language(text) == "fr"


def test_french_typed_without_accents_or_in_capitals_is_recognised():
    assert detect_language("la prise de la bastille a eu lieu le 14 juillet 1789 a paris") == "fr"
    assert detect_language(ENGLISH.upper()) == "en"


def test_the_answer_is_always_a_supported_language_or_none():
    for text in (FRENCH, ENGLISH, GERMAN, ITALIAN, SPANISH, "x" * 500):
        assert detect_language(text) in (*SUPPORTED, None)
