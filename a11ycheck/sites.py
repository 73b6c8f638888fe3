"""Which websites belong to which organisation: configuration, stored as `Site.organisation`.

A site is named by its host, exactly as a crawl names it (`Store.ensure_site` on the crawl's normalised
start URL), so a crawl of a configured site lands on the same row and is attributed to its organisation.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import select

from a11ycheck.errors import UserError
from a11ycheck.models import Run, Site
from a11ycheck.netguard import RefusedAddress, UnresolvableHost, check_url
from a11ycheck.register import Organisation, Register
from a11ycheck.store import Store
from a11ycheck.urls import normalize_url

IMPORT_COLUMNS = ("organisation", "url")


class SiteChange(StrEnum):
    ADDED = "added"
    UNCHANGED = "unchanged"  # already configured for this organisation
    CLAIMED = "claimed"  # crawled before without an organisation; now attributed


@dataclass(frozen=True)
class SiteTarget:
    """A checked site address: the host that keys the Site row and the URL a crawl starts from."""

    host: str
    start_url: str


@dataclass(frozen=True)
class SiteImportProblem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class SiteImportProblems(UserError):
    """Rows of an import file that cannot be imported; nothing was written."""

    def __init__(self, path: Path, problems: list[SiteImportProblem]):
        self.problems = tuple(problems)
        super().__init__(
            f"{len(problems)} bad row{'s' if len(problems) != 1 else ''} in {path}: nothing imported"
        )


def site_target(url: str) -> SiteTarget:
    """The site of `url`; a UserError unless it is an http(s) URL with a host. No DNS lookup: sites are
    often configured before they can be reached, and the crawl checks addresses again anyway."""
    try:
        check_url(url.strip(), allow_private=True, resolve=_offline)
    except UnresolvableHost:
        pass
    except RefusedAddress as exc:
        raise UserError(str(exc)) from None
    try:
        start_url = normalize_url(url)
        parts = urlsplit(start_url)
    except ValueError as exc:
        raise UserError(f"{url!r} is not a valid URL ({exc}): check it") from None
    if parts.username or parts.password:
        raise UserError(f"{url!r} contains a user name or password: give the site's public address")
    return SiteTarget(host=parts.netloc.lower(), start_url=start_url)


def add_site(store: Store, organisation: Organisation, url: str) -> tuple[Site, SiteChange]:
    """Attribute the site of `url` to `organisation`; an error if another organisation has it."""
    target = site_target(url)
    with store.session() as session:
        site = session.exec(select(Site).where(Site.host == target.host)).scalars().first()
        change = _apply(site, organisation.slug, target)
        if site is None:
            site = Site(host=target.host, start_url=target.start_url, organisation=organisation.slug)
            session.add(site)
        elif change == SiteChange.CLAIMED:
            site.organisation = organisation.slug
            site.start_url = target.start_url
        session.commit()
        return site, change


def remove_site(store: Store, url: str) -> tuple[Site, int]:
    """Stop attributing a site to its organisation; its runs stay, as history. Returns the site and how
    many runs it has."""
    target = site_target(url)
    with store.session() as session:
        site = session.exec(select(Site).where(Site.host == target.host)).scalars().first()
        if site is None or site.organisation is None:
            raise UserError(f"{target.host} is not a configured site: see `a11ycheck sites list`")
        runs = len(session.exec(select(Run.id).where(Run.site_id == site.id)).all())
        site.organisation = None
        session.commit()
        return site, runs


def list_sites(store: Store, organisations: Iterable[str] = ()) -> list[Site]:
    """Configured sites (those with an organisation), of every organisation or of these, by organisation
    then host."""
    query = select(Site).where(Site.organisation.is_not(None))
    wanted = list(organisations)
    if wanted:
        query = query.where(Site.organisation.in_(wanted))
    with store.session() as session:
        return list(session.exec(query.order_by(Site.organisation, Site.host)).scalars().all())


def configured_sites(store: Store, organisations: Iterable[str] = ()) -> list[Site]:
    """`list_sites`, or a UserError saying how to configure one when there is none: what a scheduled audit
    (monitor, campaign) starts from."""
    sites = list_sites(store, organisations)
    if not sites:
        raise UserError("no sites configured: add them with `a11ycheck sites add MUNICIPALITY URL`")
    return sites


def release_loopback_sites(store: Store, organisation: str, keep_host: str) -> None:
    """Unassign `organisation`'s loopback sites other than `keep_host`: each demo is served on a new port,
    so earlier demo hosts stop counting for the demo municipality."""
    with store.session() as session:
        earlier = session.exec(select(Site).where(Site.organisation == organisation)).scalars().all()
        for site in earlier:
            if site.host != keep_host and _is_loopback(site.host):
                site.organisation = None
        session.commit()


def _is_loopback(host: str) -> bool:
    name = urlsplit(f"//{host}").hostname or ""
    try:
        return ip_address(name).is_loopback
    except ValueError:
        return name == "localhost"


def import_sites(store: Store, register: Register, path: Path) -> dict[SiteChange, int]:
    """Add every `organisation,url` row of a CSV file, all or nothing: every row is checked first, and
    SiteImportProblems lists each bad one with its line. Returns how many rows led to each change."""
    rows = _read_import(path)
    problems: list[SiteImportProblem] = []
    wanted: dict[str, tuple[str, SiteTarget, int]] = {}  # host -> (organisation, target, line)
    for line, organisation_ref, url in rows:
        try:
            organisation = register.get(organisation_ref)
            target = site_target(url)
        except UserError as exc:
            problems.append(SiteImportProblem(path, line, str(exc)))
            continue
        earlier = wanted.get(target.host)
        if earlier and earlier[0] != organisation.slug:
            problems.append(
                SiteImportProblem(
                    path, line, f"{target.host} is given to {earlier[0]} on line {earlier[2]} already"
                )
            )
            continue
        wanted.setdefault(target.host, (organisation.slug, target, line))
    counts = dict.fromkeys(SiteChange, 0)
    with store.session() as session:
        existing = {
            site.host: site
            for site in session.exec(select(Site).where(Site.host.in_(list(wanted)))).scalars().all()
        }
        changes = []
        for host, (slug, target, line) in wanted.items():
            try:
                changes.append((host, slug, target, _apply(existing.get(host), slug, target)))
            except UserError as exc:
                problems.append(SiteImportProblem(path, line, str(exc)))
        if problems:
            raise SiteImportProblems(path, sorted(problems, key=lambda problem: problem.line))
        for host, slug, target, change in changes:
            counts[change] += 1
            if change == SiteChange.ADDED:
                session.add(Site(host=host, start_url=target.start_url, organisation=slug))
            elif change == SiteChange.CLAIMED:
                existing[host].organisation = slug
                existing[host].start_url = target.start_url
        session.commit()
    counts[SiteChange.UNCHANGED] += len(rows) - len(wanted)  # repeated rows for the same host
    return counts


def _apply(site: Site | None, organisation: str, target: SiteTarget) -> SiteChange:
    """What adding `target` for `organisation` does to the existing row; UserError if it is someone else's."""
    if site is None:
        return SiteChange.ADDED
    if site.organisation is None:
        return SiteChange.CLAIMED
    if site.organisation == organisation:
        return SiteChange.UNCHANGED
    raise UserError(
        f"{target.host} already belongs to {site.organisation}: "
        f"remove it first with `a11ycheck sites remove {target.start_url}`"
    )


def _read_import(path: Path) -> list[tuple[int, str, str]]:
    """(line, organisation, url) for each non-empty row; UserError for a file without the right columns."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = [name.strip().lower() for name in reader.fieldnames or []]
            if not set(IMPORT_COLUMNS) <= set(columns):
                raise UserError(
                    f"{path} needs a header line with the columns organisation,url "
                    f"(found: {','.join(columns) or 'nothing'})"
                )
            reader.fieldnames = columns
            rows = []
            for row in reader:
                organisation = (row.get("organisation") or "").strip()
                url = (row.get("url") or "").strip()
                if organisation or url:
                    rows.append((reader.line_num, organisation, url))
            return rows
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text: save it as UTF-8 CSV") from None


def _offline(host: str, port: object) -> list:
    raise OSError("not looked up: sites are configured offline")
