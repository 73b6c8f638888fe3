import pytest

from a11ycheck.urls import (
    MAX_URLS_PER_PATTERN,
    SiteScope,
    TrapGuard,
    is_document_url,
    is_non_page_url,
    normalize_url,
    url_pattern,
)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("HTTP://WWW.Vlaanderen.BE", "http://www.vlaanderen.be/"),
        ("http://example.be:80/a", "http://example.be/a"),
        ("https://example.be:443/a", "https://example.be/a"),
        ("https://example.be:8443/a", "https://example.be:8443/a"),
        ("http://example.be:443/a", "http://example.be:443/a"),
        ("https://example.be/a#inhoud", "https://example.be/a"),
        ("https://example.be/?b=2&a=1", "https://example.be/?a=1&b=2"),
        (
            "https://example.be/nieuws?utm_source=x&utm_Medium=y&id=4&fbclid=z",
            "https://example.be/nieuws?id=4",
        ),
        (
            "https://example.be/?gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&_ga=6&_gl=7&yclid=8&igshid=9",
            "https://example.be/",
        ),
        ("https://example.be/caf%c3%a9/a%2fb", "https://example.be/caf%C3%A9/a%2Fb"),
        ("https://example.be/café", "https://example.be/caf%C3%A9"),
        ("  https://example.be/a  ", "https://example.be/a"),
        ("http://[::1]:80/", "http://[::1]/"),
    ],
)
def test_normalize_url(raw, normalised):
    assert normalize_url(raw) == normalised


def test_normalize_url_is_idempotent():
    url = "https://Example.be:443/a/../b/?z=1&utm_campaign=x&a=%7e#top"
    assert normalize_url(normalize_url(url)) == normalize_url(url)


def test_scope_same_host_and_scheme_family():
    scope = SiteScope("https://www.vlaanderen.be/")
    assert scope.in_scope("https://www.vlaanderen.be/onderwijs")
    assert scope.in_scope("http://www.vlaanderen.be/onderwijs")
    assert not scope.in_scope("https://vlaanderen.example/")
    assert not scope.in_scope("https://onderwijs.vlaanderen.be/")
    assert not scope.in_scope("https://www.vlaanderen.be.evil.example/")
    assert not scope.in_scope("ftp://www.vlaanderen.be/")
    assert not scope.in_scope("mailto:info@vlaanderen.be")


@pytest.mark.parametrize("start", ["https://www.gent.be/", "https://gent.be/"])
def test_scope_www_twin_in_either_direction(start):
    scope = SiteScope(start)
    assert scope.in_scope("https://www.gent.be/a")
    assert scope.in_scope("https://gent.be/a")
    assert scope.in_scope("https://WWW.GENT.BE/a")
    assert not scope.in_scope("https://www.www.gent.be/a")
    assert not scope.in_scope("https://wwwgent.be/a")


def test_scope_port_must_match():
    loopback = SiteScope("http://127.0.0.1:8001/")
    assert loopback.in_scope("http://127.0.0.1:8001/a")
    assert not loopback.in_scope("http://127.0.0.1:8002/a")
    assert not loopback.in_scope("http://127.0.0.1/a")
    default = SiteScope("http://example.be/")
    assert default.in_scope("https://example.be/")
    assert default.in_scope("http://example.be:80/")
    assert not default.in_scope("http://example.be:8080/")


def test_scope_include_and_exclude():
    scope = SiteScope(
        "https://example.be/nl/", include=[r"/nl/", r"/fr/"], exclude=[r"/archief/", r"\?print="]
    )
    assert scope.in_scope("https://example.be/nl/diensten")
    assert scope.in_scope("https://example.be/fr/services")
    assert not scope.in_scope("https://example.be/en/services")
    assert not scope.in_scope("https://example.be/nl/archief/2019")
    assert not scope.in_scope("https://example.be/nl/diensten?print=1")
    assert not scope.in_scope("https://other.example/nl/")
    assert scope.same_site("https://example.be/sitemap.xml")


