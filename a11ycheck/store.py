"""The database: opening it (SQLite with WAL, or PostgreSQL), migrating it, writing results in batches,
and the queries the CLI and later stages read from.
"""

import json
import os
import random
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import selectinload
from sqlmodel import Session, SQLModel, create_engine

from a11ycheck.errors import UserError
from a11ycheck.finding_groups import FoundNode
from a11ycheck.models import (
    Document,
    NeedsReview,
    NeedsReviewNode,
    Page,
    Run,
    Site,
    Violation,
    ViolationNode,
    utcnow,
)
from a11ycheck.vocabulary.fingerprints import node_fingerprint
from a11ycheck.vocabulary.results import NodeResult, PageResult, RuleResult
from a11ycheck.vocabulary.statuses import AUDIT_FAILURES, KILLED, OK, REDIRECTED, RUNNING, http_code

MIGRATIONS = Path(__file__).parent / "migrations"
SCHEMA_HEAD = "0011"  # the newest revision in migrations/versions (tests/test_migrations.py checks it)
_PG_MIGRATION_LOCK = 7_277_001  # advisory lock id: one migrator at a time on a shared database


def engine_for(url: str) -> Engine:
    """An engine for a SQLite or PostgreSQL URL; one-line UserError for anything else."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UserError(
            f"bad database URL {url!r}: use sqlite:///path/to/file.db or postgresql://user@host/dbname"
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            db_path = Path(parsed.database).expanduser()
            if not db_path.parent.exists():
                try:
                    db_path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise UserError(f"cannot create the folder for {db_path}: {exc.strerror}") from None
        if parsed.drivername != "sqlite":
            raise UserError(f"unsupported SQLite driver in {url!r}: use sqlite:///path/to/file.db")
        engine = create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True)
    raise UserError(f"unsupported database {backend!r} in {url!r}: use a sqlite:/// or postgresql:// URL")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (alembic); safe when several processes start at once.

    A database already at SCHEMA_HEAD is left as it is without loading alembic (half a second of every
    command); any other (new, older, newer, or unreadable) goes through alembic's upgrade under the lock.
    """
    if _at_head(engine):
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_MIGRATION_LOCK})
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # serialises concurrent first starts
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _at_head(engine: Engine) -> bool:
    """True when the database's alembic_version holds exactly SCHEMA_HEAD; a read, no lock taken.

    False for a database without that table (new) or at another revision: `migrate` then decides.
    """
    exists = {
        "sqlite": "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'",
        "postgresql": "SELECT 1 WHERE to_regclass('alembic_version') IS NOT NULL",
    }.get(engine.dialect.name)
    if exists is None:
        return False
    with engine.connect() as connection:
        if connection.execute(text(exists)).first() is None:
            return False
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return versions == [SCHEMA_HEAD]


def migrate_when_free(engine: Engine, patience: float = 30.0) -> None:
    """`migrate`, tried again while SQLite answers "database is locked" for up to `patience` seconds.

    A process opening the file holds a read lock and wants to switch it to WAL (or to write) while another
    holds the write lock and wants to commit: SQLite answers the first "locked" at once, without waiting
    out its busy timeout (both would wait forever). A moment later the other has committed and the retry
    goes through (tests/test_concurrency.py reproduces it).
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            migrate(engine)
            return
        except OperationalError as exc:
            if "database is locked" not in str(exc.orig or exc) or time.monotonic() >= deadline:
                raise
        engine.dispose()  # the connection that failed in its first pragmas is not reused
        time.sleep(random.uniform(0.05, 0.3))


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def owner_is_dead(owner: str | None) -> bool:
    """True when the run's process was on this machine and is gone (killed, power loss); else False."""
    if not owner or ":" not in owner:
        return False
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


@dataclass(frozen=True)
class PageRecord:
    """What the crawl knows of a page before (or instead of) the browser: from a spider's PageItem."""

    url: str
    status: str = OK
    http_status: int | None = None
    depth: int | None = None
    referrer: str | None = None
    title: str | None = None
    error: str | None = None
    redirect_to: str | None = None  # status "redirected": where the site sent the crawler


