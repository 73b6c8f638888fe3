"""Reading what the PDF checks judge from an open PDF, every read under the caps of DocumentLimits.

Reading is kept apart from judging (pdf_checks.py): this module touches hostile objects, that one only
plain Python values.
"""

import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime

import pikepdf
from pikepdf import Array, Dictionary, Stream

from a11ycheck.documents.dates import parse_iso_date, parse_pdf_date
from a11ycheck.documents.limits import DocumentLimits
from a11ycheck.documents.pdf_objects import (
    Page,
    PdfDamaged,
    PdfTooLarge,
    get,
    get_array,
    get_dict,
    get_name,
    get_text,
    name_text,
    objgen,
    read_stream,
    walk_pages,
)
from a11ycheck.documents.pdf_structure import StructureSummary, walk_structure
from a11ycheck.documents.safe_xml import XmlRefused, element_text, parse_xml

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}
TEXT_OPERATORS = "Tj TJ ' \""
INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s")
PUSHBUTTON = 1 << 16  # field flag bit 17


@dataclass
class Annotation:
    page: int
    ok: bool  # the form field has a name / the link is tagged or described


@dataclass
class PdfFacts:
    pages: int
    marked: bool = False
    structure: StructureSummary = field(default_factory=StructureSummary)
    info_title: str | None = None
    xmp_title: str | None = None
    display_doc_title: bool = False
    lang: str | None = None
    lang_not_text: bool = False  # /Lang is there but is not a string
    pages_read: int = 0
    text_pages: int = 0
    image_only_pages: list[int] = field(default_factory=list)
    has_outline: bool = False
    encrypted: bool = False
    accessibility_allowed: bool = True
    pdfua_part: str | None = None
    widgets: list[Annotation] = field(default_factory=list)
    links: list[Annotation] = field(default_factory=list)
    modified_dates: list[datetime] = field(default_factory=list)


def read_pdf_facts(pdf: pikepdf.Pdf, limits: DocumentLimits) -> PdfFacts:
    """Everything the checks need; PdfTooLarge or PdfDamaged when a cap is hit or a structure is broken."""
    declared_objects = get(pdf.trailer, "/Size")
    if isinstance(declared_objects, int) and declared_objects > limits.max_objects:
        raise PdfTooLarge(f"the document declares {declared_objects} objects (limit {limits.max_objects})")
    root = pdf.Root
    if not isinstance(root, Dictionary):
        raise PdfDamaged("the document has no catalog")
    pages = walk_pages(pdf, limits.max_pages)
    facts = PdfFacts(pages=len(pages))
    page_numbers = {og: page.number for page in pages if (og := objgen(page.obj))}
    facts.marked = get(get_dict(root, "/MarkInfo"), "/Marked") is True
    facts.structure = walk_structure(pdf, page_numbers, limits)
    facts.info_title = get_text(pdf.trailer.get("/Info"), "/Title")
    facts.display_doc_title = get(get_dict(root, "/ViewerPreferences"), "/DisplayDocTitle") is True
    lang = get(root, "/Lang")
    facts.lang = get_text(root, "/Lang")
    facts.lang_not_text = lang is not None and facts.lang is None
    outlines = get_dict(root, "/Outlines")
    facts.has_outline = isinstance(get(outlines, "/First"), Dictionary)
    facts.encrypted = pdf.is_encrypted
    facts.accessibility_allowed = bool(pdf.allow.accessibility) if pdf.is_encrypted else True
    _read_xmp(pdf, facts, limits)
    info_date = parse_pdf_date(get_text(pdf.trailer.get("/Info"), "/ModDate"))
    if info_date:
        facts.modified_dates.append(info_date)
    _read_text(pdf, pages, facts, limits)
    _read_annotations(pages, facts, limits)
    return facts


def _read_xmp(pdf: pikepdf.Pdf, facts: PdfFacts, limits: DocumentLimits) -> None:
    stream = get(pdf.Root, "/Metadata")
    if not isinstance(stream, Stream):
        return
    try:
        root = parse_xml(read_stream(stream, limits.max_stream_bytes, "the XMP metadata"), "the XMP metadata")
    except (XmlRefused, PdfDamaged):
        return  # unreadable metadata counts as none; the Info dictionary may still have a title
    for title in root.iter(f"{{{NS['dc']}}}title"):
        items = title.findall(f".//{{{NS['rdf']}}}li")
        texts = [element_text(li) for li in items] if items else [element_text(title)]
        facts.xmp_title = next((t for t in texts if t), facts.xmp_title)
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        for ns, local in (("xmp", "ModifyDate"), ("pdfuaid", "part")):
            key = f"{{{NS[ns]}}}{local}"
            value = description.get(key) or element_text(description.find(key))
            if value and local == "ModifyDate":
                date = parse_iso_date(value)
                if date:
                    facts.modified_dates.append(date)
            elif value and local == "part":
                facts.pdfua_part = value.strip()[:10]


