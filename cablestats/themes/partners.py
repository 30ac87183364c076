"""Who works with whom: the countries that a theme's cables involve, and how they pair up.

A cable involves a country when it carries the country's TAG, when it was
sent from a post in that country (:func:`cablestats.tags.post_country`), or
when its text names the country.  Names come from the TAGS reference table
(``tags.tag_name``: ``Mali``, ``Saudi Arabia``) and are matched on corpus
terms (``saudi_arabia`` where the corpus joined the phrase); names with
qualifiers such as ``Congo (Kinshasa)`` are left out, and adjectives
(``Malian``) are not matched.  The United States is left out by default:
every cable is American, so it would pair with every country.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable

import pandas as pd

from cablestats.corpus import Corpus
from cablestats.tags import country_tags, post_country, tag_name, tags_table
from cablestats.themes.theme import Theme
from cablestats.trends._terms import normalize_term, presence

__all__ = [
    "COUNTRY_COLUMNS",
    "EDGE_COLUMNS",
    "PARTNER_COLUMNS",
    "country_lexicon",
    "partner_network",
    "strongest_partners",
    "theme_countries",
]

#: Columns of :func:`theme_countries`.
COUNTRY_COLUMNS: tuple[str, ...] = ("reference_id", "period", "country", "via")
#: Columns of :func:`partner_network`.
EDGE_COLUMNS: tuple[str, ...] = (
    "period",
    "country_a",
    "country_b",
    "name_a",
    "name_b",
    "cables",
    "weight",
)
#: Columns of :func:`strongest_partners`.
PARTNER_COLUMNS: tuple[str, ...] = (
    "period",
    "country",
    "partner",
    "partner_name",
    "cables",
    "share",
)


@functools.cache
def country_lexicon() -> dict[str, str]:
    """Country names as corpus terms → TAGS country code (``saudi_arabia`` → ``SA``)."""
    table = tags_table()
    countries = table[(table["kind"] == "country") & table["name"].notna()]
    plain = countries[~countries["name"].str.contains(r"[(),]", regex=True)]
    return {normalize_term(name): code for code, name in plain["name"].items()}


def theme_countries(
    corpus: Corpus, theme: Theme, freq: str = "Y", *, exclude: Iterable[str] = ("US",)
) -> pd.DataFrame:
    """The countries each member cable of ``theme`` involves.

    Returns
    -------
    pandas.DataFrame
        Range index; columns ``reference_id``, ``period`` (``Period`` of
        ``freq``), ``country`` (TAGS code) and ``via`` (``tag``, ``post`` or
        ``text``: the first way the country was found, in that order).  One
        row per cable and country; undated cables and ``exclude`` are left out.
    """
    members = corpus[theme.membership(corpus)]
    periods = members.periods(freq)
    vocab = set(corpus.vocab)
    lexicon = {term: code for term, code in country_lexicon().items() if term in vocab}
    named = presence(members.dtm, members.vocab.get_indexer(list(lexicon))).tolil().rows
    codes = list(lexicon.values())
    skip = {code.upper() for code in exclude}
    rows = []
    cables = zip(
        periods.index, periods, members.meta["tags"], members.meta["origin"], named, strict=True
    )
    for ref, period, tags, origin, columns in cables:
        if pd.isna(period):
            continue
        found: dict[str, str] = {}
        sources = (
            ("tag", country_tags(tags)),
            ("post", [post_country(origin)] if isinstance(origin, str) else []),
            ("text", [codes[column] for column in columns]),
        )
        for via, countries in sources:
            for code in countries:
                if code and code not in skip:
                    found.setdefault(code, via)
        rows.extend((ref, period, code, via) for code, via in found.items())
    return pd.DataFrame(rows, columns=list(COUNTRY_COLUMNS))


def partner_network(
    corpus: Corpus, theme: Theme, freq: str = "Y", *, exclude: Iterable[str] = ("US",)
) -> pd.DataFrame:
    """How often pairs of countries appear together in a theme's cables, per period.

    Parameters
    ----------
    corpus
        The cables.
    theme
        The theme whose member cables are read.
    freq
        Period length (``"Y"``, ``"Q"``, ``"M"``).
    exclude
        Country codes left out (the United States by default; see the module notes).

    Returns
    -------
    pandas.DataFrame
        Range index; columns ``period``, ``country_a`` and ``country_b``
        (TAGS codes, ``country_a < country_b``), ``name_a`` and ``name_b``
        (their names), ``cables`` (member cables involving both) and
        ``weight`` (``cables`` over the period's member cables).  Sorted by
        period, then ``cables`` descending.  No members gives no rows.
    """
    countries = theme_countries(corpus, theme, freq, exclude=exclude)
    if countries.empty:
        return pd.DataFrame(columns=list(EDGE_COLUMNS))
    per_period = countries.groupby("period")["reference_id"].nunique()
    pairs = [
        (period, a, b)
        for (_, period), group in countries.groupby(["reference_id", "period"], sort=False)
        for a, b in itertools.combinations(sorted(group["country"]), 2)
    ]
    if not pairs:
        return pd.DataFrame(columns=list(EDGE_COLUMNS))
    edges = (
        pd.DataFrame(pairs, columns=["period", "country_a", "country_b"])
        .value_counts()
        .rename("cables")
        .reset_index()
    )
    edges["name_a"] = edges["country_a"].map(tag_name)
    edges["name_b"] = edges["country_b"].map(tag_name)
    edges["weight"] = edges["cables"] / edges["period"].map(per_period).to_numpy()
    edges = edges.sort_values(
        ["period", "cables", "country_a", "country_b"], ascending=[True, False, True, True]
    )
    return edges[list(EDGE_COLUMNS)].reset_index(drop=True)


def strongest_partners(
    corpus: Corpus,
    theme: Theme,
    country: str,
    freq: str = "Y",
    *,
    top: int | None = None,
    exclude: Iterable[str] = ("US",),
) -> pd.DataFrame:
    """The countries that appear most often with ``country`` in a theme's cables, per period.

    Parameters
    ----------
    corpus, theme, freq, exclude
        As in :func:`partner_network`.
    country
        The focus country's TAGS code (``ML``).
    top
        Keep the ``top`` partners of each period; ``None`` keeps all.

    Returns
    -------
    pandas.DataFrame
        Range index; columns ``period``, ``country`` (the focus), ``partner``
        (TAGS code), ``partner_name``, ``cables`` (member cables involving
        both) and ``share`` (``cables`` over the member cables involving the
        focus country in that period).  Sorted by period, then ``cables``
        descending.
    """
    focus = country.strip().upper()
    countries = theme_countries(corpus, theme, freq, exclude=exclude)
    with_focus = countries[
        countries["reference_id"].isin(countries.loc[countries["country"] == focus, "reference_id"])
    ]
    focus_cables = with_focus.groupby("period")["reference_id"].nunique()
    partners = with_focus[with_focus["country"] != focus]
    table = partners.groupby(["period", "country"]).size().rename("cables").reset_index()
    table = table.rename(columns={"country": "partner"})
    table.insert(1, "country", focus)
    table["partner_name"] = table["partner"].map(tag_name)
    table["share"] = table["cables"] / table["period"].map(focus_cables).to_numpy(dtype=float)
    table = table.sort_values(["period", "cables", "partner"], ascending=[True, False, True])
    if top is not None:
        table = table.groupby("period", sort=False).head(top)
    return table[list(PARTNER_COLUMNS)].reset_index(drop=True)
