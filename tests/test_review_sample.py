"""The EU method's sample: the structured part (a)-(e), one page per template, documents per type of
service, random pages at least 10% of the rest, reproducible with the seed."""

import json
import random

import pytest
from review_site import DOCUMENTS, PAGES, SITE, page, url

from a11ycheck.review.facts import DocumentFacts, PageFacts
from a11ycheck.review.sample import Sample, build_sample

STRUCTURED = [
    ("/", ["home"]),
    ("/aanmelden", ["login"]),
    ("/sitemap", ["sitemap"]),
    ("/contact", ["contact"]),
    ("/veelgestelde-vragen", ["help"]),
    ("/privacy", ["legal"]),
    ("/zoeken", ["search"]),
    ("/e-loket", ["service"]),
    ("/wonen/renovatiepremie", ["service"]),
    ("/e-loket/afspraak-maken", ["service"]),
    ("/afval/sluikstort-melden", ["service"]),
    ("/wonen/omgevingsvergunning", ["service"]),
    ("/e-loket/uittreksel-bevolkingsregister", ["service"]),
    ("/vrije-tijd/inschrijven-speelpleinwerking", ["service"]),
    ("/toegankelijkheid", ["statement"]),
    ("/meld-een-probleem", ["feedback"]),
    ("/kaart", ["template"]),
    ("/afval/ophaalkalender", ["template"]),
    ("/nieuws/wegenwerken-kerkstraat", ["template"]),
    ("/documenten/checklist-omgevingsvergunning.docx", ["document"]),
    ("/documenten/aanvraagformulier-renovatiepremie.pdf", ["document"]),
]


def paths_and_reasons(sample: Sample) -> list[tuple[str, list[str]]]:
    return [(p.url.removeprefix(SITE), list(p.reasons)) for p in sample.pages]


def test_the_municipal_sample_names_every_part():
    sample = build_sample(PAGES, DOCUMENTS, seed=7)
    chosen = paths_and_reasons(sample)
    assert chosen[: len(STRUCTURED)] == STRUCTURED
    randoms = chosen[len(STRUCTURED) :]
    assert len(randoms) == 3  # 21 structured pages: 10% is 2.1, so 3
    assert all(reasons == ["random"] for _, reasons in randoms)
    assert not {path for path, _ in randoms} & {path for path, _ in STRUCTURED}
    assert all(not path.startswith("/documenten/") for path, _ in randoms)
    assert sample.missing == ()


def test_every_template_has_a_page():
    sample = build_sample(PAGES, DOCUMENTS, seed=7)
    assert {t.id for t in sample.templates} == {p.template for p in sample.pages if p.template}
    assert all(p.template is None for p in sample.pages if "document" in p.reasons)


def test_the_same_input_and_seed_give_the_same_sample_whatever_the_order():
    first = build_sample(PAGES, DOCUMENTS, seed=2027)
    pages, documents = PAGES[:], DOCUMENTS[:]
    random.Random(1).shuffle(pages)
    random.Random(2).shuffle(documents)
    again = build_sample(pages + pages[:4], documents, seed=2027)  # duplicates too
    assert again == first
    assert json.dumps(again.to_dict(5, 9)) == json.dumps(first.to_dict(5, 9))


def test_another_seed_draws_other_random_pages_and_nothing_else_changes():
    def random_pages(seed: int) -> tuple[str, ...]:
        return tuple(
            p.url for p in build_sample(PAGES, DOCUMENTS, seed=seed).pages if p.reasons == ("random",)
        )

    draws = {random_pages(seed) for seed in range(1, 6)}
    assert len(draws) > 1
    structured = {
        tuple(p.url for p in build_sample(PAGES, DOCUMENTS, seed=seed).pages if p.reasons != ("random",))
        for seed in range(1, 6)
    }
    assert len(structured) == 1


@pytest.mark.parametrize("size, wanted", [(1, 1), (9, 1), (10, 1), (11, 2), (20, 2), (21, 3)])
def test_random_pages_are_at_least_ten_percent_and_at_least_one(size, wanted):
    # `size` pages of one template each with a role-less title: the structured part is one page per template
    pages = [page(f"/p{i}", f"Pagina {i}", signature=f"sig{i}", has_search_field=False) for i in range(size)]
    pages += [page(f"/extra{i}", f"Extra {i}", signature="sig0", has_search_field=False) for i in range(10)]
    sample = build_sample(pages, [], seed=1)
    structured = [p for p in sample.pages if p.reasons != ("random",)]
    assert len(structured) == size
    assert sum(p.reasons == ("random",) for p in sample.pages) == wanted


def test_too_few_pages_left_for_random_ones_is_said():
    pages = [page("/", "", "Welkom", has_search_field=False)]
    sample = build_sample(pages, [], seed=1)
    assert paths_and_reasons(sample) == [("/", ["home"])]
    assert sample.missing[-1] == "random"


