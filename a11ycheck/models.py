"""The tables: sites, runs, pages, violations with their nodes, documents and their checks.

Counts (pages audited, failed) are derived with queries, not stored, so they can never disagree.
"""

from datetime import UTC, date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """Stored times are UTC; SQLite hands them back without a zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Site(SQLModel, table=True):
    """A website, named by its host; `organisation` is the slug of who owns it (charters issue)."""

    id: int | None = Field(default=None, primary_key=True)
    host: str = Field(index=True, unique=True, max_length=255)
    start_url: str = Field(sa_column=Column(Text, nullable=False))
    organisation: str | None = Field(default=None, index=True, max_length=100)
    created_at: datetime = Field(default_factory=utcnow)


class Run(SQLModel, table=True):
    """One crawl (or list audit) of a site: what was asked, when, and how it ended."""

    id: int | None = Field(default=None, primary_key=True)
    site_id: int | None = Field(default=None, foreign_key="site.id", index=True)
    kind: str = Field(max_length=20)  # "crawl" or "audit"
    start_url: str | None = Field(default=None, sa_column=Column(Text))
    status: str = Field(default="running", max_length=20, index=True)  # running|completed|interrupted|failed
    started_at: datetime = Field(default_factory=utcnow, index=True)
    finished_at: datetime | None = None
    axe_version: str = Field(default="", max_length=20)
    options: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON of the run's settings
    error: str | None = Field(default=None, sa_column=Column(Text))
    owner: str | None = Field(default=None, max_length=300)  # "host:pid" of the process running it
    # Re-audits (a11ycheck/reuse.py): the version of a11ycheck's audit code, and the earlier run whose
    # findings unchanged pages may carry forward (None: a full audit, every page through axe)
    audit_code: str = Field(default="", max_length=40)
    reuse_base: int | None = None

    pages: list["Page"] = Relationship(back_populates="run")


class Page(SQLModel, table=True):
    """One URL of a run: audited ("ok") or why not ("timeout", "http-404", ...)."""

    __table_args__ = (UniqueConstraint("run_id", "url", name="uq_page_run_url"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    url: str = Field(sa_column=Column(Text, nullable=False))
    final_url: str | None = Field(default=None, sa_column=Column(Text))
    status: str = Field(max_length=40, index=True)
    http_status: int | None = None
    title: str | None = Field(default=None, sa_column=Column(Text))
    depth: int | None = None
    referrer: str | None = Field(default=None, sa_column=Column(Text))
    error: str | None = Field(default=None, sa_column=Column(Text))
    duration_ms: int = 0
    attempts: int = 1
    audited_at: datetime = Field(default_factory=utcnow)
    # What was tested: the axe rules that passed and that did not apply, ids comma-separated
    passed_rules: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    inapplicable_rules: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    redirect_to: str | None = Field(default=None, sa_column=Column(Text))  # status "redirected": where to
    fingerprint: str | None = Field(default=None, max_length=64)  # what axe saw (a11ycheck/reuse.py)
    reused_from: int | None = None  # the run whose findings this unchanged page carries forward

    run: Run | None = Relationship(back_populates="pages")
    violations: list["Violation"] = Relationship(back_populates="page")
    needs_review: list["NeedsReview"] = Relationship(back_populates="page")


class Violation(SQLModel, table=True):
    """An axe rule failing on a page; `level` is A, AA, AAA, best-practice or experimental."""

    id: int | None = Field(default=None, primary_key=True)
    page_id: int = Field(foreign_key="page.id", index=True)
    rule: str = Field(max_length=100, index=True)
    impact: str | None = Field(default=None, max_length=20)
    level: str = Field(max_length=20)
    wcag_version: str | None = Field(default=None, max_length=5)
    wcag: str = Field(default="", max_length=200)  # success criteria, comma-separated: "1.1.1,4.1.2"
    tags: str = Field(default="", sa_column=Column(Text, nullable=False))  # axe tags, comma-separated
    help: str = Field(default="", sa_column=Column(Text, nullable=False))
    description: str = Field(default="", sa_column=Column(Text, nullable=False))
    help_url: str = Field(default="", sa_column=Column(Text, nullable=False))

    page: Page | None = Relationship(back_populates="violations")
    nodes: list["ViolationNode"] = Relationship(back_populates="violation")


class ViolationNode(SQLModel, table=True):
    """One failing element; `fingerprint` stays the same across runs for the same rule, page and element."""

    __table_args__ = (Index("ix_violationnode_fingerprint", "fingerprint"),)

    id: int | None = Field(default=None, primary_key=True)
    violation_id: int = Field(foreign_key="violation.id", index=True)
    target: str = Field(sa_column=Column(Text, nullable=False))  # JSON list: one selector per frame level
    html: str = Field(default="", sa_column=Column(Text, nullable=False))
    failure_summary: str = Field(default="", sa_column=Column(Text, nullable=False))
    fingerprint: str = Field(max_length=40)

    violation: Violation | None = Relationship(back_populates="nodes")


class NeedsReview(SQLModel, table=True):
    """An axe rule that could not decide on a page ("incomplete"): where a person must look. Never counted as
    a failure; same columns as Violation."""

    __tablename__ = "needsreview"

    id: int | None = Field(default=None, primary_key=True)
    page_id: int = Field(foreign_key="page.id", index=True)
    rule: str = Field(max_length=100, index=True)
    impact: str | None = Field(default=None, max_length=20)
    level: str = Field(max_length=20)
    wcag_version: str | None = Field(default=None, max_length=5)
    wcag: str = Field(default="", max_length=200)
    tags: str = Field(default="", sa_type=Text)
    help: str = Field(default="", sa_type=Text)
    description: str = Field(default="", sa_type=Text)
    help_url: str = Field(default="", sa_type=Text)

    page: Page | None = Relationship(back_populates="needs_review")
    nodes: list["NeedsReviewNode"] = Relationship(back_populates="needs_review")


class NeedsReviewNode(SQLModel, table=True):
    """One element a rule could not decide on, with axe's message saying what to check."""

    __tablename__ = "needsreviewnode"

    id: int | None = Field(default=None, primary_key=True)
    needs_review_id: int = Field(foreign_key="needsreview.id", index=True)
    target: str = Field(sa_type=Text)
    html: str = Field(default="", sa_type=Text)
    failure_summary: str = Field(default="", sa_type=Text)
    fingerprint: str = Field(max_length=40)

    needs_review: NeedsReview | None = Relationship(back_populates="nodes")


class DocumentCheck(SQLModel, table=True):
    """What checking one file found (a11ycheck/documents), kept once per file and checker version: the same
    file linked from many pages, sites and runs is checked once. Never changed once written; the file itself
    is not kept."""

    __tablename__ = "documentcheck"
    __table_args__ = (UniqueConstraint("sha256", "checker_version", name="uq_documentcheck_sha256_version"),)

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, index=True)
    checker_version: str = Field(max_length=100)
    type: str | None = Field(default=None, max_length=20)  # pdf, docx, odt, xlsx, ... (what the bytes are)
    pages: int | None = None
    size: int | None = None
    status: str = Field(max_length=40)  # checked, too-large, unreadable, password-protected, not-checked
    message: str | None = Field(default=None, sa_type=Text)
    modified: datetime | None = None  # the latest date in the file's own metadata
    possibly_exempt: bool | None = (
        None  # from the file's own dates alone (the document row adds the server's)
    )
    accessible: bool | None = None  # checked and no check failed; None when not checked
    tagged: bool | None = None  # the outcome of the PDF check `tagged`; None when it did not run
    failed_checks: str = Field(default="", sa_type=Text)  # ids of the failed checks, comma-separated
    checks: str = Field(default="[]", sa_type=Text)  # JSON: every check's result (CheckResult.to_dict)
    checked_at: datetime = Field(default_factory=utcnow)


