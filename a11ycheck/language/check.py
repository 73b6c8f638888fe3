"""One page or one text file scored outside any run: the core of `a11ycheck language check URL_OR_FILE`.

A page is read the way a crawl reads it: loaded in a browser behind the egress guard, with the same audit
script, collector and limits, and its main text scored by the same function; nothing is stored. Only axe's
language rules run beside it (the figures are all that is asked for), so a check takes about as long as the
page takes to load.
"""

from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from a11ycheck.errors import UserError
from a11ycheck.language.observer import LanguageObserver, collected_text
from a11ycheck.language.score import (
    LANGUAGE_UNKNOWN,
    MIN_WORDS_FOR_LEVEL,
    NO_TEXT,
    NOT_DUTCH,
    TOO_LITTLE_RUNNING_TEXT,
    TOO_SHORT,
    LanguageScore,
    score_text,
)
from a11ycheck.language.textfile import score_text_file
from a11ycheck.settings import Settings
from a11ycheck.vocabulary.statuses import OK, PARTIAL, REDIRECTED

LANGUAGE_RULES = ("cat.language",)  # axe's rules on the page's declared language: cheap, and on topic


@dataclass(frozen=True)
class LanguageCheck:
    """The score of one page or file; `region` says where a page's text was read (main, article, body...)."""

    source: str
    score: LanguageScore
    region: str | None = None
    final_url: str | None = None

    @property
    def exit_code(self) -> int:
        """0 when the text got a level, 1 when there was nothing to score (too short, not Dutch, no text)."""
        return 0 if self.score.level is not None else 1


def check(target: str, settings: Settings) -> LanguageCheck:
    """Score an http(s) URL's page, or a text file; a one-line UserError when neither can be read."""
    scheme = urlsplit(target).scheme.lower() if "://" in target else ""
    if scheme in ("http", "https"):
        return check_page(target, settings)
    if scheme:
        raise UserError(f"cannot check {target}: give an http(s):// URL or the path of a text file")
    if not Path(target).exists():
        raise UserError(f"{target}: no such file; give an http(s):// URL or the path of a text file")
    return LanguageCheck(target, score_text_file(target))


def check_page(url: str, settings: Settings) -> LanguageCheck:
    """Load the page in a browser as a crawl would and score its main text."""
    from a11ycheck.runs import audit_one_page  # the browser stack: only when a page is checked
    from a11ycheck.targets import check_reachable, checked_url

    url = checked_url(url, settings.allow_private)
    check_reachable([url])
    result = audit_one_page(url, replace(settings, tags=LANGUAGE_RULES, wcag22=False), [LanguageObserver()])
    if result.status == REDIRECTED and result.redirect_to:
        raise UserError(f"{url} sends the browser to {result.redirect_to}: check that address instead")
    if result.status not in (OK, PARTIAL):
        raise UserError(f"cannot read {url}: {result.error or result.status}")
    page_text = collected_text(result)
    if page_text is None:
        raise UserError(f"the text of {url} could not be read: the page's scripts stopped the reader")
    return LanguageCheck(url, score_text(page_text), page_text.region, result.final_url)


_NO_LEVEL = {
    NO_TEXT: "no text was read",
    LANGUAGE_UNKNOWN: "the language could not be told",
    NOT_DUTCH: "the text is not Dutch",
    TOO_SHORT: f"fewer than {MIN_WORDS_FOR_LEVEL} words",
    TOO_LITTLE_RUNNING_TEXT: f"fewer than {MIN_WORDS_FOR_LEVEL} words of running text (mostly headings, "
    "lists and tables)",
}


def _share(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def text_report(checked: LanguageCheck) -> str:
    """The check for a person: one figure a line, then the longest sentences as they stand."""
    score = checked.score
    where = f" (text read from: {checked.region})" if checked.region else ""
    lines = [f"{checked.source}{where}"]
    lines.append(
        f"language          {score.lang or 'unknown'} "
        f"(declared {score.lang_declared or 'none'}, detected {score.lang_detected or 'none'})"
    )
    if score.level:
        lines.append(f"level             {score.level} (estimated: see docs/language.md)")
    else:
        lines.append(f"level             none: {_NO_LEVEL.get(score.no_level_reason, score.no_level_reason)}")
    if score.words is not None:
        lines.append(
            f"words             {score.words} of running text in {score.sentences} sentences, "
            f"{score.fragment_words} more in headings, lists and tables"
        )
    if score.scored:
        lines += [
            f"sentence length   {score.avg_sentence_length} words on average",
            f"long sentences    {_share(score.long_sentences)} of sentences have more than 20 words",
            f"long words        {_share(score.long_words)} of words have 3 syllables or more",
            f"rare words        {_share(score.rare_words)} of words are outside the most common Dutch words",
            f"Flesch-Douma      {score.flesch_douma} ({score.flesch_douma_band})",
        ]
    if score.truncated:
        lines.append("                  (the text was cut at its cap; the rest is not scored)")
    if score.longest_sentences:
        lines.append("longest sentences:")
        lines += [f"  - {sentence}" for sentence in score.longest_sentences]
    return "\n".join(lines) + "\n"
