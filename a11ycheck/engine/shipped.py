"""The axe-core release a11ycheck ships in `axe/`: its script, its record and its rule table, checked
against the record before use, so an audit never runs a file other than the one reviewed and pinned."""

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from a11ycheck.errors import UserError

AXE_DIR = Path(__file__).parent / "axe"
RECORD_FILE = "record.json"
SCRIPT_FILE = "axe.min.js"
RULES_FILE = "rules.json"
# Every shipped folder has these; LICENSE-3RD-PARTY.txt too when the package ships it.
REQUIRED_FILES = (SCRIPT_FILE, "LICENSE", RULES_FILE)


class EngineError(UserError):
    """The shipped engine is missing, unreadable or differs from its record."""


@dataclass(frozen=True, slots=True)
class EngineRecord:
    """What was installed and from where: `files` maps each shipped file's name to its sha256."""

    package: str
    version: str
    tarball: str
    integrity: str  # the npm registry's Subresource Integrity string for the tarball ("sha512-...")
    license: str
    source: str
    files: dict[str, str]

    def as_json(self) -> str:
        body = {
            "package": self.package,
            "version": self.version,
            "source": self.source,
            "tarball": self.tarball,
            "integrity": self.integrity,
            "license": self.license,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(body, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One axe rule as the engine declares it, independent of any page."""

    id: str
    tags: tuple[str, ...]
    act_ids: tuple[str, ...]  # ACT rule ids (act-rules.github.io) the rule implements, as axe declares them
    enabled_by_default: bool
    help: str
    help_url: str


@dataclass(frozen=True, slots=True)
class RuleCatalog:
    """The rules of one axe-core version, by id."""

    axe_version: str
    rules: dict[str, RuleInfo]

    def get(self, rule_id: str) -> RuleInfo | None:
        return self.rules.get(rule_id)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_record(folder: Path = AXE_DIR) -> EngineRecord:
    """The folder's record.json, or EngineError saying what is wrong with it."""
    path = folder / RECORD_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        record = EngineRecord(
            package=str(data["package"]),
            version=str(data["version"]),
            tarball=str(data["tarball"]),
            integrity=str(data["integrity"]),
            license=str(data["license"]),
            source=str(data["source"]),
            files={str(name): str(digest) for name, digest in files.items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EngineError(
            f"{path}: not a readable engine record ({exc}); reinstall with scripts/update_axe.py"
        ) from None
    return record


def verify_folder(folder: Path = AXE_DIR) -> EngineRecord:
    """The record, once every file it lists is there with the recorded sha256 and the required ones are
    listed; EngineError otherwise."""
    record = read_record(folder)
    missing = [name for name in REQUIRED_FILES if name not in record.files]
    if missing:
        raise EngineError(
            f"{folder / RECORD_FILE} lists no {', '.join(missing)}; reinstall with scripts/update_axe.py"
        )
    for name, expected in sorted(record.files.items()):
        path = folder / name
        if "/" in name or "\\" in name or name.startswith("."):
            raise EngineError(f"{folder / RECORD_FILE} names a file outside its folder: {name!r}")
        try:
            actual = sha256_of(path)
        except OSError as exc:
            raise EngineError(
                f"{path}: cannot be read ({exc.strerror}); reinstall with scripts/update_axe.py"
            ) from None
        if actual != expected:
            raise EngineError(
                f"{path} differs from its record (sha256 {actual[:12]}..., recorded {expected[:12]}...); "
                f"reinstall with scripts/update_axe.py {record.version}"
            )
    return record


@cache
def shipped_record() -> EngineRecord:
    """The shipped engine's record, checked against the files once per process."""
    return verify_folder(AXE_DIR)


def declared_version() -> str:
    """The version the shipped record names, unchecked, or "unknown": for `--version`, which must answer
    even when the install is broken."""
    try:
        return read_record(AXE_DIR).version
    except EngineError:
        return "unknown"


def engine_version() -> str:
    """The shipped axe-core version, e.g. "4.14.1"."""
    return shipped_record().version


@cache
def axe_min_js() -> str:
    """The shipped axe.min.js, as released (checked against its record first)."""
    shipped_record()
    return (AXE_DIR / SCRIPT_FILE).read_text(encoding="utf-8")


def read_rule_catalog(folder: Path) -> RuleCatalog:
    """The rule table of an engine folder (rules.json, written by the update script)."""
    path = folder / RULES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rules = {}
        for rule in data["rules"]:
            info = RuleInfo(
                id=str(rule["id"]),
                tags=tuple(str(tag) for tag in rule["tags"]),
                act_ids=tuple(str(act) for act in rule["act_ids"]),
                enabled_by_default=bool(rule["enabled_by_default"]),
                help=str(rule["help"]),
                help_url=str(rule["help_url"]),
            )
            rules[info.id] = info
        return RuleCatalog(axe_version=str(data["axe_version"]), rules=rules)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EngineError(
            f"{path}: not a readable rule table ({exc}); reinstall with scripts/update_axe.py"
        ) from None


@cache
def rule_catalog() -> RuleCatalog:
    """The shipped engine's rules (checked against the record first)."""
    shipped_record()
    return read_rule_catalog(AXE_DIR)
