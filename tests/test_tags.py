"""The TAGS and post reference tables, and the lookups over them.

The real-cable checks read tags, origins and reference ids straight from the
pages and from ``cable2month.csv.gz`` with their own small regexes, so that the
tables are checked against the archive rather than against the parser.
"""

from __future__ import annotations

import collections
import gzip
import html
import re
from pathlib import Path

import pandas as pd
import pytest

from cablestats import tags

SOURCES = {"handbook", "fips", "usage", "descriptive"}
_TAGS_LINE = re.compile(
    r"\bTAGS?\b:?(.*?)(?=\n\s*\n|\bSUBJ(?:ECT)?\b|\bREF\b|\bClassified\b|$)", re.S | re.I
)
_ORIGIN = re.compile(
    r"<th>Origin</th>.*?href='/cable/[^']+'>([^<]+)</a>.*?/origin/[^']+'>([^<]+)<", re.S
)
_REFERENCE_ID = re.compile(r"\d{2}([A-Z]+)\d+")


@pytest.fixture(scope="module")
def tag_table() -> pd.DataFrame:
    return tags.tags_table()


@pytest.fixture(scope="module")
def post_table() -> pd.DataFrame:
    return tags.posts_table()


# --- the tables --------------------------------------------------------------------------


def test_tag_codes_are_unique_upper_case_and_sorted_by_kind_then_code(tag_table):
    assert tag_table.index.is_unique
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]*(-[0-9A-Z]+)?", code) for code in tag_table.index)
    order = [(tags.TAG_KINDS.index(kind), code) for code, kind in tag_table["kind"].items()]
    assert order == sorted(order)


def test_kinds_and_sources_are_valid_and_every_tag_is_named(tag_table):
    assert set(tag_table["kind"]) == set(tags.TAG_KINDS)
    assert set(tag_table["source"]) <= SOURCES
    assert tag_table["name"].notna().all()


def test_every_country_but_the_united_states_has_a_bureau_and_nothing_else_has_one(tag_table):
    countries = tag_table[tag_table["kind"] == "country"]
    without = countries[countries["region"].isna()].index.tolist()
    assert without == ["US"]
    assert set(countries["region"].dropna()) == set(tags.BUREAUS)
    assert tag_table.loc[tag_table["kind"] != "country", "region"].isna().all()


def test_posts_are_unique_sorted_and_of_valid_kinds(post_table):
    assert post_table.index.is_unique
    assert list(post_table.index) == sorted(post_table.index)
    assert set(post_table["kind"]) <= set(tags.POST_KINDS)


def test_post_countries_are_country_tags_and_posts_without_one_say_why(post_table, tag_table):
    countries = post_table["country"].dropna()
    assert (tag_table.loc[countries, "kind"] == "country").all()
    unexplained = post_table[post_table["country"].isna() & post_table["note"].isna()]
    assert unexplained.empty, unexplained.index.tolist()


def test_aliases_point_at_posts_that_are_not_aliases_and_share_their_country(post_table):
    aliases = post_table[post_table["alias_of"].notna()]
    targets = post_table.loc[aliases["alias_of"]]
    assert targets["alias_of"].isna().all()
    for column in ("country", "kind", "origin"):
        assert aliases[column].fillna("").tolist() == targets[column].fillna("").tolist(), column


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("PTER", "Terrorists and Terrorism"),
        ("PGOV", "Internal Governmental Affairs"),
        ("ML", "Mali"),
        ("AG", "Algeria"),
        ("MR", "Mauritania"),
        ("NG", "Niger"),
        ("NI", "Nigeria"),
        ("FR", "France"),
        ("IZ", "Iraq"),
        ("KN", "North Korea"),
        ("KS", "South Korea"),
        ("AU", "Austria"),
        ("AU-1", "African Union"),
        ("EUN", "European Union"),
    ],
)
def test_names_of_well_known_codes(code, name):
    assert tags.tag_name(code) == name


