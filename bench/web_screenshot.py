"""Screenshots of the web page with the seed article, for README.md and docs/service.md.

    python bench/web_screenshot.py            # writes docs/web-page.png and docs/web-page-dark.png

Starts the real server (gunicorn, as the tests do) and headless Chromium, and takes the same steps
as tests/test_web_page.py (whose browser helpers it uses): paste the seed, normalize, open the
last edit's details.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.service_support import browser  # noqa: E402
from tests.service_support.live import SEED, gunicorn_server  # noqa: E402

SIZE = (1440, 1400)


def main() -> int:
    text = Path(f"{SEED}.input.txt").read_text(encoding="utf-8")
    with (
        gunicorn_server(workers=1) as server,
        tempfile.TemporaryDirectory() as downloads,
        browser.chromium(Path(downloads)) as driver,
    ):
        driver.set_window_size(*SIZE)
        for scheme, name in (("light", "web-page.png"), ("dark", "web-page-dark.png")):
            browser.color_scheme(driver, scheme)
            path = ROOT / "docs" / name
            browser.seed_screenshot(driver, server.url, text, path)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
