"""Hostile PDFs for the tests, written byte by byte (qpdf would expand them while saving): a compression
bomb, a page tree of shared nodes, many pages, many objects, a deep structure tree."""

import zlib


def raw_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF of these objects (numbered from 1; object 1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def compression_bomb(gibibytes: int = 2) -> bytes:
    """One page whose content stream is 2 MB of Flate that inflates to `gibibytes` GiB of zeros."""
    chunk = bytes(1 << 20)
    deflater = zlib.compressobj(9)
    block = (deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH))[2:]  # byte-aligned, no header
    length = gibibytes << 30
    adler = ((length % 65521) << 16) | 1  # Adler-32 of `length` zero bytes
    data = b"\x78\xda" + block * (length >> 20) + b"\x03\x00" + adler.to_bytes(4, "big")
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            _stream(data, b"/Filter /FlateDecode "),
        ]
    )


def page_tree_bomb(levels: int = 10, fan_out: int = 10, declare_count: bool = True) -> bytes:
    """A page tree whose nodes each list the same child `fan_out` times: fan_out**levels pages in a few
    hundred bytes. With declare_count False the root's /Count says 1, so only a walk finds out."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        number = 2 + level
        kids = b" ".join([b"%d 0 R" % (number + 1)] * fan_out)
        count = fan_out ** (levels - level) if declare_count or level else 1
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count))
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R >>" % (levels + 3))
    objects.append(_stream(b"BT /F1 12 Tf 56 780 Td (Pagina) Tj ET"))
    return raw_pdf(objects)


def many_objects(count: int = 50_000) -> bytes:
    """A one-page PDF with `count` more (unused) objects."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    objects.extend(b"%d" % n for n in range(count))
    return raw_pdf(objects)


def deep_structure(depth: int = 2000) -> bytes:
    """A tagged one-page PDF whose structure tree nests `depth` Div elements."""
    first = 5
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 4 0 R /Lang (nl) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Type /StructTreeRoot /K %d 0 R >>" % first,
    ]
    for level in range(depth):
        number = first + level
        kids = b"/K %d 0 R " % (number + 1) if level < depth - 1 else b""
        objects.append(b"<< /Type /StructElem /S /Div /P %d 0 R %s>>" % (number - 1 if level else 4, kids))
    return raw_pdf(objects)


def many_pages(count: int = 20_000, declared: int | None = None) -> bytes:
    """`count` pages of one line of text each (they share one content stream), in a page tree of nodes
    of at most 100 kids. `declared` puts another number in the root's /Count (a file that lies)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    content = len(objects) + 1
    objects.append(_stream(b"BT /F1 11 Tf 56 780 Td (Bladzijde uit het register) Tj ET"))
    font = len(objects) + 1
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    first_page = len(objects) + 1
    nodes = (count + 99) // 100
    first_node = first_page + count
    for index in range(count):
        parent = first_node + index // 100
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, content, font)
        )
    for node in range(nodes):
        kids = range(first_page + node * 100, first_page + min(count, (node + 1) * 100))
        refs = b" ".join(b"%d 0 R" % k for k in kids)
        objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (refs, len(kids)))
    node_refs = b" ".join(b"%d 0 R" % (first_node + n) for n in range(nodes))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        node_refs,
        count if declared is None else declared,
    )
    return raw_pdf(objects)
