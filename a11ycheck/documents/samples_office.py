"""Building DOCX and ODT files with known outcomes, for the tests and the demo site.

Written with zipfile from small XML templates: a title, a default language and one picture with or
without alternative text, each of which a spec can leave out. Also the hostile ones: a ZIP bomb, an
entity bomb, an encrypted ODT, and stand-ins for an encrypted DOCX and an old DOC (OLE compound files
with just enough of a directory to be recognised).
"""

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

# A 1x1 PNG (a single grey pixel).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c63b80700008100805f4d3b0b0000000049454e44ae426082"
)
PARAGRAPHS = (
    "Wie een evenement organiseert op het openbaar domein, vraagt minstens acht weken vooraf een toelating.",
    "Voeg een inplantingsplan toe en vermeld het verwachte aantal bezoekers.",
    "Het college beslist binnen dertig dagen na ontvangst van een volledige aanvraag.",
)


@dataclass
class OfficeSpec:
    title: str | None = "Aanvraag evenement op openbaar domein"
    language: str | None = "nl-BE"
    image: bool = True
    image_alt: str | None = "Inplantingsplan van het marktplein met podium en nooduitgangen"
    image_decorative: bool = False
    modified: str = "2026-02-10T09:30:00Z"
    pages: int = 2


def _zip(members: list[tuple[str, bytes]], stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(members):
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            info = zipfile.ZipInfo(name, date_time=(2026, 2, 10, 9, 30, 0))
            info.compress_type = method
            archive.writestr(info, data)
    return out.getvalue()


# DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)


def build_docx(spec: OfficeSpec, core_prefix: str = "") -> bytes:
    """A DOCX; `core_prefix` goes before core.xml's root (the entity bomb uses it)."""
    lang = f'<w:lang w:val="{spec.language}"/>' if spec.language else ""
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {DOCX_NAMESPACES}>'
        f"<w:docDefaults><w:rPrDefault><w:rPr>{lang}</w:rPr></w:rPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>'
        "</w:styles>"
    )
    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in PARAGRAPHS)
    if spec.image:
        descr = f" descr={quoteattr(spec.image_alt)}" if spec.image_alt else ""
        decorative = (
            '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
            '<adec:decorative val="1" '
            'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative"/>'
            "</a:ext></a:extLst>"
            if spec.image_decorative
            else ""
        )
        body += (
            '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="2540000" cy="1905000"/>'
            f'<wp:docPr id="1" name="Afbeelding 1"{descr}>{decorative}</wp:docPr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="plan.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="rIdImage1"/></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="1905000"/></a:xfrm>'
            '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r></w:p>"
        )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {DOCX_NAMESPACES}>'
        f"<w:body>{body}</w:body></w:document>"
    )
    title = f"<dc:title>{escape(spec.title)}</dc:title>" if spec.title else ""
    core = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{core_prefix}'
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{title}<dc:creator>Dienst Evenementen</dc:creator>"
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{spec.modified}</dcterms:modified></cp:coreProperties>'
    )
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Pages>{spec.pages}</Pages></Properties>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        '<Relationship Id="rId2" Target="docProps/core.xml" '
        'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"/>'
        '<Relationship Id="rId3" Target="docProps/app.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"/>'
        "</Relationships>"
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdStyles" Target="styles.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
        '<Relationship Id="rIdImage1" Target="media/image1.png" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/></Relationships>'
    )
    return _zip(
        [
            ("[Content_Types].xml", content_types.encode()),
            ("_rels/.rels", rels.encode()),
            ("word/document.xml", document.encode()),
            ("word/styles.xml", styles.encode()),
            ("word/_rels/document.xml.rels", document_rels.encode()),
            ("word/media/image1.png", PNG),
            ("docProps/core.xml", core.encode()),
            ("docProps/app.xml", app.encode()),
        ]
    )


