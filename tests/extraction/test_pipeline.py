"""The whole reading: candidates of every kind, verbatim, near-duplicates merged, progress told."""

from datetime import date

from quizzes.extraction.candidates import Candidate
from quizzes.extraction.pipeline import extract, fit, is_sound, merge_near_duplicates

BERLIN = (
    "On 24 June 1948, the Soviet Union blocked all road and rail access to West Berlin. "
    "General Lucius D. Clay, the American military governor, proposed an armed convoy. "
    "Two days later, the first American planes landed at Tempelhof. That summer, 2,300 tons "
    "of supplies reached the city every day. General Clay, the American military governor, "
    "stayed in Berlin."
)


def role(subject: str, obj: str, start: int, text="x") -> Candidate:
    return Candidate(
        kind="role",
        text=text,
        quote=BERLIN[start : start + 10],
        quote_start=start,
        subject=subject,
        relation="role",
        object=obj,
    )


def test_an_english_text_gives_events_people_and_figures_with_verbatim_quotes():
    steps = []
    found = extract(BERLIN, "en", progress=lambda percent, step: steps.append(percent))
    assert steps == sorted(steps) and steps[0] < 50 < steps[-1]
    for candidate in found:
        assert BERLIN[candidate.quote_start : candidate.quote_end] == candidate.quote
    events = {c.date_label: (c.date_start, c.date_end) for c in found if c.kind == "event"}
    assert events["On 24 June 1948"] == (date(1948, 6, 24), date(1948, 6, 24))
    assert events["Two days later"] == (date(1948, 6, 26), date(1948, 6, 26))
    roles = [(c.subject, c.object) for c in found if c.relation == "role"]
    assert any("Clay" in s and "governor" in o for s, o in roles)
    assert [c.quote_start for c in found] == sorted(c.quote_start for c in found)


def test_the_same_person_with_the_same_role_is_proposed_once():
    merged = merge_near_duplicates(
        [
            role("Lucius D. Clay", "American military governor", 90, "a"),
            role("Lucius D.  Clay", "american military governor", 300, "b"),
            role("Lucius D. Clay", "General", 90, "c"),
        ]
    )
    assert [c.text for c in merged] == ["a", "c"]


def test_a_candidate_whose_quote_is_not_verbatim_is_never_shown():
    good = role("Clay", "governor", 5)
    assert is_sound(BERLIN, good)
    shifted = Candidate(**{**good.__dict__, "quote_start": 6})
    assert not is_sound(BERLIN, shifted)


def test_long_statements_are_shortened_to_fit_a_fact_but_quotes_never_are():
    long = Candidate(kind="event", text="mot " * 200, quote=BERLIN, quote_start=0)
    shortened = fit(long)
    assert len(shortened.text) <= 400 and shortened.text.endswith("…")
    assert shortened.quote == BERLIN


def test_a_long_text_is_read_in_chunks_of_whole_paragraphs_with_anchors_across_them(
    monkeypatch,
):
    from quizzes.extraction import pipeline

    paragraphs = [
        "Le 14 octobre 1962, un avion américain photographie des rampes de missiles à Cuba.",
        "Deux jours plus tard, le président John F. Kennedy réunit ses conseillers.",
        "Le 22 octobre, il annonce un blocus naval de l’île.",
    ]
    text = "\n".join(paragraphs) + "\n"
    spans = pipeline.chunks(text, size=90)
    assert len(spans) == 3 and all(text[end - 1] == "\n" for _start, end in spans)
    whole = extract(text, "fr")
    parsed = []
    real_pipeline = pipeline.pipeline
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 90)
    monkeypatch.setattr(
        pipeline,
        "pipeline",
        lambda language: lambda piece: parsed.append(piece) or real_pipeline(language)(piece),
    )
    chunked = extract(text, "fr")
    assert parsed == [paragraph + "\n" for paragraph in paragraphs]  # one parse per chunk
    assert chunked == whole
    events = {c.date_label: c.date_start for c in chunked if c.kind == "event"}
    assert events["Deux jours plus tard"] == date(1962, 10, 16)
    assert events["Le 22 octobre"] == date(1962, 10, 22)
