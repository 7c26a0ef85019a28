"""The printable checklists: empty squares on screen and on paper, the same as
the checker's own checklist; boxes that can be ticked and are kept nowhere; a
print button; the day the checklist was generated and the day of its data; a
notes column on paper."""
from __future__ import annotations

import re

import pytest
import yaml

from generator.model import View
from generator.render import Renderer
from tests.browser.conftest import PageLog
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

LABELS = yaml.safe_load((ROOT / "province_data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]
CASES = [("en", "checklists/sichuan-individual/", "51", "individual"),
         ("zh", "zh/checklists/guangdong-organisation/", "44", "organisation")]
BOXES = ".icp-checklist input[type=checkbox]"
# How a box is drawn: what makes it an empty square, or a pale circle.
BOX_STYLE = """(box) => {
  const s = getComputedStyle(box);
  return {appearance: s.appearance, radius: s.borderTopLeftRadius, border: s.borderTopStyle,
          borderWidth: s.borderTopWidth, borderColor: s.borderTopColor, background: s.backgroundColor,
          opacity: s.opacity, width: box.getBoundingClientRect().width, height: box.getBoundingClientRect().height};
}"""
STORAGE = "() => [localStorage.length, sessionStorage.length, document.cookie]"


@pytest.fixture(scope="module")
def renderer(dataset):
    return Renderer(dataset)


def expected_dates(renderer, lang, code, entity):
    province = next(p for p in renderer.provinces if p["code"] == code)
    _, _, data_date = renderer.checklist(View(renderer.ds, lang), province, entity, "../")
    return renderer.today.isoformat(), data_date


@pytest.mark.parametrize("lang,path,code,entity", CASES)
def test_boxes_are_empty_squares_that_tick_and_are_kept_nowhere(page, site_url, lang, path, code, entity):
    log = PageLog(page)
    page.goto(site_url + "/" + path)
    url = page.url
    before = page.evaluate(STORAGE)
    boxes = page.locator(BOXES)
    assert boxes.count() >= 5
    assert page.locator(".task-list-indicator").count() == 0     # no pale filled circles
    for i in range(boxes.count()):
        box = boxes.nth(i)
        assert not box.is_disabled() and not box.is_checked()
        assert page.locator(f"label[for='{box.get_attribute('id')}']").count() == 1
    screen = boxes.first.evaluate(BOX_STYLE)
    assert float(screen["opacity"]) == 1 and abs(screen["width"] - screen["height"]) < 1
    # tick by the label, as a reader taps the text, and untick
    first_label = page.locator(f"label[for='{boxes.first.get_attribute('id')}']")
    first_label.click()
    boxes.nth(1).check()
    assert boxes.first.is_checked() and boxes.nth(1).is_checked()
    first_label.click()
    assert not boxes.first.is_checked()
    # kept nowhere: no storage, no cookie, the address unchanged, and gone on reload
    assert page.evaluate(STORAGE) == before == [0, 0, ""]
    assert page.url == url
    page.reload()
    assert page.locator(BOXES + ":checked").count() == 0
    assert log.errors == []          # no script error (the print button's script included)


@pytest.mark.parametrize("lang,path,code,entity", CASES)
def test_on_paper_the_squares_are_empty_and_a_notes_column_is_there(page, site_url, lang, path, code, entity):
    page.goto(site_url + "/" + path)
    page.locator(BOXES).nth(1).check()
    page.emulate_media(media="print")
    empty = page.locator(BOXES).first.evaluate(BOX_STYLE)
    ticked = page.locator(BOXES).nth(1).evaluate(BOX_STYLE)
    assert empty["appearance"] == "none" and empty["radius"] == "0px" and empty["border"] == "solid"
    assert empty["borderColor"] == "rgb(0, 0, 0)" and empty["background"] == "rgb(255, 255, 255)"
    assert ticked["background"] == "rgb(0, 0, 0)"
    assert not page.locator(".icp-checklist__print-button").is_visible()
    notes = page.locator(".icp-checklist__notes").first
    assert notes.is_visible()
    step = page.locator(".icp-checklist li").first.bounding_box()
    assert notes.bounding_box()["width"] > step["width"] / 5       # room to write in
    header = page.locator(".icp-checklist__columns").first
    assert header.is_visible() and LABELS["checklist_notes"][lang] in header.inner_text()


def test_the_checker_prints_its_checklist_with_the_same_squares(page, site_url):
    """The checker's steps use the same markup; its page's styles draw the same box."""
    styles = []
    for path in ("/checklists/sichuan-individual/", "/checker/"):
        page.route("**/assets/pyodide/**", lambda route: route.abort())   # the engine is not needed here
        page.goto(site_url + path)
        page.emulate_media(media="print")
        page.evaluate("""() => {
          const list = document.createElement("ul");
          list.className = "icp-checklist";
          list.innerHTML = '<li><input type="checkbox" id="icp-probe"> <label for="icp-probe">x</label></li>';
          document.querySelector(".md-content__inner").append(list);
        }""")
        styles.append(page.locator("#icp-probe").evaluate(BOX_STYLE))
        page.emulate_media(media="screen")
    assert styles[0] == styles[1]


@pytest.mark.parametrize("lang,path,code,entity", CASES)
def test_print_button_and_dates(page, site_url, renderer, lang, path, code, entity):
    page.goto(site_url + "/" + path)
    button = page.locator(".icp-checklist__print-button")
    assert button.is_visible() and button.inner_text().strip() == LABELS["checklist_print"][lang]
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button.click()
    assert page.evaluate("() => window.__printed") == 1
    generated, data_date = expected_dates(renderer, lang, code, entity)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data_date) and data_date <= generated
    dates = page.locator(".icp-checklist__dates").inner_text().strip()
    assert dates == LABELS["checklist_dates"][lang].format(generated=generated, data=data_date)
