"""The DOCX and ODT checks (title, language, images without alternative text), and the metadata that the
other OOXML and ODF types share (modification date), read from their XML under the caps.

DOCX: docProps/core.xml (dc:title, dcterms:modified), the default language in word/styles.xml (the
document defaults, else the default paragraph style), pictures and charts (wp:docPr descr or title, or
marked decorative; legacy VML images: alt or o:title). ODT: meta.xml (dc:title, dc:language, dc:date), the
default paragraph language in styles.xml, and draw:frame images and objects (svg:title or svg:desc, or
marked decorative by LibreOffice).
"""

from dataclasses import dataclass, field
from datetime import datetime

from a11ycheck.documents.catalogue import OFFICE_CHECKS
from a11ycheck.documents.dates import parse_iso_date
from a11ycheck.documents.language_tags import language_tag_problem
from a11ycheck.documents.office_zip import OfficeContainer
from a11ycheck.documents.results import CheckResult, Outcome
from a11ycheck.documents.safe_xml import element_text

NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
IMAGE_GRAPHICS = ("/drawingml/2006/picture", "/drawingml/2006/chart", "/drawingml/2006/diagram")
PASSED, FAILED, NOT_APPLICABLE = Outcome.PASSED, Outcome.FAILED, Outcome.NOT_APPLICABLE


