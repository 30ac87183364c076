"""The themes stage: subjects defined by TAGS and lexicons, their prevalence and partners.

:class:`Theme` decides which cables belong to a theme and scores them;
:func:`load_themes` reads themes from TOML (``reports/themes.toml``);
:func:`theme_prevalence` gives the share of cables in each theme over time;
:func:`partner_network` and :func:`strongest_partners` show which countries
appear together in a theme's cables.
"""

from cablestats.themes.loading import THEME_KEYS, load_themes
from cablestats.themes.partners import (
    country_lexicon,
    partner_network,
    strongest_partners,
    theme_countries,
)
from cablestats.themes.prevalence import PREVALENCE_COLUMNS, theme_prevalence
from cablestats.themes.theme import MEMBER_COLUMNS, Theme

__all__ = [
    "MEMBER_COLUMNS",
    "PREVALENCE_COLUMNS",
    "THEME_KEYS",
    "Theme",
    "country_lexicon",
    "load_themes",
    "partner_network",
    "strongest_partners",
    "theme_countries",
    "theme_prevalence",
]
