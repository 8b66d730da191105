"""Places with what happened there, and figures (numbers with what they measure).

`place_candidates` proposes a place when its sentence says something happens there (a verb
other than « être / avoir », or an event noun such as « bataille »): subject = the place name,
object = the clause around it with the place phrase removed (« Patton arrive avant
Montgomery »), quote = the sentence. French uses the model's LOC entities, minus the words it
wrongly tags as places (demonyms such as « Allemands », « État », a sentence-initial verb);
English has no model (see `nlp.py`), so a place is a capitalised name after in/at/to/from/on/
near/across/into.

`figure_candidates` proposes every number written in digits (« 150 000 », "277,000",
"2.3 million") that is neither a year, a day of a month nor an ordinal, with the words it
counts (« soldats alliés », "tons of supplies").
"""

from __future__ import annotations

import re

from .candidates import FIGURE, PLACE, Candidate, quote_of
from .nlp import FRENCH, pipeline
from .people import NOT_NAME_WORDS, is_name_word

PLACE_PREPOSITIONS = {
    "in", "at", "to", "from", "on", "near", "across", "into", "over", "outside", "around",
    "à", "en", "au", "aux", "dans", "vers", "sur", "près", "depuis", "de",
}  # fmt: skip
STATIVE_VERBS = {"être", "avoir", "sembler", "paraître", "appeler", "rester", "demeurer"}
ENGLISH_STATIVE = {"is", "was", "were", "are", "be", "been", "has", "have", "had", "seemed"}
DEMONYM_ENDINGS = ("ais", "aise", "ains", "aines", "ands", "iens", "iennes", "ois", "oise")
NOT_PLACES = {"état", "etat", "alliés", "axe", "empire", "guerre"}
MONTHS = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
}  # fmt: skip


def place_candidates(text: str, language: str, doc=None) -> list[Candidate]:
    """One candidate per (place, sentence) where the sentence tells an event at the place."""
    if doc is None:
        doc = pipeline(language)(text)
    found: dict[tuple[str, int], Candidate] = {}
    for sentence in doc.sents:
        for start, end in _place_spans(sentence, language):
            name = sentence.doc[start:end].text
            name = re.sub(r"^(l’|l')", "", name)
            what = _what_happened(sentence, start, end, language)
            if not what:
                continue
            quote, quote_start = quote_of(text, sentence.start_char, sentence.end_char)
            key = (name.lower(), quote_start)
            if key in found:
                continue
            found[key] = Candidate(
                kind=PLACE,
                text=f"{name} : {what}",
                quote=quote,
                quote_start=quote_start,
                subject=name,
                subject_kind=PLACE,
                relation="happened_at",
                object=what,
            )
    return sorted(found.values(), key=lambda c: c.quote_start)


def _place_spans(sentence, language: str):
    doc = sentence.doc
    if language == FRENCH:
        # The model sometimes tags a person's surname as a place (« avant Montgomery »).
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PER"}
        for ent in sentence.ents:
            if ent.label_ != "LOC" or _is_wrong_place(ent) or ent[-1].text in surnames:
                continue
            start = ent.start + (1 if ent[0].text.lower() in ("l’", "l'") else 0)
            yield start, ent.end
        return
    for token in sentence:
        if token.text.lower() not in PLACE_PREPOSITIONS or token.i + 1 >= sentence.end:
            continue
        i = token.i + 1
        j = i
        while j < sentence.end and is_name_word(doc[j]) and doc[j].text.lower() not in MONTHS:
            j += 1
        if j > i and not doc[i].text.lower().endswith(("ian", "ish", "ese")):
            yield i, j


def _is_wrong_place(ent) -> bool:
    """« Allemands », « État », « Rencontrant », « Montgomery » (a person) are not places."""
    words = [t.text.lower() for t in ent if t.text.lower() not in ("l’", "l'")]
    if not words or words[0] in NOT_PLACES or words[-1].endswith(DEMONYM_ENDINGS):
        return True
    if ent[0].pos_ == "VERB" or (ent[0].is_sent_start and ent[0].pos_ not in ("PROPN",)):
        return True
    return any(t.pos_ not in ("PROPN", "NOUN", "ADP", "DET", "ADJ", "PUNCT") for t in ent)


def _what_happened(sentence, start: int, end: int, language: str) -> str | None:
    """The clause around the place, without the place phrase and the leading date."""
    doc = sentence.doc
    # Clause bounds: the commas / semicolons around the place.
    left = start
    while left > sentence.start and not _is_boundary(doc[left - 1]):
        left -= 1
    right = end
    while right < sentence.end and not _is_boundary(doc[right]) and doc[right].text != ".":
        right += 1
    # Drop the place phrase: preposition (+ article, « île de ») + the name.
    phrase_start = start
    while phrase_start > left and (
        doc[phrase_start - 1].text.lower() in PLACE_PREPOSITIONS | {"la", "le", "les", "l’"}
    ):
        phrase_start -= 1
    words = [t for t in doc[left:right] if not (phrase_start <= t.i < end)]
    if len(words) < 2 or len(words) > 20:
        return None
    if not _tells_an_event(words, language):
        return None
    return " ".join(t.text for t in words).replace("’ ", "’").replace(" ,", ",")


