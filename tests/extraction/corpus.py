"""What the extraction tests read: the seed source's text, the annotated texts, and the one
check every candidate list must pass (quotes verbatim at their offsets)."""

from pathlib import Path

from quizzes.fixture_facts import shipped_source_text

HERE = Path(__file__).resolve().parent
DEV_TEXTS = sorted((HERE / "texts").glob("*.txt"))


def seed_text() -> str:
    return shipped_source_text()


def assert_verbatim(text: str, candidates) -> None:
    for candidate in candidates:
        assert text[candidate.quote_start : candidate.quote_end] == candidate.quote
