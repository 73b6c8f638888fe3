"""Careful access to PDF objects from a hostile file: every lookup checks the type it gets.

Also the page tree walk and the stream decoding, each under a cap from DocumentLimits, because a small
file can declare a billion pages (shared page tree nodes) or a stream that inflates to gigabytes.
"""

import zlib
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String


class PdfTooLarge(Exception):
    """Over one of the caps; the message says which, in plain words."""


class PdfDamaged(Exception):
    """A structure that cannot be right (a page tree that loops); the message says what."""


def get(obj: object, key: str) -> object | None:
    """`obj[key]` when obj is a dictionary or stream that has it, else None."""
    if isinstance(obj, (Dictionary, Stream)):
        try:
            return obj.get(key)
        except (pikepdf.PdfError, ValueError, TypeError):
            return None
    return None


def get_dict(obj: object, key: str) -> Dictionary | Stream | None:
    value = get(obj, key)
    return value if isinstance(value, (Dictionary, Stream)) else None


def get_array(obj: object, key: str) -> list[object]:
    value = get(obj, key)
    return list(value) if isinstance(value, Array) else []


def text(obj: object) -> str | None:
    """A PDF string's text, or None when obj is no string."""
    if isinstance(obj, String):
        try:
            return str(obj)
        except (UnicodeDecodeError, ValueError):
            return bytes(obj).decode("latin-1")
    return None


def get_text(obj: object, key: str) -> str | None:
    return text(get(obj, key))


def name(obj: object) -> str | None:
    """A PDF name without its slash ("Figure"), or None when obj is no name."""
    return name_text(obj)[1:] if isinstance(obj, Name) else None


def name_text(obj: object) -> str:
    """A name or operator as text ("/Figure"); bytes that are not UTF-8 are read as Latin-1."""
    try:
        return str(obj)
    except UnicodeDecodeError:
        return obj.unparse().decode("latin-1")  # type: ignore[attr-defined]


def get_name(obj: object, key: str) -> str | None:
    return name(get(obj, key))


def objgen(obj: object) -> tuple[int, int] | None:
    """The object and generation number of an indirect object, None for a direct one."""
    try:
        og = obj.objgen  # type: ignore[attr-defined]
    except AttributeError:
        return None
    return og if og != (0, 0) else None


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    obj: Dictionary
    resources: Dictionary | None  # its own or inherited from the page tree


def walk_pages(pdf: pikepdf.Pdf, max_pages: int) -> list[Page]:
    """The pages in order, read from the page tree ourselves under a budget (not with qpdf's page list,
    which copies every page object that appears twice and so explodes on a tree of shared nodes)."""
    root_pages = get_dict(pdf.Root, "/Pages")
    if root_pages is None:
        raise PdfDamaged("the document has no page tree")
    declared = get(root_pages, "/Count")
    if isinstance(declared, int) and declared > max_pages:
        raise PdfTooLarge(f"the document declares {declared} pages (limit {max_pages})")
    pages: list[Page] = []
    budget = 2 * max_pages + 1000  # page tree nodes visited, leaves and intermediate ones
    stack: list[tuple[object, Dictionary | None, tuple[tuple[int, int], ...]]] = [(root_pages, None, ())]
    while stack:
        node, inherited, ancestors = stack.pop()
        budget -= 1
        if budget < 0:
            raise PdfTooLarge(f"the page tree has more than {2 * max_pages + 1000} nodes")
        if not isinstance(node, Dictionary):
            continue  # a null or a broken reference in /Kids: viewers skip it too
        og = objgen(node)
        if og is not None and og in ancestors:
            raise PdfDamaged("the page tree loops back on itself")
        resources = get_dict(node, "/Resources")
        resources = resources if isinstance(resources, Dictionary) else inherited
        kids = get(node, "/Kids")
        if get_name(node, "/Type") == "Pages" or isinstance(kids, Array):
            if len(ancestors) > 64:
                raise PdfTooLarge("the page tree is nested more than 64 levels deep")
            path = ancestors + ((og,) if og else ())
            for kid in reversed(get_array(node, "/Kids")):
                stack.append((kid, resources, path))
            continue
        pages.append(Page(len(pages) + 1, node, resources))
        if len(pages) > max_pages:
            raise PdfTooLarge(f"the document has more than {max_pages} pages")
    return pages


def filters_of(stream: Stream) -> list[str]:
    value = get(stream, "/Filter")
    if isinstance(value, Name):
        return [name_text(value)]
    if isinstance(value, Array):
        return [name_text(v) for v in value if isinstance(v, Name)]
    return []


def read_stream(stream: Stream, max_bytes: int, what: str) -> bytes:
    """A stream's decoded bytes, refused past `max_bytes`.

    A plain FlateDecode stream (nearly every content and metadata stream) is inflated here with zlib's
    output cap, so a compression bomb stops at the cap. Other filter chains are decoded by qpdf, bounded
    by the worker's memory limit; their raw size is capped first.
    """
    filters = filters_of(stream)
    try:
        raw = stream.read_raw_bytes()
        if len(raw) > max_bytes:
            raise PdfTooLarge(f"{what} is {len(raw)} bytes (limit {max_bytes})")
        if not filters:
            return raw
        if filters == ["/FlateDecode"]:
            inflater = zlib.decompressobj()
            try:
                data = inflater.decompress(raw, max_bytes + 1)
            except zlib.error:
                data = None  # qpdf is more forgiving with damaged streams: let it try
            if data is not None:
                if len(data) > max_bytes:
                    raise PdfTooLarge(f"{what} inflates to more than {max_bytes} bytes (a compression bomb?)")
                if get(get(stream, "/DecodeParms"), "/Predictor") in (None, 1):
                    return data
        data = stream.read_bytes()
    except pikepdf.DataDecodingError as exc:
        raise PdfDamaged(f"{what} cannot be decoded ({_first_line(exc)})") from None
    if len(data) > max_bytes:
        raise PdfTooLarge(f"{what} decodes to more than {max_bytes} bytes")
    return data


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
