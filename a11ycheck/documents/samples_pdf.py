"""Building PDFs with known outcomes, for the tests and the demo site.

`build_pdf(PdfSpec(...))` makes a well-formed PDF with pikepdf: by default a tagged, titled, Dutch
document with a heading per page, a figure with alternative text, a table with header cells, a named form
field and a described link, which passes every check. Each spec field turns one property off. The hostile
files are in samples_hostile_pdf.py.
"""

import io
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, Stream, String

from a11ycheck.documents.dates import parse_iso_date

A4 = (595, 842)
HELVETICA = Dictionary(
    Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding
)
BODY = (
    "De ophaling van restafval gebeurt om de twee weken op dinsdag.",
    "Zet uw container de avond voordien buiten, met het handvat naar de straat.",
    "Grof huisvuil brengt u zelf naar het recyclagepark aan de Molenstraat.",
    "Op feestdagen schuift de ophaling een dag op; de kalender hieronder houdt daar rekening mee.",
)


@dataclass
class PdfSpec:
    title: str | None = "Afvalkalender 2027"
    heading: str = "Afvalkalender 2027"
    pages: int = 4
    tagged: bool = True  # a structure tree; False also drops /MarkInfo
    marked: bool = True  # /MarkInfo /Marked true (with a structure tree)
    xmp_title: bool = True  # the title in XMP dc:title too, not only Info /Title
    display_title: bool = True  # /ViewerPreferences /DisplayDocTitle true
    lang: str | None = "nl-BE"
    text: bool = True  # False: every page is a scanned image, no text
    headings: bool = True  # tag the page headings as H1/H2 (else as P)
    figure: bool = True
    figure_alt: str | None = "Kaart van de gemeente met de vier ophaalzones in kleur"
    table: bool = True
    table_header: bool = True
    form_field: bool = True
    field_tooltip: str | None = "Uw naam en voornaam"
    link: bool = True
    link_tagged: bool = True
    link_contents: str | None = "Meer over afval op de website van de gemeente"
    outline: bool = False
    pdfua: bool = True
    modified: str = "2026-03-02T10:15:00+01:00"
    encryption: str | None = None  # "accessible", "no-accessibility" or "password"
    structure_loop: bool = False  # a structure element that contains itself
    body: tuple[str, ...] = field(default=BODY)


def build_pdf(spec: PdfSpec) -> bytes:
    pdf = Pdf.new()
    builder = _Builder(pdf, spec)
    for number in range(1, spec.pages + 1):
        builder.add_page(number)
    builder.finish()
    _metadata(pdf, spec)
    if spec.outline:
        with pdf.open_outline() as outline:
            for number in range(1, spec.pages + 1):
                outline.root.append(OutlineItem(f"Hoofdstuk {number}", number - 1))
    return _save(pdf, spec.encryption)


