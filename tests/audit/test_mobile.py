"""Phone layout (390×844, touch): a chronology ordered by touch drag, a matching question, a
« which came first? » and a date answered by touch, no sideways scrolling on any audited page,
and screenshots of each page at phone and desktop widths in test-artifacts/ (<page>-phone.png,
<page>-desktop.png).

Playwright has no touch-drag helper: the drag is a Chrome DevTools `Input.dispatchTouchEvent`
sequence (touchStart, touchMoves, touchEnd), which SortableJS (forceFallback) follows like a
finger.
"""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.audit.conftest import AUDIT_PAGES, DESKTOP, PHONE, audit_page
from tests.browser.test_student_quiz import labels_in_page_order, right_labels
from tests.browser.test_student_quiz import wait_for_enhancement as wait_for_move_buttons

pytestmark = pytest.mark.browser

# The screen's width is clientWidth: a mobile browser widens its layout viewport (innerWidth) to
# whatever overflows, so innerWidth would hide the very overflow looked for.
SIDEWAYS_OVERFLOW = """() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: document.documentElement.clientWidth,
    widest: [...document.body.querySelectorAll("*")]
        .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : "")),
})"""


def touch_drag(page: Page, cdp, start: dict, end: dict, steps: int = 12):
    """One finger from start to end (viewport coordinates), slowly enough for SortableJS."""

    def touch(kind: str, x: float, y: float):
        points = [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 1}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", start["x"], start["y"])
    page.wait_for_timeout(50)
    for step in range(1, steps + 1):
        touch(
            "touchMove",
            start["x"] + (end["x"] - start["x"]) * step / steps,
            start["y"] + (end["y"] - start["y"]) * step / steps,
        )
        page.wait_for_timeout(30)
    page.wait_for_timeout(200)  # SortableJS animates for 150 ms
    touch("touchMove", end["x"], end["y"] - 2)
    touch("touchEnd", end["x"], end["y"])
    page.wait_for_timeout(250)


def touch_into_order(page: Page, wanted: list[str]):
    cdp = page.context.new_cdp_session(page)
    for index, label in enumerate(wanted):
        for _ in range(3):
            if labels_in_page_order(page)[index] == label:
                break
            source = page.locator(".order-item").filter(has_text=label).first
            target = page.locator(".order-item").nth(index)
            target.scroll_into_view_if_needed()
            source_box, target_box = source.bounding_box(), target.bounding_box()
            # Hold the item by its label text, away from the buttons (which do not start a drag).
            label_box = source.locator(".order-label").bounding_box()
            start = {"x": label_box["x"] + 10, "y": label_box["y"] + label_box["height"] / 2}
            above = target_box["y"] + 4 if source_box["y"] > target_box["y"] else None
            end_y = above if above is not None else target_box["y"] + target_box["height"] - 4
            touch_drag(page, cdp, start, {"x": start["x"], "y": end_y})
    assert labels_in_page_order(page) == wanted


def test_quiz_on_a_phone_by_touch_drag_and_matching(open_audit_page, audit_scenario):
    attempt = audit_scenario.open_attempt
    chronology = attempt.questions.get(kind="chronology")
    matching = attempt.questions.get(kind="matching")
    page = open_audit_page(audit_page("chronology"), **PHONE)
    wait_for_move_buttons(page)

    wanted = right_labels(chronology)
    assert labels_in_page_order(page) != wanted  # the engine never shows the right order
    touch_into_order(page, wanted)
    # The positions posted follow the dragged order (SortableJS' onEnd syncs the selects).
    positions = page.locator("[data-position]").evaluate_all("els => els.map(el => el.value)")
    assert positions == [str(n) for n in range(1, len(positions) + 1)]
    page.get_by_role("button", name="Valider").tap()
    expect(page.get_by_role("status")).to_contain_text("Votre score pour cette question : 100 %")
    page.get_by_role("link", name="Question suivante").tap()

    expect(page.get_by_text(f"Question {matching.position} sur 2")).to_be_visible()
    for prompt_id, answer_id in dict(matching.data["answer"]).items():
        page.locator(f"#match-{prompt_id}").select_option(answer_id)
    page.get_by_role("button", name="Valider").tap()
    expect(page.get_by_role("status")).to_contain_text("Votre score pour cette question : 100 %")
    page.get_by_role("link", name="Voir le résultat").tap()
    expect(page.get_by_text("Total : 2 point(s) sur 2, soit 100 %")).to_be_visible()


def test_which_first_and_date_entry_on_a_phone_by_touch(open_audit_page, audit_scenario):
    which_first = audit_scenario.kinds["which-first"].open_attempt.questions.get()
    page = open_audit_page(audit_page("which-first"), **PHONE)
    earlier = next(
        i["label"] for i in which_first.data["items"] if i["id"] == which_first.data["answer"]
    )
    page.locator("label").filter(has_text=earlier).tap()  # the event's words, not the small dot
    expect(page.get_by_role("radio", name=earlier)).to_be_checked()
    page.get_by_role("button", name="Valider").tap()
    expect(page.get_by_role("status")).to_contain_text("Votre score pour cette question : 100 %")
    expect(page.get_by_text(f"En premier : « {earlier} ».")).to_be_visible()

    date_entry = audit_scenario.kinds["date-entry"].open_attempt.questions.get()
    start = date.fromisoformat(date_entry.data["answer"]["start"])
    page = open_audit_page(audit_page("date-entry"), **PHONE)
    page.get_by_label("Mois").select_option(str(start.month))
    year = page.get_by_label("Année")
    expect(year).to_have_attribute("inputmode", "numeric")  # the phone offers its digit keypad
    year.tap()
    expect(year).to_be_focused()
    page.keyboard.type(str(start.year))
    page.get_by_role("button", name="Valider").tap()
    expect(page.get_by_role("status")).to_contain_text("Votre score pour cette question : 100 %")
    expect(page.locator(".date-label")).to_have_text(date_entry.data["items"][0]["date_label"])


def test_no_audited_page_scrolls_sideways_on_a_phone(open_audit_page, artifacts):
    overflowing = {}
    for page_spec in AUDIT_PAGES:
        for width, context_args in (("phone", PHONE), ("desktop", DESKTOP)):
            page = open_audit_page(page_spec, **context_args)
            page.evaluate("document.fonts.ready")
            measure = page.evaluate(SIDEWAYS_OVERFLOW)
            if measure["scrollWidth"] > measure["innerWidth"]:
                overflowing[f"{page_spec.name} ({width})"] = measure
            page.screenshot(path=artifacts / f"{page_spec.name}-{width}.png", full_page=True)
            page.context.close()
    assert not overflowing, f"pages wider than the screen: {overflowing}"