@dataclass(frozen=True)
class RunSummary:
    id: int
    kind: str
    start_url: str | None
    status: str
    started_at: datetime
    finished_at: datetime | None
    pages: int
    audited: int
    failed: int
    http_errors: int
    violations: int
    documents: int
    redirected: int = 0
    needs_review: int = 0  # rules axe could not decide on, counted once per page
    reused: int = 0  # audited pages whose findings were carried forward unchanged (a11ycheck/reuse.py)
    reuse_base: int | None = None  # the run they came from; None: a full audit


class Store:
    """One database; every public method opens and closes its own session."""

    def __init__(self, url: str):
        self.url = url
        self.engine = engine_for(self.url)
        try:
            migrate_when_free(self.engine)
        except OperationalError as exc:
            raise UserError(f"cannot open database {self.display_url}: {safe_error(exc)}") from None

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    # --- writing -------------------------------------------------------------------------------------

    def ensure_site(self, start_url: str) -> Site:
        host = urlsplit(start_url).netloc.lower()
        with self.session() as session:
            site = session.exec(select(Site).where(Site.host == host)).scalars().first()
            if site is None:
                site = Site(host=host, start_url=start_url)
                session.add(site)
                session.commit()
            return site

    def start_run(
        self,
        kind: str,
        start_url: str | None,
        options: dict,
        axe_version: str,
        audit_code: str = "",
        reuse_base: int | None = None,
    ) -> Run:
        site = self.ensure_site(start_url) if start_url else None
        run = Run(
            kind=kind,
            start_url=start_url,
            site_id=site.id if site else None,
            options=json.dumps(options, sort_keys=True),
            axe_version=axe_version,
            owner=this_process(),
            audit_code=audit_code,
            reuse_base=reuse_base,
        )
        with self.session() as session:
            session.add(run)
            session.commit()
            return run

    def reopen_run(self, run_id: int) -> Run:
        """Take over a killed or interrupted run: this process now owns it and it is running again."""
        with self.session() as session:
            run = session.get(Run, run_id)
            run.status, run.finished_at, run.error, run.owner = "running", None, None, this_process()
            session.commit()
            return run

    def recorded_urls(self, run_id: int) -> tuple[set[str], set[str]]:
        """The page and the document URLs a run has already written: what a resume must not redo."""
        with self.session() as session:
            pages = session.exec(select(Page.url).where(Page.run_id == run_id)).scalars().all()
            documents = session.exec(select(Document.url).where(Document.run_id == run_id)).scalars().all()
        return set(pages), set(documents)

    def finish_run(self, run_id: int, status: str, error: str | None = None) -> None:
        with self.session() as session:
            run = session.get(Run, run_id)
            run.status = status
            run.finished_at = utcnow()
            run.error = error
            session.commit()

    def save_pages(
        self,
        run_id: int,
        batch: Iterable[tuple[PageRecord, PageResult | None]],
        rows: Iterable[SQLModel] = (),
    ) -> None:
        """Write a batch of pages with their findings, and the rows the run's observers made of them (keyed
        by run and URL), in one transaction."""
        with self.session() as session:
            for record, result in batch:
                session.add(_page_row(run_id, record, result))
            session.add_all(list(rows))
            session.commit()

    def save_documents(self, run_id: int, documents: Iterable[Document]) -> None:
        with self.session() as session:
            for document in documents:
                document.run_id = run_id
                session.add(document)
            session.commit()

    # --- reading -------------------------------------------------------------------------------------

    def run_summaries(self, limit: int | None = None) -> list[RunSummary]:
        with self.session() as session:
            query = select(Run).order_by(Run.id.desc())
            if limit:
                query = query.limit(limit)
            runs = session.exec(query).scalars().all()
            return [self._summary(session, run) for run in runs]

    def run_summary(self, run_id: int) -> RunSummary:
        with self.session() as session:
            return self._summary(session, session.get(Run, run_id))

    def resolve_run(self, ref: str) -> int:
        """A run id from "latest" or a number; UserError naming what exists otherwise."""
        with self.session() as session:
            if ref == "latest":
                run_id = session.exec(select(func.max(Run.id))).scalar()
                if run_id is None:
                    raise UserError("there are no runs yet: start one with `a11ycheck crawl URL`")
                return run_id
            if not ref.isdigit() or session.get(Run, int(ref)) is None:
                raise UserError(f"no run {ref!r} in {self.display_url}: see `a11ycheck runs` for the run ids")
            return int(ref)

    def run_pages(self, run_id: int) -> list[Page]:
        """Every page of a run with violations and nodes loaded, in the order they were audited."""
        with self.session() as session:
            query = (
                select(Page)
                .where(Page.run_id == run_id)
                .order_by(Page.id)
                .options(
                    selectinload(Page.violations).selectinload(Violation.nodes),
                    selectinload(Page.needs_review).selectinload(NeedsReview.nodes),
                )
            )
            return list(session.exec(query).scalars().all())

    def failing_nodes(self, run_id: int) -> list[FoundNode]:
        """Every element failing a rule in a run, with its page: what fix-once groups are made of."""
        with self.session() as session:
            rows = session.exec(
                select(
                    Page.url,
                    Violation.rule,
                    Violation.impact,
                    Violation.level,
                    Violation.help,
                    ViolationNode.target,
                    ViolationNode.html,
                )
                .join(Violation, Violation.page_id == Page.id)
                .join(ViolationNode, ViolationNode.violation_id == Violation.id)
                .where(Page.run_id == run_id)
                .order_by(Page.id, Violation.id, ViolationNode.id)
            ).all()
        return [
            FoundNode(url, rule, impact, level, help_text, tuple(map(str, json.loads(target))), html)
            for url, rule, impact, level, help_text, target, html in rows
        ]

    def run_documents(self, run_id: int) -> list[Document]:
        with self.session() as session:
            query = select(Document).where(Document.run_id == run_id).order_by(Document.id)
            return list(session.exec(query).scalars().all())

    def site_runs(self, site_id: int) -> list[Run]:
        """Every run of a site, newest first."""
        with self.session() as session:
            query = select(Run).where(Run.site_id == site_id).order_by(Run.id.desc())
            return list(session.exec(query).scalars().all())

    def page_fingerprints(self, run_id: int) -> dict[str, tuple[str, int]]:
        """What axe saw on each audited page of a run, by URL: (fingerprint, page id)."""
        with self.session() as session:
            rows = session.exec(
                select(Page.url, Page.fingerprint, Page.id).where(
                    Page.run_id == run_id, Page.status == OK, Page.fingerprint.is_not(None)
                )
            ).all()
        return {url: (fingerprint, page_id) for url, fingerprint, page_id in rows}

    def page_findings(self, page_id: int) -> PageResult:
        """A stored page's findings as an audit result (to carry them forward); LookupError if it is gone or
        its detail was pruned meanwhile."""
        with self.session() as session:
            page = (
                session.exec(
                    select(Page)
                    .where(Page.id == page_id)
                    .options(
                        selectinload(Page.violations).selectinload(Violation.nodes),
                        selectinload(Page.needs_review).selectinload(NeedsReview.nodes),
                    )
                )
                .scalars()
                .first()
            )
            if page is None or page.fingerprint is None:  # gone, or pruned since (a11ycheck/retention.py)
                raise LookupError(f"page {page_id} is not in the database, or its detail was pruned")
            return PageResult(
                url=page.url,
                status=page.status,
                violations=[_rule_result(v) for v in page.violations],
                needs_review=[_rule_result(v) for v in page.needs_review],
                passed_rules=[r for r in page.passed_rules.split(",") if r],
                inapplicable_rules=[r for r in page.inapplicable_rules.split(",") if r],
            )

    def latest_run_id(self, site_id: int) -> int | None:
        """The newest run of a site, or None."""
        with self.session() as session:
            query = select(Run.id).where(Run.site_id == site_id).order_by(Run.id.desc()).limit(1)
            return session.exec(query).scalars().first()

    def get_run(self, run_id: int) -> Run:
        with self.session() as session:
            return session.get(Run, run_id)

    def _summary(self, session: Session, run: Run) -> RunSummary:
        by_status = dict(
            session.exec(
                select(Page.status, func.count()).where(Page.run_id == run.id).group_by(Page.status)
            ).all()
        )
        violations = session.exec(
            select(func.count(Violation.id)).join(Page).where(Page.run_id == run.id)
        ).scalar()
        documents = session.exec(select(func.count(Document.id)).where(Document.run_id == run.id)).scalar()
        reused = session.exec(
            select(func.count(Page.id)).where(Page.run_id == run.id, Page.reused_from.is_not(None))
        ).scalar()
        unsure = session.exec(
            select(func.count(NeedsReview.id)).join(Page).where(Page.run_id == run.id)
        ).scalar()
        return RunSummary(
            id=run.id,
            kind=run.kind,
            start_url=run.start_url,
            status=KILLED if run.status == RUNNING and owner_is_dead(run.owner) else run.status,
            started_at=run.started_at,
            finished_at=run.finished_at,
            pages=sum(by_status.values()),
            audited=by_status.get(OK, 0),
            failed=sum(by_status.get(s, 0) for s in AUDIT_FAILURES),
            http_errors=sum(n for s, n in by_status.items() if http_code(s) is not None),
            violations=violations or 0,
            documents=documents or 0,
            redirected=by_status.get(REDIRECTED, 0),
            needs_review=unsure or 0,
            reused=reused or 0,
            reuse_base=run.reuse_base,
        )


