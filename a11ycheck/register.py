"""The register of organisations whose websites are audited and whose charters are tracked.

The 285 Flemish municipalities as they are since the mergers of 1 January 2025, built from Statbel's 2020
register and the merger list in `register_data/` (see its README), plus a few Flemish government entities
and the fictitious demo municipality. A merged municipality keeps every old NIS code as an alias: its new
Statbel code is not in our data, and a register must not invent codes.
"""

import csv
import difflib
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from a11ycheck.errors import UserError

DATA = Path(__file__).parent / "register_data"
FLEMISH_REGION = "Vlaams Gewest"

MUNICIPALITY = "municipality"
REGIONAL = "regional"
DEMO = "demo"


@dataclass(frozen=True)
class Organisation:
    """One organisation: `slug` is the stable key used in charter file names and the database."""

    slug: str
    name: str
    kind: str  # municipality | regional | demo
    nis_codes: tuple[str, ...] = ()  # every NIS code it has had; several for a 2025 merger
    province: str | None = None
    inhabitants: int | None = None  # 2020 figure, summed over merged municipalities
    merged_from: tuple[str, ...] = ()  # the 2020 municipalities it was formed from in 2025, if merged


DEMO_ORGANISATION = Organisation(slug="voorbeeld", name="Gemeente Voorbeeld", kind=DEMO)


def slugify(name: str) -> str:
    """ASCII, lowercase, hyphens: "Sint-Genesius-Rode" -> "sint-genesius-rode", "Rhode-Saint-Genèse" ->
    "rhode-saint-genese"; apostrophes vanish ("'s-Gravenwezel" -> "s-gravenwezel")."""
    text = re.sub(r"['’‘`´]", "", name.strip().lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class Register:
    """Organisations by slug, looked up by slug, name (any case or accents), old name or NIS code."""

    def __init__(
        self, organisations: Iterable[Organisation], aliases: Iterable[tuple[str, Organisation]] = ()
    ):
        self._organisations: dict[str, Organisation] = {}
        for organisation in organisations:
            if organisation.slug in self._organisations:
                raise ValueError(f"two organisations have the slug {organisation.slug!r}")
            self._organisations[organisation.slug] = organisation
        self._by_nis = {code: org for org in self._organisations.values() for code in org.nis_codes}
        self._by_key: dict[str, Organisation] = {}
        self._labels: dict[str, str] = {}
        names = [(org.slug, org) for org in self._organisations.values()]
        names += [(org.name, org) for org in self._organisations.values()]
        for alias, organisation in [*names, *aliases]:  # current names win over old and French ones
            key = slugify(alias)
            if key and key not in self._by_key:
                self._by_key[key] = organisation
                self._labels[key] = (
                    organisation.name if key == organisation.slug else f"{alias} ({organisation.name})"
                )

    @classmethod
    def load(cls) -> "Register":
        """The register built from the bundled data; built once per process."""
        return _bundled_register()

    def all(self) -> list[Organisation]:
        return sorted(self._organisations.values(), key=lambda org: org.slug)

    def municipalities(self) -> list[Organisation]:
        return [org for org in self.all() if org.kind == MUNICIPALITY]

    def find(self, ref: str | int) -> Organisation | None:
        """The organisation for a slug, name, old name or NIS code; None if there is none."""
        text = str(ref).strip()
        if text.isdigit():
            return self._by_nis.get(text)
        return self._by_key.get(slugify(text))

    def get(self, ref: str | int) -> Organisation:
        """Like `find`, but a UserError that suggests close names when nothing matches."""
        found = self.find(ref)
        if found is None:
            raise UserError(self._unknown(str(ref)))
        return found

    def _unknown(self, ref: str) -> str:
        close = difflib.get_close_matches(slugify(ref), self._by_key, n=3, cutoff=0.75)
        labels: dict[str, str] = {}  # the closest label per organisation, closest first
        for key in close:
            labels.setdefault(self._by_key[key].slug, self._labels[key])
        if labels:
            return f"unknown municipality {ref!r}: did you mean {' or '.join(labels.values())}?"
        return (
            f"unknown municipality {ref!r}: give the name, slug or NIS code of a Flemish municipality "
            "(as since the 2025 mergers), e.g. sint-niklaas or 46021"
        )


@functools.cache
def _bundled_register() -> Register:
    municipalities, aliases = flemish_municipalities(
        DATA / "belgian_municipalities_2020.csv",
        DATA / "flemish_mergers_2025.csv",
        DATA / "province_changes_2025.csv",
    )
    regional = [
        Organisation(slug=row["slug"], name=row["name"], kind=REGIONAL)
        for row in _rows(DATA / "regional.csv")
    ]
    return Register([*municipalities, *regional, DEMO_ORGANISATION], aliases)


def flemish_municipalities(
    register_2020: Path, mergers_2025: Path, province_changes: Path
) -> tuple[list[Organisation], list[tuple[str, Organisation]]]:
    """The Flemish municipalities since 2025, and the old and French names that lead to each of them.

    Raises ValueError when the files disagree (a merger naming an unknown NIS code, a merged municipality
    whose members end up in two provinces), so bad data fails loudly instead of yielding a wrong register.
    """
    rows = {row["NIS_code"]: row for row in _rows(register_2020) if row["region_NL"] == FLEMISH_REGION}
    moved = {row["old_nis_code"]: row["province_from_2025"] for row in _rows(province_changes)}
    members: dict[str, list[str]] = defaultdict(list)
    for row in _rows(mergers_2025):
        if row["old_nis_code"] not in rows:
            raise ValueError(
                f"{mergers_2025.name}: NIS code {row['old_nis_code']} is not a Flemish municipality"
            )
        members[row["municipality_from_2025"]].append(row["old_nis_code"])
    # The list leaves out a municipality that absorbed another and kept its own name (Antwerpen, Borsbeek).
    by_name = {row["municipality_NL"]: code for code, row in rows.items()}
    for name, codes in members.items():
        if name in by_name and by_name[name] not in codes:
            codes.append(by_name[name])

    organisations, aliases = [], []
    merged_codes = {code for codes in members.values() for code in codes}
    for name, codes in members.items():
        group = sorted((rows[code] for code in codes), key=lambda row: row["municipality_NL"])
        provinces = {moved.get(row["NIS_code"], row["province_NL"]) for row in group}
        if len(provinces) != 1:
            raise ValueError(
                f"merged municipality {name} spans provinces {sorted(provinces)}: fix {province_changes.name}"
            )
        organisation = Organisation(
            slug=slugify(name),
            name=name,
            kind=MUNICIPALITY,
            nis_codes=tuple(sorted(codes)),
            province=provinces.pop(),
            inhabitants=sum(int(row["inhabitants"]) for row in group),
            merged_from=tuple(row["municipality_NL"] for row in group),
        )
        organisations.append(organisation)
        aliases += [
            (row[column], organisation) for row in group for column in ("municipality_NL", "municipality_FR")
        ]
    for code, row in rows.items():
        if code in merged_codes:
            continue
        organisation = Organisation(
            slug=slugify(row["municipality_NL"]),
            name=row["municipality_NL"],
            kind=MUNICIPALITY,
            nis_codes=(code,),
            province=moved.get(code, row["province_NL"]),
            inhabitants=int(row["inhabitants"]),
        )
        organisations.append(organisation)
        aliases.append((row["municipality_FR"], organisation))
    return organisations, aliases


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
