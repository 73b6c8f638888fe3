"""Every PDF check's exact outcome on every PDF of the generated corpus that can be checked."""

import pytest

from a11ycheck.documents import CORPUS, check_document, write_samples
from a11ycheck.documents.catalogue import PDF_CHECKS

P, F, NA = "passed", "failed", "not-applicable"
CHECK_IDS = list(PDF_CHECKS)
# The accessible document: 4 pages, so bookmarks do not apply; everything else passes.
ACCESSIBLE = {check_id: P for check_id in CHECK_IDS} | {"bookmarks": NA}
UNTAGGED = {"figure-alt": NA, "headings": NA, "tables": NA}

EXPECTED = {
    "accessible.pdf": ACCESSIBLE,
    "accessible-long.pdf": ACCESSIBLE | {"bookmarks": P},
    "untagged.pdf": ACCESSIBLE | UNTAGGED | {"tagged": F},
    "tags-not-marked.pdf": ACCESSIBLE | {"tagged": F},
    "no-title.pdf": ACCESSIBLE | {"title": F},
    "title-not-displayed.pdf": ACCESSIBLE | {"title": F},
    "title-only-in-info.pdf": ACCESSIBLE,
    "title-is-file-name.pdf": ACCESSIBLE | {"title": F},
    "no-language.pdf": ACCESSIBLE | {"language": F},
    "invalid-language.pdf": ACCESSIBLE | {"language": F},
    # four scanned pages, each a tagged figure with alternative text: no text, so no headings expected
    "scanned.pdf": ACCESSIBLE
    | {"text": F, "headings": NA, "tables": NA, "form-fields": NA, "link-annotations": NA},
    "figure-without-alt.pdf": ACCESSIBLE | {"figure-alt": F},
    "long-without-bookmarks.pdf": ACCESSIBLE | {"bookmarks": F},
    "encrypted-accessible.pdf": ACCESSIBLE,
    "encrypted-no-accessibility.pdf": ACCESSIBLE | {"permissions": F},
    "no-pdfua.pdf": ACCESSIBLE | {"pdfua": F},
    "no-headings.pdf": ACCESSIBLE | {"headings": F},
    "table-without-header.pdf": ACCESSIBLE | {"tables": F},
    "field-without-name.pdf": ACCESSIBLE | {"form-fields": F},
    "link-untagged.pdf": ACCESSIBLE | {"link-annotations": F},
    "link-described-only.pdf": ACCESSIBLE,
    "modified-2016.pdf": ACCESSIBLE,
    "structure-loop.pdf": ACCESSIBLE | {"tagged": F},
    # one bare page, no metadata: only permissions passes
    "many-objects.pdf": {check_id: NA for check_id in CHECK_IDS}
    | {"tagged": F, "title": F, "language": F, "text": F, "permissions": P, "pdfua": F},
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_samples(folder, CORPUS)
    return folder


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_check_has_its_known_outcome(corpus, name):
    result = check_document(corpus / name)
    assert result.status == "checked", result.message
    assert result.type == "pdf"
    assert {c.id: c.outcome.value for c in result.checks} == EXPECTED[name]
    assert [c.id for c in result.checks] == CHECK_IDS
    failed = [c for c in result.checks if c.outcome == "failed" and not c.advisory]
    assert result.accessible is (not failed)


def test_no_check_fails_a_document_that_passes_it(corpus):
    """Each check passes on the accessible documents and fails only on the file made to fail it."""
    made_to_fail = {
        check_id: {name for name, outcomes in EXPECTED.items() if outcomes[check_id] == F}
        for check_id in CHECK_IDS
    }
    assert made_to_fail["tagged"] == {
        "untagged.pdf",
        "tags-not-marked.pdf",
        "structure-loop.pdf",
        "many-objects.pdf",
    }
    assert made_to_fail["bookmarks"] == {"long-without-bookmarks.pdf"}
    assert made_to_fail["permissions"] == {"encrypted-no-accessibility.pdf"}
    assert made_to_fail["figure-alt"] == {"figure-without-alt.pdf"}
    for check_id in CHECK_IDS:
        assert made_to_fail[check_id], f"no document fails {check_id}"
        assert any(outcomes[check_id] == P for outcomes in EXPECTED.values()), f"none passes {check_id}"


def test_details_say_what_was_found_in_plain_words(corpus):
    def detail(name, check_id):
        return check_document(corpus / name).check(check_id).detail

    assert detail("accessible.pdf", "title") == 'the title "Afvalkalender 2027" is shown by viewers'
    assert detail("accessible.pdf", "language") == 'the document language is "nl-BE"'
    assert detail("accessible.pdf", "text") == "text on 4 of 4 pages"
    assert detail("title-not-displayed.pdf", "title") == (
        'the title "Afvalkalender 2027" is set, but /ViewerPreferences /DisplayDocTitle is not true: '
        "viewers show the file name instead"
    )
    assert detail("title-is-file-name.pdf", "title") == (
        'the title "Microsoft Word - afvalkalender_def2.docx" is a file name, '
        "not a description of the document"
    )
    assert detail("no-title.pdf", "title") == "no title: neither the XMP dc:title nor the Info /Title is set"
    assert detail("no-language.pdf", "language") == "no document language: the catalog has no /Lang"
    assert detail("invalid-language.pdf", "language") == (
        'the document language is wrong: "nl_BE" is not a valid BCP 47 language tag (like nl or nl-BE)'
    )
    assert detail("scanned.pdf", "text") == "no page has real text, only images: the document looks scanned"
    assert (
        detail("figure-without-alt.pdf", "figure-alt")
        == "1 of 1 figures have no /Alt or /ActualText (page 1)"
    )
    assert (
        detail("long-without-bookmarks.pdf", "bookmarks")
        == "25 pages, but no bookmarks (outline) to navigate them"
    )
    assert detail("untagged.pdf", "tagged") == (
        "not tagged: no structure tree (StructTreeRoot) and no /MarkInfo /Marked true"
    )
    assert (
        detail("tags-not-marked.pdf", "tagged") == "has a structure tree, but /MarkInfo /Marked is not true"
    )
    assert (
        detail("structure-loop.pdf", "tagged")
        == "the structure tree is damaged: 1 element(s) contain themselves"
    )
    assert detail("encrypted-no-accessibility.pdf", "permissions") == (
        "encrypted without the permission to extract content for accessibility (bit 10): "
        "screen readers may be refused the text"
    )
    assert detail("encrypted-accessible.pdf", "permissions") == (
        "encrypted, but content extraction for accessibility is allowed"
    )
    assert detail("no-headings.pdf", "headings") == "text on 4 pages, but no heading is tagged (H, H1-H6)"
    assert detail("table-without-header.pdf", "tables") == "1 of 1 tables have no header cells (TH)"
    assert detail("field-without-name.pdf", "form-fields") == (
        "1 of 1 form fields have no accessible name (/TU tooltip) (page 1)"
    )
    assert detail("link-untagged.pdf", "link-annotations") == (
        "1 of 1 links are neither tagged in a /Link element nor described by /Contents (page 1)"
    )


def test_each_check_carries_its_wcag_criteria_techniques_and_en_clauses(corpus):
    checks = {c.id: c for c in check_document(corpus / "accessible.pdf").checks}
    assert checks["tagged"].wcag == ("1.3.1", "1.3.2")
    assert checks["title"].wcag == ("2.4.2",) and checks["title"].techniques == ("PDF18",)
    assert checks["title"].en_301_549 == ("10.2.4.2",)
    assert checks["language"].techniques == ("PDF16",) and checks["language"].en_301_549 == ("10.3.1.1",)
    assert checks["text"].techniques == ("PDF7",)
    assert checks["figure-alt"].wcag == ("1.1.1",) and checks["figure-alt"].techniques == ("PDF1",)
    assert checks["bookmarks"].techniques == ("PDF2",) and checks["bookmarks"].en_301_549 == ()
    assert checks["pdfua"].advisory and not any(c.advisory for i, c in checks.items() if i != "pdfua")


def test_pages_and_the_exemption_date(corpus):
    recent = check_document(corpus / "accessible-long.pdf")
    assert recent.pages == 25
    assert recent.possibly_exempt is False
    assert recent.modified.isoformat() == "2026-03-02T10:15:00+01:00"
    old = check_document(corpus / "modified-2016.pdf")
    assert old.possibly_exempt is True
    assert old.modified.isoformat() == "2016-04-12T14:00:00+02:00"
    assert check_document(corpus / "many-objects.pdf").possibly_exempt is None  # no date anywhere


def _edited(tmp_path, name, edit):
    """A copy of a corpus PDF changed by `edit(pdf)`."""
    import io
    import warnings

    import pikepdf

    pdf = pikepdf.open(io.BytesIO(CORPUS[name]()))
    edit(pdf)
    path = tmp_path / f"edited-{name}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pikepdf notes widgets outside /AcroForm: wanted here
        pdf.save(path)
    return path


def test_form_field_names_come_from_parent_fields_and_button_captions(tmp_path):
    from pikepdf import Array, Dictionary, Name, String

    def edit(pdf):
        page = pdf.pages[0].obj
        widget = page.Annots[0] if page.Annots[0].Subtype == Name.Widget else page.Annots[1]
        del widget["/TU"]
        widget.Parent = pdf.make_indirect(
            Dictionary(T=String("aanvrager"), TU=String("Gegevens van de aanvrager"))
        )
        button = Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Btn, Ff=1 << 16, T=String("knop1"),
            MK=Dictionary(CA=String("Verzenden")), Rect=Array([56, 300, 150, 320]), P=page,
        )  # fmt: skip
        hidden = Dictionary(Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=String("Text7"), F=2, P=page)
        page.Annots.append(pdf.make_indirect(button))
        page.Annots.append(pdf.make_indirect(hidden))

    result = check_document(_edited(tmp_path, "accessible.pdf", edit))
    check = result.check("form-fields")
    # the hidden widget is not counted: 2 fields, not 3
    assert (check.outcome, check.detail) == ("passed", "all 2 form fields have an accessible name")


