"""The page observer without a browser: what it makes of the collector's result (whatever a page did to
it), the rows it stores, and that they read back as the score they were made from."""

import threading
from pathlib import Path

import pytest

from a11ycheck.language import score_text, score_text_file
from a11ycheck.language.observer import COLLECTOR, NAME, LanguageObserver, language_row
from a11ycheck.language.queries import score_of_row
from a11ycheck.models import PageLanguage
from a11ycheck.store import PageRecord
from a11ycheck.vocabulary.results import PageResult

TEXTS = Path(__file__).parent / "language_texts"
URL = "https://www.voorbeeld.be/nieuws/restafval"


def paragraphs(name: str) -> list[str]:
    return [p for p in (TEXTS / name).read_text(encoding="utf-8").split("\n\n") if p.strip()]


def payload(name: str, lang: str = "nl-BE") -> dict:
    """What readMainText returns for a page made of a test text: a heading, then paragraphs."""
    first, *rest = paragraphs(name)
    blocks = [{"kind": "heading", "text": first}] + [{"kind": "paragraph", "text": p} for p in rest]
    return {"lang": lang, "region": "main", "blocks": blocks, "truncated": False, "chars": 1, "error": None}


def audited(collected: dict | None) -> PageResult:
    return PageResult(url=URL, status="ok", collected={NAME: collected} if collected is not None else {})


@pytest.fixture(scope="module")
def observer() -> LanguageObserver:
    return LanguageObserver()


def test_an_audited_page_gets_one_row_with_the_core_figures(observer):
    (row,) = observer.rows(7, PageRecord(url=URL), audited(payload("b1_nieuws_restafval.txt")))
    assert isinstance(row, PageLanguage)
    assert (row.run_id, row.url, row.region, row.lang, row.lang_declared) == (7, URL, "main", "nl", "nl")
    assert score_of_row(row) == score_text_file(TEXTS / "b1_nieuws_restafval.txt", "nl")
    assert (row.level, row.flesch_douma, row.words, row.sentences) == ("B1", 71.2, 136, 12)


@pytest.mark.parametrize(
    "result",
    [
        None,  # no browser result at all (a page Scrapy fetched and nobody audited)
        PageResult(url=URL, status="http-404"),  # not auditable: the collector never ran
        audited(None),  # an older script, or a run without the collector
        audited({"error": "Cannot read properties of undefined"}),  # the collector threw before reading
        audited({"blocks": "<p>hallo</p>"}),  # a page that replaced the result with nonsense
        audited(["not", "a", "dict"]),  # type: ignore[arg-type]
    ],
)
def test_no_row_when_the_collector_read_nothing(observer, result):
    assert observer.rows(1, PageRecord(url=URL), result) == []


def test_a_tampered_or_partial_payload_is_scored_for_what_it_holds(observer):
    """Blocks of the wrong shape are dropped, an unknown kind is "other", an error after reading keeps what
    was read: the row records an honest "no-text" or the text that is there."""
    hostile = {
        "lang": ["nl"],
        "region": {"x": 1},
        "blocks": [None, 5, {"kind": "script", "text": 12}, {"kind": "evil", "text": "   "}],
        "error": "getComputedStyle is not a function",
    }
    (row,) = observer.rows(1, PageRecord(url=URL), audited(hostile))
    assert (row.lang, row.region, row.words, row.level, row.no_level_reason) == (
        None,
        None,
        None,
        None,
        "no-text",
    )

    partial = payload("c1_retributiereglement.txt") | {"error": "stopped", "truncated": True}
    (row,) = observer.rows(1, PageRecord(url=URL), audited(partial))
    assert (row.level, row.truncated) == ("C1", True)


def test_rows_read_back_as_the_scores_they_were_made_from():
    scores = [
        score_text_file(TEXTS / "a2_verhuizen.txt", "nl"),
        score_text_file(TEXTS / "c1_subsidiereglement.txt", "nl"),
        score_text("The town hall is closed on Monday. " * 20, "en"),
        score_text("Kort bericht. Bel ons.", "nl"),
        score_text("", "nl"),
        score_text('Zinnen met "aanhalingstekens", <code> en één é\u00e8n accent. ' * 30, "nl"),
    ]
    for score in scores:
        row = language_row(3, URL, score, "article")
        assert score_of_row(row) == score
        assert score_of_row(row).to_dict() == score.to_dict()


def test_a_row_with_broken_quotes_reads_back_without_them():
    row = language_row(3, URL, score_text_file(TEXTS / "b1_wegenwerken.txt", "nl"))
    row.longest_sentences = "{not json"
    assert score_of_row(row).longest_sentences == ()
    row.longest_sentences = '[1, "Een zin.", null]'
    assert score_of_row(row).longest_sentences == ("Een zin.",)


def test_pages_are_scored_alike_from_several_audit_threads(observer):
    """Pages are stored from several threads at once (a list audit) and share the core's caches."""
    names = sorted(path.name for path in TEXTS.glob("*.txt"))
    alone = {
        name: score_of_row(observer.rows(1, PageRecord(url=name), audited(payload(name)))[0])
        for name in names
    }
    together: dict[str, list] = {name: [] for name in names}

    def work(offset: int) -> None:
        for name in names[offset:] + names[:offset]:
            (row,) = observer.rows(1, PageRecord(url=name), audited(payload(name)))
            together[name].append(score_of_row(row))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(found == [alone[name]] * 6 for name, found in together.items())


def test_the_collector_is_one_expression_that_reads_at_most_the_cap():
    assert COLLECTOR.startswith("(() => {") and COLLECTOR.endswith("})()")
    assert "function readMainText(maxChars)" in COLLECTOR
    assert COLLECTOR.removesuffix("})()").rstrip().endswith("return () => readMainText(200000);")