def _save(pdf: Pdf, encryption: str | None) -> bytes:
    out = io.BytesIO()
    kwargs: dict = {"deterministic_id": encryption is None}  # qpdf cannot make both
    if encryption == "accessible":
        kwargs["encryption"] = pikepdf.Encryption(
            owner="eigenaar", user="", R=4, allow=pikepdf.Permissions(extract=False, modify_other=False)
        )
    elif encryption == "no-accessibility":
        # RC4, revision 3: qpdf honours a cleared bit 10 there (with AES it always sets it)
        kwargs["encryption"] = pikepdf.Encryption(
            owner="eigenaar",
            user="",
            R=3,
            aes=False,
            metadata=False,
            allow=pikepdf.Permissions(accessibility=False, extract=False),
        )
    elif encryption == "password":
        kwargs["encryption"] = pikepdf.Encryption(owner="eigenaar", user="geheim", R=6)
    pdf.save(out, **kwargs)
    return out.getvalue()


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class _Builder:
    """Lays out pages and, when tagged, the structure tree and the parent tree that point into them."""

    def __init__(self, pdf: Pdf, spec: PdfSpec):
        self.pdf = pdf
        self.spec = spec
        self.font = pdf.make_indirect(
            Dictionary(
                Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding
            )
        )
        self.image = pdf.make_indirect(
            Stream(pdf, bytes([200, 60, 60, 60, 160, 60, 60, 60, 200, 230, 230, 90] * 64))
        )
        self.image.stream_dict = Dictionary(
            Type=Name.XObject,
            Subtype=Name.Image,
            Width=16,
            Height=16,
            ColorSpace=Name.DeviceRGB,
            BitsPerComponent=8,
        )
        self.document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
        self.parent_tree: list = []  # Nums array of the ParentTree
        self.next_key = 0
        self.fields: list = []

    # elements and marked content

    def element(self, struct_type: str, parent, page, **entries):
        elem = self.pdf.make_indirect(
            Dictionary(
                Type=Name.StructElem, S=Name("/" + struct_type), P=parent, Pg=page, K=Array(), **entries
            )
        )
        parent.K.append(elem)
        return elem

    def marked(self, ops: list[bytes], tag: str, parent, page, mcids: list, **entries) -> bytes:
        """Content wrapped as one tagged element (or plain when untagged)."""
        body = b"\n".join(ops)
        if not self.spec.tagged:
            return body
        elem = self.element(tag, parent, page, **entries)
        mcid = len(mcids)
        mcids.append(elem)
        elem.K.append(mcid)
        return b"/%s <</MCID %d>> BDC\n%s\nEMC" % (tag.encode(), mcid, body)

    def text_ops(self, x: int, y: int, size: int, text: str) -> list[bytes]:
        return [b"BT /F1 %d Tf %d %d Td %s Tj ET" % (size, x, y, _pdf_string(text))]

    # pages

    def add_page(self, number: int) -> None:
        spec, pdf = self.spec, self.pdf
        page = pdf.make_indirect(
            Dictionary(
                Type=Name.Page,
                MediaBox=Array([0, 0, *A4]),
                Resources=Dictionary(Font=Dictionary(F1=self.font), XObject=Dictionary(Im1=self.image)),
            )
        )
        pdf.pages.append(pikepdf.Page(page))
        page = pdf.pages[-1].obj
        mcids: list = []
        parts: list[bytes] = []
        sect = self.element("Sect", self.document, page) if spec.tagged else None
        if not spec.text:
            parts.append(
                self.marked(
                    [b"q 515 0 0 760 40 40 cm /Im1 Do Q"],
                    "Figure",
                    sect,
                    page,
                    mcids,
                    Alt=String(f"Gescande pagina {number}"),
                )
            )
        else:
            heading = spec.heading if number == 1 else f"Hoofdstuk {number}"
            tag = ("H1" if number == 1 else "H2") if spec.headings else "P"
            parts.append(self.marked(self.text_ops(56, 780, 18, heading), tag, sect, page, mcids))
            y = 740
            for line in spec.body:
                parts.append(self.marked(self.text_ops(56, y, 10, line), "P", sect, page, mcids))
                y -= 16
            if number == 1:
                parts.extend(self.first_page_extras(page, sect, mcids))
        page.Contents = pdf.make_indirect(Stream(pdf, b"\n".join(parts)))
        if spec.tagged:
            page.StructParents = self.next_key
            self.parent_tree.extend([self.next_key, Array(mcids)])
            self.next_key += 1

    def first_page_extras(self, page, sect, mcids: list) -> list[bytes]:
        spec, parts = self.spec, []
        if spec.figure:
            extra = {"Alt": String(spec.figure_alt)} if spec.figure_alt else {}
            parts.append(
                self.marked([b"q 160 0 0 120 56 500 cm /Im1 Do Q"], "Figure", sect, page, mcids, **extra)
            )
        if spec.table:
            parts.extend(self.table(page, sect, mcids))
        if spec.link:
            parts.append(self.link(page, sect, mcids))
        if spec.form_field:
            parts.append(self.form_field(page, sect, mcids))
        return parts

    def table(self, page, sect, mcids: list) -> list[bytes]:
        rows = [("Fractie", "Ophaaldag"), ("Restafval", "dinsdag"), ("PMD", "donderdag")]
        table = self.element("Table", sect, page) if self.spec.tagged else None
        parts = []
        for r, row in enumerate(rows):
            tr = self.element("TR", table, page) if table is not None else None
            for c, cell in enumerate(row):
                tag = "TH" if r == 0 and self.spec.table_header else "TD"
                ops = self.text_ops(56 + 150 * c, 460 - 16 * r, 10, cell)
                if tr is None:
                    parts.append(b"\n".join(ops))
                    continue
                elem = self.element(tag, tr, page)
                mcid = len(mcids)
                mcids.append(elem)
                elem.K.append(mcid)
                parts.append(b"/%s <</MCID %d>> BDC\n%s\nEMC" % (tag.encode(), mcid, b"\n".join(ops)))
        return parts

    def annotation(self, page, entries: dict, struct_type: str, sect, mcids: list, ops: list[bytes]) -> bytes:
        annotation = self.pdf.make_indirect(Dictionary(Type=Name.Annot, P=page, **entries))
        page.Annots = page.get("/Annots", Array())
        page.Annots.append(annotation)
        tagged_here = self.spec.tagged and (struct_type != "Link" or self.spec.link_tagged)
        if not tagged_here:
            return self.marked(ops, "P", sect, page, mcids)
        elem = self.element(struct_type, sect, page)
        mcid = len(mcids)
        mcids.append(elem)
        elem.K.append(mcid)
        elem.K.append(Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page))
        annotation.StructParent = self.next_key
        self.parent_tree.extend([self.next_key, elem])
        self.next_key += 1
        return b"/%s <</MCID %d>> BDC\n%s\nEMC" % (struct_type.encode(), mcid, b"\n".join(ops))

    def link(self, page, sect, mcids: list) -> bytes:
        url = "https://www.voorbeeld.be/afval"
        entries = {
            "Subtype": Name.Link,
            "Rect": Array([56, 400, 300, 414]),
            "Border": Array([0, 0, 0]),
            "A": Dictionary(S=Name.URI, URI=String(url)),
        }
        if self.spec.link_contents:
            entries["Contents"] = String(self.spec.link_contents)
        return self.annotation(
            page, entries, "Link", sect, mcids, self.text_ops(56, 402, 10, "www.voorbeeld.be/afval")
        )

    def form_field(self, page, sect, mcids: list) -> bytes:
        entries = {
            "Subtype": Name.Widget,
            "FT": Name.Tx,
            "T": String("naam"),
            "Rect": Array([150, 360, 400, 378]),
            "F": 4,
            "DA": String("/F1 10 Tf 0 g"),
        }
        if self.spec.field_tooltip:
            entries["TU"] = String(self.spec.field_tooltip)
        part = self.annotation(page, entries, "Form", sect, mcids, self.text_ops(56, 364, 10, "Naam:"))
        self.fields.append(page.Annots[-1])
        return part

    def finish(self) -> None:
        pdf, spec = self.pdf, self.spec
        if self.fields:
            pdf.Root.AcroForm = Dictionary(
                Fields=Array(self.fields),
                NeedAppearances=True,
                DA=String("/F1 0 Tf 0 g"),
                DR=Dictionary(Font=Dictionary(F1=self.font)),
            )
        if spec.tagged:
            if spec.structure_loop:
                # the document's first section lists the document itself among its kids
                self.document.K[0].K.append(self.document)
            pdf.Root.StructTreeRoot = pdf.make_indirect(
                Dictionary(
                    Type=Name.StructTreeRoot,
                    K=self.document,
                    ParentTree=pdf.make_indirect(Dictionary(Nums=Array(self.parent_tree))),
                    ParentTreeNextKey=self.next_key,
                )
            )
            self.document.P = pdf.Root.StructTreeRoot
            if spec.marked:
                pdf.Root.MarkInfo = Dictionary(Marked=True)
        if spec.lang is not None:
            pdf.Root.Lang = String(spec.lang)
        if spec.display_title:
            pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)


def _metadata(pdf: Pdf, spec: PdfSpec) -> None:
    modified = parse_iso_date(spec.modified)
    pdf.docinfo[Name.Producer] = String("a11ycheck samples")
    if modified:
        offset = modified.strftime("%z") or "+0000"
        pdf.docinfo[Name.ModDate] = String(
            modified.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"
        )
    if spec.title:
        pdf.docinfo[Name.Title] = String(spec.title)
    title = (
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{spec.title}</rdf:li></rdf:Alt></dc:title>'
        if spec.title and spec.xmp_title
        else ""
    )
    pdfua = ' pdfuaid:part="1"' if spec.pdfua else ""
    xmp = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" '
        f'xmp:ModifyDate="{spec.modified}"{pdfua}>{title}</rdf:Description></rdf:RDF></x:xmpmeta>\n'
        '<?xpacket end="w"?>'
    )
    pdf.Root.Metadata = pdf.make_indirect(Stream(pdf, xmp.encode("utf-8")))
    pdf.Root.Metadata.stream_dict = Dictionary(Type=Name.Metadata, Subtype=Name.XML)
