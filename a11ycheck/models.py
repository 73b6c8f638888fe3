"""The tables: sites, runs, pages, violations with their nodes, documents.

Counts (pages audited, failed) are derived with queries, not stored, so they can never disagree.
"""

from datetime import UTC, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


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

    run: Run | None = Relationship(back_populates="pages")
    violations: list["Violation"] = Relationship(back_populates="page")


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


class Document(SQLModel, table=True):
    """A document (PDF, DOCX, ...) found during a run: recorded, not audited."""

    __table_args__ = (UniqueConstraint("run_id", "url", name="uq_document_run_url"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", index=True)
    url: str = Field(sa_column=Column(Text, nullable=False))
    content_type: str | None = Field(default=None, max_length=200)
    size: int | None = None
    http_status: int | None = None
    referrer: str | None = Field(default=None, sa_column=Column(Text))
    found_at: datetime = Field(default_factory=utcnow)


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
