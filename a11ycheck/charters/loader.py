"""Reading charter files (`charters/<slug>.yaml`): every problem of every file, each as FILE:LINE, before
anything is evaluated. The format is documented in charters/README.md.
"""

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from a11ycheck.charters.charter import (
    DOMAINS,
    DONE,
    PERCENTAGE,
    REPORTED_TYPES,
    Charter,
    Commitment,
    MeasuredKpi,
    ReportedKpi,
)
from a11ycheck.charters.fields import CharterProblem, FieldChecker, number_text, written_as
from a11ycheck.charters.kpis import ACCESSIBILITY_STATEMENT, HIGHER, KPIS
from a11ycheck.charters.marked_yaml import LineList, LineMap, YamlSyntaxError, load_with_lines
from a11ycheck.errors import UserError
from a11ycheck.register import Register

CHARTER_KEYS = ("title", "signed", "partners", "commitments")
COMMITMENT_KEYS = ("id", "title", "description", "domain", "deadline", "measured", "reported")
MEASURED_KEYS = ("kpi", "baseline", "target", "rule", "criterion")
REPORTED_KEYS = ("type", "baseline", "target", "unit")
COMMITMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
AXE_RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WCAG_CRITERION = re.compile(r"^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$")
FORMAT_HINT = "see charters/README.md"


class CharterProblems(UserError):
    """Charter files that cannot be used; the message is one line, `problems` has them all."""

    def __init__(self, problems: Iterable[CharterProblem]):
        self.problems = tuple(problems)
        more = len(self.problems) - 1
        hint = f" (and {more} more: run `a11ycheck charter validate`)" if more else ""
        super().__init__(f"{self.problems[0]}{hint}")