@pytest.mark.parametrize(
    ("code", "bureau"),
    [
        ("ML", "AF"),
        ("IZ", "NEA"),
        ("PK", "SCA"),
        ("KZ", "SCA"),
        ("KS", "EAP"),
        ("TU", "EUR"),
        ("RS", "EUR"),
        ("CA", "WHA"),
        ("CO", "WHA"),
        ("AF", "SCA"),
    ],
)
def test_countries_fall_in_their_regional_bureau(code, bureau):
    assert tags.country_region(code) == bureau


# --- the lookups -------------------------------------------------------------------------


def test_lookup_ignores_case_and_surrounding_space():
    assert tags.lookup(" pter\n") == tags.TagInfo(
        "PTER", "subject", "Terrorists and Terrorism", None
    )
    assert tags.lookup("ml") == tags.TagInfo("ML", "country", "Mali", "AF")


def test_unknown_codes_are_kept_with_kind_unknown():
    info = tags.lookup(" pogov ")
    assert info == tags.TagInfo("POGOV", tags.UNKNOWN, None, None)
    assert tags.tag_kind("POGOV") == "unknown"
    assert tags.tag_name("POGOV") is None
    assert tags.country_region("POGOV") is None


def test_describe_spells_codes_out_and_returns_unknown_codes_as_they_are():
    assert tags.describe("PTER") == "PTER (Terrorists and Terrorism)"
    assert tags.describe("ml") == "ML (Mali)"
    assert tags.describe(" xyz ") == "XYZ"


def test_country_and_unknown_tags_keep_order_drop_repeats_and_gaps():
    cable_tags = ["PREL", "ml", "PTER", " ML", "", "ag", "RU", "ru", "POGOV"]
    assert tags.country_tags(cable_tags) == ["ML", "AG"]
    assert tags.unknown_tags(cable_tags) == ["RU", "POGOV"]
    assert tags.unknown_tags(["PGOV", "NATO", "KDEM", "XA"]) == []


def test_country_region_is_none_for_tags_that_are_not_countries():
    assert tags.country_region("PTER") is None
    assert tags.country_region("XA") is None
    assert tags.country_region("US") is None


def test_region_name_spells_bureaus_out_and_rejects_anything_else():
    assert tags.region_name("AF") == "Africa"
    assert tags.region_name(" wha ") == "Western Hemisphere"
    with pytest.raises(ValueError, match=r"bureau must be one of .*received 'ML'"):
        tags.region_name("ML")


@pytest.mark.parametrize(
    "name", ["BAMAKO", " bamako ", "Embassy Bamako", "EMBASSY  BAMAKO", "09BAMAKO504"]
)
def test_post_info_accepts_post_origin_and_reference_id(name):
    assert tags.post_info(name) == tags.PostInfo("BAMAKO", "ML", "embassy", "Embassy Bamako")


def test_post_info_resolves_misspelled_posts_and_shared_origins():
    assert tags.post_info("08BANGOK1234").post == "BANGKOK"
    assert tags.post_info("EFTOLONDON").origin == "Embassy London"
    assert tags.post_info("Iran RPO Dubai").post == "IRANRPODUBAI"
    assert tags.post_info("USEU Brussels").post == "USEUBRUSSELS"


def test_posts_without_a_country_and_unknown_posts():
    assert tags.post_info("STATE") == tags.PostInfo(
        "STATE", None, "department", "Secretary of State"
    )
    assert tags.post_country("09USNATO123") is None
    assert tags.post_country("Consulate Karachi") == "PK"
    assert tags.post_info("Embassy Atlantis") is None
    assert tags.post_info("") is None
    assert tags.post_country("09ATLANTIS1") is None


def test_tables_are_indexed_and_callers_get_their_own_copy():
    table = tags.tags_table()
    assert table.index.name == "code"
    assert list(table.columns) == ["kind", "name", "region", "source"]
    table.loc["PTER", "name"] = "changed"
    assert tags.tags_table().loc["PTER", "name"] == "Terrorists and Terrorism"
    posts = tags.posts_table()
    assert posts.index.name == "post"
    assert list(posts.columns) == ["country", "kind", "origin", "alias_of", "note"]


