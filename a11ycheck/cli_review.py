"""The review wing's commands: `sample`, `review start|import|show`, `statement draft` and `sites contact`.
Parse, call a11ycheck.review, print; cli.py registers them (`statement draft` in the `statement` group).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from a11ycheck.cli_options import db_option, echo_table, settings_from, user_errors
from a11ycheck.errors import UserError

if TYPE_CHECKING:
    from a11ycheck.store import Store


def _store(db: str | None) -> Store:
    from a11ycheck.store import Store

    return Store(settings_from(db=db).db)


@click.command()
@click.argument("run")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "html"]),
    default="json",
    show_default=True,
    help="json, csv (one row per page) or html (a page for a person).",
)
@click.option(
    "--seed",
    type=click.IntRange(0, 2**31 - 1),
    default=0,
    show_default=True,
    help="Draws the random pages; the same run and seed give the same sample.",
)
@click.option(
    "--per-template",
    type=click.IntRange(1, 1000),
    default=1,
    show_default=True,
    help="Pages of each template (page structure) in the sample.",
)
@click.option("--evidence", is_flag=True, help="JSON: add why each page was chosen.")
@click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="HTML: language."
)
@db_option
@user_errors
def sample(
    run: str, fmt: str, seed: int, per_template: int, evidence: bool, lang: str, db: str | None
) -> None:
    """Draw the EU monitoring sample of a crawl (RUN: an id or `latest`), store it, print it.

    Each page says why it is in the sample (home, login, sitemap, contact, help, legal, search, service,
    statement, feedback, template, document, random); roles no page shows are listed as missing. The same
    run, seed and per-template number give the stored sample back, with its id.

    Example: a11ycheck sample latest --format html > steekproef.html
    """
    from a11ycheck.review.sample_output import render_sample
    from a11ycheck.review.sampling import draw_sample

    stored = draw_sample(_store(db), run, seed, per_template)
    sys.stdout.write(render_sample(stored, fmt, evidence=evidence, lang=lang))
    drawn = stored.sample
    documents = sum("document" in page.reasons for page in drawn.pages)
    click.echo(
        f"sample {stored.id} of run {stored.run_id} (seed {drawn.seed}, {drawn.per_template} per template"
        f"{', drawn now' if stored.new else ', stored earlier'}): {len(drawn.pages) - documents} pages, "
        f"{documents} documents; missing: {', '.join(drawn.missing) or 'nothing'}",
        err=True,
    )


@click.group()
def review() -> None:
    """Manual review of a sample: a review file to fill in, its verdicts stored, the conformance table.

    Example: a11ycheck review start latest -o review.csv, then a11ycheck review import review.csv
    """


@review.command("start")
@click.argument("sample_ref", metavar="SAMPLE_OR_RUN")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The CSV file."
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@db_option
@user_errors
def review_start(sample_ref: str, output: Path, force: bool, db: str | None) -> None:
    """Write the review file of a sample: each sampled page times the 50 WCAG 2.1 A/AA criteria.

    SAMPLE_OR_RUN: a sample id, run:ID (that crawl's latest sample, drawn with seed 0 if it has none) or
    latest (the latest crawl's). Rows are pre-filled from axe: failed (with the rules) or needs-review.
    Write passed, failed or not-applicable in `verdict`, and a note; an empty row is not tested.

    Example: a11ycheck review start 3 -o review-voorbeeld.csv
    """
    from a11ycheck.review.reviews import start_review

    started = start_review(_store(db), sample_ref, output, force)
    pages = len(started.sample.sample.pages)
    click.echo(
        f"wrote {started.path}: {started.rows:,} rows ({pages} pages x 50 criteria) of sample "
        f"{started.sample.id} of {started.sample.site_url}, axe's verdicts from run {started.automated_run}; "
        f"fill in verdict and note, then: a11ycheck review import {started.path} --author NAME"
    )


@review.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--author", metavar="NAME", help="Who reviewed; stored with the verdicts and the date.")
@click.option(
    "--sample",
    "sample_ref",
    metavar="SAMPLE_OR_RUN",
    help="The sample a WCAG-EM Report Tool report (JSON) evaluated; a review file names its own.",
)
@db_option
@user_errors
def review_import(file: Path, author: str | None, sample_ref: str | None, db: str | None) -> None:
    """Store the verdicts of a filled-in review file (or a WCAG-EM Report Tool JSON report).

    Every problem is reported as FILE:LINE: message, and nothing is stored if there is one.

    Example: a11ycheck review import review-voorbeeld.csv --author "An Peeters"
    """
    from a11ycheck.review.review_file import ReviewFileProblems
    from a11ycheck.review.reviews import import_review

    try:
        done = import_review(_store(db), file, author, sample_ref)
    except ReviewFileProblems as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise
    counts = ", ".join(f"{count:,} {verdict}" for verdict, count in done.counts.items())
    click.echo(
        f"imported {file} into sample {done.sample.id} of {done.sample.site_url}: {done.rows:,} rows, "
        f"{counts}{f' (by {author})' if author else ''}; see: a11ycheck review show {done.sample.site_url}"
    )


@review.command("show")
@click.argument("site")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table (for reading), json, or csv (one row per criterion).",
)
@db_option
@user_errors
def review_show(site: str, fmt: str, db: str | None) -> None:
    """The conformance table of a site (its URL as `sites list` shows it): per WCAG 2.1 A/AA criterion,
    axe's and the advisor's verdicts and the outcome, whether all 50 were evaluated, the failing pages.

    Example: a11ycheck review show https://www.voorbeeld.be/ --format json
    """
    import csv
    import json

    from a11ycheck.review.conformance import CONFORMANCE_CSV_COLUMNS
    from a11ycheck.review.site_review import review_of_site

    found = review_of_site(_store(db), site)
    if fmt == "json":
        click.echo(json.dumps(found.to_dict(), indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CONFORMANCE_CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(found.table.csv_rows())
        return
    _print_table(found)


def _print_table(found) -> None:
    table, stored = found.table, found.sample
    latest = found.reviews[-1] if found.reviews else None
    reviewed = (
        f"{len(found.reviews)} review(s), the latest {latest.imported_at:%Y-%m-%d}"
        + (f" by {latest.author}" if latest.author else "")
        if latest
        else "no review imported yet"
    )
    click.echo(
        f"{found.site_url}: sample {stored.id} (run {stored.run_id}, seed {stored.sample.seed}, "
        f"{len(table.pages)} pages), axe's verdicts from run {found.automated_run}, {reviewed}"
    )
    counts = table.counts()
    click.echo(
        f"all 50 criteria evaluated: {'yes' if table.all_evaluated else 'no'}; "
        + ", ".join(f"{count} {outcome}" for outcome, count in counts.items())
    )
    echo_table(
        ("criterion", "level", "automated", "manual", "outcome", "tested", "name"),
        [
            (
                row.criterion.number,
                row.criterion.level,
                row.automated or "-",
                row.manual or "-",
                row.outcome,
                f"{row.pages_tested}/{len(row.pages)}",
                row.criterion.name("en"),
            )
            for row in table.criteria
        ],
    )
    failing = [row for row in table.criteria if row.failing_pages]
    if failing:
        click.echo("\nfailing pages:")
    for row in failing:
        click.echo(f"{row.criterion.number} {row.criterion.name('en')}:")
        for page in row.failing_pages:
            said = ", ".join(part for part in (" ".join(page.rules), page.note) if part)
            click.echo(f"  {page.url}" + (f"  ({said})" if said else ""))


@click.command("draft")
@click.argument("site")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The HTML file."
)
@db_option
@user_errors
def statement_draft(site: str, lang: str, output: Path, db: str | None) -> None:
    """Draft the accessibility statement of a site (EU model, in Flemish wording) from its conformance
    table and its organisation's contact details (`a11ycheck sites contact`); marked as a draft, with
    what is left to complete highlighted.

    Example: a11ycheck statement draft https://www.voorbeeld.be/ -o verklaring.html
    """
    from a11ycheck.export import write_atomically
    from a11ycheck.review.site_review import review_of_site, statement_draft_of
    from a11ycheck.review.statement import statement_status

    if not output.expanduser().parent.is_dir():
        raise UserError(f"cannot write {output}: its folder does not exist")
    store = _store(db)
    found = review_of_site(store, site)
    html = statement_draft_of(store, found, lang, date.today())
    write_atomically(output, html)
    status = statement_status(found.table)
    click.echo(
        f"wrote {output}: draft statement for {found.site_url}, status {status.status} "
        f"({len(status.failing)} criteria fail, {len(status.not_tested)} not evaluated); "
        f"complete the parts marked {'[Aan te vullen]' if lang == 'nl' else '[To complete]'}"
    )


@click.command("contact")
@click.argument("organisation")
@click.option("--feedback-email", metavar="ADDRESS", help="Where visitors report accessibility problems.")
@click.option("--feedback-form", "feedback_form_url", metavar="URL", help="Or a feedback form's URL.")
@click.option("--complaints", "complaints_url", metavar="URL", help="The complaints procedure's URL.")
@click.option(
    "--method",
    "evaluation_method",
    metavar="METHOD",
    help="How sites are evaluated: self-assessment or third-party.",
)
@click.option("--evaluator", metavar="NAME", help="Who evaluates (a third party's name).")
@db_option
@user_errors
def sites_contact(organisation: str, db: str | None, **given) -> None:
    """Set (or, without options, show) ORGANISATION's details for its accessibility statement.

    ORGANISATION: a name, slug or NIS code. An empty value ("") clears a detail.

    Example: a11ycheck sites contact voorbeeld --feedback-email toegankelijkheid@voorbeeld.be
    --complaints https://www.voorbeeld.be/klachten --method self-assessment
    """
    from a11ycheck.register import Register
    from a11ycheck.review.contacts import FIELDS, ContactChange, contact_row, set_contact

    owner = Register.load().get(organisation)
    store = _store(db)
    if all(value is None for value in given.values()):
        row = contact_row(store, owner.slug)
    else:
        row = set_contact(store, owner.slug, ContactChange(**given))
        click.echo(f"contact details of {owner.slug} ({owner.name}) set", err=True)
    echo_table(
        ("detail", "value"),
        [(name, (getattr(row, name) if row else None) or "(to complete)") for name in FIELDS],
    )
