"""Hypothesis strategies for hostile form posts: random keys and values, markup, SQL, control
characters, NUL bytes, odd numbers, huge strings, repeated keys and too many fields."""

from __future__ import annotations

from django.conf import settings
from hypothesis import strategies as st

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

HOSTILE_STRINGS = [
    "",
    " ",
    SCRIPT,
    IMG,
    "javascript:alert(1)",
    "' OR '1'='1",
    "'; DROP TABLE quizzes_attempt; --",
    "1 UNION SELECT password FROM auth_user",
    "\x00",
    "a\x00b",
    "\x1b[31m\x07\x08\x7f",
    "\u202eevil",
    "\ufeff",
    "\u200b\u200d",
    "\r\n\r\n",
    "%00",
    "../../../etc/passwd",
    "{{ 7|add:7 }}",
    "{% debug %}",
    '=HYPERLINK("http://x")',
    "@SUM(1+1)",
    "-1",
    "0",
    "1",
    "2",
    "3",
    "-0",
    "+1",
    " 1 ",
    "-2147483649",
    "32768",
    "65536",
    "9223372036854775808",
    "-9223372036854775809",
    "1" * 40,
    "9" * 5000,
    "1e308",
    "-1e308",
    "1e-320",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "0.5",
    "1,5",
    "0x1F",
    "１",
    "٣",
    "²",
    "True",
    "False",
    "None",
    "null",
    "[]",
    "{}",
    '{"a": 1}',
    "all",
    "picked",
    "draft",
    "published",
    "chronology",
    "matching",
    "2026-13-45T25:61",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "1943-07-10",
    "-001943-07-10",
]

# No lone surrogates: the test client itself could not encode them.
CHARACTERS = st.characters(exclude_categories=["Cs"])
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F)

numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-3, max_value=40).map(str),
)

huge = st.builds(lambda char, size: char * size, CHARACTERS, st.sampled_from([10_000, 100_000]))

values = st.one_of(
    st.sampled_from(HOSTILE_STRINGS),
    st.text(CHARACTERS, max_size=40),
    st.text(CONTROL, min_size=1, max_size=5),
    numbers,
    huge,
)


def keys(field_names):
    """Mostly the endpoint's own field names (to get past the parser into the form), else
    anything."""
    named = st.sampled_from(sorted(field_names)) if field_names else st.nothing()
    return st.one_of(
        named, named, st.text(CHARACTERS, max_size=20), st.sampled_from(HOSTILE_STRINGS[:12])
    )


def too_many_fields():
    return {f"f{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 5)}


@st.composite
def payloads(draw, field_names=(), base=None):
    """A dict of key → list of values (repeated keys, as a QueryDict holds them): a valid
    base post with some fields replaced, or random fields, or an empty post, or too many
    fields, or one oversized value."""
    shape = draw(st.sampled_from(["mutated", "mutated", "random", "empty", "many", "oversized"]))
    if shape == "empty":
        return {}
    if shape == "many":
        return too_many_fields()
    if shape == "oversized":
        return {draw(keys(field_names)): ["x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)]}
    data: dict[str, list[str]] = {}
    if shape == "mutated" and base:
        data = {
            key: [str(v) for v in (value if isinstance(value, list) else [value])]
            for key, value in base.items()
        }
        for key in draw(st.lists(st.sampled_from(sorted(data)), max_size=3, unique=True)):
            if draw(st.booleans()):
                del data[key]
    extra = draw(
        st.dictionaries(keys(field_names), st.lists(values, min_size=1, max_size=3), max_size=6)
    )
    data.update(extra)
    return data


# What a tampered id field can hold: other people's ids are added by the tests.
id_values = st.one_of(
    st.sampled_from(["", "0", "-1", "1.0", "²", "٣", "１", str(2**63), "1" * 40, "9" * 5000, "x"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