def q(name: str) -> str:
    """Clark notation for a prefixed name: q("w:lang") -> "{http://...}lang"."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


@dataclass
class OfficeFacts:
    title: str | None = None
    language: str | None = None  # a tag as written, or None
    language_source: str = ""
    images: int = 0
    images_without_alt: int = 0
    pages: int | None = None
    modified: datetime | None = None
    notes: list[str] = field(default_factory=list)


def read_ooxml_metadata(container: OfficeContainer) -> OfficeFacts:
    """Title, modification date and page count from docProps (any OOXML type)."""
    facts = OfficeFacts()
    core = container.xml("docProps/core.xml")
    if core is not None:
        facts.title = element_text(core.find(q("dc:title")))
        facts.modified = parse_iso_date(element_text(core.find(q("dcterms:modified"))))
    app = container.xml("docProps/app.xml")
    if app is not None:
        facts.pages = _count(element_text(app.find(q("ep:Pages"))))
    return facts


def read_odf_metadata(container: OfficeContainer) -> OfficeFacts:
    """Title, language, modification date and page count from meta.xml (any ODF type)."""
    facts = OfficeFacts()
    meta = container.xml("meta.xml")
    office_meta = meta.find(q("office:meta")) if meta is not None else None
    if office_meta is not None:
        facts.title = element_text(office_meta.find(q("dc:title")))
        facts.language = element_text(office_meta.find(q("dc:language")))
        facts.language_source = "dc:language in meta.xml" if facts.language else ""
        facts.modified = parse_iso_date(element_text(office_meta.find(q("dc:date"))))
        statistic = office_meta.find(q("meta:document-statistic"))
        if statistic is not None:
            facts.pages = _count(statistic.get(q("meta:page-count")))
    return facts


def read_docx(container: OfficeContainer) -> OfficeFacts:
    facts = read_ooxml_metadata(container)
    styles = container.xml("word/styles.xml")
    if styles is not None:
        defaults = styles.find(f"{q('w:docDefaults')}/{q('w:rPrDefault')}/{q('w:rPr')}/{q('w:lang')}")
        if defaults is not None and defaults.get(q("w:val")):
            facts.language, facts.language_source = defaults.get(q("w:val")), "the document defaults"
        else:
            for style in styles.iter(q("w:style")):
                if style.get(q("w:type")) == "paragraph" and style.get(q("w:default")) in ("1", "true", "on"):
                    lang = style.find(f"{q('w:rPr')}/{q('w:lang')}")
                    if lang is not None and lang.get(q("w:val")):
                        facts.language, facts.language_source = (
                            lang.get(q("w:val")),
                            "the default paragraph style",
                        )
                    break
    document = container.xml(_docx_main_part(container))
    if document is None:
        facts.notes.append("the main document part is missing")
        return facts
    for properties in document.iter(q("wp:docPr")):
        drawing = properties.getparent()
        graphic = drawing.find(f"{q('a:graphic')}/{q('a:graphicData')}") if drawing is not None else None
        uri = graphic.get("uri", "") if graphic is not None else ""
        if not uri.endswith(IMAGE_GRAPHICS):
            continue  # a text box or a shape, not an image
        facts.images += 1
        described = (properties.get("descr") or "").strip() or (properties.get("title") or "").strip()
        decorative = any(d.get("val") in ("1", "true") for d in properties.iter(q("adec:decorative")))
        if not (described or decorative):
            facts.images_without_alt += 1
    for shape in document.iter(q("v:shape")):
        image = shape.find(q("v:imagedata"))
        if image is None:
            continue
        facts.images += 1
        if not ((shape.get("alt") or "").strip() or (image.get(q("o:title")) or "").strip()):
            facts.images_without_alt += 1
    return facts


def _docx_main_part(container: OfficeContainer) -> str:
    rels = container.xml("_rels/.rels")
    if rels is not None:
        for rel in rels.iter(q("rel:Relationship")):
            target = (rel.get("Target") or "").lstrip("/")
            if rel.get("Type") == OFFICE_DOCUMENT and target and ".." not in target:
                return target
    return "word/document.xml"


def read_odt(container: OfficeContainer) -> OfficeFacts:
    facts = read_odf_metadata(container)
    if not facts.language:
        styles = container.xml("styles.xml")
        if styles is not None:
            for default in styles.iter(q("style:default-style")):
                if default.get(q("style:family")) != "paragraph":
                    continue
                props = default.find(q("style:text-properties"))
                if props is not None and props.get(q("fo:language")):
                    parts = [
                        props.get(q("fo:language")),
                        props.get(q("fo:script")),
                        props.get(q("fo:country")),
                    ]
                    facts.language = "-".join(p for p in parts if p and p.lower() != "none")
                    facts.language_source = "the default paragraph style"
                break
    content = container.xml("content.xml")
    if content is None:
        facts.notes.append("content.xml is missing")
        return facts
    for frame in content.iter(q("draw:frame")):
        if frame.find(q("draw:image")) is None and frame.find(q("draw:object")) is None:
            continue  # a text box
        facts.images += 1
        described = element_text(frame.find(q("svg:title"))) or element_text(frame.find(q("svg:desc")))
        decorative = frame.get(q("loext:decorative")) == "true"
        if not (described or decorative):
            facts.images_without_alt += 1
    return facts


def office_checks(facts: OfficeFacts) -> list[CheckResult]:
    """title, language and image-alt for a DOCX or ODT."""
    checks = OFFICE_CHECKS
    if facts.title:
        title = checks["title"].result(PASSED, f'the title is "{" ".join(facts.title.split())[:80]}"')
    else:
        title = checks["title"].result(FAILED, "no title in the document properties")
    if facts.language is None:
        language = checks["language"].result(FAILED, "no default language is saved in the document")
    elif problem := language_tag_problem(facts.language):
        language = checks["language"].result(FAILED, f"the default language is wrong: {problem}")
    else:
        language = checks["language"].result(
            PASSED, f'the default language is "{facts.language}" ({facts.language_source})'
        )
    if facts.images == 0:
        images = checks["image-alt"].result(NOT_APPLICABLE, "no images")
    elif facts.images_without_alt:
        images = checks["image-alt"].result(
            FAILED, f"{facts.images_without_alt} of {facts.images} images have no alternative text"
        )
    else:
        every = "the image has" if facts.images == 1 else f"all {facts.images} images have"
        images = checks["image-alt"].result(PASSED, f"{every} alternative text")
    return [title, language, images]


def _count(value: str | None) -> int | None:
    try:
        number = int(value) if value is not None else None
    except ValueError:
        return None
    return number if number is not None and 0 <= number < 10_000_000 else None