def _page_row(run_id: int, record: PageRecord, result: PageResult | None) -> Page:
    page = Page(
        run_id=run_id,
        url=record.url,
        status=result.status if result else record.status,
        http_status=record.http_status,
        depth=record.depth,
        referrer=record.referrer,
        title=(result.title if result and result.title else record.title),
        error=(result.error if result else record.error),
        final_url=result.final_url if result else None,
        duration_ms=result.duration_ms if result else 0,
        attempts=result.attempts if result else 1,
        audited_at=datetime.now(UTC),
        passed_rules=",".join(sorted(set(result.passed_rules))) if result else "",
        inapplicable_rules=",".join(sorted(set(result.inapplicable_rules))) if result else "",
        redirect_to=(result.redirect_to if result else None) or record.redirect_to,
        fingerprint=result.fingerprint if result else None,
        reused_from=result.reused_from if result else None,
    )
    for found in result.violations if result else ():
        violation = Violation(**_rule_columns(found))
        violation.nodes = [
            ViolationNode(**_node_columns(found.rule, record.url, node)) for node in found.nodes
        ]
        page.violations.append(violation)
    for found in result.needs_review if result else ():
        unsure = NeedsReview(**_rule_columns(found))
        unsure.nodes = [
            NeedsReviewNode(**_node_columns(found.rule, record.url, node)) for node in found.nodes
        ]
        page.needs_review.append(unsure)
    return page


