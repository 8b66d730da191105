"""axe-core, run in Chromium on every audited page: no serious or critical violation.

axe is injected into the page by the test (tests/audit/vendor/axe.min.js); users never get it.
All pages are visited in one test so the fact base is loaded once (the suite stays fast); the
failure message lists every page's violations with the rule id, the node and the help.
"""

import pytest

from tests.audit.conftest import AUDIT_PAGES, AXE_JS

pytestmark = pytest.mark.browser

BLOCKING = {"moderate", "serious", "critical"}


def axe_results(page) -> dict:
    """Every axe rule that is not experimental, WCAG 2.2 AA and best practices included."""
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations", "incomplete"]});
            const brief = list => list.map(rule => ({
                id: rule.id, impact: rule.impact, help: rule.help,
                nodes: rule.nodes.map(node => ({
                    target: node.target.join(" "), summary: node.failureSummary,
                })),
            }));
            return {violations: brief(results.violations), incomplete: brief(results.incomplete)};
        }"""
    )


def report(rules: list[dict]) -> str:
    lines = []
    for rule in rules:
        lines.append(f"  [{rule['impact']}] {rule['id']}: {rule['help']}")
        lines.extend(f"      {node['target']}" for node in rule["nodes"])
    return "\n".join(lines)


def blocking_violations(page, where: str) -> list[dict]:
    """The serious and critical violations; all of them (and what axe could not decide) are
    printed, shown by pytest when the test fails."""
    results = axe_results(page)
    if results["violations"]:
        print(f"axe violations on {where}:\n{report(results['violations'])}")
    if results["incomplete"]:
        print(f"axe needs review on {where}:\n{report(results['incomplete'])}")
    return [rule for rule in results["violations"] if rule["impact"] in BLOCKING]


def assert_no_blocking_violation(page, where: str):
    blocking = blocking_violations(page, where)
    assert not blocking, f"axe: serious or critical violations on {where}:\n{report(blocking)}"


def test_no_audited_page_has_a_serious_accessibility_violation(open_audit_page):
    failures = {}
    for audit_page in AUDIT_PAGES:
        page = open_audit_page(audit_page)
        blocking = blocking_violations(page, audit_page.name)
        if blocking:
            failures[audit_page.name] = report(blocking)
        page.context.close()
    assert not failures, "axe: serious or critical violations\n" + "\n".join(
        f"{name}:\n{text}" for name, text in failures.items()
    )
