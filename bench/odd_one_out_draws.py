"""How many distinct « l’intrus » questions one attempt draws from the shipped facts before it
runs out, with and without the oppositions the source states (Alliés ↔ Axe), and how many of
them are by side.

    .venv/bin/python bench/odd_one_out_draws.py               # 200 attempts
    .venv/bin/python bench/odd_one_out_draws.py --attempts 50
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quizsite.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()  # NotEnoughFacts' kind names are translated strings; no database is opened

from quizzes.engine.odd_one_out import BY_SIDE, ODD_ONE_OUT, OddOneOutBank  # noqa: E402
from quizzes.engine.questions import NotEnoughFacts  # noqa: E402
from quizzes.engine.quiz import QuizDraw  # noqa: E402
from quizzes.fixture_facts import shipped_acts_for, shipped_facts, shipped_opposed  # noqa: E402


def one_attempt(bank: OddOneOutBank, attempt: int) -> list[dict]:
    """Every question one attempt draws, each unlike the others, until none is left."""
    quiz = QuizDraw()

    def make(seed: str) -> dict:
        return bank.question(seed).to_dict()

    try:
        for index in range(1_000):
            quiz.add([(ODD_ONE_OUT, make)], f"eleve-{attempt}:o{index}", index + 1)
    except NotEnoughFacts:
        pass
    return quiz.questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=200)
    attempts = parser.parse_args().attempts
    events, relations = shipped_facts()
    print("| oppositions | questions par tentative (min / médiane / max) | dont par camp |")
    print("|---|---|---|")
    for label, opposed in (("aucune", []), ("Alliés ↔ Axe", shipped_opposed())):
        bank = OddOneOutBank(events, relations, shipped_acts_for(), opposed)
        sizes, by_side = [], Counter()
        for attempt in range(attempts):
            questions = one_attempt(bank, attempt)
            sizes.append(len(questions))
            by_side[sum(q["criterion"] == BY_SIDE for q in questions)] += 1
        spread = f"{min(sizes)} / {statistics.median(sizes):g} / {max(sizes)}"
        sides = ", ".join(f"{n} : {count} tentatives" for n, count in sorted(by_side.items()))
        print(f"| {label} | {spread} | {sides} |")


if __name__ == "__main__":
    main()
