"""The questions of one attempt, drawn so that none repeats: no question twice, no two sharing
more than half of their items, and, across a student's attempts, questions not yet seen first.

Questions are handled as the dicts the attempts store (`to_dict()`), so that the questions of
earlier attempts, read back from the database, compare with new ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from quizzes.engine.questions import NotEnoughFacts, gettext_noop

# Seeded draws tried for each question before deciding the facts have nothing new to offer.
# Small banks (a relation of 4 facts) are exhausted long before; big ones rarely need 3.
MAX_DRAWS_PER_QUESTION = 100

# The names the builder shows for these kinds (quizzes.models.MATCHING_RELATIONS), so that
# one translation serves both.
KIND_NAMES = {
    "chronology": gettext_noop("chronologie"),
    "role": gettext_noop("personnage ou groupe ↔ rôle"),
    "commands": gettext_noop("personnage ↔ ce qu’il dirige"),
    "happened_at": gettext_noop("lieu ↔ ce qui s’y est passé"),
    "landed_at": gettext_noop("armée ↔ lieu de débarquement"),
    "figure": gettext_noop("chiffre ↔ ce qu’il mesure"),
    "causes": gettext_noop("cause ↔ conséquence"),
    "date": gettext_noop("événement ↔ date"),
    "which_first": gettext_noop("lequel d’abord ?"),
    "date_entry": gettext_noop("date à écrire"),
    "true_false": gettext_noop("vrai ou faux"),
    "odd_one_out": gettext_noop("l’intrus"),
}


def question_kind(question: dict) -> str:
    """Chronology, or the relation a matching question pairs: what makes two questions
    comparable (a chronology and an event ↔ date question may share events fairly)."""
    return question.get("relation") or question["kind"]


def item_facts(question: dict) -> frozenset[str]:
    """The facts behind a question's items (events to order, pairs to match): its identity,
    whatever the order shown or the distractors."""
    return frozenset(item["fact_id"] for item in question.get("prompts") or question["items"])


def too_similar(first: dict, second: dict) -> bool:
    """Whether two questions of one kind share more than half of their items (3 events of 4,
    2 pairs of 3): a student would answer the second from the first."""
    if question_kind(first) != question_kind(second):
        return False
    mine, theirs = item_facts(first), item_facts(second)
    return 2 * len(mine & theirs) > min(len(mine), len(theirs))


class QuizDraw:
    """The questions of one attempt so far, and the fact sets the student has already seen."""

    def __init__(self, taken: Iterable[dict] = (), seen: Iterable[dict] = ()):
        self.questions: list[dict] = list(taken)
        self.seen = {(question_kind(q), item_facts(q)) for q in seen}

    def add(self, choices: Sequence[tuple[str, Callable[[str], dict]]], seed: str, asked: int):
        """One more question from the first kind of `choices` (kind, make(seed) → question)
        that still has one unlike those of the attempt, drawn with seeds `seed:0`, `seed:1`…,
        preferring one the student has not seen. NotEnoughFacts (never a silent repeat) when
        every kind is exhausted; `asked` is how many questions of these kinds the set wants."""
        for _kind, make in choices:
            fallback = None
            for draw in range(MAX_DRAWS_PER_QUESTION):
                question = make(f"{seed}:{draw}")
                if any(too_similar(question, other) for other in self.questions):
                    continue
                if (question_kind(question), item_facts(question)) not in self.seen:
                    return self._keep(question)
                fallback = fallback or question
            if fallback is not None:
                return self._keep(fallback)
        kinds = [kind for kind, _make in choices]
        raise NotEnoughFacts(
            gettext_noop(
                "Impossible de tirer %(asked)s questions %(kinds)s différentes : les faits n’en "
                "permettent que %(most)s par tentative sans que deux questions partagent plus "
                "de la moitié de leurs éléments. Demandez moins de questions ou moins "
                "d’éléments par question, ou ajoutez des faits."
            ),
            asked=asked,
            kinds=KindNames(kinds),
            most=sum(1 for other in self.questions if question_kind(other) in kinds),
        )

    def _keep(self, question: dict) -> dict:
        self.questions.append(question)
        return question


class KindNames:
    """Names of question kinds, translated when the message that holds them is shown."""

    def __init__(self, kinds: Sequence[str]):
        self.kinds = list(kinds)

    def __str__(self) -> str:
        names = (NotEnoughFacts.translate(KIND_NAMES.get(kind, kind)) for kind in self.kinds)
        return ", ".join(f"« {name} »" for name in names)
