"""The planted themes: vocabularies, prevalence curves over time, partner countries.

Each :class:`Theme` is a word distribution over its own vocabulary (Zipf-like:
the ``k``-th term has weight ``1 / (k + 2.7) ** 1.07``), a set of subject TAGS,
and prevalence curves: a log-weight over time per *group* of posts, plus a
long-run ``trend`` shared by every group.  A group is a State Department region
(``AF``, ``EAP``, ``EUR``, ``NEA``, ``SCA``, ``WHA``), the special country
group :data:`SAHEL` (posts whose country TAG is in it), or ``"*"`` for every
post.  Every theme's trend is distinct (a rise, a fall or a bump somewhere in
2001–2010), so that each theme's share of the whole archive changes visibly
over time and recovery of its monthly share can be judged; the group curves
add regional differences on top.  A cable's theme mixture is drawn from a
Dirichlet distribution whose mean is the normalised weights of its most
specific group at its date, so the planted prevalence of a theme over time is
known exactly and written to ``truth.json``.

Partners are the countries a theme's cables name, by group and period: in the
Sahel, counterterrorism partnerships name Mali, Algeria, Mauritania, Niger and
France from 2007.  They appear in the text and as country TAGS.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

import numpy as np

__all__ = [
    "GROUPS",
    "SAHEL",
    "THEMES",
    "Curve",
    "Partners",
    "Theme",
    "cable_group",
    "zipf_weights",
]

#: Country TAGS of the Sahel group (Mali, Mauritania, Niger, Algeria, Chad, Burkina Faso).
SAHEL: frozenset[str] = frozenset({"ML", "MR", "NG", "AG", "CD", "UV"})

#: Groups with their own curves, most specific first, then the default ``"*"``.
GROUPS: tuple[str, ...] = ("SAHEL", "AF", "EAP", "EUR", "NEA", "SCA", "WHA", "*")


def zipf_weights(n: int, exponent: float = 1.07, offset: float = 2.7) -> np.ndarray:
    """Normalised Zipf–Mandelbrot weights ``1 / (k + offset) ** exponent`` for ranks ``1..n``."""
    weights = 1.0 / (np.arange(1, n + 1) + offset) ** exponent
    return weights / weights.sum()


def cable_group(country_tag: str | None, region: str | None) -> str:
    """The most specific group a post belongs to: ``SAHEL``, its region, or ``"*"``."""
    if country_tag in SAHEL:
        return "SAHEL"
    return region if region in GROUPS else "*"


@dataclasses.dataclass(frozen=True)
class Curve:
    """Log-weight of a theme over time, in fractional years ``y``.

    ``level + slope * (y - 2005) + rise / (1 + exp(-(y - midpoint) / width))
    + bump * exp(-((y - peak) / spread) ** 2 / 2)``: a level, a linear trend
    per year, a logistic rise (or fall, when ``rise`` is negative) centred on
    ``midpoint`` and a Gaussian bump (or dip) centred on ``peak``.
    """

    level: float = 0.0
    slope: float = 0.0
    rise: float = 0.0
    midpoint: float = 2007.0
    width: float = 0.5
    bump: float = 0.0
    peak: float = 2006.0
    spread: float = 1.0

    def __call__(self, years: np.ndarray) -> np.ndarray:
        years = np.asarray(years, dtype=float)
        logistic = 1.0 / (1.0 + np.exp(-(years - self.midpoint) / self.width))
        bump = np.exp(-0.5 * ((years - self.peak) / self.spread) ** 2)
        return self.level + self.slope * (years - 2005.0) + self.rise * logistic + self.bump * bump


@dataclasses.dataclass(frozen=True)
class Partners:
    """Countries a theme's cables of ``group`` name from ``start`` to ``end`` (months, inclusive).

    ``countries`` maps country names, as written in the text, to their TAGS.
    """

    group: str
    start: str
    end: str
    countries: Mapping[str, str]

    def active(self, month: dt.date) -> bool:
        """True when ``month`` (any day of it) lies within the period."""
        key = f"{month.year:04d}-{month.month:02d}"
        return self.start <= key <= self.end


@dataclasses.dataclass(frozen=True)
class Theme:
    """One planted theme.

    ``terms`` are ranked by frequency; :attr:`weights` is their distribution.
    ``curves`` maps groups to the theme's log-weight curve; a group without a
    curve uses ``"*"``.  ``trend`` is added to the curve of every group: the
    theme's long-run rise or fall across the archive.
    """

    name: str
    label: str
    tags: tuple[str, ...]
    terms: tuple[str, ...]
    curves: Mapping[str, Curve]
    trend: Curve = Curve()
    partners: tuple[Partners, ...] = ()

    @property
    def weights(self) -> np.ndarray:
        """Probabilities of :attr:`terms` (Zipf-like, summing to one)."""
        return zipf_weights(len(self.terms))

    def curve(self, group: str) -> Curve:
        """The curve of ``group``, falling back to the default ``"*"``."""
        return self.curves.get(group, self.curves["*"])

    def log_weight(self, group: str, years: np.ndarray) -> np.ndarray:
        """Log-weight of the theme in ``group`` at fractional ``years``: its curve plus trend."""
        return self.curve(group)(years) + self.trend(years)

    def partners_for(self, group: str, month: dt.date) -> dict[str, str]:
        """Partner countries (name → TAG) of ``group`` in ``month``, else of ``"*"``."""
        for wanted in (group, "*"):
            found = {
                name: tag
                for partners in self.partners
                if partners.group == wanted and partners.active(month)
                for name, tag in partners.countries.items()
            }
            if found:
                return found
        return {}


_ALL = ("2001-01", "2010-12")

THEMES: tuple[Theme, ...] = (
    Theme(
        name="counterterrorism",
        label="Counterterrorism partnerships",
        tags=("PTER", "PREL", "ASEC", "MASS"),
        terms=(
            "AQIM",
            "al Qaeda",
            "terrorist",
            "Sahel",
            "counterterrorism",
            "hostage",
            "joint training",
            "intelligence sharing",
            "equipment",
            "terrorists",
            "extremists",
            "kidnapping",
            "ransom",
            "border security",
            "security forces",
            "militants",
            "trans-Sahara",
            "TSCTP",
            "ambush",
            "Tuareg",
            "safe haven",
            "terrorist financing",
            "radicalization",
            "recruitment",
            "terrorist cell",
            "suspects",
            "patrols",
            "vehicles",
            "communications gear",
            "special forces",
            "insurgents",
            "Salafist",
            "GSPC",
            "explosives",
            "suicide bomber",
            "jihadist",
            "northern region",
            "desert",
            "smuggling routes",
            "threat reporting",
            "attack",
            "hostages",
            "counterterrorism training",
            "Islamic Maghreb",
            "armed groups",
            "training camps",
        ),
        curves={
            "*": Curve(level=0.2),
            "NEA": Curve(level=0.7),
            "SCA": Curve(level=0.8),
            "AF": Curve(level=-0.5),
            "SAHEL": Curve(level=-1.2, rise=2.8, midpoint=2007.3, width=0.4),
        },
        trend=Curve(slope=0.4),
        partners=(
            Partners("SAHEL", "2001-01", "2006-12", {"Algeria": "AG", "Morocco": "MO"}),
            Partners(
                "SAHEL",
                "2007-01",
                "2010-12",
                {
                    "Mali": "ML",
                    "Algeria": "AG",
                    "Mauritania": "MR",
                    "Niger": "NG",
                    "France": "FR",
                },
            ),
            Partners("*", *_ALL, {"Pakistan": "PK", "Yemen": "YM", "Saudi Arabia": "SA"}),
        ),
    ),
    Theme(
        name="elections",
        label="Elections",
        tags=("PGOV", "KDEM", "PINR"),
        terms=(
            "election",
            "elections",
            "opposition",
            "candidates",
            "campaign",
            "ruling party",
            "parliament",
            "electoral commission",
            "voters",
            "ballot",
            "polling stations",
            "voter registration",
            "observers",
            "turnout",
            "fraud",
            "runoff",
            "constitution",
            "presidential election",
            "legislative elections",
            "coalition",
            "vote",
            "votes",
            "results",
            "incumbent",
            "seats",
            "party leader",
            "primaries",
            "recount",
            "polls",
            "electoral code",
            "constituencies",
            "ballots",
            "campaign finance",
            "party list",
            "by-election",
            "vote buying",
            "electoral reform",
            "election day",
            "majority",
            "mandate renewal",
            "exit polls",
            "referendum",
        ),
        curves={"*": Curve(level=0.3), "EUR": Curve(level=0.5), "WHA": Curve(level=0.6)},
        trend=Curve(bump=1.8, peak=2008.8, spread=0.7),
    ),
    Theme(
        name="energy",
        label="Energy",
        tags=("ENRG", "EPET", "EINV"),
        terms=(
            "oil",
            "gas",
            "pipeline",
            "energy",
            "electricity",
            "refinery",
            "natural gas",
            "crude",
            "barrels",
            "exploration",
            "production",
            "energy security",
            "nuclear power",
            "renewable energy",
            "gas supplies",
            "Gazprom",
            "LNG",
            "hydropower",
            "power grid",
            "fuel",
            "oil prices",
            "concession",
            "reserves",
            "energy sector",
            "gas transit",
            "fuel subsidies",
            "blackouts",
            "coal",
            "oil fields",
            "upstream",
            "power plant",
            "megawatts",
            "drilling",
            "gas price",
            "transmission lines",
            "oil revenues",
            "energy efficiency",
            "petroleum law",
            "storage",
            "diversification",
        ),
        curves={
            "*": Curve(level=-0.2),
            "EUR": Curve(level=-0.2, rise=0.9, midpoint=2006.0, width=0.3),
            "NEA": Curve(level=0.3),
            "SCA": Curve(level=0.2),
        },
        trend=Curve(rise=1.2, midpoint=2006.0, width=0.3),
        partners=(
            Partners("EUR", "2006-01", "2010-12", {"Russia": "RS", "Ukraine": "UP"}),
            Partners("NEA", *_ALL, {"Saudi Arabia": "SA", "Iraq": "IZ"}),
            Partners("SCA", *_ALL, {"Kazakhstan": "KZ", "Turkmenistan": "TX"}),
        ),
    ),
    Theme(
        name="trade",
        label="Trade",
        tags=("ETRD", "ECON", "KIPR"),
        terms=(
            "trade",
            "exports",
            "imports",
            "tariffs",
            "free trade agreement",
            "WTO",
            "market access",
            "customs",
            "intellectual property",
            "agricultural products",
            "trade barriers",
            "quotas",
            "anti-dumping",
            "textiles",
            "beef",
            "sanitary measures",
            "AGOA",
            "bilateral investment treaty",
            "trade deficit",
            "duties",
            "goods",
            "U.S. companies",
            "trade talks",
            "Doha Round",
            "counterfeit",
            "trade policy",
            "market",
            "trade representative",
            "import ban",
            "export licenses",
            "rules of origin",
            "poultry",
            "trade volume",
            "safeguard measures",
            "services",
            "procurement rules",
        ),
        curves={
            "*": Curve(level=0.0, slope=-0.05),
            "EAP": Curve(level=0.5, slope=-0.05),
            "WHA": Curve(level=0.3, slope=-0.05),
        },
        trend=Curve(bump=1.0, peak=2004.5, spread=1.0),
        partners=(
            Partners("*", *_ALL, {"China": "CH", "Brazil": "BR", "India": "IN"}),
            Partners("WHA", *_ALL, {"Brazil": "BR", "Mexico": "MX"}),
        ),
    ),
    Theme(
        name="human_rights",
        label="Human rights",
        tags=("PHUM", "KDEM", "KJUS"),
        terms=(
            "human rights",
            "detainees",
            "torture",
            "prison",
            "journalists",
            "freedom of expression",
            "NGOs",
            "activists",
            "civil society",
            "arrests",
            "trafficking in persons",
            "religious freedom",
            "abuses",
            "impunity",
            "rule of law",
            "judiciary",
            "court",
            "trial",
            "sentenced",
            "press freedom",
            "demonstrators",
            "police",
            "detention",
            "ombudsman",
            "minorities",
            "harassment",
            "political prisoners",
            "death penalty",
            "extrajudicial killings",
            "lawyers",
            "defenders",
            "censorship",
            "human rights report",
            "due process",
            "prisoners",
            "amnesty",
            "victims",
            "investigation",
            "prosecutor",
        ),
        curves={"*": Curve(level=0.0, slope=0.05), "AF": Curve(level=0.2, slope=0.05)},
        trend=Curve(slope=0.45),
    ),
    Theme(
        name="nonproliferation",
        label="Nonproliferation",
        tags=("PARM", "MNUC", "KNNP"),
        terms=(
            "nuclear",
            "sanctions",
            "enrichment",
            "IAEA",
            "uranium",
            "safeguards",
            "UNSC resolution",
            "centrifuges",
            "missile",
            "weapons of mass destruction",
            "export controls",
            "proliferation",
            "dual-use",
            "NPT",
            "Additional Protocol",
            "reactor",
            "heavy water",
            "inspectors",
            "PSI",
            "ballistic missile",
            "nuclear program",
            "fuel cycle",
            "P5+1",
            "delivery systems",
            "missiles",
            "nuclear weapons",
            "Board of Governors",
            "interdiction",
            "shipments",
            "end user",
            "front companies",
            "arms control",
            "warheads",
            "test",
            "disarmament",
            "verification",
            "MTCR",
            "transshipment",
        ),
        curves={
            "*": Curve(level=-0.3, slope=0.12),
            "NEA": Curve(level=0.3, slope=0.12),
            "EAP": Curve(level=0.1, slope=0.12),
        },
        trend=Curve(bump=1.3, peak=2006.8, spread=0.6),
        partners=(
            Partners(
                "*",
                *_ALL,
                {"Iran": "IR", "North Korea": "KN", "Russia": "RS", "China": "CH"},
            ),
        ),
    ),
    Theme(
        name="narcotics",
        label="Narcotics",
        tags=("SNAR", "KCRM", "KJUS"),
        terms=(
            "narcotics",
            "cocaine",
            "drug trafficking",
            "traffickers",
            "heroin",
            "cartel",
            "seizures",
            "eradication",
            "coca",
            "poppy",
            "DEA",
            "money laundering",
            "extradition",
            "kingpin",
            "precursor chemicals",
            "counternarcotics",
            "drug use",
            "drug smuggling",
            "laboratories",
            "marijuana",
            "methamphetamine",
            "Merida Initiative",
            "organized crime",
            "cartels",
            "drug flights",
            "go-fast boats",
            "crop substitution",
            "alternative development",
            "hectares",
            "drug money",
            "traffickers' assets",
            "airstrip",
            "kilograms",
            "interdiction operations",
            "vetted units",
            "INL",
        ),
        curves={
            "*": Curve(level=-0.6),
            "WHA": Curve(level=0.7, rise=0.6, midpoint=2007.8, width=0.3),
            "SCA": Curve(level=0.0),
        },
        trend=Curve(rise=1.6, midpoint=2008.0, width=0.3),
        partners=(
            Partners("WHA", "2001-01", "2007-06", {"Colombia": "CO", "Venezuela": "VE"}),
            Partners(
                "WHA",
                "2007-07",
                "2010-12",
                {"Mexico": "MX", "Colombia": "CO", "Guatemala": "GT"},
            ),
            Partners("SCA", *_ALL, {"Afghanistan": "AF", "Pakistan": "PK"}),
        ),
    ),
    Theme(
        name="consular",
        label="Consular affairs and visas",
        tags=("CVIS", "CMGT", "KFRD", "CASC"),
        terms=(
            "visa",
            "visas",
            "applicants",
            "consular",
            "visa applications",
            "interviews",
            "fraud prevention",
            "passports",
            "American citizens",
            "adoption",
            "consular section",
            "nonimmigrant visas",
            "immigrant visas",
            "visa waiver",
            "overstays",
            "refusals",
            "Visa Waiver Program",
            "biometrics",
            "travel documents",
            "student visas",
            "wait times",
            "security advisory opinion",
            "welfare and whereabouts",
            "ACS",
            "warden message",
            "adoptions",
            "document fraud",
            "visa fees",
            "appointments",
            "petitions",
            "birth certificates",
            "entry stamps",
            "consular access",
            "fingerprints",
            "validation study",
            "refusal rate",
            "DHS",
        ),
        curves={"*": Curve(level=0.4)},
        trend=Curve(rise=-1.6, midpoint=2007.5, width=0.4),
    ),
    Theme(
        name="military",
        label="Military cooperation",
        tags=("MARR", "MOPS", "NATO"),
        terms=(
            "military",
            "armed forces",
            "defense",
            "exercises",
            "peacekeeping",
            "troops",
            "IMET",
            "FMF",
            "officers",
            "navy",
            "air force",
            "army",
            "Ministry of Defense",
            "helicopters",
            "aircraft",
            "ships",
            "port visit",
            "bases",
            "deployment",
            "NATO",
            "interoperability",
            "defense cooperation",
            "security assistance",
            "military training",
            "weapons",
            "ammunition",
            "status of forces agreement",
            "brigade",
            "battalion",
            "chief of defense",
            "defense attache",
            "ISAF",
            "caveats",
            "airlift",
            "spare parts",
            "military sales",
            "coast guard vessels",
        ),
        curves={"*": Curve(level=0.0), "EUR": Curve(level=0.3), "NEA": Curve(level=0.3)},
        trend=Curve(bump=1.2, peak=2003.5, spread=1.5),
        partners=(
            Partners("EUR", *_ALL, {"Germany": "GM", "Poland": "PL", "United Kingdom": "UK"}),
        ),
    ),
    Theme(
        name="economy",
        label="Economy and finance",
        tags=("ECON", "EFIN", "EAID"),
        terms=(
            "economy",
            "inflation",
            "budget",
            "growth",
            "GDP",
            "IMF",
            "central bank",
            "World Bank",
            "interest rates",
            "exchange rate",
            "currency",
            "debt",
            "banks",
            "banking sector",
            "financial crisis",
            "fiscal",
            "privatization",
            "foreign investment",
            "unemployment",
            "stimulus",
            "remittances",
            "bonds",
            "stock market",
            "credit",
            "liquidity",
            "recession",
            "taxes",
            "revenue",
            "deficit",
            "reserves of foreign currency",
            "economic reforms",
            "prices",
            "wages",
            "loans",
            "investors",
            "capital flows",
            "economic outlook",
            "public spending",
        ),
        curves={"*": Curve(level=0.1)},
        trend=Curve(rise=1.9, midpoint=2008.7, width=0.25),
    ),
    Theme(
        name="health",
        label="Health",
        tags=("TBIO", "KHIV", "SOCI"),
        terms=(
            "health",
            "HIV/AIDS",
            "PEPFAR",
            "malaria",
            "tuberculosis",
            "avian influenza",
            "vaccines",
            "hospitals",
            "clinics",
            "patients",
            "Ministry of Health",
            "epidemic",
            "outbreak",
            "polio",
            "antiretroviral",
            "treatment",
            "health workers",
            "cases",
            "WHO",
            "CDC",
            "medicines",
            "infections",
            "prevention",
            "pandemic",
            "disease surveillance",
            "mortality",
            "health care",
            "bed nets",
            "immunization",
            "laboratory capacity",
            "doctors",
            "nurses",
            "testing",
            "orphans",
            "maternal health",
            "poultry farms",
        ),
        curves={
            "*": Curve(level=-0.6),
            "AF": Curve(level=0.2, rise=0.6, midpoint=2004.5, width=0.4),
        },
        trend=Curve(bump=1.2, peak=2005.8, spread=0.6),
    ),
    Theme(
        name="migration",
        label="Migration",
        tags=("PREF", "SMIG", "ELAB"),
        terms=(
            "migrants",
            "migration",
            "refugees",
            "asylum",
            "UNHCR",
            "IOM",
            "border crossings",
            "illegal immigration",
            "deportation",
            "repatriation",
            "returnees",
            "displaced persons",
            "IDPs",
            "camps",
            "smugglers",
            "boats",
            "resettlement",
            "humanitarian assistance",
            "irregular migrants",
            "detention centers",
            "labor migrants",
            "work permits",
            "readmission agreement",
            "Frontex",
            "Canary Islands",
            "asylum seekers",
            "migrant workers",
            "border police",
            "shelters",
            "registration",
            "host communities",
            "durable solutions",
            "quota refugees",
        ),
        curves={
            "*": Curve(level=-0.4),
            "EUR": Curve(level=-0.2, rise=0.5, midpoint=2006.5, width=0.4),
            "AF": Curve(level=-0.2),
        },
        trend=Curve(bump=1.5, peak=2007.6, spread=0.6),
        partners=(
            Partners(
                "EUR",
                *_ALL,
                {"Spain": "SP", "Italy": "IT", "Libya": "LY", "Morocco": "MO"},
            ),
            Partners("AF", *_ALL, {"Senegal": "SG", "Spain": "SP"}),
        ),
    ),
)
