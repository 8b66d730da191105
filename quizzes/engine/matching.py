"""Matching questions: pairs of one relation (person → role, place → event, army → landing
place, event → date as the source writes it) shown as two columns.

Never ambiguous: no two prompts share a right answer, and no answer shown (distractors
included) is a right answer for a prompt other than its own, as far as the facts know, nor
true of a prompt through who acts for whom (what Badoglio's government does, Badoglio may be
said to do; a general and his army likewise).

Never given away by its wording (quizzes.engine.wording): a pair whose answer repeats a word
of its prompt (« Messine » → « … la course à Messine ») is never asked; the answers of one
question are all clauses or all noun phrases, and roles only noun phrases (a verb agrees with
its subject, « sauvent » goes with a plural); a figure's answers hold no number; dates carry
their year when the question spans several years, and dates of a state (« depuis 1860 ») are
never offered.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from quizzes.engine.causes import defensible_pairs
from quizzes.engine.chronology import MEDIUM, ChronologyBank
from quizzes.engine.facts import EventFact, RelationFact, acting_together
from quizzes.engine.questions import (
    MAX_PAIRS,
    MIN_PAIRS,
    Item,
    MatchingQuestion,
    NotEnoughFacts,
    gettext_noop,
    rng_for,
)
from quizzes.engine.wording import (
    has_number,
    has_year,
    is_background_date,
    is_clause,
    normalized,
    shared_words,
)

DATE = "date"
RELATION_PROMPTS = {
    "role": gettext_noop("Associez chaque personnage ou groupe à son rôle."),
    "commands": gettext_noop("Associez chaque chef à ce qu’il dirige."),
    "happened_at": gettext_noop("Associez chaque lieu à ce qui s’y est passé."),
    "landed_at": gettext_noop("Associez chaque armée au lieu où elle débarque."),
    "figure": gettext_noop("Associez chaque chiffre à ce qu’il mesure."),
    "causes": gettext_noop("Associez chaque cause à sa conséquence."),
    DATE: gettext_noop("Associez chaque événement à sa date, telle que la source l’écrit."),
}
DEFAULT_PROMPT = gettext_noop("Associez chaque élément de gauche à sa réponse.")
# Random probes before falling back to a full pass over the facts (keeps big banks cheap).
PROBES_PER_PICK = 12
EXHAUSTIVE_POOL = 80
SEARCH_BUDGET = 20_000

T = TypeVar("T")


def _pick(
    rng: random.Random, pool: Sequence[T], count: int, fits: Callable[[list[T], T], bool]
) -> list[T]:
    """Up to `count` members of pool, drawn at random, each compatible with those before.

    Small pools are searched exhaustively (a greedy draw can miss a compatible set that
    exists); big ones are probed at random, then scanned, which keeps big banks cheap."""
    if count <= 0:
        return []
    if len(pool) <= EXHAUSTIVE_POOL:
        order = list(pool)
        rng.shuffle(order)
        return _search(order, count, fits)
    chosen: list[T] = []
    tried: set[int] = set()
    for _probe in range(PROBES_PER_PICK * count):
        if len(chosen) == count:
            return chosen
        index = rng.randrange(len(pool))
        if index in tried:
            continue
        tried.add(index)
        if fits(chosen, pool[index]):
            chosen.append(pool[index])
    rest = [index for index in range(len(pool)) if index not in tried]
    rng.shuffle(rest)
    for index in rest:
        if len(chosen) == count:
            break
        if fits(chosen, pool[index]):
            chosen.append(pool[index])
    return chosen


def _search(order: list[T], count: int, fits: Callable[[list[T], T], bool]) -> list[T]:
    """Depth-first search for `count` compatible members; the largest set found otherwise."""
    best: list[T] = []
    budget = [SEARCH_BUDGET]

    def extend(chosen: list[T], start: int) -> bool:
        nonlocal best
        if len(chosen) > len(best):
            best = list(chosen)
        if len(chosen) == count:
            return True
        for index in range(start, len(order)):
            if len(chosen) + len(order) - index <= len(best) or budget[0] <= 0:
                return False
            budget[0] -= 1
            if fits(chosen, order[index]) and extend([*chosen, order[index]], index + 1):
                return True
        return False

    extend([], 0)
    return best


def _question(
    rng: random.Random,
    relation: str,
    prompts: list[Item],
    right_answers: list[str],
    distractors: list[str],
) -> MatchingQuestion:
    rng.shuffle(order := list(range(len(prompts))))
    labels = right_answers + distractors
    rng.shuffle(answer_order := list(range(len(labels))))
    answer_ids = {index: f"r{rank}" for rank, index in enumerate(answer_order, 1)}
    shown_prompts = []
    answer = {}
    for rank, index in enumerate(order, 1):
        prompt_id = f"p{rank}"
        shown_prompts.append(prompts[index].with_id(prompt_id))
        answer[prompt_id] = answer_ids[index]
    answers = tuple(Item(id=answer_ids[index], label=labels[index]) for index in answer_order)
    return MatchingQuestion(
        prompt=RELATION_PROMPTS.get(relation, DEFAULT_PROMPT),
        relation=relation,
        prompts=tuple(shown_prompts),
        answers=answers,
        answer=answer,
    )


def _check_pairs(n_pairs: int) -> None:
    if not MIN_PAIRS <= n_pairs <= MAX_PAIRS:
        raise ValueError(
            f"Une association compte de {MIN_PAIRS} à {MAX_PAIRS} paires (demandé : {n_pairs})."
        )


def gives_itself_away(fact: RelationFact) -> bool:
    """Whether the pair can be matched from its words alone, without knowing any history."""
    if shared_words(fact.subject, fact.object) or shared_words(fact.object, fact.subject):
        return True
    if fact.relation == "role" and is_clause(fact.object):
        return True  # a role said as a clause agrees with its subject: ask noun phrases only
    return fact.relation == "figure" and has_number(fact.object)


class RelationBank:
    """The facts of one relation that can be asked, with what each subject is known to be
    paired with (from every fact, asked or not, so no distractor is ever true).

    `acts_for` holds (agent, principal) names, « Pietro Badoglio » acting for « Gouvernement
    italien »: a fact about one is also known of the other, directly or through others."""

    def __init__(
        self,
        facts: Sequence[RelationFact],
        relation: str,
        acts_for: Iterable[tuple[str, str]] = (),
    ):
        self.relation = relation
        of_relation = [fact for fact in facts if fact.relation == relation]
        self.facts = [fact for fact in of_relation if not gives_itself_away(fact)]
        self.known: set[tuple[str, str]] = {
            (normalized(fact.subject), normalized(fact.object)) for fact in of_relation
        }
        self.known |= defensible_pairs(of_relation)
        self.subjects = {normalized(fact.subject) for fact in self.facts}
        together = acting_together((normalized(a), normalized(p)) for a, p in acts_for)
        self.known |= {
            (other, answer) for subject, answer in self.known for other in together.get(subject, ())
        }

    def _fits_prompt(self, chosen: list[RelationFact], fact: RelationFact) -> bool:
        subject, answer = normalized(fact.subject), normalized(fact.object)
        if chosen and is_clause(fact.object) != is_clause(chosen[0].object):
            return False
        for other in chosen:
            other_subject, other_answer = normalized(other.subject), normalized(other.object)
            if subject == other_subject or answer == other_answer:
                return False
            if (subject, other_answer) in self.known or (other_subject, answer) in self.known:
                return False
        return True

    def question(self, n_pairs: int, seed: object, n_distractors: int = 0) -> MatchingQuestion:
        _check_pairs(n_pairs)
        rng = rng_for(seed)
        chosen = _pick(rng, self.facts, n_pairs, self._fits_prompt)
        if len(chosen) < n_pairs:
            raise NotEnoughFacts(
                gettext_noop(
                    "Impossible d’associer %(asked)s paires « %(relation)s » sans ambiguïté : "
                    "les faits n’en permettent que %(most)s (%(subjects)s sujets différents)."
                ),
                asked=n_pairs,
                relation=self.relation,
                most=len(chosen),
                subjects=len(self.subjects),
            )
        subjects = {normalized(fact.subject) for fact in chosen}
        taken = {normalized(fact.object) for fact in chosen}

        def fits_distractor(extra: list[RelationFact], fact: RelationFact) -> bool:
            answer = normalized(fact.object)
            if is_clause(fact.object) != is_clause(chosen[0].object):
                return False
            if answer in taken or any(answer == normalized(o.object) for o in extra):
                return False
            return not any((subject, answer) in self.known for subject in subjects)

        distractors = _pick(rng, self.facts, n_distractors, fits_distractor)
        prompts = [Item(id="", label=f.subject, fact_id=f.id, quote=f.quote) for f in chosen]
        return _question(
            rng,
            self.relation,
            prompts,
            [fact.object for fact in chosen],
            [fact.object for fact in distractors],
        )


def _years(event: EventFact) -> range:
    return range(event.start.year, event.end.year + 1)


def date_answer(event: EventFact, spans_years: bool) -> str:
    """The date as the source writes it, with its year when the question spans several years
    and the source leaves it out (« Le 17 août (1943) »): « en juin » of 1943 and of 1944
    would otherwise read alike, and a June 1943 event would fit both."""
    if not spans_years or has_year(event.date_label):
        return event.date_label
    years = _years(event)
    year = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return f"{event.date_label} ({year})"


class DateBank:
    """Events paired with their date as the source writes it. Two events are asked together
    only if their ranges do not overlap, and labels that only make sense in context
    ("plus tard dans le mois") are never offered as answers."""

    def __init__(self, events: Sequence[EventFact]):
        self.events = [
            event
            for event in events
            if event.date_label.strip()
            and not event.label_is_relative
            and not is_background_date(event.date_label)
        ]
        self.chronology = ChronologyBank(self.events)
        # A label written without its year ("en octobre") may stand for several events.
        by_raw_label: dict[str, list[EventFact]] = {}
        for event in self.events:
            by_raw_label.setdefault(event.date_label, []).append(event)
        self.by_label: dict[str, list[EventFact]] = {}
        for label, events_with_label in by_raw_label.items():
            self.by_label.setdefault(normalized(label), []).extend(events_with_label)

    def _label_fits(self, label: str, event: EventFact) -> bool:
        """Whether some event the source dates with this label could be this event."""
        return any(other.overlaps(event) for other in self.by_label.get(normalized(label), []))

    def question(self, n_pairs: int, seed: object, n_distractors: int = 0) -> MatchingQuestion:
        _check_pairs(n_pairs)
        rng = rng_for(seed)
        chosen = self._draw(n_pairs, seed)
        labels = {normalized(event.date_label) for event in chosen}

        def fits_distractor(extra: list[EventFact], event: EventFact) -> bool:
            if normalized(event.date_label) in labels:
                return False
            if any(normalized(event.date_label) == normalized(e.date_label) for e in extra):
                return False
            return not any(self._label_fits(event.date_label, prompt) for prompt in chosen)

        distractors = _pick(rng, self.events, n_distractors, fits_distractor)
        prompts = [Item.from_event(event) for event in chosen]
        years = {year for event in chosen + distractors for year in _years(event)}
        return _question(
            rng,
            DATE,
            prompts,
            [date_answer(event, len(years) > 1) for event in chosen],
            [date_answer(event, len(years) > 1) for event in distractors],
        )

    def _draw(self, n_pairs: int, seed: object) -> list[EventFact]:
        if n_pairs > self.chronology.max_items:
            raise NotEnoughFacts(
                gettext_noop(
                    "Impossible d’associer %(asked)s événements à leur date sans ambiguïté : au "
                    "plus %(most)s ont des dates qui ne se chevauchent pas."
                ),
                asked=n_pairs,
                most=self.chronology.max_items,
            )
        rng = rng_for(f"{seed}:events")
        for _draw in range(PROBES_PER_PICK):
            events = self.chronology.chain(n_pairs, rng, MEDIUM)
            # Two non-overlapping events may still read alike ("en octobre" of two years).
            if not any(
                self._label_fits(a.date_label, b) for a in events for b in events if a is not b
            ):
                return events
        raise NotEnoughFacts(
            gettext_noop(
                "Impossible de trouver %(asked)s événements aux dates écrites différemment."
            ),
            asked=n_pairs,
        )


def answers_true_of_other_prompts(
    chosen: Sequence[RelationFact],
    *,
    relation: str,
    acts_for: Iterable[tuple[str, str]] = (),
    known: Sequence[RelationFact] = (),
) -> list[tuple[RelationFact, RelationFact, str]]:
    """For a question of exactly the `chosen` pairs (a teacher's pinned question): each
    (prompt fact, answer fact, through) where the answer of one pair is also true of another
    pair's prompt, so the question would have two defensible answers. `through` is the entity
    the prompt acts with (or for) that the answer is said of; "" when a fact (of `chosen` or
    `known`, the relation's other facts) says it of the prompt itself. The rule RelationBank
    applies to generated questions, with the entities named for the teacher."""
    facts = [fact for fact in [*chosen, *known] if fact.relation == relation]
    said = {(normalized(fact.subject), normalized(fact.object)) for fact in facts}
    said |= defensible_pairs(facts)
    acts_for = list(acts_for)
    names = {normalized(name): name for link in acts_for for name in link}
    together = acting_together((normalized(a), normalized(p)) for a, p in acts_for)
    clashes = []
    for prompt in chosen:
        subject = normalized(prompt.subject)
        for answer in chosen:
            if normalized(answer.subject) == subject or normalized(answer.object) == normalized(
                prompt.object
            ):
                continue  # one subject twice, one answer twice: never asked (RelationBank)
            told = normalized(answer.object)
            if (subject, told) in said:
                clashes.append((prompt, answer, ""))
                continue
            through = sorted(other for other in together.get(subject, ()) if (other, told) in said)
            if through:
                clashes.append((prompt, answer, names[through[0]]))
    return clashes


def generate_matching(
    facts: Sequence[RelationFact],
    *,
    relation: str,
    n_pairs: int = 4,
    seed: object = 0,
    n_distractors: int = 0,
    acts_for: Iterable[tuple[str, str]] = (),
) -> MatchingQuestion:
    """One matching question on `relation` from subject – relation – object facts; `acts_for`
    as RelationBank takes it."""
    return RelationBank(facts, relation, acts_for).question(n_pairs, seed, n_distractors)


def generate_date_matching(
    events: Sequence[EventFact], *, n_pairs: int = 4, seed: object = 0, n_distractors: int = 0
) -> MatchingQuestion:
    """One event ↔ date question (dates as the source writes them)."""
    return DateBank(events).question(n_pairs, seed, n_distractors)
