"""Structure signatures and the grouping of pages into templates."""

import random

from review_site import PAGES, SITE

from a11ycheck.review.templates import cluster_pages, structure_signature, template_id

NEWS = {
    "outside": ["banner", "search", "navigation", "navigation", "complementary", "contentinfo"],
    "headings": [2, 3],
    "breadcrumb": True,
    "main": ["article"],
    "hasMain": True,
}


def test_a_signature_is_landmarks_headings_blocks_and_main_kind_outside_the_content():
    assert (
        structure_signature(NEWS)
        == "banner,complementary,contentinfo,navigation,search|h2,h3|breadcrumb|main:article"
    )


def test_counts_and_order_do_not_change_a_signature():
    shuffled = dict(
        NEWS, outside=["contentinfo", "navigation", "banner", "complementary", "search"], headings=[3, 2, 2]
    )
    assert structure_signature(shuffled) == structure_signature(NEWS)


def test_the_main_content_has_one_kind_form_first():
    assert structure_signature(dict(NEWS, main=["list", "form", "article"])).endswith("|main:form")
    assert structure_signature(dict(NEWS, main=["article", "table"])).endswith("|main:table")
    assert structure_signature(dict(NEWS, main=[])).endswith("|main:text")
    assert structure_signature(dict(NEWS, main=[], hasMain=False)).endswith("|body:text")


def test_malformed_structures_give_a_signature_never_an_error():
    assert structure_signature(None) == "-|-|-|body:text"
    odd = {
        "outside": ["banner", 3, None, "made-up", "main"],
        "headings": [True, 0, 7, 2, "3"],
        "main": "form",
    }
    assert structure_signature(odd) == "banner|h2|-|body:text"


def test_template_ids_are_stable_across_runs():
    assert template_id("banner,contentinfo,navigation,search|h2|breadcrumb|main:text") == "t0a6bc95"


def test_pages_grouped_largest_template_first_hub_pages_first():
    templates = cluster_pages((page.url, page.signature) for page in PAGES)
    assert [(t.signature.split("|", 1)[1], len(t.pages)) for t in templates] == [
        ("h2|breadcrumb|main:text", 14),
        ("h2|breadcrumb|main:form", 6),
        ("h2|breadcrumb|main:list", 5),
        ("h2|breadcrumb|main:article", 5),
        ("h2|-|main:list", 1),
        ("h2|breadcrumb|main:table", 1),
        ("h2|-|main:map", 1),
    ]
    assert [url.removeprefix(SITE) for url in templates[2].pages] == [
        "/wonen",
        "/nieuws",
        "/zoeken",
        "/e-loket",
        "/sitemap",
    ]


def test_grouping_does_not_depend_on_input_order_and_skips_unknown_structures():
    pairs = [(page.url, page.signature) for page in PAGES] + [(f"{SITE}/onbekend", "")]
    shuffled = pairs[:]
    random.Random(3).shuffle(shuffled)
    assert cluster_pages(shuffled) == cluster_pages(pairs)
    assert all(f"{SITE}/onbekend" not in t.pages for t in cluster_pages(pairs))
