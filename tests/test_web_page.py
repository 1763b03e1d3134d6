"""The web page at `/` in a real browser: headless Chromium, driven by Selenium, against the real
gunicorn server (with an API key and a small body limit, so that 401 and 413 are exercised).

Chromium is required: without it the fixture raises and the tests fail, they are not skipped.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from service_support import browser
from service_support.live import SEED, gunicorn_server

API_KEY = "page-test-key"
MAX_BODY = 64 * 1024
EMOJI_TEXT = "😀 Talks with Sergey V. Lavroy in Libva.\n"
STATIC_FILES = ("page.css", "favicon.svg", "js/page.js", "js/api.js", "js/review.js", "js/view.js")


@pytest.fixture(scope="module")
def server():
    env = {"NORMALIZER_API_KEY": API_KEY, "NORMALIZER_MAX_BODY_BYTES": str(MAX_BODY)}
    with gunicorn_server(workers=1, env=env) as live:
        yield live


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def driver(downloads):
    with browser.chromium(downloads) as chrome:
        chrome.execute_cdp_cmd(
            "Browser.grantPermissions",
            {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
        )
        yield chrome
        problems = [
            entry["message"] for entry in chrome.get_log("browser")
            if "Content Security Policy" in entry["message"] or "Uncaught" in entry["message"]
        ]
        assert problems == [], problems


@pytest.fixture(scope="module")
def seed() -> tuple[str, str]:
    return (
        Path(f"{SEED}.input.txt").read_text(encoding="utf-8"),
        Path(f"{SEED}.expected.txt").read_text(encoding="utf-8"),
    )


def copied(driver) -> str:
    """Press Copy result and read the clipboard back."""
    driver.find_element(By.ID, "copy").click()
    browser.wait(driver).until(lambda d: d.find_element(By.ID, "status").text.startswith("Copied"))
    return driver.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], (e) => arguments[0]('ERROR ' + e))"
    )


def downloaded(driver, folder: Path) -> str:
    """Press Download and read the saved file."""
    for old in folder.iterdir():
        old.unlink()
    driver.find_element(By.ID, "download").click()
    deadline = time.monotonic() + browser.WAIT_SECONDS
    while time.monotonic() < deadline:
        files = [f for f in folder.iterdir() if not f.name.endswith(".crdownload")]
        if files and files[0].stat().st_size > 0:
            return files[0].read_bytes().decode("utf-8")
        time.sleep(0.05)
    raise AssertionError(f"no download in {browser.WAIT_SECONDS} s")


def mark(driver, original: str):
    """The mark of the edit whose original text is `original` (inline view)."""
    for element in browser.edit_marks(driver):
        if element.get_attribute("aria-label").split("“", 1)[1].startswith(original + "”"):
            return element
    raise AssertionError(f"no edit of {original!r}")


def test_page_is_public_static_and_under_a_strict_csp(server):
    page = requests.get(server.url + "/", timeout=5)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe" not in policy and "default-src 'none'" in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    html = page.text
    assert re.findall(r"<script(?![^>]*\ssrc=)", html) == []  # no inline script
    assert re.findall(r"\son[a-z]+=|\sstyle=", html) == []  # no inline handlers or styles
    assert "http://" not in html and "https://" not in html  # nothing from other hosts
    for name in STATIC_FILES:
        answer = requests.get(f"{server.url}/static/{name}", timeout=5)
        assert answer.status_code == 200, name
        assert "Content-Security-Policy" in answer.headers
    # the page is public; the API behind it still wants the key
    assert requests.get(server.url + "/v1/info", timeout=5).status_code == 401


def test_seed_article_fixes_removals_reject_copy_download(server, driver, downloads, seed, tmp_path):
    text, expected = seed
    browser.open_page(driver, server.url)
    message = browser.visible(driver, "#message")
    assert "needs an API key" in message.text and "401" in message.text

    screenshot = tmp_path / "page.png"
    browser.seed_screenshot(driver, server.url, text, screenshot, api_key=API_KEY)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 50_000
    assert not driver.find_element(By.ID, "message").is_displayed()
    assert driver.find_element(By.ID, "status").text.startswith("Done")

    words = [
        (m.find_element(By.TAG_NAME, "del").text, m.find_element(By.TAG_NAME, "ins").text)
        for m in driver.find_elements(By.CSS_SELECTOR, "#doc-inline .edit.k-ocr.s-applied")
    ]
    assert words == [("Lavroy", "Lavrov"), ("Libva", "Libya")]
    # hover shows the edit, a click its details
    lavroy = mark(driver, "Lavroy")
    ActionChains(driver).move_to_element(lavroy).perform()
    tip = browser.visible(driver, "#tip").text
    assert "“Lavroy” → “Lavrov”" in tip and "rule ocr." in tip and "glyph confusion" in tip
    assert "confidence 0.99" in tip and "alternatives: none" in tip
    lavroy.click()
    details = browser.visible(driver, "#details-body").text
    for label in ("Original\nLavroy", "Replacement\nLavrov", "Rule\nocr.", "Confidence\n0.99",
                  "Reason\nglyph confusion", "Alternatives\nnone"):
        assert label in details
    blocks = driver.find_elements(By.CSS_SELECTOR, "#doc-inline .block.k-boilerplate.s-applied")
    heads = [b.find_element(By.CSS_SELECTOR, ".block-head").text for b in blocks]
    assert len(heads) == 2 and all(h.startswith("BOILERPLATE Removed:") for h in heads)
    assert "newsletter sign-up promo" in heads[0] and "explainer box" in heads[1]
    bodies = [b.find_element(By.CSS_SELECTOR, "del.block-body") for b in blocks]
    assert bodies[0].text.startswith("Updates on Afghanistan Sign up for a daily email")
    assert bodies[1].text.startswith("Understand the Taliban Takeover in Afghanistan")
    toggle = blocks[0].find_element(By.CSS_SELECTOR, "button.toggle")
    toggle.click()
    assert not bodies[0].is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert bodies[0].is_displayed()

    # every edit is reached with Tab, in text order (the blocks' show/hide buttons in between)
    marks = [m.get_attribute("data-index") for m in browser.edit_marks(driver)]
    assert len(marks) == len(set(marks)) >= 4
    driver.execute_script("arguments[0].focus()", browser.edit_marks(driver)[0])
    reached = [marks[0]]
    for _ in range(3 * len(marks)):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if not driver.execute_script("return arguments[0].closest('#doc-inline') !== null", active):
            break
        if active.get_attribute("data-index") is not None:
            reached.append(active.get_attribute("data-index"))
    assert reached == marks

    assert downloaded(driver, downloads) == expected
    # reject one fix with Escape: the copied and downloaded text keep the original word
    libva = mark(driver, "Libva")
    libva.send_keys(Keys.ESCAPE)
    assert "s-rejected" in mark(driver, "Libva").get_attribute("class")
    assert expected.count("Libya") == 1
    rejected = expected.replace("Libya", "Libva")
    assert copied(driver) == rejected
    assert downloaded(driver, downloads) == rejected
    driver.find_element(By.ID, "undo").click()
    assert copied(driver) == expected

    # a higher threshold turns the weaker applied edits into suggestions, without a request
    answer = requests.post(
        server.url + "/v1/normalize", json={"text": text}, headers={"X-API-Key": API_KEY}, timeout=10
    ).json()
    strong = [e for e in answer["edits"] if e["confidence"] >= 0.98]
    assert 0 < len(strong) < len(answer["edits"])  # the seed has edits on both sides of 0.98
    threshold = driver.find_element(By.ID, "threshold")
    driver.execute_script(
        "arguments[0].value = '0.98'; arguments[0].dispatchEvent(new Event('input'))", threshold
    )
    browser.wait(driver).until(lambda d: d.find_element(By.ID, "status").text.startswith("Threshold"))
    weak = len(answer["edits"]) - len(strong)
    assert f"{len(strong)} applied, {weak} suggested" in driver.find_element(By.ID, "summary-total").text
    applied = driver.find_elements(By.CSS_SELECTOR, "#doc-inline .s-applied[data-index]")
    assert sorted(int(m.get_attribute("data-index")) for m in applied) == [
        i for i, e in enumerate(answer["edits"]) if e["confidence"] >= 0.98
    ]


def test_suggest_mode_with_an_emoji_accept_one_then_a_kind(server, driver, downloads):
    browser.open_page(driver, server.url, API_KEY)
    browser.paste(driver, EMOJI_TEXT)
    browser.choose_mode(driver, "suggest")
    browser.normalize(driver)
    marks = browser.edit_marks(driver)
    # code point offsets: the emoji before the words counts one, so the marks hold exactly them
    assert [m.text for m in marks] == ["Lavroy", "Libva"]
    assert all("s-open" in m.get_attribute("class") for m in marks)
    assert copied(driver) == EMOJI_TEXT

    mark(driver, "Lavroy").send_keys(Keys.ENTER)
    assert "s-applied" in mark(driver, "Lavroy").get_attribute("class")
    assert downloaded(driver, downloads) == "😀 Talks with Sergey V. Lavrov in Libva.\n"

    driver.find_element(By.CSS_SELECTOR, 'button[aria-label="Accept all OCR edits"]').click()
    assert copied(driver) == "😀 Talks with Sergey V. Lavrov in Libya.\n"
    driver.find_element(By.ID, "undo").click()
    assert copied(driver) == "😀 Talks with Sergey V. Lavrov in Libva.\n"


def record_requests(driver) -> None:
    """Keep the body of every request the page sends from now on."""
    driver.execute_script(
        "window.sent = []; const send = XMLHttpRequest.prototype.send;"
        "XMLHttpRequest.prototype.send = function (body) { window.sent.push(body); return send.call(this, body); }"
    )


def sent_bodies(driver) -> list[dict]:
    """The JSON bodies recorded since `record_requests` (GET requests have none)."""
    return [json.loads(b) for b in driver.execute_script("return window.sent") if b]


def test_named_profile_is_offered_and_sent(server, driver):
    browser.open_page(driver, server.url, API_KEY)
    offered = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#profile option")]
    assert offered == ["", "default", "archive"]  # the service's own, then the named ones
    record_requests(driver)
    Select(driver.find_element(By.ID, "profile")).select_by_value("archive")
    browser.paste(driver, EMOJI_TEXT)
    browser.normalize(driver)
    (body,) = sent_bodies(driver)
    assert body == {"text": EMOJI_TEXT, "profile": "archive", "mode": "fix"}
    # the slider untouched, the service's own decisions are shown
    assert [m.get_attribute("class").split()[-1] for m in browser.edit_marks(driver)] == ["s-applied"] * 2


def drop(driver, name: str, content: str) -> None:
    """Drop a file on the text box, as a file dragged from the desktop is dropped."""
    driver.execute_script(
        "const files = new DataTransfer();"
        "files.items.add(new File([arguments[1]], arguments[0], {type: ''}));"
        "document.getElementById('input').dispatchEvent("
        "  new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}))",
        name, content,
    )


def test_files_are_dropped_with_their_line_ends(server, driver, downloads):
    browser.open_page(driver, server.url, API_KEY)
    drop(driver, "photo.png", "not text")
    assert "Only text files" in browser.visible(driver, "#message").text
    drop(driver, "notes.md", "# Notes\r\n\r\nTalks with Sergey V. Lavroy.\r\n")
    browser.wait(driver).until(lambda d: d.find_element(By.ID, "status").text.startswith("Opened"))
    assert driver.find_element(By.ID, "input").get_property("value").startswith("# Notes\n\nTalks")
    browser.normalize(driver)
    assert [m.text for m in browser.edit_marks(driver)] == ["LavroyLavrov"]
    # the file's CR LF line ends survive (a text box alone would turn them into LF)
    assert downloaded(driver, downloads) == "# Notes\r\n\r\nTalks with Sergey V. Lavrov.\r\n"
    assert [f.name for f in downloads.iterdir()] == ["notes.clean.md"]


def test_format_follows_the_opened_file_and_keeps_code_untouched(server, driver):
    browser.open_page(driver, server.url, API_KEY)
    record_requests(driver)
    markdown = "Talks with Sergey V. Lavroy.\n\n```\nLavroy = Libva\n```\n"
    drop(driver, "notes.markdown", markdown)
    browser.wait(driver).until(lambda d: d.find_element(By.ID, "status").text.startswith("Opened"))
    assert Select(driver.find_element(By.ID, "format")).first_selected_option.text == "Markdown"
    browser.normalize(driver)
    # only the prose is corrected: the fenced code keeps its "misspellings"
    assert [m.text for m in browser.edit_marks(driver)] == ["LavroyLavrov"]
    assert sent_bodies(driver)[-1] == {"text": markdown, "format": "markdown", "mode": "fix"}
    drop(driver, "notes.rst", "Talks in Libva.\n")
    browser.wait(driver).until(lambda d: "notes.rst" in d.find_element(By.ID, "status").text)
    assert driver.find_element(By.ID, "format").get_property("value") == "rst"
    drop(driver, "notes.txt", "Talks in Libva.\n")
    browser.wait(driver).until(lambda d: "notes.txt" in d.find_element(By.ID, "status").text)
    assert driver.find_element(By.ID, "format").get_property("value") == "text"
    browser.normalize(driver)
    assert "format" not in sent_bodies(driver)[-1]  # plain text is the service's default


def test_api_errors_are_messages_on_the_page(server, driver, tmp_path):
    browser.open_page(driver, server.url, API_KEY)
    large = tmp_path / "large.txt"
    large.write_text("Secretary of State Mike Pompeo spoke with Sergey V. Lavrov.\n" * 1500)
    driver.find_element(By.ID, "file").send_keys(str(large))
    browser.wait(driver).until(lambda d: d.find_element(By.ID, "status").text.startswith("Opened"))
    assert len(driver.find_element(By.ID, "input").get_property("value")) > MAX_BODY
    browser.wait(driver).until(
        lambda d: "over the service's limit" in d.find_element(By.ID, "input-size").text
    )
    browser.normalize(driver)
    message = browser.visible(driver, "#message")
    assert "too large" in message.text and "413" in message.text and str(MAX_BODY) in message.text
    assert driver.find_element(By.ID, "input").is_displayed()

    browser.paste(driver, "Talks in Kyiv.")
    driver.find_element(By.CSS_SELECTOR, "details.profile summary").click()
    driver.find_element(By.ID, "names").send_keys("Zelenskyy, wizard")
    browser.normalize(driver)
    message = browser.visible(driver, "#message")
    assert "gazetteer[0].type: expected one of" in message.text and "400" in message.text
