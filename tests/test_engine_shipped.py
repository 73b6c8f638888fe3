"""The axe-core a11ycheck ships (a11ycheck/engine/axe/): the files are the ones recorded, the audit and
`a11ycheck --version` use them, and the rule table says what axe-core 4.14.1 declares."""

import hashlib
import shutil
from importlib.metadata import version

import pytest
from click.testing import CliRunner

from a11ycheck.audit.axe import axe_source, axe_version, stock_axe_source
from a11ycheck.cli import cli
from a11ycheck.engine import AXE_DIR, EngineError, read_record, rule_catalog, verify_folder


def test_the_shipped_axe_min_js_is_the_recorded_release():
    record = verify_folder(AXE_DIR)
    assert (record.package, record.version) == ("axe-core", "4.14.1")
    assert record.tarball == "https://registry.npmjs.org/axe-core/-/axe-core-4.14.1.tgz"
    assert record.integrity.startswith("sha512-")
    assert record.license == "MPL-2.0"
    assert set(record.files) == {"axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt", "rules.json"}
    script = (AXE_DIR / "axe.min.js").read_bytes()
    assert hashlib.sha256(script).hexdigest() == record.files["axe.min.js"]
    assert script.startswith(b"/*! axe v4.14.1")
    assert b"Mozilla Public License" in (AXE_DIR / "LICENSE").read_bytes()


@pytest.mark.parametrize("name", ["axe.min.js", "rules.json", "LICENSE"])
def test_a_shipped_file_that_differs_from_the_record_is_refused(tmp_path, name):
    copy = tmp_path / "axe"
    shutil.copytree(AXE_DIR, copy)
    content = bytearray((copy / name).read_bytes())
    content[len(content) // 2] ^= 0x01  # one bit, in the middle
    (copy / name).write_bytes(bytes(content))
    with pytest.raises(EngineError, match=f"{name} differs from its record") as caught:
        verify_folder(copy)
    assert "\n" not in str(caught.value)
    assert "scripts/update_axe.py 4.14.1" in str(caught.value)


def test_a_missing_shipped_file_or_record_is_refused(tmp_path):
    copy = tmp_path / "axe"
    shutil.copytree(AXE_DIR, copy)
    (copy / "LICENSE").unlink()
    with pytest.raises(EngineError, match="LICENSE: cannot be read"):
        verify_folder(copy)
    (copy / "record.json").write_text('{"package": "axe-core"', encoding="utf-8")
    with pytest.raises(EngineError, match="not a readable engine record"):
        read_record(copy)


def test_the_audit_runs_the_shipped_file_and_says_its_version():
    shipped = (AXE_DIR / "axe.min.js").read_text(encoding="utf-8")
    assert stock_axe_source() == shipped
    assert axe_source().count(shipped) == 1  # with the mark and the settings around it
    assert axe_version() == "4.14.1"


def test_version_names_a11ycheck_and_the_engine():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"a11ycheck {version('a11ycheck')}, axe-core 4.14.1\n"


def test_the_rule_table_is_axe_4_14_1s():
    catalog = rule_catalog()
    assert catalog.axe_version == "4.14.1"
    assert len(catalog.rules) == 105
    image_alt = catalog.get("image-alt")
    assert image_alt.act_ids == ("23a2a8",)
    assert image_alt.help_url == "https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI"
    assert {"wcag2a", "wcag111", "ACT"} <= set(image_alt.tags) and image_alt.enabled_by_default
    assert (
        catalog.get("aria-tab-name").act_ids == ()
    )  # added after 4.10.2: tagged ACT, no ACT rule id declared
    assert not catalog.get("target-size").enabled_by_default
    assert not catalog.get("landmark-complementary-is-top-level").enabled_by_default  # deprecated in 4.14
    assert sum(1 for rule in catalog.rules.values() if rule.act_ids) == 56
    assert catalog.get("no-such-rule") is None