# --- against the real archive ------------------------------------------------------------


def _page_body(page: str) -> str:
    body = page.split("<pre>")[2].split("</pre>")[0].replace("&#x000A;", "\n")
    return html.unescape(re.sub(r"<a [^>]*>([^<]*)</a>", r"\1", body))


def _cable_tags(page: str) -> list[str]:
    """The codes on a page's TAGS line, words in parentheses (``OVIP (CLINTON)``) left out."""
    line = _TAGS_LINE.search(_page_body(page))
    text = re.sub(r"\([^)]*\)", " ", line.group(1)) if line else ""
    return [code for code in re.split(r"[\s,;]+", text.upper()) if code]


@pytest.fixture(scope="module")
def pages(html_cable_paths: list[Path]) -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in html_cable_paths}


@pytest.fixture(scope="module")
def cable_tags(pages) -> dict[str, list[str]]:
    return {ref: _cable_tags(page) for ref, page in pages.items()}


def test_the_tags_of_the_real_cables_are_known(cable_tags):
    counts = collections.Counter(code for codes in cable_tags.values() for code in codes)
    unknown = {code: n for code, n in counts.items() if tags.tag_kind(code) == tags.UNKNOWN}
    # Measured 2.9%: typing slips (POGOV, MOPPS), ISO codes typed for FIPS ones (RU, IQ, YE),
    # names inside OVIP, free words, and a few program codes whose meaning is unconfirmed.
    share = sum(unknown.values()) / counts.total()
    assert counts.total() > 5000
    assert share < 0.04, sorted(unknown.items(), key=lambda item: -item[1])
    most_common = [code for code, _ in counts.most_common(60)]
    assert not tags.unknown_tags(most_common), tags.unknown_tags(most_common)


def test_every_post_of_the_full_archive_is_in_the_post_table(shared_data, post_table):
    with gzip.open(shared_data / "cable2month.csv.gz", "rt", encoding="utf-8") as handle:
        ids = [line.split(",", 1)[0] for line in handle]
    matches = [_REFERENCE_ID.fullmatch(ref) for ref in ids]
    posts = {match.group(1) for match in matches if match}
    malformed = [ref for ref, match in zip(ids, matches, strict=True) if not match]
    assert len(ids) == 251_287
    assert len(malformed) < 60, malformed  # SECTION...OF... run into the id, and the like
    assert posts - set(post_table.index) == set()
    assert set(post_table.index) - posts == set()


def test_origins_of_the_real_pages_are_the_origins_of_their_posts(pages):
    # USEU Brussels also numbered its cables in the BRUSSELS series.
    shared_series = {("BRUSSELS", "USEU Brussels")}
    mismatches = set()
    for page in pages.values():
        reference_id, origin = _ORIGIN.search(page).groups()
        info = tags.post_info(reference_id)
        if info.origin != origin:
            mismatches.add((info.post, origin))
    assert mismatches <= shared_series, mismatches - shared_series


def test_embassies_and_consulates_tag_their_own_country(cable_tags):
    by_post = collections.defaultdict(list)
    for ref, codes in cable_tags.items():
        info = tags.post_info(ref)
        if info.kind in {"embassy", "consulate"}:
            by_post[info].append(set(codes))
    checked = {info: cables for info, cables in by_post.items() if len(cables) >= 3}
    missing = [
        info.post for info, cables in checked.items() if not any(info.country in c for c in cables)
    ]
    assert len(checked) > 50
    assert not missing, missing


def test_person_tags_are_program_kind_with_k_programs():
    assert tags.tag_kind("OVIP") == "program"
    assert tags.tag_kind("KDEM") == "program"
    assert tags.tag_kind("OTRA") == "subject"
