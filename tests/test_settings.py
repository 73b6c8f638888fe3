"""Settings: the one home of configuration. Fast: nothing is started."""

import re
from pathlib import Path

import pytest

from a11ycheck.errors import UserError
from a11ycheck.settings import Settings, configuration_table, env_name, option_help

DOCS = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"


def test_variables_override_defaults_and_flags_override_variables():
    settings = Settings.from_env(
        {"A11YCHECK_BROWSERS": "4", "A11YCHECK_TAGS": "wcag2a, wcag2aa", "A11YCHECK_ALLOW_PRIVATE": "yes"}
    )
    assert (settings.browsers, settings.tags, settings.allow_private) == (4, ("wcag2a", "wcag2aa"), True)
    flagged = settings.with_flags(browsers=1, max_pages=None, charters="elders")
    assert (flagged.browsers, flagged.max_pages, flagged.charters) == (1, 500, Path("elders"))
    assert flagged.is_given("browsers") and flagged.is_given("tags") and flagged.is_given("charters")
    assert not flagged.is_given("max_pages")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"A11YCHECK_BROWSERS": "lots"}, "A11YCHECK_BROWSERS='lots' is not a whole number: fix or unset it"),
        ({"A11YCHECK_ALLOW_PRIVATE": "maybe"}, "A11YCHECK_ALLOW_PRIVATE='maybe' is not true or false"),
        ({"A11YCHECK_AXE_TIMEOUT": "soon"}, "A11YCHECK_AXE_TIMEOUT='soon' is not a number"),
        ({"A11YCHECK_BROWSERS": "40"}, "--browsers must be between 1 and 32, not 40"),
        ({"A11YCHECK_BROKER": "http://x"}, "unsupported broker 'http://x'"),
        ({"A11YCHECK_INCLUDE": "(unclosed"}, "bad regular expression '(unclosed'"),
        ({"A11YCHECK_DOWNLOAD_DELAY": "-1"}, "--delay must be 0 or more seconds, not -1"),
        ({"A11YCHECK_DOCUMENTS": "sometimes"}, "A11YCHECK_DOCUMENTS='sometimes' is not true or false"),
        ({"A11YCHECK_MAX_DOCUMENTS": "-1"}, "--max-documents must be 0 or more, not -1"),
        ({"A11YCHECK_DOCUMENT_WORKERS": "9"}, "A11YCHECK_DOCUMENT_WORKERS must be between 1 and 8, not 9"),
        ({"A11YCHECK_DOCUMENT_MEMORY": "1000"}, "A11YCHECK_DOCUMENT_MEMORY must be at least 134217728 bytes"),
        ({"A11YCHECK_DOCUMENT_TIMEOUT": "0"}, "A11YCHECK_DOCUMENT_TIMEOUT must be a positive number"),
    ],
)
def test_a_bad_variable_is_one_line_naming_it(environ, message):
    with pytest.raises(UserError) as refused:
        Settings.from_env(environ)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_bad_flag_is_refused_like_a_bad_variable():
    with pytest.raises(UserError, match="--max-pages must be at least 1, not 0"):
        Settings.from_env({}).with_flags(max_pages=0)


def test_the_help_of_a_flag_names_its_default_and_variable():
    assert (
        option_help("browsers")
        == "Headless browsers working in parallel (1 to 32) (default 2; env A11YCHECK_BROWSERS)."
    )
    assert env_name("page_load_timeout") == "A11YCHECK_PAGE_LOAD_TIMEOUT"


def test_the_configuration_docs_hold_the_table_of_every_variable():
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(r"<!-- settings-table[^>]*-->\n(.*?)<!-- /settings-table -->", text, re.S)
    assert found, "docs/configuration.md has lost its settings-table markers"
    assert found.group(1) == configuration_table(), (
        "run: python -m a11ycheck.settings, and paste it in the docs"
    )
    for spec_name in ("A11YCHECK_DB", "A11YCHECK_CHARTERS", "A11YCHECK_REPORTS", "A11YCHECK_BROWSERS"):
        assert f"`{spec_name}`" in found.group(1)


def test_documents_are_downloaded_and_checked_unless_told_otherwise():
    settings = Settings.from_env({})
    assert (settings.documents, settings.max_documents, settings.max_document_bytes) == (True, 200, 52428800)
    assert (settings.document_workers, settings.document_timeout) == (1, 60.0)
    off = Settings.from_env({"A11YCHECK_DOCUMENTS": "no"}).with_flags(max_documents=5, documents=None)
    assert (off.documents, off.max_documents) == (False, 5)
    assert Settings.from_env({}).with_flags(documents=False).documents is False


def test_the_document_size_cap_is_the_checkers():
    from a11ycheck.documents import DEFAULT_MAX_DOCUMENT_BYTES
    from a11ycheck.settings import MAX_DOCUMENT_BYTES

    assert MAX_DOCUMENT_BYTES == DEFAULT_MAX_DOCUMENT_BYTES
