"""How hard the property tests look, one profile per way the suite is run.

- ``quick`` (a developer's plain ``pytest``): each property draws a tenth of its examples, so
  ``pytest tests/engine`` runs in seconds; new random examples every run, and Hypothesis replays
  any failure it found before (from ``.hypothesis/``) first.
- ``thorough`` (``make test``): every example each test asks for, new random ones each run.
- ``ci`` (``.ci/run``): every example, the same fixed ones on every run, so a landing never
  depends on luck.

A test states its thorough count with ``@settings(max_examples=examples(300))``; tests without
a count draw Hypothesis's usual 100 (10 when quick)."""

import os

from hypothesis import settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or "quick"
QUICK_SHARE = 10

settings.register_profile("quick", max_examples=100 // QUICK_SHARE)
settings.register_profile("thorough", max_examples=100)
settings.register_profile("ci", max_examples=100, derandomize=True, print_blob=True)
settings.load_profile(PROFILE)


def examples(thorough: int) -> int:
    """The examples a property draws: all of them, or a tenth (at least 10) when quick."""
    if PROFILE == "quick":
        return max(10, thorough // QUICK_SHARE)
    return thorough
