"""Replacing the shipped axe-core with another release from the npm registry, verified before anything is
replaced: the tarball against the registry's sha512 integrity, the files against the record written for
them. `scripts/update_axe.py VERSION` runs `main`.

The steps, each of which refuses with one line (UpdateRefused) and leaves the shipped folder untouched:
1. `npm view axe-core@VERSION`: the release exists, and its tarball's integrity string;
2. `npm pack axe-core@VERSION` into a temporary folder; the tarball's sha512 must be that integrity;
3. from the tarball: axe.min.js (its banner must name VERSION), LICENSE, LICENSE-3RD-PARTY.txt when shipped,
   package.json (name and version must match);
4. the rule table (ids, tags, ACT rule ids, default state, help URL), read by node from that axe.min.js:
   `axe.getRules()` has no ACT ids, axe's rule metadata (`axe._audit.rules[].actIds`) has them;
5. a new folder is written next to the shipped one with a record of every file's sha256, checked against
   the record, and swapped in for the old one. Fetching the version already shipped must give the
   recorded axe.min.js byte for byte, and `--sha256` pins the new file's hash when known in advance.
"""

import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from a11ycheck.engine.shipped import (
    AXE_DIR,
    RECORD_FILE,
    RULES_FILE,
    SCRIPT_FILE,
    EngineError,
    EngineRecord,
    read_record,
    verify_folder,
)
from a11ycheck.errors import UserError

PACKAGE = "axe-core"
_VERSION = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Files taken from the tarball (under "package/"); the ones marked True must be there.
PACKAGE_FILES = {SCRIPT_FILE: True, "LICENSE": True, "LICENSE-3RD-PARTY.txt": False}
MAX_FILE_BYTES = 20_000_000  # axe.min.js is about 0.6 MB; anything far larger is not axe
NPM_TIMEOUT_S = 120
NODE_TIMEOUT_S = 60

# Run by node with the extracted axe.min.js: the rule table, in the shape rules.json keeps.
_RULE_TABLE_JS = """
const axe = require(process.argv[2]);
const declared = new Map(axe._audit.rules.map((rule) => [rule.id, rule]));
const rules = axe.getRules().map((rule) => {
  const meta = declared.get(rule.ruleId) || {};
  return {id: rule.ruleId, tags: rule.tags, act_ids: meta.actIds || [],
          enabled_by_default: meta.enabled !== false, help: rule.help, help_url: rule.helpUrl};
});
rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
process.stdout.write(JSON.stringify({axe_version: axe.version, rules: rules}));
"""


class UpdateRefused(UserError):
    """The requested release could not be fetched or verified; nothing was replaced."""


@dataclass(frozen=True, slots=True)
class RegistryRelease:
    """What the registry says of one release."""

    version: str
    integrity: str
    tarball: str


def check_version(version: str) -> str:
    if not _VERSION.match(version):
        raise UpdateRefused(f"{version!r} is not an exact axe-core version such as 4.14.1")
    return version


