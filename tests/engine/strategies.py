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
        label = draw(st.sampled_from(["le {d}", "en {m}", "au printemps", "plus tard"]))
        events.append(
            EventFact(
                id=str(index + 1),
                text=f"Événement {index + 1}",
                date_label=label.format(d=start.isoformat(), m=start.strftime("%Y-%m")),
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
