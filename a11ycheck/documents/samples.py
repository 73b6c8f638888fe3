"""The document corpus with known outcomes, and the demo site's documents: `python -m
a11ycheck.documents.samples DIR` writes the corpus into DIR, `--demo` the demo documents instead (with an
outcomes.json of what the checker finds in them).

The tests generate the corpus into a temporary folder and assert every check's outcome on every file
(tests/test_documents_*.py); docs/documents.md lists what each file is for.
"""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from a11ycheck.documents.samples_hostile_pdf import (
    compression_bomb,
    deep_structure,
    many_objects,
    many_pages,
    page_tree_bomb,
)
from a11ycheck.documents.samples_office import (
    OfficeSpec,
    build_docx,
    build_odt,
    docx_entity_bomb,
    docx_zip_bomb,
    ole_file,
    xlsx,
)
from a11ycheck.documents.samples_pdf import PdfSpec, build_pdf

NOT_FOUND_PAGE = (
    b'<!DOCTYPE html>\n<html lang="nl"><head><title>Pagina niet gevonden</title></head>\n'
    b"<body><h1>Deze pagina bestaat niet meer</h1>\n"
    b"<p>Zoek het reglement via de startpagina.</p></body></html>\n"
)


def _truncated() -> bytes:
    data = build_pdf(PdfSpec())
    return data[: len(data) * 6 // 10]


def _damaged() -> bytes:
    noise = bytes((i * 73 + 41) % 251 for i in range(4000))  # the same bytes every time
    return b"%PDF-1.7\n" + noise + b"\n%%EOF\n"


CORPUS: dict[str, Callable[[], bytes]] = {
    # PDFs that pass, and one failing each check
    "accessible.pdf": lambda: build_pdf(PdfSpec()),
    "accessible-long.pdf": lambda: build_pdf(PdfSpec(pages=25, outline=True)),
    "untagged.pdf": lambda: build_pdf(PdfSpec(tagged=False)),
    "tags-not-marked.pdf": lambda: build_pdf(PdfSpec(marked=False)),
    "no-title.pdf": lambda: build_pdf(PdfSpec(title=None)),
    "title-not-displayed.pdf": lambda: build_pdf(PdfSpec(display_title=False)),
    "title-only-in-info.pdf": lambda: build_pdf(PdfSpec(xmp_title=False)),
    "title-is-file-name.pdf": lambda: build_pdf(PdfSpec(title="Microsoft Word - afvalkalender_def2.docx")),
    "no-language.pdf": lambda: build_pdf(PdfSpec(lang=None)),
    "invalid-language.pdf": lambda: build_pdf(PdfSpec(lang="nl_BE")),
    "scanned.pdf": lambda: build_pdf(PdfSpec(text=False)),
    "figure-without-alt.pdf": lambda: build_pdf(PdfSpec(figure_alt=None)),
    "long-without-bookmarks.pdf": lambda: build_pdf(PdfSpec(pages=25)),
    "encrypted-accessible.pdf": lambda: build_pdf(PdfSpec(encryption="accessible")),
    "encrypted-no-accessibility.pdf": lambda: build_pdf(PdfSpec(encryption="no-accessibility")),
    "no-pdfua.pdf": lambda: build_pdf(PdfSpec(pdfua=False)),
    "no-headings.pdf": lambda: build_pdf(PdfSpec(headings=False)),
    "table-without-header.pdf": lambda: build_pdf(PdfSpec(table_header=False)),
    "field-without-name.pdf": lambda: build_pdf(PdfSpec(field_tooltip=None)),
    "link-untagged.pdf": lambda: build_pdf(PdfSpec(link_tagged=False, link_contents=None)),
    "link-described-only.pdf": lambda: build_pdf(PdfSpec(link_tagged=False)),
    "modified-2016.pdf": lambda: build_pdf(PdfSpec(modified="2016-04-12T14:00:00+02:00")),
    "structure-loop.pdf": lambda: build_pdf(PdfSpec(structure_loop=True)),
    # bad input
    "password.pdf": lambda: build_pdf(PdfSpec(encryption="password")),
    "truncated.pdf": _truncated,
    "damaged.pdf": _damaged,
    "empty.pdf": lambda: b"",
    "html-named.pdf": lambda: NOT_FOUND_PAGE,
    "compression-bomb.pdf": compression_bomb,
    "many-pages.pdf": lambda: many_pages(20_000),
    "many-pages-undeclared.pdf": lambda: many_pages(20_000, declared=1),
    "shared-page-tree.pdf": page_tree_bomb,
    "many-objects.pdf": lambda: many_objects(50_000),
    "deep-structure.pdf": deep_structure,
    # office documents
    "accessible.docx": lambda: build_docx(OfficeSpec()),
    "no-title.docx": lambda: build_docx(OfficeSpec(title=None)),
    "no-language.docx": lambda: build_docx(OfficeSpec(language=None)),
    "image-without-alt.docx": lambda: build_docx(OfficeSpec(image_alt=None)),
    "decorative-image.docx": lambda: build_docx(OfficeSpec(image_alt=None, image_decorative=True)),
    "modified-2017.docx": lambda: build_docx(OfficeSpec(modified="2017-11-20T16:45:00Z")),
    "zip-bomb.docx": docx_zip_bomb,
    "entity-bomb.docx": docx_entity_bomb,
    "encrypted.docx": lambda: ole_file(("EncryptionInfo", "EncryptedPackage")),
    "accessible.odt": lambda: build_odt(OfficeSpec()),
    "no-title.odt": lambda: build_odt(OfficeSpec(title=None)),
    "no-language.odt": lambda: build_odt(OfficeSpec(language=None)),
    "image-without-alt.odt": lambda: build_odt(OfficeSpec(image_alt=None)),
    "encrypted.odt": lambda: build_odt(OfficeSpec(), encrypted=True),
    "workbook.xlsx": xlsx,
    "old-format.doc": lambda: ole_file(("WordDocument", "1Table")),
}

ANNUAL_REPORT = (
    "In 2025 verwerkte het gemeentehuis meer dan twaalfduizend aanvragen aan het loket.",
    "De digitale aanvragen namen toe tot bijna de helft van het totaal.",
    "Dit verslag beschrijft per dienst de belangrijkste cijfers en projecten.",
)
REGULATIONS = ("Reglement voor evenementen op het openbaar domein, goedgekeurd door de gemeenteraad.",)

DEMO: dict[str, Callable[[], bytes]] = {
    # passes every check
    "afvalkalender-2026.pdf": lambda: build_pdf(
        PdfSpec(title="Afvalkalender 2026", heading="Afvalkalender 2026")
    ),
    # 24 pages without bookmarks, a figure without alternative text
    "jaarverslag-2025.pdf": lambda: build_pdf(
        PdfSpec(
            title="Jaarverslag 2025",
            heading="Jaarverslag 2025",
            pages=24,
            figure_alt=None,
            body=ANNUAL_REPORT,
            table=False,
            form_field=False,
        )
    ),
    # a scan from 2016: untagged, no text, no title, no language; possibly exempt
    "reglement-evenementen.pdf": lambda: build_pdf(
        PdfSpec(
            title=None,
            tagged=False,
            text=False,
            lang=None,
            display_title=False,
            pdfua=False,
            body=REGULATIONS,
            modified="2016-06-14T11:20:00+02:00",
        )
    ),
    # passes every check
    "aanvraag-evenement.docx": lambda: build_docx(OfficeSpec()),
    # no title, an image without alternative text
    "verslag-gemeenteraad.odt": lambda: build_odt(
        OfficeSpec(title=None, image_alt=None, modified="2026-01-27T21:10:00Z")
    ),
}


def write_samples(folder: Path, samples: dict[str, Callable[[], bytes]]) -> list[Path]:
    """Write each sample into `folder` (created if needed); the paths written, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in samples.items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m a11ycheck.documents.samples", description=__doc__)
    parser.add_argument("folder", type=Path, help="where to write the files")
    parser.add_argument("--demo", action="store_true", help="the demo site's documents, with outcomes.json")
    args = parser.parse_args(argv)
    paths = write_samples(args.folder, DEMO if args.demo else CORPUS)
    if args.demo:
        from a11ycheck.documents.check import check_document

        outcomes = {}
        for path in paths:
            result = check_document(path, name=path.name).to_dict()
            result["source"] = path.name
            del result["sha256"]  # differs between runs for the encrypted files; not needed here
            outcomes[path.name] = result
        (args.folder / "outcomes.json").write_text(json.dumps(outcomes, indent=2, ensure_ascii=False) + "\n")
    print(f"{len(paths)} documents written to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
