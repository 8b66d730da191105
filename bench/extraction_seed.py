"""How many of the seed fixture's dated events the extractor proposes with the right range.

    .venv/bin/python bench/extraction_seed.py

The seed fixture (fixtures/italie_1943_1945.json) holds one source (its "text") and hand-written
facts. Each fact of kind "event" is a dated event. It is *reproduced* when some event candidate
of `extract(text, "fr")`
  - points at it: the candidate's quote overlaps the fact's quote span
    [quote_start, quote_start + len(quote)), or contains the fact's date_label
    (case-insensitively), and
  - gives its range: date_start and date_end equal the fact's.
One candidate may reproduce several facts (the fixture has three facts quoting the same
« Le 10 juillet 1943 » sentence); `one_to_one` is the figure when each candidate counts once.

A fact that is not reproduced gets a reason:
  - "hand-written label not in the text": its date_label is the author's wording, absent from
    the text, so no extractor can quote it;
  - "wrong range": a candidate with the same date label points at it, with another range;
  - "no candidate": no candidate reads this date (the candidates that overlap its quote, if
    any, are for other dates and are listed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "italie_1943_1945.json"

NO_CANDIDATE = "no candidate"
WRONG_RANGE = "wrong range"
NOT_IN_TEXT = "hand-written label not in the text"


def seed() -> tuple[str, list[dict]]:
    """The seed source's text and its event facts (fixture fields, in fixture order)."""
    records = json.loads(SEED.read_text(encoding="utf-8"))
    text = next(r["fields"]["text"] for r in records if r["model"] == "quizzes.source")
    events = [
        r["fields"]
        for r in records
        if r["model"] == "quizzes.fact" and r["fields"].get("kind") == "event"
    ]
    return text, events


def _points_at(fact: dict, candidate: dict) -> bool:
    start, end = fact["quote_start"], fact["quote_start"] + len(fact["quote"])
    c_start = candidate["quote_start"]
    c_end = c_start + len(candidate["quote"])
    label = (fact.get("date_label") or "").casefold()
    return (c_start < end and start < c_end) or bool(
        label and label in candidate["quote"].casefold()
    )


def _same_range(fact: dict, candidate: dict) -> bool:
    return (candidate["date_start"], candidate["date_end"]) == (
        fact["date_start"],
        fact["date_end"],
    )


def _same_label(fact: dict, candidate: dict) -> bool:
    wanted = (fact.get("date_label") or "").casefold()
    given = (candidate.get("date_label") or "").casefold()
    return bool(wanted and given) and (wanted in given or given in wanted)


def reproduce(text: str, facts: list[dict], candidates: list[dict]) -> dict:
    """Which facts `candidates` (JSON shape of extract_facts) reproduce, and why not the others."""
    from quizzes.extraction.evaluation import max_matching

    events = [c for c in candidates if c.get("kind") == "event"]
    edges, unmatched = {}, []
    for index, fact in enumerate(facts):
        pointing = [c for c in events if _points_at(fact, c)]
        edges[index] = [events.index(c) for c in pointing if _same_range(fact, c)]
        if edges[index]:
            continue
        if fact.get("date_label") and fact["date_label"].casefold() not in text.casefold():
            reason = NOT_IN_TEXT
        elif any(_same_label(fact, c) for c in pointing):
            reason = WRONG_RANGE
        else:
            reason = NO_CANDIDATE
        unmatched.append(
            {
                "date_label": fact.get("date_label"),
                "date_start": fact["date_start"],
                "date_end": fact["date_end"],
                "text": fact.get("text"),
                "reason": reason,
                "nearby": [(c.get("date_label"), c["date_start"], c["date_end"]) for c in pointing],
            }
        )
    return {
        "facts": len(facts),
        "reproduced": sum(1 for targets in edges.values() if targets),
        "one_to_one": len(max_matching(edges)),
        "event_candidates": len(events),
        "unmatched": unmatched,
    }


def measure() -> dict:
    from quizzes.extraction.pipeline import extract

    text, facts = seed()
    return reproduce(text, facts, [c.as_json() for c in extract(text, "fr")])


def render(result: dict) -> str:
    lines = [
        f"seed fixture events reproduced with the right range: "
        f"{result['reproduced']}/{result['facts']}"
        f" (one candidate per fact: {result['one_to_one']}/{result['facts']};"
        f" {result['event_candidates']} event candidates)",
        "not reproduced:",
    ]
    for miss in result["unmatched"]:
        nearby = "; ".join(f"{label!r} {start}..{end}" for label, start, end in miss["nearby"])
        lines.append(
            f"  - {miss['date_label']!r} {miss['date_start']}..{miss['date_end']}"
            f" ({miss['text']}): {miss['reason']}"
            + (f" [overlapping candidates: {nearby}]" if nearby else "")
        )
    return "\n".join(lines)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    print(render(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
