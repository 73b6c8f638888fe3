"""Bad input from the web: each file gets a status and a plain one-line message, never a traceback."""

import pytest

from a11ycheck.documents import CORPUS, DocumentLimits, check_document, write_samples
from a11ycheck.errors import UserError

EXPECTED = {
    "truncated.pdf": (
        "unreadable",
        "the PDF ends without %%EOF: it is cut short (an interrupted download?) or damaged",
    ),
    "damaged.pdf": (
        "unreadable",
        "damaged PDF: unable to find trailer dictionary while recovering damaged file",
    ),
    "empty.pdf": ("unreadable", "the file is empty"),
    "html-named.pdf": ("unreadable", "named .pdf but is an HTML page"),
    "password.pdf": ("password-protected", "the PDF needs a password to open"),
    "compression-bomb.pdf": (
        "too-large",
        "a content stream on page 1 inflates to more than 67108864 bytes (a compression bomb?)",
    ),
    "many-pages.pdf": ("too-large", "the document declares 20000 pages (limit 10000)"),
    "many-pages-undeclared.pdf": ("too-large", "the document has more than 10000 pages"),
    "shared-page-tree.pdf": (
        "unreadable",
        "damaged PDF: (object 11 0): Loop detected in /Pages structure (getAllPages)",
    ),
    "deep-structure.pdf": ("too-large", "the structure tree is nested more than 100 levels deep"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_samples(folder, {name: CORPUS[name] for name in [*EXPECTED, "many-objects.pdf", "accessible.pdf"]})
    return folder


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_gets_a_status_and_a_plain_message(corpus, name):
    result = check_document(corpus / name, name=f"https://www.voorbeeld.be/documenten/{name}")
    assert (result.status, result.message) == EXPECTED[name]
    assert result.type == "pdf"
    assert result.checks == ()
    assert result.accessible is None
    assert result.source == f"https://www.voorbeeld.be/documenten/{name}"
    assert "\n" not in result.message and str(corpus) not in result.message


def test_the_object_count_cap(corpus):
    capped = check_document(corpus / "many-objects.pdf", limits=DocumentLimits(max_objects=10_000))
    assert (capped.status, capped.message) == (
        "too-large",
        "the document declares 50004 objects (limit 10000)",
    )
    assert check_document(corpus / "many-objects.pdf").status == "checked"  # 50,000 is within the default


def test_the_page_cap_and_the_structure_caps_are_limits_not_constants(corpus):
    assert check_document(corpus / "many-pages.pdf", limits=DocumentLimits(max_pages=20_000)).pages == 20_000
    result = check_document(corpus / "accessible.pdf", limits=DocumentLimits(max_struct_elements=10))
    assert (result.status, result.message) == ("too-large", "the structure tree has more than 10 elements")
    result = check_document(corpus / "accessible.pdf", limits=DocumentLimits(max_stream_bytes=100))
    assert (result.status, result.message) == ("too-large", "the XMP metadata is 597 bytes (limit 100)")


def test_a_file_over_the_size_limit_is_not_read(corpus):
    result = check_document(corpus / "accessible.pdf", limits=DocumentLimits(max_bytes=1000))
    size = (corpus / "accessible.pdf").stat().st_size
    assert (result.status, result.message) == ("too-large", f"the file is {size} bytes (limit 1000)")
    assert result.sha256 is None and result.size == size


def test_the_sha256_identifies_the_file(corpus):
    import hashlib

    result = check_document(corpus / "accessible.pdf")
    assert result.sha256 == hashlib.sha256((corpus / "accessible.pdf").read_bytes()).hexdigest()


def test_no_such_file_is_bad_usage(tmp_path):
    with pytest.raises(UserError, match="^no such file: .*missing.pdf$"):
        check_document(tmp_path / "missing.pdf")
    with pytest.raises(UserError, match="^not a regular file: "):
        check_document(tmp_path)


def test_mutated_files_never_break_the_checker(tmp_path):
    """Random damage to real samples (deterministic): every file gets a status, and none the catch-all
    message that means the checker itself tripped over something it should have handled."""
    import random

    rng = random.Random(16)
    bases = {
        name: CORPUS[name]()
        for name in ("accessible.pdf", "structure-loop.pdf", "accessible.docx", "accessible.odt")
    }
    tokens = [
        b"0 R",
        b"<<",
        b">>",
        b"[",
        b"]",
        b"/K",
        b"/S /Figure",
        b"(x)",
        b"999999999",
        b"-1",
        b"/Kids",
        b"/#C3#28",
    ]
    statuses = set()
    for index in range(800):
        name, original = rng.choice(list(bases.items()))
        data = bytearray(original)
        for _ in range(rng.randint(1, 20)):
            pos = rng.randrange(len(data))
            choice = rng.random()
            if choice < 0.5:
                data[pos] = rng.randrange(256)
            elif choice < 0.7:
                del data[pos : pos + rng.randint(1, 50)]
            else:
                data[pos:pos] = rng.choice(tokens)
        path = tmp_path / f"{index}-{name}"
        path.write_bytes(bytes(data))
        result = check_document(path)
        statuses.add(result.status.value)
        assert result.status == "checked" or result.message, name
        assert "could not read" not in (result.message or ""), (index, name, result.message)
    assert statuses <= {"checked", "unreadable", "password-protected", "too-large"}
    assert {"checked", "unreadable"} <= statuses
