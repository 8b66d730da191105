"""Which of the supported languages a teacher's text is written in: French, English, or neither.

The extraction pipelines exist for French and English only (see `nlp.py`), so a German,
Italian or Spanish text, or a text too short to judge, gets None and the teacher is asked which
language it is rather than being shown facts read with the wrong rules.

Library: py3langid 0.4.0 (a maintained fork of langid.py, a naive Bayes classifier over byte
n-grams, 139 languages, BSD). Chosen by measuring three candidates on the same history sentences
in French, English, German, Italian and Spanish (10 each), cut to 4 or 6 words, whole (~12
words) and as paragraphs (5 sentences), "neither" expected for the last three languages:

- py3langid 0.4.0: 6 words 50/50, sentences 50/50, paragraphs 20/20; deterministic; 4.5 MB
  model; ~2 ms per 20 000 characters; labels keyboard mash "zxx" (no language).
- langdetect 1.0.9: 6 words 49/50, sentences 49/50, paragraphs 20/20; random unless seeded
  (a global seed shared by every caller), unmaintained since 2021, slower.
- lingua-language-detector 2.1.1 (2.2.0 has no wheel here): 6 words 47/50, sentences 49/50,
  paragraphs 20/20; a 96 MB wheel.

All three fail on 4 words ("Charles de Gaulle made" reads as French), hence the floor below:
fewer than MIN_WORDS words or MIN_LETTERS letters gives None instead of a guess.
"""

from __future__ import annotations

import functools
import re

SUPPORTED = ("fr", "en")

# Below 6 words the measured classifiers mistake English or Italian sentences that start with a
# French name ("Charles de Gaulle made his") for French; from 6 words on they were all right.
MIN_WORDS = 6
MIN_LETTERS = 20

_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _identifier():
    # Our own instance rather than the package's module-level one, which any other caller of
    # py3langid.set_languages() could narrow to a subset of languages.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def has_enough_words(text: str) -> bool:
    """Whether the text holds enough words and letters for its language to be judged."""
    words = _WORD.findall(text)
    return len(words) >= MIN_WORDS and sum(map(len, words)) >= MIN_LETTERS


def detect_language(text: str) -> str | None:
    """ "fr" or "en", or None when the text is in another language, is junk, or is too short."""
    if not has_enough_words(text):
        return None
    language, _score = _identifier().classify(text)
    return language if language in SUPPORTED else None
