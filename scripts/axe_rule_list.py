"""Write a11ycheck/report/axe_rules.json: every rule of one axe-core release with its tags and impact, and a
fingerprint of each of axe's own help texts (English and the Dutch locale) instead of the texts themselves.

tests/test_rule_texts.py reads it to check that every WCAG A/AA rule has a Dutch title and advice, and that
none of our texts is axe's. After an engine update, run this again with the new version: the test then names
the rules still without a Dutch text.

    python scripts/axe_rule_list.py 4.14.1
    python scripts/axe_rule_list.py 4.14.1 --package /tmp/axe/package   # an unpacked `npm pack axe-core@...`

Needs node and npm (`npm pack` downloads the release into a temporary folder, which is removed afterwards).
"""

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "a11ycheck" / "report" / "axe_rules.json"

# Tags kept: the WCAG level and criterion tags, and the ones that say a rule is not a WCAG requirement.
STATUS_TAGS = frozenset({"best-practice", "experimental", "deprecated", "review-item"})

# Runs in node: axe.js loads without a DOM, and getRules() lists every rule, disabled ones too. Impact is not
# in getRules(), only in the rule objects of the audit.
_LIST_RULES = """
const axe = require(process.argv[1]);
const impact = new Map(axe._audit.rules.map((rule) => [rule.id, rule.impact ?? null]));
const rules = axe.getRules().map((rule) => ({
  id: rule.ruleId, tags: rule.tags, enabled: rule.enabled !== false, impact: impact.get(rule.ruleId) ?? null,
  help: rule.help, description: rule.description,
}));
process.stdout.write(JSON.stringify({version: axe.version, rules}));
"""


def fingerprint(text: str) -> str:
    """sha1 of a text in lower case, white space runs as one space, without spaces and full stops at its ends,
    so that a copy differing only in those still matches."""
    normalised = " ".join(text.split()).casefold().strip(" .")
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


def fetch_package(version: str, folder: Path) -> Path:
    """`npm pack axe-core@VERSION` into folder, unpacked; returns the package folder."""
    packed = subprocess.run(
        ["npm", "pack", f"axe-core@{version}", "--pack-destination", str(folder), "--silent"],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    tarball = folder / packed.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"


def read_rules(package: Path) -> dict:
    """The rules of the axe-core in an unpacked package folder, from node."""
    listed = subprocess.run(
        ["node", "-e", _LIST_RULES, str((package / "axe.js").resolve())],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(listed.stdout)


def read_dutch_locale(package: Path) -> dict:
    """Rule id -> {"help": ..., "description": ...} from axe's Dutch locale (few rules have one)."""
    return json.loads((package / "locales" / "nl.json").read_text(encoding="utf-8")).get("rules", {})


def rule_list(axe: dict, dutch: dict) -> dict:
    """What axe_rules.json holds, from read_rules() and read_dutch_locale()."""
    rules = {}
    for rule in sorted(axe["rules"], key=lambda rule: rule["id"]):
        texts = [rule["help"], rule["description"], *dutch.get(rule["id"], {}).values()]
        rules[rule["id"]] = {
            "impact": rule["impact"],
            "enabled": rule["enabled"],
            "tags": [tag for tag in rule["tags"] if tag.startswith("wcag") or tag in STATUS_TAGS],
            "axe_text_sha1": sorted({fingerprint(text) for text in texts if isinstance(text, str) and text}),
        }
    return {
        "axe_version": axe["version"],
        "generated_by": "scripts/axe_rule_list.py",
        "axe_text_sha1": "scripts/axe_rule_list.py fingerprint() of the rule's help and description, "
        "in English and in axe's Dutch locale where it has them",
        "rules": rules,
    }


def to_json(listing: dict) -> str:
    """JSON with one rule a line, so that a new engine's changes read as a short diff."""
    head = {key: value for key, value in listing.items() if key != "rules"}
    lines = [f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}," for key, value in head.items()]
    rules = [f"  {json.dumps(rule)}: {json.dumps(entry)}" for rule, entry in listing["rules"].items()]
    return "{\n" + "\n".join(lines) + '\n "rules": {\n' + ",\n".join(rules) + "\n }\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="axe-core release, e.g. 4.14.1")
    parser.add_argument("--package", type=Path, help="an unpacked axe-core package folder (skips npm pack)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="axe-core-") as temporary:
        package = args.package or fetch_package(args.version, Path(temporary))
        listing = rule_list(read_rules(package), read_dutch_locale(package))
    if listing["axe_version"] != args.version:
        print(f"the package holds axe-core {listing['axe_version']}, not {args.version}", file=sys.stderr)
        return 2
    args.output.write_text(to_json(listing), encoding="utf-8")
    print(f"{args.output}: {len(listing['rules'])} rules of axe-core {listing['axe_version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
