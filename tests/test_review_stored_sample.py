"""The sample drawn from what a crawl stored: page facts with the names the pages give each other's links,
and the documents they link to. Stored with its seed and an id; the same run and seed give it back. Fast:
a synthetic crawl of Gemeente Lindegem written into SQLite and PostgreSQL, no browser."""

import json

import pytest
from review_site import DOCUMENTS, PAGES, SITE
from review_store import store_crawl
from sqlalchemy import func, select
from test_review_sample import STRUCTURED

from a11ycheck.errors import UserError
from a11ycheck.export import run_as_dict
from a11ycheck.models import Document, ReviewPageFacts, ReviewSample
from a11ycheck.review.sample import build_sample
from a11ycheck.review.sampling import draw_sample, sample_material
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import PageResult


@pytest.fixture
def store(db_url):
    store = Store(db_url)
    yield store
    store.close()


def samples(store: Store) -> int:
    with store.session() as db:
        return db.exec(select(func.count(ReviewSample.id))).scalar()


def test_the_stored_crawl_gives_the_sample_of_its_facts(store):
    run_id = store_crawl(store)
    drawn = draw_sample(store, str(run_id), seed=7)
    chosen = [(page.url.removeprefix(SITE), list(page.reasons)) for page in drawn.sample.pages]
    assert chosen[: len(STRUCTURED)] == STRUCTURED
    assert [reasons for _, reasons in chosen[len(STRUCTURED) :]] == [["random"]] * 3
    assert drawn.sample.missing == ()
    # the same sample as from the facts the crawl saw: nothing is lost on the way through the database
    direct = build_sample(PAGES, DOCUMENTS, seed=7, start_url=SITE + "/")
    assert [(p.url, p.reasons, p.template) for p in drawn.sample.pages] == [
        (p.url, p.reasons, p.template) for p in direct.pages
    ]
    assert (drawn.id, drawn.run_id, drawn.site_url, drawn.new) == (1, run_id, SITE + "/", True)


def test_link_names_come_from_the_other_pages_and_documents_from_their_links(store):
    run_id = store_crawl(store)
    # a document whose link the crawl found but the page's stored links do not hold (cut on a huge page)
    only_found = Document(url=SITE + "/documenten/formulier.pdf", http_status=200, referrer=SITE + "/e-loket")
    store.save_documents(run_id, [only_found])
    with store.session() as db:
        pages, documents = sample_material(db, run_id)
    by_url = {page.url: page for page in pages}
    assert set(by_url[SITE + "/aanmelden"].link_texts) == {"Aanmelden", "Mijn profiel"}
    assert set(by_url[SITE + "/"].link_texts) == {"Home", "Gemeente Lindegem, naar de startpagina"}
    assert {d.url.removeprefix(SITE): d.linked_from for d in documents} == {
        "/documenten/aanvraagformulier-renovatiepremie.pdf": (SITE + "/wonen/renovatiepremie",),
        "/documenten/checklist-omgevingsvergunning.docx": (
            SITE + "/wonen",
            SITE + "/wonen/omgevingsvergunning",
        ),
        "/documenten/notulen-gemeenteraad-oktober.pdf": (SITE + "/bestuur/gemeenteraad",),
        "/documenten/premie-reglement.pdf": (SITE + "/wonen/renovatiepremie",),
        "/documenten/formulier.pdf": (SITE + "/e-loket",),
    }  # the document that answered 404 is not one to sample


def test_the_same_run_and_seed_give_the_stored_sample_back(store):
    run_id = store_crawl(store)
    first = draw_sample(store, str(run_id), seed=3)
    again = draw_sample(store, "latest", seed=3)
    assert (again.id, again.new) == (first.id, False)
    assert again.to_dict(evidence=True) == first.to_dict(evidence=True)
    other = draw_sample(store, str(run_id), seed=4)
    wider = draw_sample(store, str(run_id), seed=3, per_template=2)
    assert (other.id, other.new, wider.id, wider.new) == (2, True, 3, True)
    assert samples(store) == 3
    structured = [p for p in first.sample.pages if p.reasons != ("random",)]
    assert [p for p in other.sample.pages if p.reasons != ("random",)] == structured
    assert len(wider.sample.pages) > len(first.sample.pages)


def test_the_export_of_a_run_holds_its_samples(store):
    run_id = store_crawl(store)
    drawn = draw_sample(store, str(run_id))
    exported = run_as_dict(store, run_id)
    assert exported["samples"] == [drawn.to_dict(evidence=True)]
    assert exported["audited_sample"] is None
    assert exported["samples"][0]["pages"][0]["evidence"][0].startswith("home: ")


def test_only_audited_pages_are_sampled_and_damaged_facts_are_no_error(store):
    run_id = store.start_run("crawl", SITE + "/", {}, "4.14.1").id
    pages = [
        (PageRecord(url=SITE + "/"), PageResult(SITE + "/", "ok", title="Gemeente Lindegem")),
        (PageRecord(url=SITE + "/traag"), PageResult(SITE + "/traag", "timeout")),
        (PageRecord(url=SITE + "/a"), PageResult(SITE + "/a", "ok", title="Contact")),
        (PageRecord(url=SITE + "/b"), PageResult(SITE + "/b", "ok", title="Bibliotheek")),
    ]
    facts = {"/": '{"h1": "not a list", "links": [[1, 2], "x", ["http://ergens", 3]]}', "/traag": "{}"}
    facts |= {"/a": "not JSON at all", "/b": "[1, 2]"}
    rows = [ReviewPageFacts(run_id=run_id, url=SITE + path, facts=text) for path, text in facts.items()]
    store.save_pages(run_id, pages, rows)
    store.finish_run(run_id, "completed")
    drawn = draw_sample(store, str(run_id))
    assert [(p.url.removeprefix(SITE), p.reasons) for p in drawn.sample.pages] == [
        ("/", ("home",)),
        ("/a", ("contact",)),  # from the title the crawl stored with the page
        ("/b", ("random",)),
    ]


@pytest.mark.parametrize("seed", [-1, 2**31])
def test_a_seed_out_of_range_is_refused(store, seed):
    run_id = store_crawl(store)
    with pytest.raises(UserError, match="--seed must be between 0 and 2147483647"):
        draw_sample(store, str(run_id), seed=seed)
    assert samples(store) == 0


def test_a_stored_sample_damaged_by_hand_is_a_clear_error(store):
    run_id = store_crawl(store)
    drawn = draw_sample(store, str(run_id))
    with store.session() as db:
        row = db.get(ReviewSample, drawn.id)
        row.content = json.dumps({"pages": "nope"})
        db.add(row)
        db.commit()
    with pytest.raises(UserError, match=r"^sample 1 is damaged in the database \(not a stored sample"):
        draw_sample(store, str(run_id))
