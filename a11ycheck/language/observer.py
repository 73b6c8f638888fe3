"""The plain-language wing in a run: each audited page's main text is read in the browser, beside axe in the
audit's one script call, and scored in Python when the page is stored (a11ycheck/page_observers.py).

The browser only runs `readMainText` (capped at MAX_CHARS characters); detecting the language, splitting
sentences and counting syllables happen in `rows`, off the browser, so a browser is never kept waiting for
them. Nothing is kept between pages but the core's bounded per-word caches, which are safe to share.
"""

import json

from a11ycheck.language import (
    MAIN_TEXT_FUNCTION,
    MAX_CHARS,
    LanguageScore,
    PageText,
    page_text_from_payload,
    score_text,
    warm_up,
)
from a11ycheck.models import PageLanguage
from a11ycheck.page_observers import PageObserver
from a11ycheck.store import PageRecord
from a11ycheck.vocabulary.results import PageResult

NAME = "language"  # the key of the collector's result in PageResult.collected
# A JavaScript expression whose value is the collector: the extractor's declaration, wrapped so that its
# name stays inside, and a function that reads at most MAX_CHARS characters.
COLLECTOR = f"(() => {{\n{MAIN_TEXT_FUNCTION}\nreturn () => readMainText({MAX_CHARS});\n}})()"


class LanguageObserver(PageObserver):
    """Stores a PageLanguage row for every audited page whose main text the collector could read."""

    name = NAME
    script = COLLECTOR

    def __init__(self) -> None:
        warm_up()  # the detector, the hyphenation dictionary and the word list, before the first page

    def rows(self, run_id: int, record: PageRecord, result: PageResult | None) -> list[PageLanguage]:
        page_text = collected_text(result)
        if page_text is None:
            return []
        return [language_row(run_id, record.url, score_text(page_text), page_text.region)]


def collected_text(result: PageResult | None) -> PageText | None:
    """The main text the collector read in an audited page, checked field by field; None when it did not run
    (the page was not auditable) or failed before reading anything (the page broke the script)."""
    payload = result.collected.get(NAME) if result is not None else None
    if not isinstance(payload, dict) or not isinstance(payload.get("blocks"), list):
        return None
    return page_text_from_payload(payload)


def language_row(run_id: int, url: str, score: LanguageScore, region: str | None = None) -> PageLanguage:
    """The row that stores a page's score, keyed by run and URL like the page itself."""
    return PageLanguage(
        run_id=run_id,
        url=url,
        region=region,
        lang=score.lang,
        lang_declared=score.lang_declared,
        lang_detected=score.lang_detected,
        words=score.words,
        sentences=score.sentences,
        syllables=score.syllables,
        fragment_words=score.fragment_words,
        avg_sentence_length=score.avg_sentence_length,
        long_sentences=score.long_sentences,
        long_words=score.long_words,
        rare_words=score.rare_words,
        flesch_douma=score.flesch_douma,
        level=score.level,
        no_level_reason=score.no_level_reason,
        truncated=score.truncated,
        longest_sentences=json.dumps(list(score.longest_sentences), ensure_ascii=False),
    )