def _is_boundary(token) -> bool:
    return token.text in (",", ";", ":", "–", "(", ")") or token.is_space


EVENT_NOUNS = {
    "bataille", "débarquement", "invasion", "siège", "traité", "conférence", "massacre",
    "armistice", "attentat", "offensive", "battle", "landing", "siege", "treaty", "conference",
    "airlift", "blockade", "blocus", "prise", "capitulation", "surrender", "insurrection",
}  # fmt: skip


def _tells_an_event(words, language: str) -> bool:
    if any(t.text.lower() in EVENT_NOUNS for t in words):
        return True
    if language == FRENCH:
        return any(t.pos_ == "VERB" and t.lemma_ not in STATIVE_VERBS for t in words)
    # English without tags: a past-tense-looking word or a known irregular event verb.
    return any(
        (t.text.endswith("ed") and t.text.islower() and t.text.lower() not in ENGLISH_STATIVE)
        or t.text.lower()
        in {"met", "took", "fell", "began", "fought", "won", "lost", "left", "led", "sent"}
        for t in words
    )


# --- figures -------------------------------------------------------------------------------

NUMBER = re.compile(
    r"(?<![\w,.\-])(\d{1,3}(?:[\u00a0\u202f ,]\d{3})+|\d+(?:[.,]\d+)?)"
    r"(?:\s+(millions?|milliards?|billions?|thousand|mille|trillions?))?(?![\w])"
)
UNIT_STOPS = {",", ".", ";", ":", "(", ")", "et", "and", "qui", "who", "which", "dont", "–"}


def figure_candidates(text: str, language: str, doc=None) -> list[Candidate]:
    """Numbers with what they measure; never years, days of months or ordinals."""
    found = []
    for match in NUMBER.finditer(text):
        figure = match.group(0)
        if _is_date_or_year(text, match):
            continue
        what = _measured(text, match.end())
        if not what:
            continue
        sentence_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start()))
        sentence_end_candidates = [p for p in (text.find(".", match.end()),) if p != -1]
        sentence_end = sentence_end_candidates[0] + 1 if sentence_end_candidates else len(text)
        while (
            sentence_end < len(text)
            and sentence_end - 1 >= 0
            and text[sentence_end - 2].isdigit()
            and text[sentence_end : sentence_end + 1].isdigit()
        ):
            sentence_end = text.find(".", sentence_end) + 1 or len(text)
        quote, quote_start = quote_of(text, sentence_start + 1, sentence_end)
        found.append(
            Candidate(
                kind=FIGURE,
                text=f"{figure} : {what}",
                quote=quote,
                quote_start=quote_start,
                subject=figure,
                subject_kind=FIGURE,
                relation="figure",
                object=what,
            )
        )
    return found


def _is_date_or_year(text: str, match) -> bool:
    number = match.group(1)
    before = text[max(0, match.start() - 12) : match.start()].lower().split()
    after = text[match.end() : match.end() + 12].lower().split()
    if after and (after[0].strip(",.;") in MONTHS or after[0] in ("h", "heures", "o'clock")):
        return True  # « 8 septembre », « 5 h 15 »
    if before and before[-1].strip(",") in MONTHS:
        return True  # "June 24", « juillet 1943 »
    digits = number.replace(",", "").replace(".", "")
    if re.fullmatch(r"1\d{3}|20\d{2}", number) and not match.group(2):
        return True  # a year
    return bool(before and before[-1] in ("le", "the", "du", "au") and len(digits) <= 2)


def _measured(text: str, end: int) -> str | None:
    """The words after the number up to a clause boundary: « soldats alliés », "tons of …"."""
    tail = text[end : end + 80]
    words = []
    for word in re.findall(r"[\w’'%-]+|[^\w\s]", tail):
        if word.lower() in UNIT_STOPS or len(words) >= 6:
            break
        words.append(word)
    if not words or words[0].lower() in MONTHS:
        return None
    # What is measured is a phrase of the text: trim to the last word before a verb-ish tail.
    phrase = " ".join(words)
    start = text.find(words[0], end)
    stop = text.find(words[-1], start) + len(words[-1])
    verbatim = text[start:stop]
    return verbatim if verbatim.replace("\n", " ").split() == phrase.split() else phrase


__all__ = ["NOT_NAME_WORDS", "figure_candidates", "place_candidates"]
