"""Fix-once groups: the same element failing the same rule on many pages is one problem (a shared template),
and an element of a frame audited on its own is one element. Stored the way a run stores, exported and
listed as the CLI does."""

import json

from a11ycheck.finding_groups import FoundNode, element_key, group_findings
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import NodeResult, PageResult, RuleResult

SITE = "https://www.voorbeeld.be"
SEARCH = '<input type="search" name="q" class="zoekveld">'


def node(page: str, rule: str, *target: str, html: str = SEARCH) -> FoundNode:
    return FoundNode(f"{SITE}{page}", rule, "critical", "A", "Help", tuple(target), html)


def test_the_same_template_element_on_many_pages_is_one_group():
    nodes = [node(f"/p{i}", "label", "#zoek > input") for i in range(5)]
    nodes += [node("/p1", "image-alt", "main > img", html='<img src="a.png">')]  # one page only
    nodes += [node("/p2", "label", "#zoek > input")]  # found twice on one page: the page counts once
    (group,) = group_findings(nodes)
    assert (group.rule, group.target, len(group.pages), group.frame_url) == (
        "label",
        ("#zoek > input",),
        5,
        None,
    )
    assert group.pages == sorted(f"{SITE}/p{i}" for i in range(5))
    assert group.row() == ("5", "label", "critical", "#zoek > input")


def test_the_marks_of_the_current_page_do_not_split_a_group():
    assert element_key('<a href="/nieuws" class="menu-item active" aria-current="page">Nieuws</a>') == (
        '<a href="/nieuws" class="menu-item">Nieuws</a>'
    )
    nodes = [
        node("/", "link-name", "nav > a", html='<a href="/x" class="is-active"></a>'),
        node("/a", "link-name", "nav > a", html='<a href="/x"></a>'),
        node("/b", "link-name", "nav > a", html='<a href="/y"></a>'),  # another link: another element
    ]
    (group,) = group_findings(nodes)
    assert group.pages == [f"{SITE}/", f"{SITE}/a"]


def test_an_element_of_a_frame_audited_on_its_own_is_listed_once_under_the_frame():
    image = '<img src="kaart.png">'
    nodes = [
        node("/kaart/embed.html", "image-alt", "img", html=image),
        node("/bereikbaarheid.html", "image-alt", "iframe", "img", html=image),
        node("/contact.html", "image-alt", "iframe[title='Kaart']", "img", html=image),
    ]
    (group,) = group_findings(nodes)
    assert group.frame_url == f"{SITE}/kaart/embed.html"
    assert group.target == ("img",) and len(group.pages) == 3


def test_groups_are_in_the_json_export(sqlite_url):
    from a11ycheck.export import render

    store = Store(sqlite_url)
    run = store.start_run("audit", None, {}, "4.14.1")
    pages = []
    for path in ("/", "/nieuws", "/contact"):
        failing = RuleResult(
            "label",
            "critical",
            ["wcag2a", "wcag412"],
            "Form elements must have labels",
            "d",
            "u",
            [NodeResult(["#zoek > input"], SEARCH, "Fix")],
        )
        pages.append(
            (PageRecord(url=f"{SITE}{path}"), PageResult(f"{SITE}{path}", "ok", violations=[failing]))
        )
    store.save_pages(run.id, pages)
    store.finish_run(run.id, "completed")
    (group,) = json.loads(render(store, run.id, "json"))["groups"]
    assert group["rule"] == "label" and group["element"] == {"target": ["#zoek > input"], "html": SEARCH}
    assert group["pages"] == [f"{SITE}/", f"{SITE}/contact", f"{SITE}/nieuws"]
