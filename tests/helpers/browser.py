"""A real headless Chromium (Debian's ``chromium`` and ``chromedriver``) driven by Selenium,
axe-core for accessibility, and full-page screenshots.

``scripts/test_setup.sh`` (part of the README's test command and of ``.ci/run``) installs
the browser and unpacks axe-core into ``PANTAU_AXE_DIR`` (default ``~/.cache/pantau/axe-core``).
Without them the browser tests are skipped with that reason, except under CI (``CI`` set),
where a missing browser fails them.
"""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
from pathlib import Path

import pytest

SETUP = "run scripts/test_setup.sh (Debian's chromium and chromium-driver, axe-core from npm)"
DESKTOP, PHONE = (1280, 900), (390, 844)


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: {SETUP}")
    pytest.skip(f"{reason}: {SETUP}")


def chromium_paths() -> tuple[str, str]:
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (browser and driver):
        _missing("no chromium or chromedriver")
    return browser, driver


def axe_source() -> str:
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    path = Path(os.environ.get("PANTAU_AXE_DIR") or Path(home) / "pantau" / "axe-core") / "axe.min.js"
    if not path.is_file():
        _missing(f"no axe-core at {path}")
    return path.read_text(encoding="utf-8")


def artefact_dir() -> Path:
    """Where screenshots go: PANTAU_ARTIFACTS, or a fresh temporary directory."""
    given = os.environ.get("PANTAU_ARTIFACTS")
    path = Path(given) if given else Path(tempfile.mkdtemp(prefix="pantau-web-artifacts-"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def start(downloads: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--lang=id-ID"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow",
                                                          "downloadPath": str(downloads)})
    return driver


def emulate(driver, size: tuple[int, int], mobile: bool) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": mobile})


def screenshot(driver, path: Path, width: int, max_height: int = 5000) -> Path:
    """The whole page (up to ``max_height`` CSS pixels) as a PNG."""
    height = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, max_height), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def axe_violations(driver, source: str) -> list[dict]:
    """axe-core's violations on the current page (WCAG 2.x A and AA rules and best practices)."""
    driver.execute_script(source)
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations),"
        " e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result]
