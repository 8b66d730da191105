"""The source text cut into segments, with the passages quoted by proposals and facts marked,
for the review page (server-drawn, no JavaScript needed)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    anchor: str = ""  # the id of the first proposal or fact quoting this passage
    kind: str = ""  # "pending" or "fact"

    @property
    def marked(self) -> bool:
        return bool(self.anchor)


def highlighted(text: str, pending, facts) -> list[Segment]:
    """Segments of `text` in order; overlapping quotes merge into one marked passage pointing
    at the first of them."""
    spans = []
    for candidate in pending:
        spans.append(
            (candidate.quote_start, candidate.quote_end, f"proposition-{candidate.pk}", "pending")
        )
    for fact in facts:
        if fact.quote_start is not None:
            spans.append(
                (fact.quote_start, fact.quote_start + len(fact.quote), f"fait-{fact.pk}", "fact")
            )
    spans.sort()
    segments: list[Segment] = []
    position = 0
    for start, end, anchor, kind in spans:
        start = max(start, position)
        if end <= start:
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], anchor, kind))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments
