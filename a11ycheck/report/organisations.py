"""Who the report is about: organisations with their sites and runs, and their audit state over time.

A municipality may have several sites, audited at different moments. Its state on a day is the latest
completed crawl of each of its sites finished by the end of that day (UTC), as the charter KPIs define it
(a11ycheck.charters.measures): a "snapshot". Trends are series of snapshots, one per day with a crawl.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from a11ycheck.charters.tallies import RunCounts
from a11ycheck.models import as_utc
from a11ycheck.report.paths import file_slug
from a11ycheck.report.queries import RunRow, SiteRow

COMPLETED = "completed"
CRAWL = "crawl"
UNASSIGNED_KIND = "site"  # a site nobody has claimed yet: reported on its own, under its host name


@dataclass(frozen=True)
class OrganisationInfo:
    """What the report says about who owns sites; `slug` is the file-safe name of its folder."""

    key: str  # the value sites refer to (Site.organisation), or "site:<host>" when unassigned
    slug: str
    name: str
    province: str | None = None
    kind: str = "municipality"


@dataclass(frozen=True)
class Snapshot:
    """An organisation's audit state at the end of `day`: the latest completed run of each site so far."""

    day: date
    run_ids: tuple[int, ...]
    counts: RunCounts


@dataclass
class OrganisationAudits:
    info: OrganisationInfo
    sites: list[SiteRow] = field(default_factory=list)
    runs: list[RunRow] = field(default_factory=list)  # every run, oldest first, whatever its status
    snapshots: list[Snapshot] = field(default_factory=list)

    @property
    def latest(self) -> Snapshot | None:
        return self.snapshots[-1] if self.snapshots else None

    @property
    def previous(self) -> Snapshot | None:
        return self.snapshots[-2] if len(self.snapshots) > 1 else None

    def latest_and_previous(self, site_id: int) -> tuple[RunRow | None, RunRow | None]:
        """The site's latest completed crawl and the one before it (for "new" and "fixed")."""
        done = [run for run in completed_crawls(self.runs) if run.site_id == site_id]
        return (done[-1] if done else None), (done[-2] if len(done) > 1 else None)

    @property
    def latest_run_ids(self) -> set[int]:
        return set(self.latest.run_ids) if self.latest else set()


Describe = Callable[[str], OrganisationInfo]


def group_by_organisation(
    sites: list[SiteRow], runs: list[RunRow], describe: Describe
) -> list[OrganisationAudits]:
    """Organisations that have sites, each with its sites and runs, sorted by name; sites naming the same
    organisation in different ways (slug, name, NIS code) end up together."""
    by_key: dict[str, OrganisationAudits] = {}
    site_owner: dict[int, str] = {}
    for site in sites:
        info = describe(site.organisation) if site.organisation else unassigned_site(site.host)
        by_key.setdefault(info.key, OrganisationAudits(info=info)).sites.append(site)
        site_owner[site.id] = info.key
    for run in runs:
        if run.site_id in site_owner:
            by_key[site_owner[run.site_id]].runs.append(run)
    organisations = sorted(by_key.values(), key=lambda org: (org.info.name.casefold(), org.info.key))
    _make_slugs_unique(organisations)
    return organisations


def attach_snapshots(organisations: list[OrganisationAudits], counts: dict[int, RunCounts]) -> None:
    for organisation in organisations:
        organisation.snapshots = snapshots(organisation.runs, counts)


def unassigned_site(host: str) -> OrganisationInfo:
    return OrganisationInfo(
        key=f"site:{host}", slug=f"site-{file_slug(host) or 'unknown'}", name=host, kind=UNASSIGNED_KIND
    )


def completed_crawls(runs: list[RunRow]) -> list[RunRow]:
    """Completed crawls in the order they finished: what snapshots and "latest run" are made of."""
    done = [run for run in runs if run.status == COMPLETED and run.kind == CRAWL and run.finished_at]
    return sorted(done, key=lambda run: (as_utc(run.finished_at), run.id))


def snapshots(runs: list[RunRow], counts: dict[int, RunCounts]) -> list[Snapshot]:
    """One snapshot per day a crawl finished: the latest completed crawl per site by the end of that day."""
    latest_by_site: dict[int, RunRow] = {}
    by_day: dict[date, tuple[int, ...]] = {}
    for run in completed_crawls(runs):
        latest_by_site[run.site_id] = run
        by_day[as_utc(run.finished_at).date()] = tuple(sorted(r.id for r in latest_by_site.values()))
    return [
        Snapshot(day, run_ids, sum((counts.get(i, RunCounts()) for i in run_ids), RunCounts()))
        for day, run_ids in by_day.items()
    ]


def _make_slugs_unique(organisations: list[OrganisationAudits]) -> None:
    """Two keys may give the same file slug ("a/b" and "a-b"): the later one gets a numbered folder."""
    seen: set[str] = set()
    for organisation in organisations:
        slug, number = organisation.info.slug or "organisation", 2
        while slug in seen:
            slug, number = f"{organisation.info.slug}-{number}", number + 1
        seen.add(slug)
        if slug != organisation.info.slug:
            info = organisation.info
            organisation.info = OrganisationInfo(info.key, slug, info.name, info.province, info.kind)
