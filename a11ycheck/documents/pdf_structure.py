"""One bounded walk of a PDF's structure tree (its tags), gathering what the tag-based checks need.

The walk is iterative (no recursion to overflow), reads each element once, stops at a cap on elements and
on depth, and notices an element that is its own ancestor (a loop: the tree is damaged). Custom structure
types are resolved to standard ones through the RoleMap, as assistive technology does.
"""

import re
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary

from a11ycheck.documents.limits import DocumentLimits
from a11ycheck.documents.pdf_objects import PdfTooLarge, get, get_dict, get_name, get_text, name, objgen

HEADING = re.compile(r"^H[0-9]*$")
# ISO 32000-1 and -2 standard structure types: never remapped, whatever the RoleMap says.
STANDARD_TYPES = frozenset(
    "Document DocumentFragment Part Art Sect Div Aside NonStruct Private BlockQuote Caption TOC TOCI Index "
    "P H H1 H2 H3 H4 H5 H6 Title FENote Sub L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note "
    "Reference BibEntry Code Em Strong Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form "
    "Artifact".split()
)
_EXIT = object()  # marks the end of an element's subtree on the walk's stack


@dataclass
class StructureSummary:
    """What the structure tree holds, as far as the checks are concerned."""

    present: bool = False  # the catalog has a StructTreeRoot dictionary
    elements: int = 0
    loops: int = 0  # elements found inside their own subtree
    figures: int = 0
    figures_without_alt: list[int] = field(default_factory=list)  # their page numbers (0 when unknown)
    tables: int = 0
    tables_with_header: int = 0
    headings: int = 0
    link_annotations: set[tuple[int, int]] = field(default_factory=set)  # annotations inside /Link elements
    form_annotations: set[tuple[int, int]] = field(default_factory=set)  # annotations inside /Form elements


def walk_structure(
    pdf: pikepdf.Pdf, page_numbers: dict[tuple[int, int], int], limits: DocumentLimits
) -> StructureSummary:
    """Walk the structure tree; `page_numbers` maps page objects to their numbers for the details."""
    summary = StructureSummary()
    tree_root = get_dict(pdf.Root, "/StructTreeRoot")
    if tree_root is None:
        return summary
    summary.present = True
    role_map = get_dict(tree_root, "/RoleMap")
    # stack entries: (node, depth, parent type, index of the nearest Table ancestor) or (_EXIT, objgen)
    stack: list[tuple] = [(kid, 1, None, None) for kid in reversed(_kids(tree_root))]
    on_path: set[tuple[int, int]] = set()
    seen: set[tuple[int, int]] = set()
    table_has_header: list[bool] = []
    while stack:
        entry = stack.pop()
        if entry[0] is _EXIT:
            on_path.discard(entry[1])
            continue
        node, depth, parent_type, table = entry
        if not isinstance(node, Dictionary):
            continue  # a marked-content id (an integer) or something broken
        og = objgen(node)
        kind = get_name(node, "/Type")
        if kind == "OBJR":
            annotation = objgen(get(node, "/Obj"))
            if annotation and parent_type == "Link":
                summary.link_annotations.add(annotation)
            elif annotation and parent_type == "Form":
                summary.form_annotations.add(annotation)
            continue
        if kind == "MCR" or get(node, "/S") is None:
            continue
        if og is not None:
            if og in on_path:
                summary.loops += 1
                continue
            if og in seen:
                continue  # shared by two parents: read once
            seen.add(og)
            on_path.add(og)
            stack.append((_EXIT, og))
        summary.elements += 1
        if summary.elements > limits.max_struct_elements:
            raise PdfTooLarge(f"the structure tree has more than {limits.max_struct_elements} elements")
        if depth > limits.max_struct_depth:
            raise PdfTooLarge(f"the structure tree is nested more than {limits.max_struct_depth} levels deep")
        struct_type = _standard_type(get_name(node, "/S"), role_map)
        if struct_type == "Figure":
            summary.figures += 1
            if not (_nonblank(get_text(node, "/Alt")) or _nonblank(get_text(node, "/ActualText"))):
                page = objgen(get(node, "/Pg"))
                summary.figures_without_alt.append(page_numbers.get(page, 0) if page else 0)
        elif struct_type == "Table":
            summary.tables += 1
            table_has_header.append(False)
            table = len(table_has_header) - 1
        elif struct_type == "TH" and table is not None:
            table_has_header[table] = True
        elif struct_type and HEADING.match(struct_type):
            summary.headings += 1
        for kid in reversed(_kids(node)):
            stack.append((kid, depth + 1, struct_type, table))
    summary.tables_with_header = sum(table_has_header)
    return summary


def _kids(node: object) -> list[object]:
    kids = get(node, "/K")
    if isinstance(kids, Array):
        return list(kids)
    return [] if kids is None else [kids]


def _standard_type(struct_type: str | None, role_map: object) -> str | None:
    """The standard type a custom one maps to (following the RoleMap at most 10 steps)."""
    for _ in range(10):
        if struct_type is None or struct_type in STANDARD_TYPES:
            return struct_type
        mapped = name(get(role_map, f"/{struct_type}")) if role_map is not None else None
        if mapped is None or mapped == struct_type:
            return struct_type
        struct_type = mapped
    return struct_type


def _nonblank(value: str | None) -> bool:
    return bool(value and value.strip())
