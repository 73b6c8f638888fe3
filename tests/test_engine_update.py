"""scripts/update_axe.py: a release is installed only once its tarball matches the registry's integrity and
its files match the record written for them; anything else is refused in one line, exit 2, nothing
replaced. The npm client is a fake on PATH that answers as npm does (no network), except in the one test
marked npm_registry."""

import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from a11ycheck.engine import AXE_DIR, read_record, read_rule_catalog, verify_folder
from a11ycheck.engine.update import (
    UpdateRefused,
    check_integrity,
    main,
    read_package,
    registry_release,
)

REPO = Path(__file__).resolve().parent.parent

FAKE_AXE = """/*! axe v{version}
 * Een nagemaakte axe voor de tests van het updatescript.
 */
(function () {{
  var rules = [
    {{id: 'image-alt', tags: ['cat.text-alternatives', 'wcag2a', 'wcag111', 'ACT'], actIds: ['23a2a8'],
      enabled: true}},
    {{id: 'doelgrootte', tags: ['wcag22aa', 'wcag258'], actIds: [], enabled: false}}
  ];
  var axe = {{version: '{version}', _audit: {{rules: rules}}, getRules: function () {{
    return rules.map(function (r) {{
      return {{ruleId: r.id, tags: r.tags, help: 'Hulptekst voor ' + r.id,
               helpUrl: 'https://regels.voorbeeld.be/' + r.id}};
    }});
  }}}};
  if (typeof module === 'object') module.exports = axe;
}})();
"""

# A stand-in for npm: `view` and `pack` of one package, answering from FAKE_NPM_* variables, failing like
# npm 11 does for a version the registry does not have.
FAKE_NPM = """#!{python}
import json, os, shutil, sys
args = sys.argv[1:]
spec = args[1]
known = os.environ["FAKE_NPM_VERSION"]
if spec != "axe-core@" + known:
    wanted = spec.split("@", 1)[1]
    code, summary = ("E404", "No match found for version " + wanted) if args[0] == "view" else (
        "ETARGET", "No matching version found for " + spec + ".")
    print(json.dumps({{"error": {{"code": code, "summary": summary, "detail": "..."}}}}, indent=2))
    print("npm error code " + code, file=sys.stderr)
    sys.exit(1)
tarball = os.environ["FAKE_NPM_TARBALL"]
if args[0] == "view":
    print(json.dumps({{"version": known, "dist.integrity": os.environ["FAKE_NPM_INTEGRITY"],
                      "dist.tarball": "https://registry.npmjs.org/axe-core/-/axe-core-" + known + ".tgz"}}))
elif args[0] == "pack":
    destination = args[args.index("--pack-destination") + 1]
    name = "axe-core-" + known + ".tgz"
    shutil.copyfile(tarball, os.path.join(destination, name))
    print(json.dumps([{{"id": spec, "name": "axe-core", "version": known, "filename": name}}]))
"""


def make_tarball(
    path: Path,
    version: str,
    script: str | None = None,
    name: str = "axe-core",
    extra: dict[str, bytes] | None = None,
) -> Path:
    files = {
        "package/package.json": json.dumps({"name": name, "version": version, "license": "MPL-2.0"}).encode(),
        "package/axe.min.js": (script if script is not None else FAKE_AXE.format(version=version)).encode(),
        "package/LICENSE": b"Mozilla Public License Version 2.0 (kopie voor de test)\n",
        "package/README.md": b"# axe-core\n",
    }
    files.update(extra or {})
    with tarfile.open(path, "w:gz") as archive:
        for member, content in files.items():
            info = tarfile.TarInfo(member)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path


