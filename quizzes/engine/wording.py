"""What the words of a label give away before any knowledge does: words shared between a prompt
and an answer, clauses mixed with noun phrases, numbers inside answers, background dates.

Rough on purpose (a few lists, no parser): it only has to notice the cues a student would use
to pair labels without knowing the history, in French and in English.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise


def word_set(text: str) -> frozenset[str]:
    """The words of a list written as text (easier to read and extend than quoted strings)."""
    return frozenset(text.split())


STOP_WORDS = word_set(
    """
    a au aux avec ce ces cet cette dans de des du elle elles en et il ils l la le les leur leurs
    lui mais ne ni on ou où par pas pour qu que qui s sa se ses son sont sur un une y d n c j m t
    est a ont plus tres apres avant entre contre sous vers depuis jusqu jusque lors dont
    the an and or of to in on at by for from with as is are was were be been has have had it its
    his her their they he she this that these those which who whom whose into onto after before
    """
)

# Finite verb forms that make a label a clause ("accepte", "sauvent", "is"), with the endings of
# third persons that nouns rarely share. A relative clause ("dictateur qui rêve de…") belongs to
# its noun: only the words before « qui », « que », "who"… are read.
FINITE_VERBS = word_set(
    """
    est sont a ont était étaient fut furent sera seront devient deviennent prend prennent fait
    font dirige dirigent commande commandent accepte acceptent contraint contraignent gagne
    gagnent arrive arrivent tombe tombent débarque débarquent traverse traversent sauve sauvent
    capture capturent signe signent déclare déclarent rend rendent meurt meurent jette jettent
    oppose opposent unit unissent rêve rêvent renverse renversent négocie négocient
    is are was were has have had becomes became leads led takes took wins won lands landed
    """
)
SUBJECT_PRONOUNS = word_set("il elle ils elles on he she they it")
RELATIVE_WORDS = word_set(
    "qui que qu dont où lequel laquelle lesquels lesquelles auquel duquel who whom which that where"
)
_NOT_VERBS_IN_ENT = word_set(
    """
    président présidents agent agents parent parents continent occident orient accident
    accidents incident incidents régent régents talent argent dent vent sergent sergents
    adjacent équivalent évident patent récent urgent
    """
)
NUMBER_WORDS = word_set(
    """
    deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt
    trente quarante cinquante soixante cent cents mille million millions milliard milliards
    millier milliers dizaine dizaines centaine centaines
    two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty
    hundred hundreds thousand thousands million millions billion billions dozen dozens
    """
)
# What a place is (« la ville tombe… ») and the pronouns standing for it before a verb
# (« … le traverse »): said of another place, they would read as false by their words alone.
PLACE_SORT_WORDS = word_set(
    """
    ville villes ile iles region regions pays capitale detroit fleuve riviere port village
    province peninsule city town island country capital strait river harbour
    """
)
OBJECT_PRONOUNS = word_set("le la les l lui leur")
BACKGROUND_OPENINGS = ("depuis", "since", "des ", "ever since")
# Two words with this long a common beginning share their root (« Sicile », « siciliennes »).
SHARED_ROOT = 5

_COMBINING_MARKS = re.compile("[\u0300-\u036f]")
# Hyphenated words stay whole (« sud-est » is no « est »); elisions split (« l’Italie »).
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")


@lru_cache(maxsize=65536)
def normalized(text: str) -> str:
    """Compare labels the way a reader would: case, accents and spacing do not matter."""
    text = text.casefold().replace("’", "'")
    if not text.isascii():
        text = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The words of a label, case- and accent-folded, elisions split (« l’Italie » → l, italie)."""
    return tuple(_WORD.findall(normalized(text)))


@lru_cache(maxsize=65536)
def spelled_words(text: str) -> tuple[str, ...]:
    """The words of a label, case-folded with their accents: « à » is no « a » (has)."""
    return tuple(_WORD.findall(text.casefold()))


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The words that carry meaning: no stop words, no one-letter words."""
    return frozenset(w for w in words(text) if len(w) > 1 and w not in STOP_WORDS)


@lru_cache(maxsize=65536)
def _words_and_roots(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The content words of a label, and the roots of those long enough to have one."""
    found = content_words(text)
    return found, frozenset(word[:SHARED_ROOT] for word in found if len(word) >= SHARED_ROOT)


def shared_words(first: str, second: str) -> set[str]:
    """Content words of `first` whose root is in `second` (« Messine » in « course à Messine »):
    the same word, or two words of SHARED_ROOT letters or more that begin alike."""
    theirs, their_roots = _words_and_roots(second)
    return {
        word
        for word in content_words(first)
        if word in theirs or (len(word) >= SHARED_ROOT and word[:SHARED_ROOT] in their_roots)
    }


def is_finite_verb(word: str) -> bool:
    if word in FINITE_VERBS:
        return True
    return (
        len(word) > 4
        and word.endswith("ent")
        and not word.endswith("ment")
        and word not in _NOT_VERBS_IN_ENT
    )


@lru_cache(maxsize=65536)
def is_clause(text: str) -> bool:
    """Whether the label says what someone does (« sauvent Mussolini », « démoralisées, elles
    opposent… ») rather than names what someone is (« chef du gouvernement italien »).

    Clauses agree with their subject, so a clause among noun phrases, or a plural verb among
    singular ones, tells which prompt it goes with."""
    head = []
    for word in spelled_words(text):
        if word in RELATIVE_WORDS:
            break
        head.append(word)
    if not head:
        return False
    if head[0] in ("s", "se", "y"):  # « s’unissent », « y débarquent »
        return True
    return any(w in SUBJECT_PRONOUNS or is_finite_verb(w) for w in head)


@lru_cache(maxsize=65536)
def has_number(text: str) -> bool:
    """Whether the label holds a number, in digits or in words (« 150 000 », « trois jours »)."""
    return any(w.isdigit() or w in NUMBER_WORDS or w[:-1].isdigit() for w in words(text))


def is_background_date(label: str) -> bool:
    """A date that says since when something holds (« depuis 1860 », "since 1860"): it dates a
    state, not an event, so it is never an answer to "when did it happen?"."""
    return normalized(label).startswith(BACKGROUND_OPENINGS)


def has_year(label: str) -> bool:
    return bool(_YEAR.search(label))


@lru_cache(maxsize=65536)
def names_its_subject(text: str) -> bool:
    """Whether a label says what sort of place its subject is (« la ville tombe… ») or stands
    for it with a gendered pronoun (« la 8e armée le traverse »)."""
    if PLACE_SORT_WORDS & set(words(text)):
        return True
    return any(
        first in OBJECT_PRONOUNS and is_finite_verb(second)
        for first, second in pairwise(spelled_words(text))
    )