def charter_files(paths: Iterable[Path]) -> list[Path]:
    """The charter files named: files as given, folders as their *.yaml files, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob("*.yaml"))
        elif path.is_file():
            found.append(path)
        else:
            raise UserError(f"no charter file or folder {path}: check the path")
    return found


def read_charter(path: Path, register: Register) -> tuple[Charter | None, list[CharterProblem]]:
    """The charter in `path` (None if it has problems) and all of its problems."""
    reader = _CharterReader(path, register)
    charter = reader.read()
    problems = sorted(reader.problems, key=lambda problem: problem.line)
    return (None if problems else charter), problems


def load_charters(paths: Iterable[Path], register: Register) -> list[Charter]:
    """Every charter in these files and folders; CharterProblems if any file has a problem."""
    charters, problems = [], []
    first_file: dict[str, Path] = {}
    for path in charter_files(paths):
        charter, found = read_charter(path, register)
        problems += found
        if charter is None:
            continue
        if charter.slug in first_file:
            problems.append(
                CharterProblem(path, 1, f"a second charter for {charter.slug} ({first_file[charter.slug]})")
            )
            continue
        first_file[charter.slug] = path
        charters.append(charter)
    if problems:
        raise CharterProblems(problems)
    return charters


def load_charter(charters_dir: Path, slug: str, register: Register) -> Charter:
    """The charter of one organisation (by register slug); a UserError when it is missing or broken."""
    path = charters_dir / f"{slug}.yaml"
    if not path.is_file():
        raise UserError(f"no charter for {slug} in {charters_dir}: write {path} ({FORMAT_HINT})")
    charter, problems = read_charter(path, register)
    if problems:
        raise CharterProblems(problems)
    return charter


class _CharterReader(FieldChecker):
    """Checks one charter file, collecting every problem rather than stopping at the first."""

    def __init__(self, path: Path, register: Register):
        super().__init__(path)
        self.register = register

    def read(self) -> Charter | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.problem(1, "the file is not UTF-8 text: save it as UTF-8")
            return None
        except OSError as exc:
            self.problem(1, f"cannot read the file: {exc.strerror}")
            return None
        slug = self._slug()
        try:
            data, yaml_problems = load_with_lines(text)
        except YamlSyntaxError as exc:
            self.problem(exc.line, str(exc))
            return None
        for line, message in yaml_problems:
            self.problem(line, message)
        if data is None:
            self.problem(1, f"the file is empty: a charter needs signed: and commitments: ({FORMAT_HINT})")
            return None
        if not isinstance(data, LineMap):
            self.problem(
                getattr(data, "line", 1),
                f"a charter is a mapping with signed:, partners: and commitments: ({FORMAT_HINT})",
            )
            return None
        self.check_keys(data, CHARTER_KEYS, "the charter")
        title = self.text_value(data, "title", "the charter", required=False) or ""
        signed = self.date_value(data, "signed", "the charter")
        partners = self._partners(data)
        commitments = self._commitments(data, signed)
        if slug is None or signed is None:
            return None
        return Charter(
            slug=slug, path=self.path, signed=signed, commitments=commitments, partners=partners, title=title
        )

    # --- the parts of a charter ----------------------------------------------------------------------

    def _slug(self) -> str | None:
        stem = self.path.stem
        organisation = self.register.find(stem)
        if organisation is None:
            try:
                self.register.get(stem)
            except UserError as exc:
                self.problem(1, f"{exc} (the file name must be the municipality's register slug)")
            return None
        if organisation.slug != stem:
            self.problem(
                1, f"the file name {stem!r} is not a register slug: rename it to {organisation.slug}.yaml"
            )
            return None
        return stem

    def _partners(self, data: LineMap) -> tuple[str, ...]:
        if "partners" not in data:
            return ()
        partners = data["partners"]
        if not isinstance(partners, LineList):
            self.problem(
                data.line_of("partners"), "partners must be a list of names, one per line starting with '- '"
            )
            return ()
        names = []
        for partner, line in zip(partners, partners.item_lines, strict=True):
            if not isinstance(partner, str) or not partner.strip():
                self.problem(line, f"a partner must be a name, not {written_as(partner)}")
            else:
                names.append(partner.strip())
        return tuple(names)

    def _commitments(self, data: LineMap, signed: date | None) -> tuple[Commitment, ...]:
        if "commitments" not in data:
            self.problem(data.line, f"the charter has no commitments: list ({FORMAT_HINT})")
            return ()
        items = data["commitments"]
        if not isinstance(items, LineList) or not items:
            self.problem(
                data.line_of("commitments"),
                "commitments must be a list of commitments, each starting with '- id:'",
            )
            return ()
        commitments, first_line = [], {}
        for item, line in zip(items, items.item_lines, strict=True):
            commitment = self._commitment(item, line, signed)
            if commitment is None:
                continue
            key = commitment.id.lower()
            if key in first_line:
                self.problem(
                    commitment.line,
                    f"duplicate commitment id {commitment.id!r} (first on line {first_line[key]})",
                )
                continue
            first_line[key] = commitment.line
            commitments.append(commitment)
        return tuple(commitments)

    def _commitment(self, item: object, line: int, signed: date | None) -> Commitment | None:
        if not isinstance(item, LineMap):
            self.problem(
                line,
                "a commitment is a mapping with id:, title:, domain:, deadline: and measured: or reported:",
            )
            return None
        problems_before = len(self.problems)
        commitment_id = self._commitment_id(item)
        what = f"commitment {commitment_id!r}" if commitment_id else f"the commitment on line {item.line}"
        self.check_keys(item, COMMITMENT_KEYS, what)
        title = self.text_value(item, "title", what)
        description = self.text_value(item, "description", what, required=False) or ""
        domain = self.choice_value(item, "domain", DOMAINS, what)
        deadline = self.date_value(item, "deadline", what)
        if deadline and signed and deadline <= signed:
            self.problem(
                item.line_of("deadline"),
                f"the deadline {deadline} of {what} is not after the signing date {signed}",
            )
        measured = reported = None
        if "measured" in item and "reported" in item:
            self.problem(item.line, f"{what} has both measured: and reported:; keep one")
        elif "measured" in item:
            measured = self._measured(item["measured"], item.line_of("measured"), what)
        elif "reported" in item:
            reported = self._reported(item["reported"], item.line_of("reported"), what)
        else:
            self.problem(
                item.line,
                f"{what} needs measured: (a KPI from the audits) or reported: (progress reported by hand)",
            )
        if len(self.problems) > problems_before:
            return None
        return Commitment(
            id=commitment_id,
            title=title,
            domain=domain,
            deadline=deadline,
            measured=measured,
            reported=reported,
            description=description,
            line=item.line,
        )

    def _commitment_id(self, item: LineMap) -> str | None:
        if "id" not in item:
            self.problem(item.line, "this commitment has no id: (a short name such as web-1)")
            return None
        value = item["id"]
        text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
        if not COMMITMENT_ID.match(text):
            self.problem(
                item.line_of("id"),
                f"commitment id {written_as(value)} must be letters, digits, '.', '_' or '-', such as web-1",
            )
            return None
        return text

    def _measured(self, value: object, line: int, what: str) -> MeasuredKpi | None:
        if not isinstance(value, LineMap):
            self.problem(line, f"measured: of {what} must be a mapping with kpi:, baseline: and target:")
            return None
        self.check_keys(value, MEASURED_KEYS, f"measured: of {what}")
        kpi = self.choice_value(value, "kpi", tuple(KPIS), what, label="KPI")
        if kpi is None:
            return None
        spec = KPIS[kpi]
        params = {}
        for param, pattern, example in (
            ("rule", AXE_RULE_ID, "color-contrast"),
            ("criterion", WCAG_CRITERION, '"1.4.3"'),
        ):
            if spec.param != param:
                if param in value:
                    self.problem(
                        value.line_of(param), f"{kpi} takes no {param}: (only {_param_kpis(param)} do)"
                    )
                continue
            if param not in value:
                self.problem(value.line, f"{kpi} needs {param}: (e.g. {param}: {example}) in {what}")
                continue
            given = value[param]
            if not isinstance(given, str) or not pattern.match(given.strip()):
                self.problem(
                    value.line_of(param),
                    f"{param} {written_as(given)} of {what} is not valid: give one like {example}",
                )
                continue
            params[param] = given.strip()
        defaults = (0.0, 1.0) if kpi == ACCESSIBILITY_STATEMENT else (None, None)
        baseline = self.number_value(value, "baseline", what, spec.minimum, spec.maximum, default=defaults[0])
        target = self.number_value(value, "target", what, spec.minimum, spec.maximum, default=defaults[1])
        if baseline is None or target is None or len(params) != (1 if spec.param else 0):
            return None
        worse = target < baseline if spec.direction == HIGHER else target > baseline
        if worse:
            self.problem(
                value.line_of("target"),
                f"the target {number_text(target)} of {what} is worse than its baseline "
                f"{number_text(baseline)}: {kpi} is better when {spec.direction}",
            )
            return None
        return MeasuredKpi(kpi=kpi, baseline=baseline, target=target, **params)

    def _reported(self, value: object, line: int, what: str) -> ReportedKpi | None:
        if not isinstance(value, LineMap):
            self.problem(
                line, f"reported: of {what} must be a mapping with type: (number, percentage or done)"
            )
            return None
        self.check_keys(value, REPORTED_KEYS, f"reported: of {what}")
        kind = self.choice_value(value, "type", REPORTED_TYPES, what, label="reported type")
        if kind is None:
            return None
        if kind == DONE:
            for key in ("baseline", "target", "unit"):
                if key in value:
                    self.problem(value.line_of(key), f"{what} is done / not done: it takes no {key}:")
            return ReportedKpi(type=DONE)
        if kind == PERCENTAGE:
            if "unit" in value:
                self.problem(value.line_of("unit"), f"{what} is a percentage: it takes no unit:")
            baseline = self.number_value(value, "baseline", what, 0, 100, default=0.0)
            target = self.number_value(value, "target", what, 0, 100, default=100.0)
            unit = "%"
        else:
            baseline = self.number_value(value, "baseline", what, None, None, default=0.0)
            target = self.number_value(value, "target", what, None, None)
            unit = self.text_value(value, "unit", what, required=False) or ""
        if baseline is None or target is None:
            return None
        if baseline == target:
            self.problem(
                value.line_of("target"),
                f"the target of {what} equals its baseline ({number_text(target)}): nothing to reach",
            )
            return None
        return ReportedKpi(
            type=kind, baseline=baseline, target=target, unit="" if kind == PERCENTAGE else unit
        )


def _param_kpis(param: str) -> str:
    return " and ".join(name for name, spec in KPIS.items() if spec.param == param)
