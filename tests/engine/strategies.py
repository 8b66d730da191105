"""Hypothesis strategies and small builders for engine tests: random fact banks with
overlapping date ranges, duplicate subjects and repeated answers."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from quizzes.engine import EventFact, RelationFact
from quizzes.fixture_facts import shipped_facts  # noqa: F401 (re-exported for the tests)

DAY0 = date(1943, 1, 1)


@st.composite
def event_banks(draw, min_size=0, max_size=40):
    """Events over a few years, many of them overlapping (months containing days, seasons)."""
    size = draw(st.integers(min_size, max_size))
    events = []
    for index in range(size):
        start = DAY0 + timedelta(days=draw(st.integers(0, 900)))
        length = draw(st.sampled_from([0, 0, 0, 2, 29, 30, 91, 364]))
        label = draw(
            st.sampled_from(["le {d}", "en {m}", "au printemps", "plus tard", "depuis {y}"])
        )
        events.append(
            EventFact(
                id=str(index + 1),
                text=f"Événement {index + 1}",
                date_label=label.format(
                    d=start.isoformat(), m=start.strftime("%Y-%m"), y=start.year
                ),
                start=start,
                end=start + timedelta(days=length),
                quote=f"citation {index + 1}",
                label_is_relative=label == "plus tard",
            )
        )
    return events


@st.composite
def relation_banks(draw, relation="role"):
    """Subject → object facts where subjects repeat and objects are shared between subjects."""
    subjects = [f"Personne {n}" for n in range(draw(st.integers(1, 10)))]
    objects = [f"rôle {n}" for n in range(draw(st.integers(1, 12)))]
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(subjects), st.sampled_from(objects)),
            max_size=14,
            unique=True,
        )
    )
    return [
        RelationFact(id=str(n), relation=relation, subject=s, object=o, quote=f"« {s} {o} »")
        for n, (s, o) in enumerate(pairs, 1)
    ]


# Words that labels share on purpose, so that prompts and answers can give each other away.
NAMES = ["Messine", "Rome", "Sicile", "Patton", "Montgomery", "Mussolini", "Badoglio", "Calabre"]
ANSWER_SHAPES = [
    "chef de {name}",  # noun phrase
    "général à la tête de {name}",  # noun phrase (« à » is no verb)
    "la ville de {name}",  # noun phrase
    "{count} soldats débarqués à {name}",  # noun phrase with a number
    "arrive à {name} avant les autres",  # clause, singular
    "sauvent {name} d’une prison",  # clause, plural
    "démoralisées, elles quittent {name}",  # clause with a pronoun
    "s’unissent contre {name}",  # reflexive clause
    "le gouvernement qui prend {name}",  # noun phrase with a relative clause
]
COUNTS = ["150 000", "trois", "six", "12", "deux cents"]


@st.composite
def wordy_relation_banks(draw):
    """Facts of one relation whose labels reuse each other's words, mix clauses and noun
    phrases and hold numbers: the material of give-aways."""
    relation = draw(st.sampled_from(["role", "commands", "happened_at", "landed_at", "figure"]))
    size = draw(st.integers(2, 14))
    facts = []
    for n in range(1, size + 1):
        name = draw(st.sampled_from(NAMES))
        if relation == "figure":
            subject = draw(st.sampled_from(COUNTS))
        else:
            subject = draw(st.sampled_from([name, f"Détroit de {name}", f"Troupes de {n}"]))
        shape = draw(st.sampled_from(ANSWER_SHAPES))
        obj = shape.format(name=draw(st.sampled_from(NAMES)), count=draw(st.sampled_from(COUNTS)))
        facts.append(RelationFact(id=str(n), relation=relation, subject=subject, object=obj))
    return facts