def test_per_template_takes_n_pages_of_each_template():
    sample = build_sample(PAGES, DOCUMENTS, seed=7, per_template=3)
    by_template: dict[str, int] = {}
    for p in sample.pages:
        if p.template and p.reasons != ("random",):
            by_template[p.template] = by_template.get(p.template, 0) + 1
    sizes = {t.id: len(t.pages) for t in sample.templates}
    assert all(count >= min(3, sizes[template]) for template, count in by_template.items())
    # the news template had no page for a role: its three nearest the root are taken
    news = next(t for t in sample.templates if t.signature.endswith("main:article"))
    assert [
        p.url.removeprefix(SITE) for p in sample.pages if p.template == news.id and "template" in p.reasons
    ] == [
        "/nieuws/wegenwerken-kerkstraat",
        "/nieuws/nieuwe-bibliotheek-open",
        "/nieuws/zomerfeest-op-het-dorpsplein",
    ]
    with pytest.raises(ValueError, match="per_template must be 1 or more"):
        build_sample(PAGES, DOCUMENTS, seed=7, per_template=0)


def test_documents_one_per_type_of_service_only_from_service_pages():
    sample = build_sample(PAGES, DOCUMENTS, seed=7)
    documents = [p for p in sample.pages if "document" in p.reasons]
    assert [p.url.removeprefix(SITE) for p in documents] == [
        "/documenten/checklist-omgevingsvergunning.docx",
        "/documenten/aanvraagformulier-renovatiepremie.pdf",  # first by URL of the two the premie page links
    ]
    assert documents[0].evidence == (
        f"document: linked from {url('/wonen/omgevingsvergunning')} (service: vergunning)",
    )
    # the minutes are linked from the council's page, which is not a service: not sampled
    assert url("/documenten/notulen-gemeenteraad-oktober.pdf") not in sample.urls


def test_a_document_linked_from_another_page_of_the_service_type():
    documents = [
        DocumentFacts(f"{SITE}/documenten/afspraak.pdf", "application/pdf", (url("/e-loket/afspraak-maken"),))
    ]
    sample = build_sample(PAGES, documents, seed=7)
    # the afspraak page in the sample links to it; for e-loket, the sampled /e-loket links to no document,
    # so the e-loket page next in line does: one document, chosen for both types
    entry = sample.page(f"{SITE}/documenten/afspraak.pdf")
    assert entry.reasons == ("document",)
    assert entry.evidence == (
        f"document: linked from {url('/e-loket/afspraak-maken')} (service: afspraak)",
        f"document: linked from {url('/e-loket/afspraak-maken')} (service: e-loket)",
    )
    assert sum("document" in p.reasons for p in sample.pages) == 1


def test_json_and_csv_shapes():
    sample = build_sample(PAGES, DOCUMENTS, seed=7)
    data = sample.to_dict(sample_id=12, run_id=40)
    assert list(data) == ["sample", "run", "seed", "pages", "missing"]
    assert (data["sample"], data["run"], data["seed"], data["missing"]) == (12, 40, 7, [])
    assert data["pages"][0] == {"url": f"{SITE}/", "reasons": ["home"], "template": "t4275159"}
    assert "evidence" in sample.to_dict(evidence=True)["pages"][0]
    rows = sample.csv_rows(12, 40)
    assert rows[0] == {
        "sample": "12",
        "run": "40",
        "seed": "7",
        "url": f"{SITE}/",
        "reasons": "home",
        "template": "t4275159",
    }
    assert rows[-4]["reasons"] == "document" and rows[-4]["template"] == ""
    back = Sample.from_dict(json.loads(json.dumps(sample.to_dict(12, 40, evidence=True))))
    assert back.pages == sample.pages and back.seed == 7
    with pytest.raises(ValueError, match="not a stored sample"):
        Sample.from_dict({"pages": [{"reasons": []}], "seed": 1})


def test_malformed_facts_never_crash_and_bad_urls_are_left_out():
    pages = [
        PageFacts(
            f"{SITE}/", title=None, h1=(None, "Welkom"), h2=7, link_texts=(None, "Home"), form_count="3"
        ),
        PageFacts(""),
        PageFacts("javascript:alert(1)", title="Contact"),
        PageFacts("http://[::1", title="Contact"),
        PageFacts(f"{SITE}/" + "a/" * 1100, title="Contact"),
        PageFacts(None),
    ]
    documents = [DocumentFacts(None), DocumentFacts(f"{SITE}/d.pdf", 3, (None, "mailto:x@y.be"))]
    sample = build_sample(pages, documents, seed=1)
    assert paths_and_reasons(sample) == [("/", ["home"])]
    assert sample.page(f"{SITE}/").evidence == ("home: link text 'Home' (=home); the root of the site",)
    assert sample.missing[-1] == "random"
