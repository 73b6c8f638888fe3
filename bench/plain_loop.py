"""The baseline a11ycheck is measured against: a plain Selenium + axe-core loop, the way teams write it.

One page at a time per browser, the axe source sent with every page into the top document and each
frame (axe_selenium_python's `Axe.inject` alone would miss frames, which would not be a fair baseline),
no CDP, no trimming. Used by the agreement test and by the benchmarks, which run it as

    .venv/bin/python -m bench.plain_loop --urls-file urls.txt --browsers 2 --out results.json
"""

import argparse
import json
import queue
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from a11ycheck.audit.axe import stock_axe_source
from a11ycheck.audit.chromium import BROWSER_PREFS, CHROMIUM_ARGS, ENGINE_ARGS

AXE_JS = stock_axe_source()
# The same rendering as a11ycheck's browsers (window size, features), with V8 as it comes: a11ycheck's
# ENGINE_ARGS are one of the things measured against this loop (`--tuned` gives the loop them too).
# The switches and preferences that keep Chromium from calling home are given too: no benchmark here sends
# anything off the machine.
ARGS = CHROMIUM_ARGS


def _browser(tuned: bool = False) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"  # the browser bench/compare.py runs every tool in
    for arg in ARGS + (ENGINE_ARGS if tuned else ()):
        options.add_argument(arg)
    options.add_experimental_option("prefs", BROWSER_PREFS)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def _inject_everywhere(driver: webdriver.Chrome, depth: int = 0) -> None:
    driver.execute_script(AXE_JS)
    if depth > 3:
        return
    for frame in driver.find_elements(By.CSS_SELECTOR, "iframe, frame"):
        driver.switch_to.frame(frame)
        try:
            _inject_everywhere(driver, depth + 1)
        finally:
            driver.switch_to.parent_frame()


def audit_one(driver: webdriver.Chrome, url: str) -> dict:
    driver.get(url)
    _inject_everywhere(driver)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; axe.run().then(done, e => done({error: String(e)}));"
    )


def plain_axe_loop(urls: list[str], browsers: int, tuned: bool = False) -> dict[str, dict]:
    """Full axe results per URL, `browsers` Chromium instances each taking the next URL in turn
    (`tuned`: with a11ycheck's ENGINE_ARGS: V8 flags, no back/forward cache)."""
    work: queue.Queue[str] = queue.Queue()
    for url in urls:
        work.put(url)
    results: dict[str, dict] = {}

    def worker() -> None:
        driver = _browser(tuned)
        try:
            while True:
                try:
                    url = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    results[url] = audit_one(driver, url)
                except Exception as exc:  # noqa: BLE001 - a baseline records the failure and goes on
                    results[url] = {"error": f"{type(exc).__name__}: {exc}"}
        finally:
            driver.quit()

    threads = [threading.Thread(target=worker) for _ in range(browsers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def rule_counts(axe_result: dict) -> dict[str, int]:
    """{rule id: number of failing elements}: what two audits must agree on."""
    return {v["id"]: len(v["nodes"]) for v in axe_result.get("violations", [])}


def main(argv: list[str] | None = None) -> int:
    """Audit the URLs of a file and write {url: {rule: failing elements}} or {url: {"error": ...}}."""
    parser = argparse.ArgumentParser(prog="python -m bench.plain_loop", description=main.__doc__)
    parser.add_argument("--urls-file", required=True)
    parser.add_argument("--browsers", type=int, default=2)
    parser.add_argument("--out", required=True, help="where the JSON summary goes")
    parser.add_argument("--tuned", action="store_true", help="with a11ycheck's ENGINE_ARGS")
    args = parser.parse_args(argv)
    with open(args.urls_file, encoding="utf-8") as handle:
        urls = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    results = plain_axe_loop(urls, args.browsers, args.tuned)
    summary = {
        url: {"violations": rule_counts(result)} if "violations" in result else {"error": result.get("error")}
        for url, result in results.items()
    }
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(summary, handle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
