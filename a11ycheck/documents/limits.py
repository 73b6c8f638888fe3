"""The caps that keep a hostile document from exploding a check, in one place.

A check in a worker process is also bounded by the DocumentChecker's time and memory limits; these caps
stop the common explosions earlier, with a plain message, before they cost a worker.
"""

from dataclasses import dataclass

MIB = 1024 * 1024
# The downloader's cap (A11YCHECK_MAX_DOCUMENT_BYTES); the checker refuses larger files too.
DEFAULT_MAX_DOCUMENT_BYTES = 52_428_800


@dataclass(frozen=True)
class DocumentLimits:
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES  # the file itself
    max_pages: int = 10_000  # PDF pages (the page tree is walked with this budget)
    max_objects: int = 1_000_000  # PDF objects declared by the cross-reference table (trailer /Size)
    max_struct_elements: int = 200_000  # PDF structure elements walked
    max_struct_depth: int = 100  # PDF structure tree nesting
    max_stream_bytes: int = 64 * MIB  # one PDF content or metadata stream, decoded
    max_text_pages: int = 500  # PDF pages whose content is read for the text check
    max_xobject_depth: int = 8  # form XObjects inside form XObjects
    max_annotations: int = 20_000  # PDF annotations read for the form-field and link checks
    max_zip_members: int = 10_000  # entries in an OOXML or ODF container
    max_xml_bytes: int = 64 * MIB  # one XML member of an OOXML or ODF container, uncompressed