class Document(SQLModel, table=True):
    """A document (PDF, DOCX, ...) found during a run, with what became of it: `status` is the check's
    (checked, unreadable, ...) or why it was not checked (http-404, refused, timeout, too-large, ...);
    None when the run did not download documents."""

    __table_args__ = (UniqueConstraint("run_id", "url", name="uq_document_run_url"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    url: str = Field(sa_column=Column(Text, nullable=False))
    content_type: str | None = Field(default=None, max_length=200)
    size: int | None = None
    http_status: int | None = None
    referrer: str | None = Field(default=None, sa_column=Column(Text))
    found_at: datetime = Field(default_factory=utcnow)
    status: str | None = Field(default=None, max_length=40)
    message: str | None = Field(default=None, sa_type=Text)
    sha256: str | None = Field(default=None, max_length=64, index=True)
    check_id: int | None = Field(default=None, foreign_key="documentcheck.id", index=True)
    last_modified: str | None = Field(default=None, max_length=100)  # the server's Last-Modified header
    possibly_exempt: bool | None = None  # last modified before 23 September 2018, by the file or the server


class ReportedUpdate(SQLModel, table=True):
    """Progress a municipality reports on a charter commitment; every update is kept, never overwritten."""

    __table_args__ = (Index("ix_reportedupdate_org_commitment", "organisation", "commitment"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation: str = Field(max_length=100)  # register slug
    commitment: str = Field(max_length=100)  # commitment id in the charter file
    value: float | None = None  # a number or percentage
    done: bool | None = None  # for done/not-done commitments
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    evidence_url: str | None = Field(default=None, sa_column=Column(Text))
    author: str = Field(default="", max_length=200)
    recorded_at: datetime = Field(default_factory=utcnow, index=True)


class Campaign(SQLModel, table=True):
    """A monitoring campaign spread over workers: its sites went to `queue`, each audited by one run."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    organisations: str = Field(default="", sa_column=Column(Text, nullable=False))  # slugs, comma-separated
    options: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON: max_pages, tags, ...
    queue: str = Field(max_length=200)


class CampaignSite(SQLModel, table=True):
    """One site of a campaign: the unit of work a worker takes, and the run that audits it.

    `holder` and `heartbeat` say which worker process has it now and that it is alive, so a re-delivered
    site is resumed only once its previous holder is gone.
    """

    __table_args__ = (UniqueConstraint("campaign_id", "site_id", name="uq_campaignsite_campaign_site"),)

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    run_id: int | None = Field(default=None, foreign_key="run.id", index=True)
    status: str = Field(default="queued", max_length=20, index=True)  # queued|running|completed|failed
    deliveries: int = 0  # times a worker took it; more than 1 means it was re-delivered and resumed
    holder: str | None = Field(default=None, max_length=300)  # "host:pid" of the worker process on it now
    heartbeat: float | None = None  # unix time of the holder's last sign of life
    worker: str | None = Field(default=None, max_length=300)  # Celery node name of the last worker on it
    started_at: datetime | None = None
    finished_at: datetime | None = None
    error: str | None = Field(default=None, sa_column=Column(Text))


# --- The accessibility-statement wing (a11ycheck/statements/) ------------------------------------------


class StatementLink(SQLModel, table=True):
    """A link on an audited page that may lead to the site's accessibility statement, with its score
    (statements/links.py). Kept per page, so that the statement search at the end of a crawl (or of its
    resume) sees every page audited, and so that where the statement is linked from can be told."""

    __tablename__ = "statementlink"

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    page_url: str = Field(sa_type=Text)
    href: str = Field(sa_type=Text)
    text: str = Field(default="", sa_type=Text)  # the words that scored (text or accessible name), cut
    score: int = 0


class Statement(SQLModel, table=True):
    """A site's accessibility statement as a crawl found, read and graded it: one row per run, so every run
    keeps its own (the history). `url` None: no candidate page was found. Lists are JSON; `problems` holds
    the problem codes, comma-separated (statements/problems.py); `details` what the reading found beyond
    the export's fields."""

    __tablename__ = "statement"
    __table_args__ = (UniqueConstraint("run_id", name="uq_statement_run"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    site_id: int | None = Field(default=None, foreign_key="site.id", index=True)
    url: str | None = Field(default=None, sa_type=Text)
    is_statement: bool = False
    status: str = Field(default="unknown", max_length=10)  # full, partial, none, unknown
    standard: str | None = Field(default=None, max_length=40)
    prepared_on: date | None = None
    reviewed_on: date | None = None
    method: str = Field(default="unknown", max_length=20)  # self-assessment, third-party, unknown
    feedback: str = Field(default="[]", sa_type=Text)  # JSON list of mailto:, tel:, https: URIs
    enforcement: bool = False
    non_accessible_content: bool = False
    linked_from_home: bool | None = None  # None: not known (the home page was not audited)
    pages_linking: int = 0  # audited pages that link to the statement
    pages_audited: int = 0
    grade: str | None = Field(default=None, max_length=1)  # A-E; None when no candidate was found
    problems: str = Field(default="", sa_type=Text)
    contradictions: str = Field(default="[]", sa_type=Text)  # JSON: [{code, english, dutch, criteria}]
    details: str = Field(default="{}", sa_type=Text)
    checked_at: datetime = Field(default_factory=utcnow)


# --- The EU sample and manual review (a11ycheck/review): page facts, samples, reviews, contact details ---


class ReviewPageFacts(SQLModel, table=True):
    """What the review wing read in an audited page (review/facts_script.py), as JSON: title, headings,
    forms, landmarks, structure signature, and the page's links within the site with their names. The
    sample is drawn from these; keyed by run and URL like the page."""

    __tablename__ = "reviewpagefacts"
    __table_args__ = (UniqueConstraint("run_id", "url", name="uq_reviewpagefacts_run_url"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    url: str = Field(sa_column=Column(Text, nullable=False))
    facts: str = Field(default="{}", sa_column=Column(Text, nullable=False))


class ReviewSample(SQLModel, table=True):
    """A sample of a crawl's pages (EU method, WCAG-EM): the same run, seed and pages per template always
    give this one. `content` is the sample's JSON with each page's reasons, template and evidence."""

    __tablename__ = "reviewsample"
    __table_args__ = (
        UniqueConstraint("run_id", "seed", "per_template", name="uq_reviewsample_run_seed_per_template"),
    )

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    site_id: int | None = Field(default=None, foreign_key="site.id", index=True)
    seed: int
    per_template: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    content: str = Field(default="{}", sa_column=Column(Text, nullable=False))


class ReviewImport(SQLModel, table=True):
    """One imported review of a sample (a review file or a WCAG-EM report): who, when, from which file."""

    __tablename__ = "reviewimport"

    id: int | None = Field(default=None, primary_key=True)
    sample_id: int = Field(foreign_key="reviewsample.id", index=True)
    author: str | None = Field(default=None, max_length=200)
    imported_at: datetime = Field(default_factory=utcnow, index=True)
    source: str = Field(default="", sa_column=Column(Text, nullable=False))  # the file's name
    kind: str = Field(default="review-file", max_length=20)  # review-file or wcag-em
    rows: int = 0  # rows read, verdicts and not tested together


class ReviewVerdict(SQLModel, table=True):
    """An advisor's verdict on a page and a criterion, or a note on a row left not tested (verdict None)."""

    __tablename__ = "reviewverdict"

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="reviewimport.id", index=True)
    page_url: str = Field(sa_column=Column(Text, nullable=False))
    criterion: str = Field(max_length=10)
    verdict: str | None = Field(default=None, max_length=20)  # passed, failed, not-applicable
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    line: int | None = None  # where it was read in the review file


class OrganisationContactDetails(SQLModel, table=True):
    """An organisation's details for its accessibility statement: where to give feedback, its complaints
    procedure, and how its sites are evaluated. Configuration, set with `a11ycheck sites contact`."""

    __tablename__ = "organisationcontact"

    id: int | None = Field(default=None, primary_key=True)
    organisation: str = Field(max_length=100, index=True, unique=True)  # register slug
    feedback_email: str | None = Field(default=None, max_length=320)
    feedback_form_url: str | None = Field(default=None, sa_column=Column(Text))
    complaints_url: str | None = Field(default=None, sa_column=Column(Text))
    evaluation_method: str | None = Field(default=None, max_length=20)  # self-assessment or third-party
    evaluator: str | None = Field(default=None, max_length=200)
    updated_at: datetime = Field(default_factory=utcnow)


# --- plain language (klare taal, issue 18): a11ycheck/language/ --------------------------------------------


class PageLanguage(SQLModel, table=True):
    """How readable an audited page's main text is (a11ycheck/language/), keyed by run and URL like its page.

    Figures are None where nothing was measured (not Dutch, no running text); `level` is None with
    `no_level_reason` saying why. Shares are fractions from 0 to 1. A page without a row was not scored
    (scoring off, or the page's text could not be read)."""

    __tablename__ = "pagelanguage"
    __table_args__ = (UniqueConstraint("run_id", "url", name="uq_pagelanguage_run_url"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    url: str = Field(sa_type=Text)
    region: str | None = Field(default=None, max_length=20)  # where the text was read: main, article, body...
    lang: str | None = Field(default=None, max_length=8)  # ISO 639-1 ("nl"), None when unknown
    lang_declared: str | None = Field(default=None, max_length=8)
    lang_detected: str | None = Field(default=None, max_length=8)
    words: int | None = None
    sentences: int | None = None
    syllables: int | None = None
    fragment_words: int = 0
    avg_sentence_length: float | None = None
    long_sentences: float | None = None
    long_words: float | None = None
    rare_words: float | None = None
    flesch_douma: float | None = None
    level: str | None = Field(default=None, max_length=2)  # A2, B1, B2 or C1
    no_level_reason: str | None = Field(default=None, max_length=40)
    truncated: bool = False
    longest_sentences: str = Field(default="[]", sa_type=Text)  # JSON list, quoted as they stand on the page
