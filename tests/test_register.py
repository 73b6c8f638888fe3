"""The register: 285 Flemish municipalities since the 2025 mergers, old names and NIS codes as aliases."""

import csv
import re
from pathlib import Path

import pytest

from a11ycheck.errors import UserError
from a11ycheck.register import DATA, DEMO, MUNICIPALITY, REGIONAL, Register, flemish_municipalities, slugify

PROVINCES = {"Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"}


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.load()


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_300_flemish_municipalities_in_2020_became_285(register):
    flemish_2020 = [
        row for row in _csv("belgian_municipalities_2020.csv") if row["region_NL"] == "Vlaams Gewest"
    ]
    assert len(flemish_2020) == 300
    municipalities = register.municipalities()
    assert len(municipalities) == 285
    assert all(org.kind == MUNICIPALITY for org in municipalities)
    assert {org.province for org in municipalities} == PROVINCES


def test_every_2020_nis_code_is_kept_and_none_is_invented(register):
    flemish_2020 = {
        row["NIS_code"]
        for row in _csv("belgian_municipalities_2020.csv")
        if row["region_NL"] == "Vlaams Gewest"
    }
    codes = [code for org in register.municipalities() for code in org.nis_codes]
    assert len(codes) == len(set(codes)) == 300
    assert set(codes) == flemish_2020


def test_every_merged_municipality_has_all_its_old_nis_codes(register):
    members: dict[str, set[str]] = {}
    for row in _csv("flemish_mergers_2025.csv"):
        members.setdefault(row["municipality_from_2025"], set()).add(row["old_nis_code"])
        assert register.get(int(row["old_nis_code"])).name == row["municipality_from_2025"]
        assert register.get(row["old_name"]).name == row["municipality_from_2025"]
    assert len(members) == 13
    for name, codes in members.items():
        assert set(register.get(name).nis_codes) >= codes
    # Antwerpen absorbed Borsbeek under its own name, which the merger list does not repeat.
    assert register.get("antwerpen").nis_codes == ("11002", "11007")
    assert register.get("beveren-kruibeke-zwijndrecht").nis_codes == ("11056", "46003", "46013")
    assert register.get("pajottegem").nis_codes == ("23023", "23024", "23032")
    assert register.get("tielt").nis_codes == ("37007", "37015")
    merged = [org for org in register.municipalities() if org.merged_from]
    assert len(merged) == 13
    assert sum(len(org.nis_codes) for org in merged) == 28  # 28 municipalities became 13: 15 fewer


@pytest.mark.parametrize(
    ("ref", "slug"),
    [
        ("Borsbeek", "antwerpen"),
        (11007, "antwerpen"),
        ("11007", "antwerpen"),
        ("11002", "antwerpen"),
        ("Anvers", "antwerpen"),
        ("Kruibeke", "beveren-kruibeke-zwijndrecht"),
        ("KRUIBEKE", "beveren-kruibeke-zwijndrecht"),
        ("Zwijndrecht", "beveren-kruibeke-zwijndrecht"),
        ("Beveren-Kruibeke-Zwijndrecht", "beveren-kruibeke-zwijndrecht"),
        ("Sint Niklaas", "sint-niklaas"),
        ("sint-niklaas", "sint-niklaas"),
        (46021, "sint-niklaas"),
        ("Rhode-Saint-Genèse", "sint-genesius-rode"),
        ("rhode saint genese", "sint-genesius-rode"),
        ("De Pinte", "nazareth-de-pinte"),
        ("Kortessem", "hasselt"),
        ("Galmaarden", "pajottegem"),
        (" Gent ", "gent"),
    ],
)
def test_names_old_names_and_nis_codes_resolve(register, ref, slug):
    assert register.get(ref).slug == slug


def test_merged_municipality_province_and_inhabitants(register):
    antwerpen = register.get("antwerpen")
    assert antwerpen.province == "Antwerpen"
    assert antwerpen.inhabitants == 529247 + 10949
    assert antwerpen.merged_from == ("Antwerpen", "Borsbeek")
    # Zwijndrecht moved from Antwerpen to Oost-Vlaanderen with the merger (province_changes_2025.csv).
    assert register.get("Zwijndrecht").province == "Oost-Vlaanderen"
    assert register.get("Pajottegem").province == "Vlaams-Brabant"
    assert register.get("Gent").merged_from == ()


def test_slugs_are_unique_ascii_lowercase_with_hyphens(register):
    slugs = [org.slug for org in register.all()]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Beveren-Kruibeke-Zwijndrecht", "beveren-kruibeke-zwijndrecht"),
        ("Sint-Niklaas", "sint-niklaas"),
        ("Rhode-Saint-Genèse", "rhode-saint-genese"),
        ("'s-Gravenwezel", "s-gravenwezel"),
        ("Sint-Job-in-’t-Goor", "sint-job-in-t-goor"),
        ("L'Écluse", "lecluse"),
        ("Nazareth-De Pinte", "nazareth-de-pinte"),
        ("  Herk-de-Stad ", "herk-de-stad"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_unknown_names_suggest_close_ones(register):
    with pytest.raises(UserError, match=r"^unknown municipality 'Antwerpn': did you mean Antwerpen\?$"):
        register.get("Antwerpn")
    with pytest.raises(UserError, match=r"did you mean Borsbeek \(Antwerpen\)\?"):
        register.get("Borsbek")
    with pytest.raises(UserError, match=r"^unknown municipality 'Atlantis': give the name, slug or NIS code"):
        register.get("Atlantis")
    with pytest.raises(UserError, match="unknown municipality '99999'"):
        register.get(99999)
    assert register.find("Atlantis") is None


def test_regional_organisations_and_the_demo_municipality(register):
    regional = [org for org in register.all() if org.kind == REGIONAL]
    assert len(regional) >= 5
    assert register.get("Agentschap Digitaal Vlaanderen").kind == REGIONAL
    demo = register.get("voorbeeld")
    assert (demo.name, demo.kind) == ("Gemeente Voorbeeld", DEMO)
    assert register.get("Gemeente Voorbeeld") is demo
    assert len(register.all()) == 285 + len(regional) + 1
    assert demo not in register.municipalities()


def test_a_merger_across_provinces_without_a_recorded_change_fails_loudly(tmp_path):
    (tmp_path / "changes.csv").write_text("old_nis_code,old_name,province_from_2025,source\n")
    with pytest.raises(ValueError, match="Beveren-Kruibeke-Zwijndrecht spans provinces"):
        flemish_municipalities(
            DATA / "belgian_municipalities_2020.csv",
            DATA / "flemish_mergers_2025.csv",
            tmp_path / "changes.csv",
        )


def test_a_merger_naming_an_unknown_code_fails_loudly(tmp_path):
    mergers = tmp_path / "mergers.csv"
    mergers.write_text("old_nis_code,old_name,municipality_from_2025\n21004,Brussel,Groot-Brussel\n")
    with pytest.raises(ValueError, match="21004 is not a Flemish municipality"):
        flemish_municipalities(
            DATA / "belgian_municipalities_2020.csv", mergers, DATA / "province_changes_2025.csv"
        )


def test_the_shipped_data_keeps_its_attribution():
    readme = (Path(DATA) / "README.md").read_text()
    assert "Statbel" in readme and "belgian_municipalities" in readme