def _npm(npm: str, args: list[str], cwd: Path | None = None) -> str:
    """npm's standard output; its --json error summary as UpdateRefused when it fails."""
    try:
        done = subprocess.run(
            [npm, *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=NPM_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise UpdateRefused(f"npm not found ({npm}): install Node.js and npm (apt-get install npm)") from None
    except subprocess.TimeoutExpired:
        raise UpdateRefused(f"npm {args[0]} gave no answer within {NPM_TIMEOUT_S} s") from None
    if done.returncode != 0:
        raise UpdateRefused(f"npm {args[0]} {args[1]} failed: {_npm_error(done.stdout, done.stderr)}")
    return done.stdout


def _npm_error(stdout: str, stderr: str) -> str:
    """npm's one-line reason: the "summary" of its --json error, else its first "npm error" line."""
    try:
        error = json.loads(stdout)["error"]
        return f"{error['code']}: {error['summary']}".splitlines()[0]
    except (ValueError, KeyError, TypeError):
        pass
    for line in stderr.splitlines():
        if line.strip():
            return line.strip()[:300]
    return "no reason given"


def registry_release(version: str, npm: str = "npm") -> RegistryRelease:
    """The registry's integrity and tarball URL for axe-core@version; UpdateRefused when there is no such
    release."""
    check_version(version)
    out = _npm(npm, ["view", f"{PACKAGE}@{version}", "version", "dist.integrity", "dist.tarball", "--json"])
    try:
        data = json.loads(out) if out.strip() else {}
    except ValueError:
        raise UpdateRefused(f"npm view {PACKAGE}@{version} answered something other than JSON") from None
    if not isinstance(data, dict) or data.get("version") != version:
        raise UpdateRefused(f"{PACKAGE} {version} is not on the npm registry")
    integrity, tarball = data.get("dist.integrity"), data.get("dist.tarball")
    if not isinstance(integrity, str) or not isinstance(tarball, str):
        raise UpdateRefused(f"the npm registry gives no integrity for {PACKAGE} {version}")
    return RegistryRelease(version=version, integrity=integrity, tarball=tarball)


def fetch_tarball(version: str, into: Path, npm: str = "npm") -> Path:
    """`npm pack axe-core@version` into `into`; the tarball's path."""
    check_version(version)
    out = _npm(npm, ["pack", f"{PACKAGE}@{version}", "--json", "--pack-destination", str(into)], cwd=into)
    try:
        name = json.loads(out)[0]["filename"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise UpdateRefused(f"npm pack {PACKAGE}@{version} did not say which file it wrote") from None
    path = into / Path(str(name)).name
    if not path.is_file():
        raise UpdateRefused(f"npm pack {PACKAGE}@{version} wrote no {path.name}")
    return path


def check_integrity(tarball: Path, integrity: str) -> None:
    """The tarball's sha512 must be the one in the registry's Subresource Integrity string."""
    expected = [entry[len("sha512-") :] for entry in integrity.split() if entry.startswith("sha512-")]
    if not expected:
        raise UpdateRefused(f"the registry's integrity {integrity[:40]!r} has no sha512 to check against")
    actual = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode("ascii")
    if actual not in expected:
        raise UpdateRefused(f"{tarball.name} does not match the registry's sha512 integrity: not installed")


def read_package(tarball: Path, version: str) -> dict[str, bytes]:
    """The files to ship, read from the tarball (nothing else in it is extracted or run)."""
    found: dict[str, bytes] = {}
    try:
        with tarfile.open(tarball, "r:gz") as archive:
            manifest = _member(archive, "package.json")
            for name in PACKAGE_FILES:
                content = _member(archive, name)
                if content is not None:
                    found[name] = content
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise UpdateRefused(f"{tarball.name} is not a readable npm tarball ({exc})") from None
    missing = [name for name, required in PACKAGE_FILES.items() if required and name not in found]
    if missing or manifest is None:
        raise UpdateRefused(f"{tarball.name} has no {', '.join(missing or ['package.json'])}: not axe-core")
    try:
        package = json.loads(manifest)
    except ValueError:
        raise UpdateRefused(f"{tarball.name}: package.json is not JSON") from None
    if not isinstance(package, dict) or (package.get("name"), package.get("version")) != (PACKAGE, version):
        raise UpdateRefused(f"{tarball.name} is not {PACKAGE} {version} by its package.json")
    banner = found[SCRIPT_FILE][:200].decode("utf-8", "replace")
    if not banner.startswith(f"/*! axe v{version}"):
        raise UpdateRefused(f"{tarball.name}: axe.min.js does not announce itself as axe v{version}")
    found["package.json"] = manifest
    return found


def _member(archive: tarfile.TarFile, name: str) -> bytes | None:
    try:
        member = archive.getmember(f"package/{name}")
    except KeyError:
        return None
    if not member.isfile() or member.size > MAX_FILE_BYTES:
        raise UpdateRefused(f"package/{name} in the tarball is not a plain file of a sensible size")
    handle = archive.extractfile(member)
    return handle.read() if handle else None


def rule_table(script: Path, version: str, node: str = "node") -> bytes:
    """rules.json for the axe.min.js at `script`, as JSON text."""
    with tempfile.TemporaryDirectory(prefix="a11ycheck-rules-") as tmp:
        program = Path(tmp) / "rules.js"
        program.write_text(_RULE_TABLE_JS, encoding="utf-8")
        try:
            done = subprocess.run(
                [node, str(program), str(script.resolve())],
                capture_output=True,
                text=True,
                timeout=NODE_TIMEOUT_S,
                stdin=subprocess.DEVNULL,
            )
        except FileNotFoundError:
            raise UpdateRefused(
                f"node not found ({node}): install Node.js (apt-get install nodejs)"
            ) from None
        except subprocess.TimeoutExpired:
            raise UpdateRefused(f"reading the rule table took over {NODE_TIMEOUT_S} s") from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no reason given"])[-1][:300]
        raise UpdateRefused(f"node could not read the rules of axe.min.js: {reason}")
    try:
        table = json.loads(done.stdout)
        rules = table["rules"]
        valid = table["axe_version"] == version and all(
            isinstance(rule["id"], str)
            and all(isinstance(tag, str) for tag in rule["tags"])
            and all(isinstance(act, str) for act in rule["act_ids"])
            for rule in rules
        )
    except (ValueError, KeyError, TypeError):
        valid = False
    if not valid or not rules:
        raise UpdateRefused(f"the rule table read from axe.min.js is not that of axe v{version}")
    lines = ",\n".join("  " + json.dumps(rule, ensure_ascii=False) for rule in rules)  # a rule a line
    text = f'{{\n "axe_version": {json.dumps(version)},\n "rules": [\n{lines}\n ]\n}}\n'
    return text.encode("utf-8")


def stage(files: dict[str, bytes], release: RegistryRelease, license: str, into: Path) -> EngineRecord:
    """Write the files and their record into the empty folder `into`, then check them as a reader will."""
    for name, content in files.items():
        (into / name).write_bytes(content)
    record = EngineRecord(
        package=PACKAGE,
        version=release.version,
        source=f"npm registry, {PACKAGE}@{release.version} (npm pack), verified by scripts/update_axe.py",
        tarball=release.tarball,
        integrity=release.integrity,
        license=license,
        files={name: hashlib.sha256(content).hexdigest() for name, content in files.items()},
    )
    (into / RECORD_FILE).write_text(record.as_json(), encoding="utf-8")
    verify_folder(into)
    return record


def swap_in(staged: Path, target: Path) -> None:
    """Put `staged` where `target` is: two renames on one file system, the old folder restored if the
    second fails, then removed."""
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    had_old = target.exists()
    if had_old:
        os.rename(target, old)
    try:
        os.rename(staged, target)
    except OSError:
        if had_old:
            os.rename(old, target)
        raise
    if had_old:
        shutil.rmtree(old, ignore_errors=True)


def install(
    version: str,
    target: Path = AXE_DIR,
    expect_sha256: str | None = None,
    npm: str = "npm",
    node: str = "node",
) -> EngineRecord:
    """Fetch, verify and install axe-core@version into `target`; UpdateRefused (target untouched) when any
    check fails."""
    check_version(version)
    if expect_sha256 is not None and not _SHA256.match(expect_sha256):
        raise UpdateRefused(f"--sha256 wants 64 lowercase hex digits, not {expect_sha256!r}")
    current = _current_record(target)
    release = registry_release(version, npm)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="a11ycheck-axe-") as download:
        tarball = fetch_tarball(version, Path(download), npm)
        check_integrity(tarball, release.integrity)
        files = read_package(tarball, version)
        manifest = json.loads(files.pop("package.json"))
        script_sha256 = hashlib.sha256(files[SCRIPT_FILE]).hexdigest()
        if expect_sha256 is not None and script_sha256 != expect_sha256:
            raise UpdateRefused(
                f"axe.min.js of {PACKAGE} {version} has sha256 {script_sha256}, "
                f"not the expected {expect_sha256}"
            )
        if (
            current is not None
            and current.version == version
            and current.files.get(SCRIPT_FILE) != script_sha256
        ):
            raise UpdateRefused(
                f"the registry's axe.min.js of {PACKAGE} {version} differs from the one recorded "
                f"({script_sha256[:12]}... against {current.files.get(SCRIPT_FILE, '')[:12]}...): "
                "not installed"
            )
        try:
            staged = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
        except OSError as exc:
            raise UpdateRefused(f"cannot write next to {target} ({exc.strerror}): nothing replaced") from None
        try:
            staged.chmod(0o755)  # mkdtemp's folder is private; a package's data is readable by all
            (staged / SCRIPT_FILE).write_bytes(files[SCRIPT_FILE])
            files[RULES_FILE] = rule_table(staged / SCRIPT_FILE, version, node)
            record = stage(files, release, str(manifest.get("license", "")), staged)
            swap_in(staged, target)
        except OSError as exc:
            shutil.rmtree(staged, ignore_errors=True)
            raise UpdateRefused(f"could not put the new files in place ({exc}): nothing replaced") from None
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    return record


def _current_record(target: Path) -> EngineRecord | None:
    if not (target / RECORD_FILE).exists():
        return None
    try:
        return read_record(target)
    except EngineError:
        return None  # a broken install is replaced, not trusted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/update_axe.py",
        description="Install axe-core VERSION from the npm registry into a11ycheck/engine/axe/, verified.",
        epilog="Example: scripts/update_axe.py 4.14.1",
    )
    parser.add_argument("version", help="an exact axe-core version, e.g. 4.14.1")
    parser.add_argument("--sha256", help="refuse unless axe.min.js has this sha256")
    parser.add_argument("--target", type=Path, default=AXE_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        record = install(args.version, target=args.target, expect_sha256=args.sha256)
    except UserError as exc:
        print(f"update_axe: {exc}", file=sys.stderr)
        return 2
    print(
        f"installed {record.package} {record.version} into {args.target} "
        f"(axe.min.js sha256 {record.files[SCRIPT_FILE]})"
    )
    return 0
