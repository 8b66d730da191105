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

from .candidates import FIGURE, PLACE, Candidate, phrase_key, relation_candidate
from .nlp import ENGLISH, FRENCH, pipeline
from .people import NOT_NAME_WORDS

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
    """One candidate per (place, clause) where the clause tells what happened at the place."""
    if doc is None:
        doc = pipeline(language)(text)
    found: dict[tuple[str, int], Candidate] = {}
    # Each sentence is parsed on its own: the model's sentences may run across a newline,
    # and a parse across two sentences hangs « À Rome » on the previous one.
    sentences = sentence_spans(text)
    nlp = pipeline(language)
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PER"}
    for (start, end), sentence in zip(
        sentences, nlp.pipe(text[a:b] for a, b in sentences), strict=True
    ):
        surnames |= {ent[-1].text for ent in sentence.ents if ent.label_ == "PER"}
        for seg_start, seg_end in _clauses_of(text, start, end):
            tokens = [
                t for t in sentence if seg_start <= start + t.idx < seg_end and not t.is_space
            ]
            if not tokens:
                continue
            if language == FRENCH:
                mentions = _french_places(sentence, tokens, surnames)
            else:
                mentions = _english_places(tokens)
            _add_places(found, text, mentions, seg_start, seg_end)
    return sorted(found.values(), key=lambda c: c.quote_start)


def _add_places(found, text, mentions, seg_start, seg_end) -> None:
    for name, what in mentions:
        if not what or phrase_key(name) in phrase_key(what):
            continue
        candidate = relation_candidate(
            text,
            seg_start,
            seg_end,
            kind=PLACE,
            subject=name,
            subject_kind=PLACE,
            relation="happened_at",
            object=what,
        )
        found.setdefault((name.lower(), candidate.quote_start), candidate)


