"""Every audited page, as the server sends it, passes the Nu HTML Checker with no error.

The checker (tests/audit/vendor/vnu.jar, fetched by `make audit-deps`) runs once on all pages,
with Debian's Java. htmx's `hx-*` attributes are not in the HTML standard, so the checker reports
each as "Attribute “hx-…” not allowed on element …": those messages, and only those, are ignored
(`HTMX_ATTRIBUTE`). Any other error fails the test with the page, the line and the message.
"""

import json
import re
import shutil
import subprocess

from tests.audit import conftest as audit
from tests.audit.conftest import AUDIT_PAGES, VNU_JAR, fetch

HTMX_ATTRIBUTE = re.compile(
    r"^Attribute “hx-[a-z-]+” not allowed on element “[a-z0-9-]+” at this point\.$"
)


def rendered_pages(client, scenario, directory) -> dict[str, str]:
    """Each page's HTML as the server sent it, saved to `directory`; file URL → page name."""
    names = {}
    for audit_page in AUDIT_PAGES:
        response = fetch(client, audit_page, scenario)
        assert response["Content-Type"].startswith("text/html"), audit_page.name
        path = directory / f"{audit_page.name}.html"
        path.write_bytes(response.content)
        names[path.as_uri()] = audit_page.name
    return names


def nu_checker_errors(paths) -> list[dict]:
    java = shutil.which("java")
    assert java and VNU_JAR.exists(), "the Nu HTML Checker needs Java and vnu.jar: make audit-deps"
    completed = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # The checker writes its JSON report to stderr and exits 1 when it found errors.
    return [m for m in json.loads(completed.stderr)["messages"] if m["type"] == "error"]


def test_every_audited_page_is_valid_html(client, client_scenario, tmp_path):
    names = rendered_pages(client, client_scenario, tmp_path)
    errors = [
        m
        for m in nu_checker_errors(sorted(tmp_path.glob("*.html")))
        if not HTMX_ATTRIBUTE.match(m["message"])
    ]
    report = "\n".join(
        f"{names.get(m.get('url'), m.get('url'))}, line {m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in errors
    )
    assert not errors, f"Nu HTML Checker errors:\n{report}"


def test_the_audited_trial_limit_page_is_the_429_page_and_starts_nothing(client, client_scenario):
    from quizzes.models import Attempt

    attempts = Attempt.objects.count()
    response = fetch(client, audit.audit_page("trial-limit"), client_scenario)
    assert response.status_code == 429
    assert "Trop d’essais sans compte" in response.content.decode()
    assert Attempt.objects.count() == attempts