def test_text_inside_a_form_xobject_counts_and_image_only_pages_are_named(tmp_path):
    from pikepdf import Dictionary, Name, Stream

    def edit(pdf):
        first = pdf.pages[0].obj
        form = Stream(pdf, b"BT /F1 10 Tf 56 700 Td (Tekst in een formulier-XObject) Tj ET")
        form.stream_dict = Dictionary(
            Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 595, 842], Resources=first.Resources
        )
        first.Resources.XObject.Fm1 = pdf.make_indirect(form)
        first.Contents = pdf.make_indirect(Stream(pdf, b"q /Fm1 Do Q"))
        for page in pdf.pages[2:]:
            page.obj.Contents = pdf.make_indirect(Stream(pdf, b"q 500 0 0 700 40 60 cm /Im1 Do Q"))

    check = check_document(_edited(tmp_path, "accessible.pdf", edit)).check("text")
    assert (check.outcome, check.detail) == (
        "passed",
        "text on 2 of 4 pages; 2 pages with images but no text (pages 3, 4): scans?",
    )


def test_custom_structure_types_count_through_the_role_map(tmp_path):
    from pikepdf import Dictionary, Name

    def figures(pdf):
        stack, found = [pdf.Root.StructTreeRoot.K], []
        while stack:
            node = stack.pop()
            if isinstance(node, Dictionary):
                if node.get("/S") == Name.Figure:
                    found.append(node)
                kids = node.get("/K")
                stack.extend(kids if isinstance(kids, list) or hasattr(kids, "append") else [kids])
        return found

    def custom_figure_without_alt(pdf):
        (figure,) = figures(pdf)
        figure.S = Name("/Kaart")
        del figure["/Alt"]
        pdf.Root.StructTreeRoot.RoleMap = Dictionary(
            Kaart=Name.Figure, Figure=Name.Span
        )  # the 2nd is ignored

    result = check_document(_edited(tmp_path, "accessible.pdf", custom_figure_without_alt))
    assert (result.check("figure-alt").outcome, result.check("figure-alt").detail) == (
        "failed",
        "1 of 1 figures have no /Alt or /ActualText (page 1)",
    )