def docx_zip_bomb(mebibytes: int = 128) -> bytes:
    """A DOCX whose word/document.xml inflates to `mebibytes` MiB (of spaces) from about 0.1 % of that."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(build_docx(OfficeSpec()))) as source:
        members = [(name, source.read(name)) for name in source.namelist() if name != "word/document.xml"]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(
                f'<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="{W}"><w:body>'.encode()
            )
            spaces = b" " * (1 << 20)
            for _ in range(mebibytes):
                member.write(spaces)
            member.write(b"</w:body></w:document>")
    return out.getvalue()


def docx_entity_bomb() -> bytes:
    """A DOCX whose core.xml declares nested entities that would expand to gigabytes ("billion laughs")."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    spec = OfficeSpec(title="&lol9;")
    return build_docx(spec, core_prefix=f"<!DOCTYPE cp:coreProperties [{entities}]>\n")


def xlsx() -> bytes:
    """A minimal XLSX (a type that is recognised but not checked)."""
    return _zip(
        [
            (
                "[Content_Types].xml",
                b'<?xml version="1.0" encoding="UTF-8"?>\n<Types '
                b'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Override PartName="/xl/workbook.xml" '
                b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                b"</Types>",
            ),
            (
                "xl/workbook.xml",
                b'<?xml version="1.0" encoding="UTF-8"?>\n<workbook '
                b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
            ),
            (
                "docProps/core.xml",
                b'<?xml version="1.0" encoding="UTF-8"?>\n<cp:coreProperties '
                b'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                b'xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:modified>2017-06-01T08:00:00Z'
                b"</dcterms:modified></cp:coreProperties>",
            ),
        ]
    )


def ole_file(stream_names: tuple[str, ...]) -> bytes:
    """A stand-in OLE compound file: the signature and a directory sector naming these streams.

    Enough for type recognition (which reads the signature and the directory names), not for Word."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[24:26] = (0x3E).to_bytes(2, "little")  # minor version
    header[26:28] = (3).to_bytes(2, "little")  # major version 3: 512-byte sectors
    header[28:30] = b"\xfe\xff"  # little-endian
    header[30:32] = (9).to_bytes(2, "little")  # sector size 2**9
    header[32:34] = (6).to_bytes(2, "little")  # mini sector size 2**6
    directory = bytearray()
    for name in ("Root Entry", *stream_names):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[0 : len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes(-len(directory) % 512)
    return bytes(header) + bytes(directory)


# ODT

ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
    'office:version="1.3"'
)


def build_odt(spec: OfficeSpec, encrypted: bool = False) -> bytes:
    """An ODT. `encrypted` only declares encryption in the manifest, as a password-protected ODT does."""
    paragraphs = "".join(f"<text:p>{escape(p)}</text:p>" for p in PARAGRAPHS)
    if spec.image:
        title = f"<svg:title>{escape(spec.image_alt)}</svg:title>" if spec.image_alt else ""
        decorative = ' loext:decorative="true"' if spec.image_decorative else ""
        paragraphs += (
            f'<text:p><draw:frame draw:name="Afbeelding1" svg:width="8cm" svg:height="6cm"{decorative}>'
            f'<draw:image xlink:href="Pictures/plan.png" xlink:type="simple"/>{title}</draw:frame></text:p>'
        )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NAMESPACES}>'
        f"<office:body><office:text>{paragraphs}</office:text></office:body></office:document-content>"
    )
    language = ""
    if spec.language:
        lang, _, country = spec.language.partition("-")
        language = f' fo:language="{lang}" fo:country="{country or "none"}"'
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODF_NAMESPACES}><office:styles>'
        '<style:default-style style:family="paragraph">'
        f"<style:text-properties{language}/></style:default-style>"
        "</office:styles></office:document-styles>"
    )
    title = f"<dc:title>{escape(spec.title)}</dc:title>" if spec.title else ""
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODF_NAMESPACES}><office:meta>'
        f"{title}<dc:date>{spec.modified.removesuffix('Z')}</dc:date>"
        f'<meta:document-statistic meta:page-count="{spec.pages}"/></office:meta></office:document-meta>'
    )
    encryption = (
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
        '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" '
        'manifest:salt="AAAA"/></manifest:encryption-data>'
        if encrypted
        else ""
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{encryption}'
        "</manifest:file-entry>"
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="Pictures/plan.png" manifest:media-type="image/png"/>'
        "</manifest:manifest>"
    )
    return _zip(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", manifest.encode()),
            ("content.xml", content.encode()),
            ("styles.xml", styles.encode()),
            ("meta.xml", meta.encode()),
            ("Pictures/plan.png", PNG),
        ],
        stored_first=True,
    )
