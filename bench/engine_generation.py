"""Benchmark: how long the engine takes to build a 20-question quiz from banks of 100 to
100,000 events (no Django, no database: the engine's plain records only).

    .venv/bin/python bench/engine_generation.py            # full run, Markdown tables
    .venv/bin/python bench/engine_generation.py --quick    # CI smoke: fewer repeats, ≤ 10,000
    .venv/bin/python bench/engine_generation.py --profile 10000   # cProfile of one quiz

A quiz is built per attempt, so its time INCLUDES building the banks (ChronologyBank,
DateBank, one RelationBank per relation asked): 14 chronology questions of 5 events and
6 matching questions of 4 pairs (date, role, happened_at in turn), each turned into the dict
the site stores. The second table gives the cost of one question drawn from a prepared bank.
"""

from __future__ import annotations

import argparse
import cProfile
import platform
import pstats
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizzes.engine.chronology import ChronologyBank
from quizzes.engine.facts import EventFact, RelationFact
from quizzes.engine.matching import DateBank, RelationBank
from quizzes.factcheck import SEASON_FIRST_DAYS, season_range

SIZES = (100, 1_000, 10_000, 100_000)
QUICK_MAX_SIZE = 10_000
CHRONOLOGY_QUESTIONS, CHRONOLOGY_ITEMS = 14, 5
MATCHING_QUESTIONS, MATCHING_PAIRS = 6, 4
MATCHING_ROTATION = ("date", "role", "happened_at")
RELATIONS = ("role", "commands", "happened_at", "landed_at", "figure")
TARGET_MS = 50.0

