"""Dated-event candidates: one per date mention that dates something happening.

Each candidate quotes the clause that carries its date, verbatim (a sentence with two dates,
« En avril 1945, une offensive est lancée, et le 28 avril, Mussolini est capturé », gives two
clauses), and states the event without its date phrase, so that a chronology question can
show it without giving the answer away. Backdrops (« depuis 1860 », "born in 1917") are not
events and give no candidate.
"""

from __future__ import annotations

import re
from itertools import pairwise

from quizzes.extraction.candidates import EVENT, Candidate, quote_of
from quizzes.extraction.dates import DateMention, find_dates
from quizzes.extraction.nlp import pipeline

# Where a sentence holding two dates splits into two clauses, best first: a comma or semicolon
# followed by a conjunction, a semicolon, a bare conjunction, a comma.
_CONJUNCTION = (
    r"(?:et|mais|puis|tandis\s+que|alors\s+que|avant\s+que|and|but|then|while|whereas|before)"
)
_SPLITS = (
    re.compile(rf"[,;:]\s+(?={_CONJUNCTION}\b)", re.IGNORECASE),
    re.compile(r";\s*"),
    re.compile(rf"\s(?={_CONJUNCTION}\b)", re.IGNORECASE),
    re.compile(r",\s*"),
)
_LEADING_CONJUNCTION = re.compile(
    r"^[\s,;:]*(?:(?:et|mais|puis|and|but|then)\b[\s,]*)?", re.IGNORECASE
)
_TRAILING_PUNCTUATION = re.compile(r"[\s,;:.!?–—-]+$")
# Prepositions left dangling once the date is taken out (« n'est faite avant le 8 septembre »,
# "continued until the end of September 1949", « au cours de » before a label that starts at
# « l'été »).
_DANGLING = re.compile(
    r"(?:\b(?:avant|après|jusqu['’]au|jusqu['’]à|jusqu['’]en|à\s+partir\s+du|"
    r"au\s+cours\s+d[eu]|lors\s+d[eu]|à\s+la\s+fin\s+d[eu]|au\s+début\s+d[eu]|"
    r"before|after|until|till|from|by)(?:\s+the)?\s*)$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"\w")
# A heading line that ends on the period it covers, « La Commune de Paris (1871) », "The
# Berlin Wall (1961)": the period of the text, not an event of it.
_HEADING_PERIOD = re.compile(r"\([^()\n]*\)\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;»\")]$")


def _sentences(text: str, language: str) -> list[tuple[int, int]]:
    """spaCy's sentences, cut again at line breaks: a paragraph never runs into the next."""
    spans = []
    for sent in pipeline(language)(text).sents:
        start = sent.start_char
        for line in re.finditer(r"\n", text[sent.start_char : sent.end_char]):
            end = sent.start_char + line.start()
            if text[start:end].strip():
                spans.append((start, end))
            start = end + 1
        if text[start : sent.end_char].strip():
            spans.append((start, sent.end_char))
    return _joined_fragments(text, spans)


def _joined_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser sometimes cuts a sentence after its opening phrase (« Le soir même | ,
    Robert Kennedy rencontre… »): a piece that does not end a sentence joins the next one on
    the same line."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            previous = text[joined[-1][0] : joined[-1][1]].rstrip()
            between = text[joined[-1][1] : start]
            if not _SENTENCE_END.search(previous) and "\n" not in between:
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def _split_point(text: str, earlier: DateMention, later: DateMention, clause_start: int) -> int:
    """Where the clause of `earlier` ends and the clause of `later` begins.

    When `earlier` opens its clause (« En avril 1945, une offensive est lancée, et le 28
    avril… »), the split comes after some words of that clause, not right after the date."""
    opens_clause = not _LETTER.search(
        _LEADING_CONJUNCTION.sub("", text[clause_start : earlier.start])
    )
    region = text[earlier.end : later.start]
    for pattern in _SPLITS:
        points = [
            match.start()
            for match in pattern.finditer(region)
            if not opens_clause or _LETTER.search(region[: match.start()])
        ]
        if points:
            return earlier.end + points[-1]
    return later.start


def _clauses(
    text: str, sentence: tuple[int, int], mentions: list[DateMention]
) -> list[tuple[int, int]]:
    """The (start, end) of the clause of each mention of one sentence, in order."""
    bounds = [sentence[0]]
    for earlier, later in pairwise(mentions):
        bounds.append(_split_point(text, earlier, later, bounds[-1]))
    bounds.append(sentence[1])
    return list(pairwise(bounds))


def _trimmed_quote(text: str, start: int, end: int, mention: DateMention) -> tuple[str, int]:
    """The clause without its leading conjunction and closing punctuation, never cutting into
    the date label."""
    quote, quote_start = quote_of(text, start, end)
    if (leading := _LEADING_CONJUNCTION.match(quote)) and leading.end():
        cut = min(leading.end(), mention.start - quote_start)
        quote, quote_start = quote_of(text, quote_start + max(cut, 0), quote_start + len(quote))
    if trailing := _TRAILING_PUNCTUATION.search(quote):
        keep = max(trailing.start(), mention.end - quote_start)
        quote, quote_start = quote_of(text, quote_start, quote_start + keep)
    return quote, quote_start


def _statement(quote: str, quote_start: int, mention: DateMention) -> str:
    """The clause told without its date: « Les Alliés commencent leur invasion… »."""
    before = quote[: mention.start - quote_start]
    after = quote[mention.end - quote_start :]
    before = _DANGLING.sub("", before.rstrip(" ,;:\u00a0")).rstrip(" ,;:\u00a0")
    after = after.lstrip(" ,;:\u00a0")
    statement = f"{before} {after}" if before and after else before or after
    statement = re.sub(r"[(\[]\s*[)\]]", "", statement)  # « Verdun (21 février – …) »
    statement = re.sub(r"\s+", " ", statement)
    statement = re.sub(r"\s+([,.;:])", r"\1", statement)
    statement = _TRAILING_PUNCTUATION.sub("", statement).strip(" ,")
    return statement[:1].upper() + statement[1:]


def _is_heading_period(text: str, mention: DateMention) -> bool:
    """The date closes, in brackets, a line that stands alone as a paragraph with no sentence
    punctuation: a title."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if not _HEADING_PERIOD.search(line) or re.search(r"[.!?;:]", line):
        return False
    if mention.end < line_start + _HEADING_PERIOD.search(line).start():
        return False
    before = text[:line_start].rstrip(" \t")
    after = text[line_end:].lstrip(" \t")
    return (not before.strip() or before.endswith("\n\n")) and (
        not after.strip() or after.startswith("\n\n")
    )


def event_candidates(
    text: str, language: str, mentions: list[DateMention] | None = None
) -> list[Candidate]:
    """One event candidate per date mention that dates an event, in text order."""
    sentences = _sentences(text, language)
    if mentions is None:
        mentions = find_dates(text, language, sentences)
    dated = [
        mention
        for mention in mentions
        if not mention.background and not _is_heading_period(text, mention)
    ]
    candidates = []
    for sentence in sentences:
        # A mention belongs to the sentence it starts in; its clause reaches its end.
        inside = [m for m in dated if sentence[0] <= m.start < sentence[1]]
        if not inside:
            continue
        sentence = (sentence[0], max(sentence[1], inside[-1].end))
        for mention, (start, end) in zip(inside, _clauses(text, sentence, inside), strict=True):
            quote, quote_start = _trimmed_quote(text, start, end, mention)
            statement = _statement(quote, quote_start, mention)
            if not _LETTER.search(statement):
                continue  # a date standing alone (a heading): nothing happens in it
            candidates.append(
                Candidate(
                    kind=EVENT,
                    text=statement,
                    quote=quote,
                    quote_start=quote_start,
                    date_label=mention.label,
                    date_start=mention.date_start,
                    date_end=mention.date_end,
                    date_precision=mention.precision,
                )
            )
    return candidates