def _rule_result(row: Violation | NeedsReview) -> RuleResult:
    """A stored rule result back as the audit gave it (tags keep level, version and criteria)."""
    return RuleResult(
        rule=row.rule,
        impact=row.impact,
        tags=[t for t in row.tags.split(",") if t],
        help=row.help,
        description=row.description,
        help_url=row.help_url,
        nodes=[
            NodeResult(target=json.loads(n.target), html=n.html, failure_summary=n.failure_summary)
            for n in row.nodes
        ],
    )


def _rule_columns(found: RuleResult) -> dict:
    return {
        "rule": found.rule,
        "impact": found.impact,
        "level": found.level,
        "wcag_version": found.wcag_version,
        "wcag": ",".join(found.wcag),
        "tags": ",".join(found.tags),
        "help": found.help,
        "description": found.description,
        "help_url": found.help_url,
    }


def _node_columns(rule: str, page_url: str, node: NodeResult) -> dict:
    return {
        "target": json.dumps(node.target),
        "html": node.html,
        "failure_summary": node.failure_summary,
        "fingerprint": node_fingerprint(rule, page_url, node.target),
    }


def safe_error(exc: SQLAlchemyError) -> str:
    """The first line of a database error, for a message a person reads."""
    orig = getattr(exc, "orig", None)
    return (str(orig) if orig else str(exc)).strip().splitlines()[0]