DAY0 = date(1800, 1, 1)
SPAN_DAYS = 73_000  # two centuries: a whole history curriculum
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def _event(rng: random.Random, index: int) -> EventFact:
    """One event; precisions mixed like a real source: mostly days, then months, seasons,
    years, relative ranges, and a few months written without their year ("en octobre")."""
    day = DAY0 + timedelta(days=rng.randrange(SPAN_DAYS))
    kind = rng.random()
    relative = False
    if kind < 0.55:
        start = end = day
        label = f"le {day.day} {MONTHS[day.month - 1]} {day.year}"
    elif kind < 0.75:
        start = day.replace(day=1)
        end = (start + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        year = f" {day.year}" if kind < 0.70 else ""
        label = f"en {MONTHS[day.month - 1]}{year}"
    elif kind < 0.85:
        name = rng.choice(list(SEASON_FIRST_DAYS))
        start, end = season_range(name, day.year, day)
        label = f"{'au' if name == 'printemps' else 'en'} {name} {day.year}"
    elif kind < 0.90:
        start, end = date(day.year, 1, 1), date(day.year, 12, 31)
        label = f"en {day.year}"
    else:
        start, end = day, day + timedelta(days=rng.randint(1, 40))
        label, relative = "plus tard dans le mois", True
    return EventFact(
        id=str(index),
        text=f"Événement synthétique n° {index}",
        date_label=label,
        start=start,
        end=end,
        quote=f"« citation de l’événement {index} »",
        label_is_relative=relative,
    )


def synthetic_events(size: int, seed: int = 1943) -> list[EventFact]:
    rng = random.Random(seed)
    return [_event(rng, index) for index in range(1, size + 1)]


def synthetic_relations(size: int, seed: int = 1945) -> list[RelationFact]:
    """`size` relation facts: subjects with several facts, some objects shared by subjects."""
    rng = random.Random(seed)
    subjects = max(4, size // 3)
    shared = ["général", "chef militaire", "débarquement", "capitulation", "offensive"]
    facts = []
    for index in range(1, size + 1):
        subject = f"Sujet {rng.randrange(subjects)}"
        relation = RELATIONS[index % len(RELATIONS)]
        obj = rng.choice(shared) if rng.random() < 0.1 else f"objet {index}"
        facts.append(
            RelationFact(
                id=f"r{index}",
                relation=relation,
                subject=subject,
                object=obj,
                quote=f"« {subject} : {obj} »",
            )
        )
    return facts


def build_quiz(events: list[EventFact], relations: list[RelationFact], seed: str) -> list[dict]:
    """What an attempt costs: prepare the banks, draw 20 questions, store them as dicts."""
    chronology = ChronologyBank(events)
    banks = {
        name: DateBank(events) if name == "date" else RelationBank(relations, name)
        for name in MATCHING_ROTATION
    }
    questions = [
        chronology.question(CHRONOLOGY_ITEMS, f"{seed}:c{index}")
        for index in range(CHRONOLOGY_QUESTIONS)
    ]
    questions += [
        banks[MATCHING_ROTATION[index % len(MATCHING_ROTATION)]].question(
            MATCHING_PAIRS, f"{seed}:m{index}"
        )
        for index in range(MATCHING_QUESTIONS)
    ]
    return [question.to_dict() for question in questions]


def timings(function, repeats: int, budget_s: float) -> list[float]:
    """Seconds per call: `repeats` calls, fewer (at least one) once `budget_s` is spent."""
    results = []
    spent = 0.0
    for run in range(repeats):
        start = time.perf_counter()
        function(run)
        elapsed = time.perf_counter() - start
        results.append(elapsed)
        spent += elapsed
        if spent > budget_s:
            break
    return results


def per_call(function, calls: int, repeats: int) -> float:
    """Best of `repeats` batches of `calls` calls, in seconds per call."""
    best = float("inf")
    for run in range(repeats):
        start = time.perf_counter()
        for call in range(calls):
            function(f"{run}:{call}")
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def measure(size: int, repeats: int, budget_s: float) -> dict:
    events = synthetic_events(size)
    relations = synthetic_relations(size)
    build_quiz(events, relations, "warm-up")
    quiz = timings(lambda run: build_quiz(events, relations, f"quiz{run}"), repeats, budget_s)

    def bank_time(make) -> float:
        return min(timings(lambda _run: make(), max(1, repeats // 2), budget_s / 4))

    chronology = ChronologyBank(events)
    date_bank = DateBank(events)
    role_bank = RelationBank(relations, "role")
    calls = 50
    batches = max(2, repeats // 2)
    return {
        "size": size,
        "runs": len(quiz),
        "best": min(quiz),
        "median": statistics.median(quiz),
        "max_items": chronology.max_items,
        "chronology_bank": bank_time(lambda: ChronologyBank(events)),
        "date_bank": bank_time(lambda: DateBank(events)),
        "relation_bank": bank_time(lambda: RelationBank(relations, "role")),
        "chronology_q": per_call(
            lambda s: chronology.question(CHRONOLOGY_ITEMS, s), calls, batches
        ),
        "date_q": per_call(lambda s: date_bank.question(MATCHING_PAIRS, s), calls, batches),
        "relation_q": per_call(lambda s: role_bank.question(MATCHING_PAIRS, s), calls, batches),
    }


def print_tables(rows: list[dict]) -> None:
    base = rows[0]
    print(
        f"\n20-question quiz ({CHRONOLOGY_QUESTIONS} chronology × {CHRONOLOGY_ITEMS} events + "
        f"{MATCHING_QUESTIONS} matching × {MATCHING_PAIRS} pairs), bank construction included:\n"
    )
    print(
        "| events | runs | best ms / quiz | median ms / quiz | ratio to "
        f"{base['size']:,} | ratio per event | < {TARGET_MS:.0f} ms |"
    )
    print("|---:|---:|---:|---:|---:|---:|:---:|")
    for row in rows:
        ratio = row["median"] / base["median"]
        growth = ratio / (row["size"] / base["size"])
        ok = "oui" if row["median"] * 1000 < TARGET_MS else "**non**"
        print(
            f"| {row['size']:,} | {row['runs']} | {row['best'] * 1000:,.1f} | "
            f"{row['median'] * 1000:,.1f} | {ratio:,.1f} | {growth:.2f} | {ok} |"
        )
    print("\nPrepared banks: construction (best, ms) and one question (best, µs):\n")
    print(
        "| events | max orderable | ChronologyBank ms | DateBank ms | RelationBank ms | "
        "chronology µs / q | date µs / q | relation µs / q |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['size']:,} | {row['max_items']:,} | {row['chronology_bank'] * 1000:,.1f} | "
            f"{row['date_bank'] * 1000:,.1f} | {row['relation_bank'] * 1000:,.1f} | "
            f"{row['chronology_q'] * 1e6:,.0f} | {row['date_q'] * 1e6:,.0f} | "
            f"{row['relation_q'] * 1e6:,.0f} |"
        )


def profile(size: int, top: int) -> None:
    events, relations = synthetic_events(size), synthetic_relations(size)
    profiler = cProfile.Profile()
    profiler.enable()
    build_quiz(events, relations, "profile")
    profiler.disable()
    print(f"cProfile of one 20-question quiz, {size:,} events (sorted by own time):\n")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="CI smoke: 3 repeats, sizes up to 10,000"
    )
    parser.add_argument("--repeats", type=int, default=None, help="quiz runs per size (7)")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="bank sizes")
    parser.add_argument(
        "--budget", type=float, default=None, help="seconds per size before repeats stop (20)"
    )
    parser.add_argument("--profile", type=int, metavar="SIZE", help="cProfile one quiz")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile, 15)
        return
    repeats = args.repeats or (3 if args.quick else 7)
    budget = args.budget or (2.0 if args.quick else 20.0)
    sizes = args.sizes or [s for s in SIZES if not args.quick or s <= QUICK_MAX_SIZE]
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.machine()}, {platform.system()}; repeats {repeats}, budget {budget:.0f} s"
    )
    rows = []
    for size in sizes:
        rows.append(measure(size, repeats, budget))
        print(f"  measured {size:,} events", file=sys.stderr, flush=True)
    print_tables(rows)


if __name__ == "__main__":
    main()