def integrity_of(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below the engine folder's parent, so a leftover staging folder shows too."""
    return {
        str(p.relative_to(folder.parent)): p.read_bytes()
        for p in sorted(folder.parent.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def fake_npm(tmp_path, monkeypatch):
    """A fake `npm` first on PATH; returns a function that sets which release and tarball it serves."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    npm = bin_dir / "npm"
    npm.write_text(FAKE_NPM.format(python=sys.executable), encoding="utf-8")
    npm.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")

    def serve(version: str, tarball: Path, integrity: str | None = None) -> None:
        monkeypatch.setenv("FAKE_NPM_VERSION", version)
        monkeypatch.setenv("FAKE_NPM_TARBALL", str(tarball))
        monkeypatch.setenv("FAKE_NPM_INTEGRITY", integrity or integrity_of(tarball))

    return serve


@pytest.fixture
def installed(tmp_path, fake_npm) -> Path:
    """An engine folder holding fake release 9.8.6, installed by the script itself."""
    target = tmp_path / "engine" / "axe"
    fake_npm("9.8.6", make_tarball(tmp_path / "old.tgz", "9.8.6"))
    assert main(["9.8.6", "--target", str(target)]) == 0
    return target


def test_a_release_is_installed_with_its_record_and_rule_table(tmp_path, fake_npm, capsys):
    target = tmp_path / "engine" / "axe"
    tarball = make_tarball(
        tmp_path / "axe.tgz", "9.8.7", extra={"package/LICENSE-3RD-PARTY.txt": b"derden\n"}
    )
    fake_npm("9.8.7", tarball)
    assert main(["9.8.7", "--target", str(target)]) == 0
    script = FAKE_AXE.format(version="9.8.7").encode()
    assert sorted(p.name for p in target.iterdir()) == [
        "LICENSE",
        "LICENSE-3RD-PARTY.txt",
        "axe.min.js",
        "record.json",
        "rules.json",
    ]
    assert (target / "axe.min.js").read_bytes() == script
    assert (target / "LICENSE-3RD-PARTY.txt").read_bytes() == b"derden\n"
    record = verify_folder(target)
    assert record.version == "9.8.7"
    assert record.integrity == integrity_of(tarball)
    assert record.tarball == "https://registry.npmjs.org/axe-core/-/axe-core-9.8.7.tgz"
    assert record.files["axe.min.js"] == hashlib.sha256(script).hexdigest()
    assert record.license == "MPL-2.0"
    catalog = read_rule_catalog(target)
    assert catalog.axe_version == "9.8.7"
    assert [(r.id, r.act_ids, r.enabled_by_default, r.help_url) for r in catalog.rules.values()] == [
        ("doelgrootte", (), False, "https://regels.voorbeeld.be/doelgrootte"),
        ("image-alt", ("23a2a8",), True, "https://regels.voorbeeld.be/image-alt"),
    ]
    out = capsys.readouterr().out
    assert out == f"installed axe-core 9.8.7 into {target} (axe.min.js sha256 {record.files['axe.min.js']})\n"
    assert [p.name for p in target.parent.iterdir()] == ["axe"]  # no staging folder left


def test_a_newer_release_replaces_the_installed_one_whole(installed, tmp_path, fake_npm):
    fake_npm("9.8.7", make_tarball(tmp_path / "new.tgz", "9.8.7"))
    assert main(["9.8.7", "--target", str(installed)]) == 0
    assert read_record(installed).version == "9.8.7"
    assert (installed / "axe.min.js").read_bytes().startswith(b"/*! axe v9.8.7")
    assert [p.name for p in installed.parent.iterdir()] == ["axe"]


def refused(capsys, argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("update_axe: ")
    return captured.err


def test_a_version_the_registry_does_not_have_is_refused_and_nothing_replaced(installed, capsys):
    before = snapshot(installed)
    err = refused(capsys, ["9.9.9", "--target", str(installed)])
    assert err == "update_axe: npm view axe-core@9.9.9 failed: E404: No match found for version 9.9.9\n"
    assert snapshot(installed) == before


def test_a_tarball_that_does_not_match_the_registrys_integrity_is_refused(
    installed, tmp_path, fake_npm, capsys
):
    before = snapshot(installed)
    tarball = make_tarball(tmp_path / "new.tgz", "9.8.7")
    other = make_tarball(tmp_path / "other.tgz", "9.8.7", script=FAKE_AXE.format(version="9.8.7") + "//\n")
    fake_npm("9.8.7", tarball, integrity=integrity_of(other))
    err = refused(capsys, ["9.8.7", "--target", str(installed)])
    assert (
        err
        == "update_axe: axe-core-9.8.7.tgz does not match the registry's sha512 integrity: not installed\n"
    )
    assert snapshot(installed) == before


def test_the_installed_version_fetched_again_must_be_the_recorded_file(installed, tmp_path, fake_npm, capsys):
    before = snapshot(installed)
    changed = make_tarball(tmp_path / "again.tgz", "9.8.6", script=FAKE_AXE.format(version="9.8.6") + "//\n")
    fake_npm("9.8.6", changed)  # the registry's integrity matches, but it is not the file we recorded
    err = refused(capsys, ["9.8.6", "--target", str(installed)])
    assert "the registry's axe.min.js of axe-core 9.8.6 differs from the one recorded" in err
    assert snapshot(installed) == before
    fake_npm("9.8.6", make_tarball(tmp_path / "same.tgz", "9.8.6"))
    assert main(["9.8.6", "--target", str(installed)]) == 0  # the same file again: fine


def test_an_expected_sha256_that_does_not_match_is_refused(installed, tmp_path, fake_npm, capsys):
    before = snapshot(installed)
    fake_npm("9.8.7", make_tarball(tmp_path / "new.tgz", "9.8.7"))
    err = refused(capsys, ["9.8.7", "--sha256", "0" * 64, "--target", str(installed)])
    assert f"not the expected {'0' * 64}" in err
    assert snapshot(installed) == before
    good = hashlib.sha256(FAKE_AXE.format(version="9.8.7").encode()).hexdigest()
    assert main(["9.8.7", "--sha256", good, "--target", str(installed)]) == 0


@pytest.mark.parametrize("version", ["4.14", "latest", "4.14.1 ", "^4.14.1", "4.14.1; rm -rf /"])
def test_anything_but_an_exact_version_is_refused_before_npm_runs(installed, capsys, version):
    before = snapshot(installed)
    err = refused(capsys, [version, "--target", str(installed)])
    assert "is not an exact axe-core version such as 4.14.1" in err
    assert snapshot(installed) == before


def test_no_npm_at_all_is_a_one_line_refusal(installed, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(installed))  # a folder without npm
    err = refused(capsys, ["9.8.7", "--target", str(installed)])
    assert err.startswith("update_axe: npm not found")


def test_check_integrity_accepts_the_sha512_and_refuses_any_other(tmp_path):
    tarball = make_tarball(tmp_path / "a.tgz", "1.2.3")
    check_integrity(tarball, integrity_of(tarball))
    check_integrity(tarball, "sha1-abc " + integrity_of(tarball))  # SRI lists may hold several hashes
    with pytest.raises(UpdateRefused, match="does not match the registry's sha512"):
        check_integrity(tarball, integrity_of(make_tarball(tmp_path / "b.tgz", "1.2.4")))
    with pytest.raises(UpdateRefused, match="has no sha512"):
        check_integrity(
            tarball, "sha1-" + base64.b64encode(hashlib.sha1(tarball.read_bytes()).digest()).decode()
        )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "axe-kern"}, "is not axe-core 1.2.3 by its package.json"),
        ({"script": "/*! axe v1.2.4 */"}, "does not announce itself as axe v1.2.3"),
        ({"script": "window.axe = {};"}, "does not announce itself as axe v1.2.3"),
    ],
)
def test_read_package_refuses_what_is_not_the_release_asked_for(tmp_path, kwargs, message):
    tarball = make_tarball(tmp_path / "a.tgz", "1.2.3", **kwargs)
    with pytest.raises(UpdateRefused, match=message):
        read_package(tarball, "1.2.3")


def test_read_package_refuses_links_and_missing_licences(tmp_path):
    linked = tmp_path / "linked.tgz"
    with tarfile.open(linked, "w:gz") as archive:
        for member, content in {
            "package/package.json": json.dumps({"name": "axe-core", "version": "1.2.3"}).encode(),
            "package/LICENSE": b"MPL\n",
        }.items():
            info = tarfile.TarInfo(member)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
        link = tarfile.TarInfo("package/axe.min.js")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    with pytest.raises(UpdateRefused, match="not a plain file"):
        read_package(linked, "1.2.3")
    bare = tmp_path / "bare.tgz"
    with tarfile.open(bare, "w:gz") as archive:
        content = FAKE_AXE.format(version="1.2.3").encode()
        info = tarfile.TarInfo("package/axe.min.js")
        info.size = len(content)
        archive.addfile(info, io.BytesIO(content))
    with pytest.raises(UpdateRefused, match="has no LICENSE"):
        read_package(bare, "1.2.3")
    (tmp_path / "broken.tgz").write_bytes(b"\x1f\x8b niet echt")
    with pytest.raises(UpdateRefused, match="not a readable npm tarball"):
        read_package(tmp_path / "broken.tgz", "1.2.3")


def test_the_script_runs_from_a_checkout(installed, tmp_path, fake_npm):
    fake_npm("9.8.7", make_tarball(tmp_path / "new.tgz", "9.8.7"))
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "update_axe.py"), "9.9.9", "--target", str(installed)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr == "update_axe: npm view axe-core@9.9.9 failed: E404: No match found for version 9.9.9\n"
    )


@pytest.mark.npm_registry
def test_the_registry_still_serves_the_shipped_release_with_the_recorded_integrity():
    """The one test that asks the real npm registry (npm view, one read-only request)."""
    record = read_record(AXE_DIR)
    release = registry_release(record.version)
    assert (release.version, release.integrity, release.tarball) == (
        record.version,
        record.integrity,
        record.tarball,
    )


def test_a_folder_that_cannot_be_swapped_is_a_one_line_refusal(installed, tmp_path, fake_npm, capsys):
    """A leftover folder where the old one would be moved (a crash mid-swap before): refused, nothing lost."""
    leftover = installed.with_name(f".axe-old-{os.getpid()}")
    leftover.mkdir()
    (leftover / "iets").write_text("van een vorige poging")
    before = {k: v for k, v in snapshot(installed).items() if not k.startswith(".axe-old")}
    fake_npm("9.8.7", make_tarball(tmp_path / "new.tgz", "9.8.7"))
    err = refused(capsys, ["9.8.7", "--target", str(installed)])
    assert err.startswith("update_axe: could not put the new files in place (")
    assert {k: v for k, v in snapshot(installed).items() if not k.startswith(".axe-old")} == before
    assert sorted(p.name for p in installed.parent.iterdir()) == [".axe-old-" + str(os.getpid()), "axe"]