def test_scope_rejects_a_start_url_without_host():
    with pytest.raises(ValueError, match="not an http"):
        SiteScope("file:///etc/passwd")


def test_document_and_non_page_urls():
    assert is_document_url("https://example.be/files/Jaarverslag.PDF")
    assert is_document_url("https://example.be/formulier.docx?versie=2")
    assert is_document_url("https://example.be/data/begroting.ods")
    assert not is_document_url("https://example.be/pdf/overzicht")
    assert not is_document_url("https://example.be/")
    assert is_non_page_url("https://example.be/logo.svg")
    assert is_non_page_url("https://example.be/assets/app.js")
    assert is_non_page_url("https://example.be/video/uitleg.mp4")
    assert is_non_page_url("https://example.be/fonts/flanders.woff2")
    assert not is_non_page_url("https://example.be/nieuws.html")
    assert not is_non_page_url("https://example.be/nieuws")
    assert not is_non_page_url("https://example.be/rapport.pdf")


def test_url_pattern_ignores_numbers_and_query_values():
    assert url_pattern("https://e.be/agenda?maand=2026-11") == url_pattern(
        "https://e.be/agenda?maand=2026-12"
    )
    assert url_pattern("https://e.be/agenda/2026/11/") == url_pattern("https://e.be/agenda/2026/12/")
    assert url_pattern("https://e.be/agenda/2026/11/") == "e.be/agenda/N/N/"
    assert url_pattern("https://e.be/zoek?q=a&p=2") == "e.be/zoek?p&q"
    assert url_pattern("https://e.be/zoek?q=a") != url_pattern("https://e.be/zoek?q=a&p=2")
    assert url_pattern("https://e.be/agenda") != url_pattern("https://f.be/agenda")


def test_trap_guard_limits_urls_per_pattern():
    guard = TrapGuard(max_per_pattern=3)
    months = [f"https://e.be/agenda?maand=2026-{month:02}" for month in range(1, 6)]
    assert [guard.admit(url) for url in months] == [True, True, True, False, False]
    assert guard.admit(months[0])  # admitted before: still admitted, not counted again
    assert guard.admit("https://e.be/nieuws")
    paths = [f"https://e.be/agenda/2026/{month}/" for month in range(1, 6)]
    assert [guard.admit(url) for url in paths] == [True, True, True, False, False]


def test_trap_guard_default_pattern_limit():
    guard = TrapGuard()
    admitted = [guard.admit(f"https://e.be/kalender?dag={day}") for day in range(MAX_URLS_PER_PATTERN + 10)]
    assert admitted.count(True) == MAX_URLS_PER_PATTERN == 50


def test_trap_guard_refuses_traps_by_shape():
    guard = TrapGuard()
    assert not guard.admit("https://e.be/" + "a" * 2100)
    assert not guard.admit("https://e.be/zoek?" + "&".join(f"p{n}=1" for n in range(9)))
    assert guard.admit("https://e.be/zoek?" + "&".join(f"p{n}=1" for n in range(8)))
    assert not guard.admit("https://e.be/" + "/".join(f"s{n}" for n in range(16)))
    assert guard.admit("https://e.be/" + "/".join(f"s{n}" for n in range(15)))
    assert not guard.admit("https://e.be/a/b/a/b/a/b")
    assert guard.admit("https://e.be/a/b/a/b")


def test_trap_guard_limits_are_constructor_arguments():
    guard = TrapGuard(max_url_length=30, max_query_parameters=1, max_path_segments=2, max_segment_repeats=1)
    assert not guard.admit("https://e.be/" + "a" * 30)
    assert not guard.admit("https://e.be/?a=1&b=2")
    assert not guard.admit("https://e.be/a/b/c")
    assert not guard.admit("https://e.be/a/a")
    assert guard.admit("https://e.be/a/b?c=1")
