"""No template carries code or styles the Content-Security-Policy would block (checked on the
template sources, without a browser)."""

import json
import re
from pathlib import Path

import pytest

from tests.production.conftest import ROOT
from tests.production.csp import inline_code

TEMPLATES = sorted(
    path
    for path in ROOT.glob("**/templates/**/*.html")
    if ".venv" not in path.parts and "node_modules" not in path.parts
)


def test_templates_are_found():
    assert any(path.name == "base.html" for path in TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_template_has_no_inline_script_style_or_handler(template: Path):
    assert inline_code(template.read_text(encoding="utf-8")) == []


def test_the_checker_catches_what_the_policy_blocks():
    page = """<p style="color: red" onclick="go()">x</p><style>p{}</style>
    <script>alert(1)</script><button hx-on:click="x()"></button><a href="javascript:go()">y</a>
    <script src="/static/ok.js"></script><script type="application/json">{}</script>"""
    assert len(inline_code(page)) == 6


def test_htmx_is_told_not_to_inject_its_indicator_styles():
    """htmx 2 adds a <style> element for its indicators unless configured not to."""
    base = (ROOT / "templates" / "base.html").read_text(encoding="utf-8")
    meta = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", base)
    assert meta, "base.html configures htmx with a meta tag"
    assert json.loads(meta.group(1))["includeIndicatorStyles"] is False
