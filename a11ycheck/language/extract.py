"""The in-browser extractor of a page's main text: JavaScript for the audit's script call, and its result.

MAIN_TEXT_FUNCTION declares `readMainText(maxChars)` (main_text.js, beside this file), so the audit can put it
in its one script call next to its own functions and add `readMainText(MAX_CHARS)` to the payload it returns.
MAIN_TEXT_SCRIPT runs it alone, for `execute_script`. Either way, the result goes through
page_text_from_payload before it is scored: the page's own scripts could have changed what it returns.
"""

from functools import cache
from importlib.resources import files

from a11ycheck.language.blocks import MAX_CHARS, PageText, page_text_from_payload


@cache
def main_text_function() -> str:
    """The source of main_text.js: a declaration of `readMainText(maxChars)`, nothing run."""
    return files("a11ycheck.language").joinpath("main_text.js").read_text(encoding="utf-8")


MAIN_TEXT_FUNCTION = main_text_function()
MAIN_TEXT_SCRIPT = MAIN_TEXT_FUNCTION + "\nreturn readMainText(arguments[0]);"


def read_main_text(driver, max_chars: int = MAX_CHARS) -> PageText:
    """Run the extractor in the page a WebDriver `driver` shows (anything with Selenium's `execute_script`)
    and return its result checked; WebDriver errors are the caller's to handle."""
    return page_text_from_payload(driver.execute_script(MAIN_TEXT_SCRIPT, max_chars))