def _read_text(pdf: pikepdf.Pdf, pages: list[Page], facts: PdfFacts, limits: DocumentLimits) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pikepdf warns about damaged content streams: we judge them
        for page in pages[: limits.max_text_pages]:
            has_text, has_image = _content_of(pdf, page.obj, page.resources, page.number, limits, 0, set())
            facts.pages_read += 1
            if has_text:
                facts.text_pages += 1
            elif has_image:
                facts.image_only_pages.append(page.number)


def _content_of(
    pdf: pikepdf.Pdf,
    owner: Dictionary | Stream,
    resources: Dictionary | None,
    page_number: int,
    limits: DocumentLimits,
    depth: int,
    visited: set[tuple[int, int]],
) -> tuple[bool, bool]:
    """Whether a page (or a form XObject) shows text, and whether it paints images."""
    if isinstance(owner, Stream):
        streams = [owner]
    else:
        contents = get(owner, "/Contents")
        streams = [contents] if isinstance(contents, Stream) else [s for s in get_array(owner, "/Contents")]
    has_text = has_image = False
    for stream in streams:
        if not isinstance(stream, Stream):
            continue
        data = read_stream(stream, limits.max_stream_bytes, f"a content stream on page {page_number}")
        if INLINE_IMAGE.search(data):
            has_image = True
        try:
            instructions = pikepdf.parse_content_stream(pikepdf.Stream(pdf, data), f"{TEXT_OPERATORS} Do")
        except (pikepdf.PdfError, ValueError):
            continue  # unparseable content shows nothing a reader can use
        for instruction in instructions:
            operator = name_text(instruction.operator)
            if operator == "Do":
                xobjects = get_dict(resources, "/XObject")
                operands = list(instruction.operands)
                key = name_text(operands[0]) if operands and isinstance(operands[0], pikepdf.Name) else None
                target = get(xobjects, key) if key else None
                if not isinstance(target, Stream):
                    continue
                subtype = get_name(target, "/Subtype")
                if subtype == "Image":
                    has_image = True
                elif subtype == "Form" and depth < limits.max_xobject_depth:
                    og = objgen(target)
                    if og in visited:
                        continue
                    visited.add(og)
                    inner = get_dict(target, "/Resources")
                    text, image = _content_of(
                        pdf,
                        target,
                        inner if isinstance(inner, Dictionary) else resources,
                        page_number,
                        limits,
                        depth + 1,
                        visited,
                    )
                    has_text, has_image = has_text or text, has_image or image
            elif _shows_text(instruction.operands, operator):
                has_text = True
        if has_text and has_image:
            break
    return has_text, has_image


def _shows_text(operands: list, operator: str) -> bool:
    strings = operands[-1] if operands else None
    if operator == "TJ":
        return isinstance(strings, Array) and any(
            isinstance(s, pikepdf.String) and len(bytes(s)) for s in strings
        )
    return isinstance(strings, pikepdf.String) and len(bytes(strings)) > 0


def _read_annotations(pages: list[Page], facts: PdfFacts, limits: DocumentLimits) -> None:
    seen = 0
    for page in pages:
        for annotation in get_array(page.obj, "/Annots"):
            seen += 1
            if seen > limits.max_annotations:
                raise PdfTooLarge(f"the document has more than {limits.max_annotations} annotations")
            if not isinstance(annotation, Dictionary):
                continue
            subtype = get_name(annotation, "/Subtype")
            if subtype == "Widget" and not _hidden(annotation):
                facts.widgets.append(Annotation(page.number, _field_has_name(annotation)))
            elif subtype == "Link":
                og = objgen(annotation)
                tagged = og is not None and og in facts.structure.link_annotations
                described = bool((get_text(annotation, "/Contents") or "").strip())
                facts.links.append(Annotation(page.number, tagged or described))


def _hidden(annotation: Dictionary) -> bool:
    flags = get(annotation, "/F")
    return isinstance(flags, int) and bool(flags & 2)


def _field_has_name(widget: Dictionary) -> bool:
    """A tooltip (/TU) on the widget or a parent field, or a pushbutton's caption (/MK /CA)."""
    node: object = widget
    field_type = flags = None
    for _ in range(32):  # the field hierarchy, with a bound against loops
        if not isinstance(node, Dictionary):
            break
        if (get_text(node, "/TU") or "").strip():
            return True
        field_type = field_type or get_name(node, "/FT")
        flags = flags if flags is not None else get(node, "/Ff")
        node = get(node, "/Parent")
    pushbutton = field_type == "Btn" and isinstance(flags, int) and bool(flags & PUSHBUTTON)
    return pushbutton and bool((get_text(get_dict(widget, "/MK"), "/CA") or "").strip())
