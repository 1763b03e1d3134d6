"""Drive the web page in headless Chromium (Debian's `chromium` and `chromium-driver`).

Shared by tests/test_web_page.py and bench/web_screenshot.py, which makes the screenshot in
docs/ with the same steps the test checks.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 20
WINDOW = (1440, 1000)


class BrowserMissing(RuntimeError):
    """Chromium or its driver is not installed (`.ci/run` installs both)."""


@contextmanager
def chromium(download_dir: Path) -> Iterator[webdriver.Chrome]:
    """A headless Chromium that saves downloads in `download_dir`, closed when the block ends."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if browser is None or driver_path is None:
        raise BrowserMissing(
            "the browser test needs Debian's chromium and chromium-driver packages "
            "(apt-get install chromium chromium-driver; .ci/run installs them)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                     "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(download_dir),
                  "download.prompt_for_download": False},
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(download_dir)},
        )
        yield driver
    finally:
        driver.quit()


def wait(driver: webdriver.Chrome, seconds: float = WAIT_SECONDS) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def visible(driver: webdriver.Chrome, css: str) -> WebElement:
    """The element matching `css` once it is displayed."""
    return wait(driver).until(expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, css)))


def open_page(driver: webdriver.Chrome, url: str, api_key: str | None = None) -> None:
    """Load the page fresh (empty session storage), entering `api_key` when given."""
    driver.get(url + "/")
    driver.execute_script("sessionStorage.clear()")
    driver.get(url + "/")
    visible(driver, "#input")
    if api_key is not None:
        key = driver.find_element(By.ID, "api-key")
        key.send_keys(api_key)
        driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", key)
        wait(driver).until(
            lambda d: d.find_element(By.ID, "server-profile").text.startswith("Server profile")
        )


def paste(driver: webdriver.Chrome, text: str) -> None:
    """Put `text` in the text box as a paste does (value set, then an input event)."""
    box = driver.find_element(By.ID, "input")
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", box, text,
    )


def choose_mode(driver: webdriver.Chrome, mode: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f'input[name="mode"][value="{mode}"]').click()


def normalize(driver: webdriver.Chrome) -> None:
    """Press Normalize and wait until the result is drawn."""
    driver.execute_script("document.getElementById('status').textContent = ''")
    driver.find_element(By.ID, "run").click()
    wait(driver).until(
        lambda d: d.find_element(By.ID, "status").text.startswith("Done")
        or d.find_element(By.ID, "message").is_displayed()
    )


def edit_marks(driver: webdriver.Chrome, css: str = "#doc-inline .edit[data-index]") -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, css)


def color_scheme(driver: webdriver.Chrome, scheme: str) -> None:
    """Emulate `prefers-color-scheme: light` or `dark` (reload the page to see it)."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )


def seed_screenshot(
    driver: webdriver.Chrome, url: str, text: str, path: Path, api_key: str | None = None
) -> None:
    """The page with `text` normalized, saved as PNG: the text scrolled to its last removed
    block, the details of the last edit open."""
    open_page(driver, url, api_key)
    paste(driver, text)
    normalize(driver)
    edit_marks(driver)[-1].click()
    visible(driver, "#details-body")
    driver.execute_script(
        "const doc = document.getElementById('doc-inline');"
        "const blocks = doc.querySelectorAll('.block');"
        "if (blocks.length) doc.scrollTop = blocks[blocks.length - 1].offsetTop - doc.offsetTop - 60;"
        "window.scrollTo(0, 0);"
    )
    driver.save_screenshot(str(path))