# --- sentences and clauses -----------------------------------------------------------------

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "m", "mme", "mgr", "gen", "lt", "col", "jr", "sr"}
SENTENCE_END = re.compile(r"[.!?…][»\"”’)]*(?=\s+[«\"“(]?\s*[A-ZÀ-ÖØ-Þ0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a sentence never crosses a newline, nor ends on an
    initial (« Bernard L. Montgomery ») or an abbreviation ("Mr.")."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in SENTENCE_END.finditer(line):
            word = re.search(r"([\w’']+)\W*$", line[start : match.start() + 1])
            if word and (
                (len(word.group(1)) == 1 and word.group(1).isupper())
                or word.group(1).lower() in ABBREVIATIONS
            ):
                continue
            spans.append((offset + start, offset + match.end()))
            start = match.end()
        spans.append((offset + start, offset + len(line)))
        offset += len(line) + 1
    return [_stripped(text, a, b) for a, b in spans if any(c.isalpha() for c in text[a:b])]


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Sentences cut at « ; »: each part is a statement of its own."""
    return [span for start, end in sentence_spans(text) for span in _clauses_of(text, start, end)]


def _clauses_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    at = start
    for match in re.finditer(";", text[start:end]):
        spans.append((at, start + match.end()))
        at = start + match.end()
    spans.append((at, end))
    return [_stripped(text, a, b) for a, b in spans if any(c.isalpha() for c in text[a:b])]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


def _join(tokens) -> str:
    """Tokens back into text: the spacing of the text, one space where words were left out."""
    out = ""
    for n, token in enumerate(tokens):
        out += token.text
        if n + 1 < len(tokens):
            following = tokens[n + 1]
            adjacent = following.i == token.i + 1
            if (token.whitespace_ or not adjacent) and not (
                adjacent and token.text.endswith(("’", "'"))
            ):
                out += " "
    return out.strip()


# --- French: the parse says how the place is attached ---------------------------------------

LOCATIVE = {"à", "au", "aux", "en", "dans", "sur", "près", "devant", "sous", "chez"}
# « déclarer la guerre à l’Allemagne »: « à » gives the one who receives, not a place.
DATIVE_VERBS = {
    "déclarer", "promettre", "proposer", "répondre", "donner", "livrer", "vendre", "annoncer",
    "révéler", "montrer", "demander", "offrir", "rendre", "dire", "écrire", "présenter",
    "imposer", "céder", "accorder", "adresser", "envoyer", "confier", "succéder", "appartenir",
}  # fmt: skip
# « les Allemands attaquent Verdun »: the place is the object of an attack.
OBJECT_PLACE_VERBS = {"attaquer", "envahir", "assiéger", "bombarder", "occuper", "libérer"}
# « Rome tombe », « la Vendée se soulève »: what happens to the place itself.
SUBJECT_PLACE_VERBS = {"tomber", "capituler", "soulever", "brûler", "résister", "insurger"}
GEO_NOUNS = {
    "baie", "île", "golfe", "mer", "détroit", "forêt", "palais", "forteresse", "mont", "col",
    "plaine", "plateau", "vallée", "lac", "cap", "presqu’île", "château", "camp",
}  # fmt: skip
SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
LEFT_DEPS = SUBJECT_DEPS | {
    "aux", "aux:pass", "aux:tense", "aux:caus", "cop", "expl", "expl:pv", "expl:comp",
    "expl:pass", "expl:subj", "iobj", "obj",
}  # fmt: skip
PRONOUN_SUBJECTS = {"il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we"}
NEGATIONS = {"ne", "n’", "n'", "pas", "plus", "jamais", "guère", "point"}
DROPPED_DEPS = {"punct", "advcl", "conj", "cc", "parataxis", "dislocated", "appos", "acl:relcl"}
CLAUSE_BOUNDARIES = {",", ";", ":", "–", "—", "(", ")", ".", "!", "?", "«", "»"}


def _french_places(doc, tokens, surnames):
    first, last = tokens[0].i, tokens[-1].i + 1
    for ent in doc.ents:
        if not (first <= ent.start and ent.end <= last) or ent.label_ != "LOC":
            continue
        if _is_wrong_place(ent) or ent[-1].text in surnames:
            continue
        start = ent.start + (1 if ent[0].text.lower() in ("l’", "l'") else 0)
        if start >= ent.end:
            continue
        root = _root_of(doc, start, ent.end)
        head = root.head
        # « la baie des Cochons », « l’île de Sicile »: the place is the geographic noun phrase
        if (
            root.dep_ == "nmod"
            and head.i < root.i
            and head.lemma_.lower() in GEO_NOUNS
            and all(t.pos_ in ("ADP", "DET") for t in doc[head.i + 1 : start])
        ):
            start, root = head.i, head
        name = doc[start : ent.end].text
        yield name, _french_what(doc, root, start, ent.end, first, last)


def _root_of(doc, start: int, end: int):
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return doc[end - 1]


def _french_what(doc, root, start: int, end: int, first: int, last: int) -> str | None:
    """Subject + verb + complements of the clause where the place is a location complement."""
    if any(
        c.dep_ == "det" and c.lower_ in ("tout", "toute", "tous", "toutes") for c in root.children
    ):
        return None  # « toute l’Allemagne se rend »: the place is a whole, not a location
    verb = root.head
    dep = root.dep_
    case = [c for c in root.children if c.dep_ == "case" and c.i < root.i]
    preposition = case[0].lower_ if case else ""
    if any(t.pos_ == "VERB" for c in case for t in c.children):
        return None  # « en traversant le détroit de Messine »: a gerund, not a location
    if dep == "nmod" and verb.pos_ == "NOUN" and verb.dep_ == "obj" and preposition == "à":
        # « arrêtent l’armée prussienne à Valmy »: the parser hangs the place on the object;
        # trusted only when the place ends the clause
        after = root.doc[end] if end < len(root.doc) else None
        if after is not None and after.text not in CLAUSE_BOUNDARIES:
            return None
        verb, dep = verb.head, "obl"
    if verb.i == root.i or verb.pos_ != "VERB" or _lemma(verb) in STATIVE_VERBS:
        return None
    if verb.dep_.startswith("acl"):
        return None  # « les missiles que les États-Unis ont installés en Turquie »
    place_phrase = (
        {root.i}
        | {
            t.i
            for c in root.children
            if c.dep_ in ("case", "det", "amod", "flat:name", "flat", "fixed", "nummod")
            or start <= c.i < end
            for t in c.subtree
        }
        | set(range(start, end))
    )
    if dep.startswith("obl") or (dep == "nmod" and verb.pos_ == "VERB"):
        if preposition not in LOCATIVE:
            return None
        if preposition in ("à", "au", "aux") and _lemma(verb) in DATIVE_VERBS:
            return None
        needs_subject = True
    elif dep == "obj" and _lemma(verb) in OBJECT_PLACE_VERBS:
        needs_subject = True
    elif dep in SUBJECT_DEPS and _lemma(verb) in SUBJECT_PLACE_VERBS and not case:
        needs_subject = False
    else:
        return None
    # « en débarquant en Calabre »: the gerund tells how the main clause happens
    if needs_subject and not _subject_of(verb) and verb.dep_ == "advcl" and dep != "obj":
        if any(c.lower_ == "en" and c.i < verb.i for c in verb.children):
            main = verb.head
            if main.pos_ == "VERB" and _subject_of(main) and _lemma(main) not in STATIVE_VERBS:
                return _french_clause(doc, main, set(), first, last, True)
        return None
    return _french_clause(doc, verb, place_phrase, first, last, needs_subject)


def _lemma(verb) -> str:
    """The infinitive; the model leaves some verbs as written (« tombe »)."""
    lemma = verb.lemma_.lower()
    if lemma != verb.lower_:
        return lemma
    for infinitive in SUBJECT_PLACE_VERBS | OBJECT_PLACE_VERBS:
        if verb.lower_.startswith(infinitive[:-2]):
            return infinitive
    return lemma


def _subject_of(verb):
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _french_clause(doc, verb, place_phrase, first, last, needs_subject) -> str | None:
    boundary = next(
        (
            t.i
            for t in doc[verb.i + 1 : last]
            if t.text in CLAUSE_BOUNDARIES
            or (t.dep_ == "cc" and t.head.dep_ == "conj" and t.head.head.i == verb.i)
        ),
        last,
    )
    kept: set[int] = set()
    subject = _subject_of(verb)
    if subject is None and verb.dep_ == "conj" and needs_subject:
        # « des Parisiennes marchent sur Versailles et ramènent … »: the subject is shared
        subject = _subject_of(verb.head)
        if subject is not None and subject.i < verb.i:
            kept |= _phrase(subject, first, verb.i)
            # « le roi est suspendu puis emprisonné »: the auxiliary is shared too
            if not any(c.dep_.startswith("aux") for c in verb.children):
                kept |= {c.i for c in verb.head.children if c.dep_.startswith("aux")}
    if needs_subject and (
        subject is None
        or subject.lower_ in PRONOUN_SUBJECTS
        or subject.like_num
        or subject.lower_ in MONTHS
    ):
        return None
    for child in verb.children:
        if child.dep_ in DROPPED_DEPS or child.i in place_phrase:
            continue
        if child.i < verb.i:
            if child.dep_ in LEFT_DEPS or child.lower_ in NEGATIONS:
                kept |= _phrase(child, first, verb.i)
        elif child.i < boundary:
            kept |= _phrase(child, verb.i, boundary)
    # What hangs on the place phrase but tells the event (« par des commandos allemands »)
    for i in place_phrase:
        for child in doc[i].children:
            if (
                child.i not in place_phrase
                and child.i < boundary
                and child.dep_ not in DROPPED_DEPS
            ):
                cases = [c.lower_ for c in child.children if c.dep_ == "case"]
                if cases and cases[0] == "par":
                    kept |= _phrase(child, verb.i, boundary)
    kept.add(verb.i)
    kept -= place_phrase
    words = [doc[i] for i in sorted(kept) if first <= i < last and not doc[i].is_punct]
    if len(words) < 2 or len(words) > 25:
        return None
    return _join(words)


def _phrase(token, low: int, high: int) -> set[int]:
    """The subtree of `token` inside (low, high), without what is set between commas."""
    indices = [t.i for t in token.subtree if low <= t.i < high and not t.is_punct]
    if not indices:
        return set()
    kept = set()
    doc = token.doc
    aside = comma = False
    for i in range(min(indices), max(indices) + 1):
        text = doc[i].text
        if text in ("(", ")", "–", "—"):
            aside = text == "(" or (text != ")" and not aside)
            continue
        if text == "," and not aside:
            comma = not comma
            continue
        if not aside and not comma and i in indices:
            kept.add(i)
    drop = {
        t.i
        for t in token.subtree
        if t.dep_ in ("acl:relcl", "parataxis") and t.i != token.i
        for t in t.subtree
    }
    return kept - drop


def _is_wrong_place(ent) -> bool:
    """« Allemands », « État », « Rencontrant », « Montgomery » (a person) are not places."""
    words = [t.text.lower() for t in ent if t.text.lower() not in ("l’", "l'")]
    if not words or words[0] in NOT_PLACES or words[-1].endswith(DEMONYM_ENDINGS):
        return True
    if ent[0].pos_ == "VERB" or (ent[0].is_sent_start and ent[0].pos_ not in ("PROPN",)):
        return True
    return any(t.pos_ not in ("PROPN", "NOUN", "ADP", "DET", "ADJ", "PUNCT") for t in ent)


# --- English: no parse, so prepositions, commas and capitals --------------------------------

ENGLISH_LOCATIVE = {"in", "at", "near", "on", "outside", "inside", "from"}
ENGLISH_PLACE_WORDS = {
    "river", "mount", "lake", "sea", "ocean", "island", "islands", "bay", "hill", "forge",
    "valley", "cape", "strait", "gulf", "forest", "plain", "canal", "harbour", "harbor",
}  # fmt: skip
PLACE_TAILS = {"airfield", "airport", "harbour", "harbor", "port", "area", "region", "sector"}
SUBJECT_STARTS = {
    "the", "a", "an", "some", "many", "his", "her", "their", "its", "he", "she", "they", "it",
    "we", "i", "this", "these", "those", "both", "all", "several", "most",
}  # fmt: skip
NOT_SUBJECT_STARTS = {
    "in", "on", "at", "to", "for", "with", "by", "from", "of", "after", "before", "during",
    "where", "which", "who", "whom", "whose", "when", "while", "as", "since", "until", "soon",
    "then", "than", "that", "if", "because", "though", "although", "once",
}  # fmt: skip
LEADING_LINKS = {"and", "but", "then", "so", "yet"}
ENGLISH_IRREGULAR = {
    "met", "took", "fell", "began", "fought", "won", "lost", "left", "led", "sent", "went",
    "came", "made", "held", "stood", "ran", "saw", "found", "brought", "struck", "broke",
    "wrote", "rose", "flew", "drove", "spoke", "built", "signed", "gave", "kept", "set",
    "walked", "died", "killed", "opened", "landed", "surrendered", "crossed",
}  # fmt: skip


def _english_verbish(word: str) -> bool:
    word = word.lower()
    return (
        word in ENGLISH_IRREGULAR
        or word in ENGLISH_STATIVE
        or (word.endswith("ed") and len(word) > 3 and word.isalpha())
    )


def _english_places(tokens):
    """(name, what happened) for "verb … in/at Name": the clause without the place phrase."""
    chunks = _english_chunks(tokens)
    for n, chunk in enumerate(chunks):
        for k, token in enumerate(chunk):
            if token.lower_ not in ENGLISH_LOCATIVE or k + 1 >= len(chunk):
                continue
            i = k + 1
            if chunk[i].lower_ == "the":
                i += 1
            j = i
            while j < len(chunk) and (
                (_english_name_word(chunk[j]))
                or (
                    chunk[j].lower_ == "of"
                    and j > i
                    and j + 1 < len(chunk)
                    and _english_name_word(chunk[j + 1])
                )
            ):
                j += 1
            if j == i or chunk[i].lower_.endswith(("ian", "ish", "ese")):
                continue
            if j < len(chunk) and chunk[j].like_num:
                continue  # "the Apollo 1 capsule": a name of a thing
            name = _join(chunk[i:j])
            phrase_end = j + (1 if j < len(chunk) and chunk[j].lower_ in PLACE_TAILS else 0)
            # "weapons at Concord clashed": the place belongs to a noun phrase
            if phrase_end < len(chunk) and _english_verbish(chunk[phrase_end].text):
                continue
            # "voted by Parliament in London", "general Lord Cornwallis at Yorktown"
            if k > 0 and chunk[k - 1].text[:1].isupper():
                before = k - 1
                while before > 0 and chunk[before - 1].text[:1].isupper():
                    before -= 1
                if before == 0 or chunk[before - 1].lower_ != "the":
                    continue
            rest = chunk[:k] + chunk[phrase_end:]
            if not any(_english_verbish(t.text) for t in chunk[:k]):
                # "In Boston, the colonists …": a fronted place tells the next clause
                if k != 0 or n + 1 >= len(chunks) or phrase_end != len(chunk):
                    continue
                rest = chunks[n + 1]
            yield name, _english_statement(rest)


def _english_name_word(token) -> bool:
    word = token.text
    if not word[:1].isupper() or not word.replace("-", "").replace("’", "").isalpha():
        return False
    lower = word.lower()
    if lower in ENGLISH_PLACE_WORDS:
        return True
    return lower not in NOT_NAME_WORDS and lower not in MONTHS


def _english_chunks(tokens):
    chunks, chunk = [], []
    for token in tokens:
        if token.text in CLAUSE_BOUNDARIES:
            if chunk:
                chunks.append(chunk)
            chunk = []
        else:
            chunk.append(token)
    if chunk:
        chunks.append(chunk)
    return chunks


def _english_statement(tokens) -> str | None:
    while tokens and tokens[0].lower_ in LEADING_LINKS:
        tokens = tokens[1:]
    if len(tokens) < 2 or len(tokens) > 20:
        return None
    first = tokens[0]
    if (
        first.lower_ in NOT_SUBJECT_STARTS
        or any(t.lower_ in PRONOUN_SUBJECTS for t in tokens[:5])
        or first.lower_.endswith("ly")
        or any(t.text in ('"', "“", "”") for t in tokens)
    ):
        return None
    if _english_verbish(first.text) or not any(_english_verbish(t.text) for t in tokens[1:]):
        return None
    if tokens[-1].lower_ in ("the", "a", "an", "of", "and", "to", "by", "with"):
        return None
    return _join(tokens)


# --- figures -------------------------------------------------------------------------------

MULTIPLIERS = r"millions?|milliards?|billions?|thousands?|mille|trillions?|hundreds?"
# Tens and teens only: « trois ordres », "four sectors" are counted, not figures to learn.
NUMBER_WORDS = {
    ENGLISH: r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?",
    FRENCH: r"dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|"
    r"soixante(?:-dix)?|quatre-vingts?(?:-dix)?|cent",
}
SMALL_NUMBER_WORDS = {
    ENGLISH: r"one|a|two|three|four|five|six|seven|eight|nine",
    FRENCH: r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf",
}


# Round amounts in words: « un demi-million », « des dizaines de milliers », "half a million",
# "tens of thousands" (of people, of soldiers: what follows says it).
ROUND_AMOUNTS = {
    ENGLISH: r"half\s+a\s+million|a\s+quarter\s+of\s+a\s+million|(?:tens|hundreds)\s+of\s+"
    r"(?:thousands|millions)",
    FRENCH: r"(?:un\s+)?demi-million|(?:des|plusieurs|quelques)\s+(?:dizaines|centaines)\s+de\s+"
    r"(?:milliers|millions)",
}


def _number_pattern(language: str) -> re.Pattern:
    words, small = NUMBER_WORDS[language], SMALL_NUMBER_WORDS[language]
    return re.compile(
        r"(?<![\w,.\-])(?:"
        rf"{ROUND_AMOUNTS[language]}|"
        r"(?P<digits>\d{1,3}(?:[\u00a0\u202f ,]\d{3})+|\d+(?:[.,]\d+)?)"
        rf"(?:\s+(?P<multiplier>{MULTIPLIERS}))?"
        rf"|((?:{small}|{words})\s+(?:{MULTIPLIERS}))"
        rf"|({words})"
        r")(?![\w\-])",
        re.IGNORECASE,
    )


NUMBERS = {language: _number_pattern(language) for language in (FRENCH, ENGLISH)}
TIME_UNITS = {
    "jour", "jours", "mois", "an", "ans", "année", "années", "semaine", "semaines", "heure",
    "heures", "minute", "minutes", "seconde", "secondes", "siècle", "siècles", "h", "day",
    "days", "month", "months", "year", "years", "week", "weeks", "hour", "hours", "seconds",
    "century", "centuries", "o'clock", "%", "percent", "pour", "e", "er", "ème",
}  # fmt: skip
# Measures that say nothing alone (« 150 kilomètres », "25 billion dollars"): left out.
BARE_UNITS = {
    "mètres", "metres", "meters", "kilomètres", "kilometres", "kilometers", "km", "miles",
    "dollars", "francs", "euros", "livres", "pounds", "marks", "roubles", "pieds", "feet",
}  # fmt: skip
# Counts of abstract things (« un programme en dix points », "14 points", « 440 articles »):
# a figure measures people, soldiers, victims, tons, ships, voters, km²…, not parts of a text.
ABSTRACT_COUNTS = {
    "point", "points", "article", "articles", "étape", "étapes", "raison", "raisons",
    "chapitre", "chapitres", "clause", "clauses", "paragraphe", "paragraphes", "principe",
    "principes", "question", "questions", "thèse", "thèses", "mot", "mots", "ligne", "lignes",
    "fois", "volet", "volets", "stage", "stages", "step", "steps", "reason", "reasons",
    "chapter", "chapters", "paragraph", "paragraphs", "principle", "principles", "thesis",
    "theses", "word", "words", "line", "lines", "times", "page", "pages", "phase", "phases",
}  # fmt: skip
NOT_FIGURE_BEFORE = {"page", "pages", "p.", "chapitre", "chapter", "article", "n°", "no", "no."}
APPROXIMATIONS = {
    "some", "about", "nearly", "almost", "around", "over", "more", "than", "près", "plus",
    "environ", "quelque", "moins", "only", "seulement", "all", "les", "des", "aux",
}  # fmt: skip
ENGLISH_NP_STOPS = {
    "in", "into", "at", "on", "to", "for", "from", "with", "by", "across", "over", "under",
    "and", "or", "but", "that", "who", "which", "whose", "where", "when", "while", "than",
    "as", "the", "a", "an", "this", "it", "its", "their", "his", "her", "within", "during",
}  # fmt: skip
PASSIVE_AUX = {
    "sont", "ont", "été", "furent", "est", "fut", "were", "was", "are", "is", "been", "had",
    "have", "has",
}  # fmt: skip
WORD = re.compile(r"[\w’'\-]+|[^\w\s]")


def figure_candidates(text: str, language: str, doc=None) -> list[Candidate]:
    """Numbers (digits or words) with the noun phrase they count: « 150 000 : soldats alliés
    débarqués en trois jours »; never years, dates, ordinals, times, model names or pages."""
    if doc is None:
        doc = pipeline(language)(text)
    tokens_at = {token.idx: token for token in doc}
    found = []
    for clause_start, clause_end in clause_spans(text):
        clause = text[clause_start:clause_end]
        for match in NUMBERS[language].finditer(clause):
            start, end = clause_start + match.start(), clause_start + match.end()
            if _not_a_figure(text, clause_start, start, end, match):
                continue
            if language == FRENCH:
                what = _french_measured(text, end, clause_end, tokens_at)
            else:
                what = _english_measured(text, end, clause_end)
            if not what or _counts_nothing_to_learn(what):
                continue
            what = _with_fronted_span(clause, what, language)
            figure = _range_before(clause, match, language) + match.group(0)
            found.append(
                relation_candidate(
                    text,
                    clause_start,
                    clause_end,
                    kind=FIGURE,
                    subject=figure,
                    subject_kind=FIGURE,
                    relation="figure",
                    object=what,
                )
            )
    return found


RANGE_OPENERS = {"between", "from", "entre", "de"}
RANGE_LINKS = {"and", "to", "et", "à"}


def _range_before(clause: str, match, language: str) -> str:
    """ "between 200,000 and " before "one million people": the figure is the whole range."""
    previous = None
    for other in NUMBERS[language].finditer(clause[: match.start()]):
        previous = other
    if previous is None:
        return ""
    link = clause[previous.end() : match.start()].split()
    opener = clause[: previous.start()].split()[-1:]
    if len(link) != 1 or link[0].lower() not in RANGE_LINKS:
        return ""
    if not opener or opener[0].lower() not in RANGE_OPENERS:
        return ""
    return clause[clause.rindex(opener[0], 0, previous.start()) : match.start()]


def _counts_nothing_to_learn(what: str) -> bool:
    """ "points", « articles »: abstract things; « de francs » alone: a bare unit."""
    head = what.split()[0].lower()
    return head in ABSTRACT_COUNTS or (head in BARE_UNITS and len(what.split()) == 1)


def _not_a_figure(text: str, clause_start: int, start: int, end: int, match) -> bool:
    before = text[clause_start:start].split()
    after = text[end : end + 20].lower().split()
    following = after[0].strip(",.;:") if after else ""
    previous = before[-1].strip(',;:(«"') if before else ""
    if following in MONTHS or following in TIME_UNITS or following in BARE_UNITS:
        return True  # « 8 septembre », « 5 h 15 », « dix mois », « 150 kilomètres »
    # "On 4 November, half a million people", « À Leipzig, 70 000 manifestants »: a comma
    # ends what comes before; the number is not its day nor part of its name.
    detached = bool(before) and before[-1].endswith((",", ";", ":"))
    if (previous.lower() in MONTHS and not detached) or previous.lower() in NOT_FIGURE_BEFORE:
        return True  # "June 24", « juillet 1943 », "page 12"
    if (
        previous[:1].isupper()
        and previous.lower() not in NOT_NAME_WORDS | APPROXIMATIONS
        and not detached
    ):
        return True  # "Apollo 17", « Louis 14 »: a name, not a count
    digits = match.group("digits")
    if digits and not match.group("multiplier"):
        if re.fullmatch(r"1\d{3}|20\d{2}", digits):
            return True  # a year
        if previous.lower() in ("le", "the", "du", "au", "on") and len(digits) <= 2:
            return True  # « le 8 », "on 24"
    return False


def _french_measured(text: str, end: int, limit: int, tokens_at) -> str | None:
    """« de soldats américains », « missiles de moyenne portée », « soldats alliés sont
    débarqués » → « soldats alliés débarqués »: the noun, its adjectives, one complement."""
    tokens = _tokens_between(text, end, limit, tokens_at)
    if tokens and tokens[0].lower_ in ("de", "d’", "d'"):
        tokens = tokens[1:]
    if not tokens or tokens[0].pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
        return None
    if tokens[0].pos_ == "VERB" and "Part" not in tokens[0].morph.get("VerbForm"):
        return None
    words = [tokens[0]]
    k = 1
    while k < len(tokens) and len(words) < 6:
        token = tokens[k]
        if (
            (token.pos_ == "ADJ" and token.text.islower())
            or token.pos_ == "PROPN"
            or (
                token.lower_ == "de"
                and k + 1 < len(tokens)
                and tokens[k + 1].pos_ in ("NOUN", "ADJ")
                and tokens[k + 1].text.islower()
            )
            or (  # « missiles de moyenne portée »
                token.pos_ in ("NOUN", "ADJ", "VERB")
                and token.text.isalpha()
                and token.text.islower()
                and any(w.lower_ == "de" for w in words[-2:])
            )
        ):
            words.append(token)
            k += 1
        else:
            break
    if words[-1].lower_ == "de":
        words.pop()
        k -= 1
    # « sont débarqués », « sont condamnées à mort »: the participle describes the noun
    j = k
    while j < len(tokens) and tokens[j].lower_ in PASSIVE_AUX:
        j += 1
    if j > k and j < len(tokens) and "Part" in tokens[j].morph.get("VerbForm"):
        words.append(tokens[j])
        if (
            j + 2 < len(tokens)
            and tokens[j + 1].lower_ in ("à", "en")
            and tokens[j + 2].pos_ == "NOUN"
            and not any(t.pos_ == "DET" for t in tokens[j + 1 : j + 3])
        ):
            words += tokens[j + 1 : j + 3]
    return " ".join(t.text for t in words)


def _tokens_between(text: str, start: int, end: int, tokens_at):
    tokens = []
    at = start
    while at < end:
        token = tokens_at.get(at)
        if token is None:
            at += 1
            continue
        if token.is_space:
            at = token.idx + len(token.text)
            continue
        if token.is_punct and token.text not in ("’", "'"):
            break
        tokens.append(token)
        at = token.idx + len(token.text)
    return tokens


def _english_measured(text: str, end: int, limit: int) -> str | None:
    """ "tons of supplies", "of their soldiers were killed or wounded" → "soldiers killed or
    wounded", "Allied airmen": the counted noun, an "of" complement, a passive participle."""
    words = []
    for word in WORD.findall(text[end:limit]):
        if not (word[:1].isalpha()):
            break
        words.append(word)
    if words[:1] == ["of"] and len(words) > 1:  # "tens of thousands of (his) followers"
        words = words[1:]
        if words[0].lower() in ("their", "the", "his", "its", "our", "her"):
            words = words[1:]
    if words[:1] and words[0].lower() in ("more", "other", "additional"):
        words = words[1:]
    phrase = []
    k = 0
    in_complement = False
    while k < len(words) and len(phrase) < 6:
        word = words[k]
        lower = word.lower()
        if (word.islower() and (_english_verbish(word) or lower in MORE_IRREGULAR)) or (
            lower in PASSIVE_AUX
        ):
            break
        if lower == "of" and phrase and k + 1 < len(words):
            in_complement = True
        elif lower == "and" and in_complement and k + 1 < len(words):
            following = words[k + 1].lower()
            if following in ENGLISH_NP_STOPS or _english_verbish(following):
                break
        elif lower in ENGLISH_NP_STOPS:
            break
        phrase.append(word)
        k += 1
    while phrase and phrase[-1].lower() in ("of", "and"):
        phrase.pop()
        k -= 1
    if not phrase or phrase[0].lower() in ENGLISH_NP_STOPS | {"of"}:
        return None
    # "were killed or wounded"
    j = k
    while j < len(words) and words[j].lower() in PASSIVE_AUX:
        j += 1
    if j > k and j < len(words) and words[j].endswith("ed"):
        phrase.append(words[j])
        if j + 2 < len(words) and words[j + 1] in ("or", "and") and words[j + 2].endswith("ed"):
            phrase += words[j + 1 : j + 3]
    return " ".join(phrase)


# Past tenses that end what a figure counts ("8 million voters said yes").
MORE_IRREGULAR = {
    "said", "told", "fled", "paid", "became", "grew", "knew", "thought", "sought", "taught",
    "chose", "hid", "swore", "shot", "sank", "spent", "lay", "bore", "caught", "fed", "got",
    "rode", "swam", "threw", "understood", "withdrew", "overran", "forgot", "lost", "meant",
}  # fmt: skip


FRONTED_SPAN = re.compile(
    rf"^(En|In|Within)\s+((?:{'|'.join(SMALL_NUMBER_WORDS.values())}|"
    rf"{'|'.join(NUMBER_WORDS.values())}|\d+)\s+"
    r"(?:jours|days|semaines|weeks|mois|months|heures|hours|ans|years)),",
    re.IGNORECASE,
)


def _with_fronted_span(clause: str, what: str, language: str) -> str:
    """« En trois jours, 150 000 soldats … sont débarqués » → « … débarqués en trois jours »."""
    match = FRONTED_SPAN.match(clause)
    if not match or len(what.split()) < 2:
        return what
    return f"{what} {match.group(1).lower()} {match.group(2)}"


__all__ = ["NOT_NAME_WORDS", "figure_candidates", "place_candidates"]
