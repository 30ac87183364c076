# ruff: noqa: E501, W291, W293
"""Conformance of the field parsers on short excerpts of real cables.

Each parser has one parametrised test over a list of (fragment, expected)
cases.  The fragments are excerpts of public cables (Cablegate, 1966-2010),
named by the cable they come from where it is known; the expected values are
what a careful reader of the cable takes from it, written in the conventions
of ``docs/DESIGN.md``: canonical reference ids (``09BAMAKO445``), upper-case
tags, ``datetime.date`` for the declassification date, names as the text
writes them and :class:`cablestats.Recipient` records.  Trailing spaces in
the fragments are part of the input, as in the cables.

Left out on purpose (the expected answer would be a convention of another
parser, not of this one, or would need a whole cable):

* cases that need a complete cable rather than an excerpt (difficult
  subjects, reference oddities and most signer and classified-by checks that
  look a cable up by its id);
* options this API does not have: subjects with the ``(S)`` marking kept,
  tags without canonical spelling, signers and classified-by names rewritten
  in title case or with typos corrected (``RICAHRD`` -> ``Richard``,
  ``LEE 0.`` -> ``Lee O.``), signers split from glued names (``KEEGANPAAL``);
* non-cable references (e-mails, telcons, reports, books) as objects: they
  only appear here as references that must *not* be returned;
* the excluded-addressee list of an ``INFO ... XMT`` block (``Recipient`` has
  no such field; only the addressees are compared);
* a subject that swallows the classification word of a page break
  (``... ZIMBABWE CONFIDENTIAL``);
* id spellings that need a lookup table rather than rules (``02TAIPEI12`` as
  ``02AITTAIPEI12``, which contradicts the ``05TAIPEI3393`` references below,
  and ``08SECTION01GF02BISHIEK21`` as ``08BISHKEK1021``).

Where an expected value goes beyond the letters of the text it is noted next
to the case (OVIP person tags, a second bare serial after a post name,
summary whitespace).
"""

from __future__ import annotations

import datetime as dt

import pytest

from cablestats.cable import Recipient
from cablestats.parse import (
    canonical_reference_id,
    parse_classified_by,
    parse_declassify_on,
    parse_info_recipients,
    parse_recipients,
    parse_references,
    parse_signer,
    parse_subject,
    parse_summary,
    parse_tags,
)


def case(case_id, *values):
    """One parametrised case with a readable id (the cable it comes from, then what it shows)."""
    return pytest.param(*values, id=case_id)


def ref(case_id, text, year, expected, reference_id=None):
    """A REF case: text, the cable's year, its own id (optional) and the expected ids."""
    return pytest.param(text, year, reference_id, expected, id=case_id)


def unique_ids(cases):
    """The cases with repeated ids numbered (``-2``, ``-3``) so that each stays addressable."""
    seen: dict[str, int] = {}
    out = []
    for param in cases:
        count = seen.get(param.id, 0) + 1
        seen[param.id] = count
        out.append(param if count == 1 else pytest.param(*param.values, id=f"{param.id}-{count}"))
    return out


# ---------------------------------------------------------------------------
# TAGS
# Expected: upper-case tags in text order, duplicates dropped, every word of
# the TAGS value a tag of its own, as the archive's cable pages link them
# (free text and OVIP person tags word by word, misspellings as written), and
# glued codes (``PHUMBA``, ``KFRDKIRFCVIS...``) split into their parts.
# ---------------------------------------------------------------------------

TAG_CASES = [
    case("colon", "TAGS: something", ["SOMETHING"]),
    case("colon-newline", "TAGS: something\n", ["SOMETHING"]),
    case("colon-next-line-ignored", "TAGS: something\nhere", ["SOMETHING"]),
    case("colon-comma-continues", "TAGS: something, \nhere", ["SOMETHING", "HERE"]),
    case("colon-comma-continues-nospace", "TAGS: something,\nhere", ["SOMETHING", "HERE"]),
    case("no-colon", "TAGS something", ["SOMETHING"]),
    case("no-colon-newline", "TAGS something\n", ["SOMETHING"]),
    case("no-colon-next-line-ignored", "TAGS something\nhere", ["SOMETHING"]),
    case("no-colon-comma-continues", "TAGS something, \nhere", ["SOMETHING", "HERE"]),
    case("mixed-case", "tAgs something", ["SOMETHING"]),
    case("mixed-case-newline", "tAgs something\n", ["SOMETHING"]),
    case("mixed-case-next-line-ignored", "tAgs something\nhere", ["SOMETHING"]),
    case("mixed-case-comma-continues", "tAgs something, \nhere", ["SOMETHING", "HERE"]),
    case("mixed-case-comma-nospace", "tAgs something,\nhere", ["SOMETHING", "HERE"]),
    case("mixed-case-colon", "tAgs: something", ["SOMETHING"]),
    case("mixed-case-colon-newline", "tAgs: something\n", ["SOMETHING"]),
    case("mixed-case-colon-next-line", "tAgs: something\nhere", ["SOMETHING"]),
    case("mixed-case-colon-comma", "tAgs: something, \nhere", ["SOMETHING", "HERE"]),
    case("mixed-case-colon-comma-nospace", "tAgs: something,\nhere", ["SOMETHING", "HERE"]),
    case(
        "space-separated",
        "TAGS: PREL ECON EFIN ELAB PGOV FR",
        ["PREL", "ECON", "EFIN", "ELAB", "PGOV", "FR"],
    ),
    case(
        "space-separated-no-colon",
        "TAGS PREL ECON EFIN ELAB PGOV FR",
        ["PREL", "ECON", "EFIN", "ELAB", "PGOV", "FR"],
    ),
    case(
        "lower-label-no-colon",
        "tags PREL ECON EFIN ELAB PGOV FR",
        ["PREL", "ECON", "EFIN", "ELAB", "PGOV", "FR"],
    ),
    case(
        "lower-label-colon",
        "tags: PREL ECON EFIN ELAB PGOV FR",
        ["PREL", "ECON", "EFIN", "ELAB", "PGOV", "FR"],
    ),
    case(
        "comma-separated",
        "TAGS ECON, PGOV, EFIN, MOPS, PINR, UK",
        ["ECON", "PGOV", "EFIN", "MOPS", "PINR", "UK"],
    ),
    case(
        "singular-label",
        "TAG PTER, PGOV, ASEC, EFIN, ENRG, KCIP",
        ["PTER", "PGOV", "ASEC", "EFIN", "ENRG", "KCIP"],
    ),
    case(
        "04ANKARA348-lowercase-inline",
        "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu \nSubject: turkish p.m. "
        "Erdogan goes to washington: how strong a leader in the face of strong challenges?"
        "\n\n(U) Classifi",
        ["PREL", "PGOV", "PINS", "TU"],
    ),
    case(
        "09BEIJING-ovip-person-in-parentheses",
        "E.o. 12958: decl: after korean unification\nTags: ovip (steinberg, james b.), prel, "
        "parm, pgov, econ,\netra, mnuc, marr, ch, jp, kn, ks, ir\nSubject: deputy secretary "
        "steinberg's meeting with xxxxx\nforeign minister he yafei, september 29, 2009",
        [
            "OVIP",
            "STEINBERG",
            "JAMES",
            "B",
            "PREL",
            "PARM",
            "PGOV",
            "ECON",
            "ETRA",
            "MNUC",
            "MARR",
            "CH",
            "JP",
            "KN",
            "KS",
            "IR",
        ],
    ),
    case(
        "08RIODEJANEIRO165",
        "TAGS: ECON EINV ENRG PGOV PBTS MARR BR\n\nSUBJECT: AMBASSADOR SOBEL MEETS WITH KEY "
        "ENERGY ENTITIES IN RIO Ref(s): A) 08 RIO DE JAN 138; B) 08 RIO DE JAN 0044 and "
        "previous Sensitive But Unclassified - Please handle accordingly. This message has "
        "been approved by Ambassador Sobel. ",
        ["ECON", "EINV", "ENRG", "PGOV", "PBTS", "MARR", "BR"],
    ),
    case(
        "02ROME1196-repeated-and-glued",
        "\nEO 12958 DECL: 03/05/2007\nTAGS PHUM, OPRC, OPRC, OPRC, OPRC, IT, ITPHUM, ITPHUM, "
        "ITPHUM, HUMAN RIGHTS\nSUBJECT: AS PREDICTED, ITALY’S HUMAN RIGHTS REPORT\n"
        "GENERATES FODDER FOR DOMESTIC POLITICAL MILLS",
        ["PHUM", "OPRC", "IT", "HUMAN", "RIGHTS"],
    ),
    case(
        "09STATE11937-ovip-person",
        "E.O. 12958: DECL: 02/05/2019\nTAGS: OVIP CLINTON HILLARY PREL KPAL FR IR RS\n"
        "NATO, UK, CN\nSUBJECT: (U) Secreta",
        ["OVIP", "CLINTON", "HILLARY", "PREL", "KPAL", "FR", "IR", "RS", "NATO", "UK", "CN"],
    ),
    # The name tag gains the middle initial used elsewhere for the same person.
    case(
        "09BEIJING2964-ovip-person",
        "TAGS: OVIP STEINBERG JAMES PREL MNUC SN CH KN",
        ["OVIP", "STEINBERG", "JAMES", "PREL", "MNUC", "SN", "CH", "KN"],
    ),
    case(
        "09SANTIAGO331-ovip-person",
        "E.O. 12958: DECL: 04/07/2019\nTAGS: OVIP BIDEN JOSEPH PREL ECON PGOV SOCI EU\n"
        "SUBJECT: VICE PRESIDENT BIDEN'S MARCH 28 MEETING WITH PRIME",
        ["OVIP", "BIDEN", "JOSEPH", "PREL", "ECON", "PGOV", "SOCI", "EU"],
    ),
    case(
        "08STATE100219-ovip-person",
        "E.O. 12958: DECL: 09/17/2018\nTAGS: OVIP RICE CONDOLEEZZA PREL PHSA SP KV CU\n"
        "BL, IS\nSUBJECT: Secretary Rice",
        ["OVIP", "RICE", "CONDOLEEZZA", "PREL", "PHSA", "SP", "KV", "CU", "BL", "IS"],
    ),
    case(
        "04SANAA2346-counter-terrorism",
        "TAGS: MASS MOPS OVIP PARM PINR PREL PTER YM COUNTER TERRORISM",
        ["MASS", "MOPS", "OVIP", "PARM", "PINR", "PREL", "PTER", "YM", "COUNTER", "TERRORISM"],
    ),
    case(
        "05TELAVIV1580-free-text-tags",
        "TAGS PGOV, PREL, KWBG, IR, IS, COUNTERTERRORISM, GOI EXTERNAL ",
        ["PGOV", "PREL", "KWBG", "IR", "IS", "COUNTERTERRORISM", "GOI", "EXTERNAL"],
    ),
    case("misspelt-mopps", "TAGS PTER MARR, MOPPS", ["PTER", "MARR", "MOPPS"]),
    case(
        "free-text-israeli-palestinian",
        "TAGS: IS ISRAELI PALESTINIAN AFFAIRS GOI EXTERNAL",
        ["IS", "ISRAELI", "PALESTINIAN", "AFFAIRS", "GOI", "EXTERNAL"],
    ),
    case(
        "free-text-gaza",
        "TAGS: IS GAZA DISENGAGEMENT ISRAELI PALESTINIAN AFFAIRS",
        ["IS", "GAZA", "DISENGAGEMENT", "ISRAELI", "PALESTINIAN", "AFFAIRS"],
    ),
    case(
        "05BRASILIA2675-ovip-person",
        "TAGS: PREL PGOV BR OVIP ZOELLICK ROBERT US",
        ["PREL", "PGOV", "BR", "OVIP", "ZOELLICK", "ROBERT", "US"],
    ),
    case(
        "07BUENOSAIRES1673-truncated-label",
        "DECL: 08/22/2017 AGS: PGOV, PREL, ECON, SOCI, AR",
        ["PGOV", "PREL", "ECON", "SOCI", "AR"],
    ),
    case(
        "04ANKARA348-subject-on-same-line",
        "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. "
        "Erdogan goes to washington: how strong a leader in the face of strong challenges?\n",
        ["PREL", "PGOV", "PINS", "TU"],
    ),
    case(
        "08MANAMA492",
        """SIPDIS 
 
STATE FOR G/TIP 
BAGHDAD FOR AMBASSADOR ERELI 
 
E.O. 12958: DECL: 07/24/2018 
TAGS: KCRM KWMN ASEC PHUM BA
SUBJECT: BAHRAIN SEEKS IOM'S ASSISTANCE TO COMBAT TIP 
 
REF: A. MANAMA""",
        ["KCRM", "KWMN", "ASEC", "PHUM", "BA"],
    ),
    case(
        "08MANAMA492-malformed-glued",
        """
E.O. 1295: DECL: 07/24/2018 
TAGS: KCRM KWMN ASEC PHUMBA
SUBJECT: BAHRAIN SEEKS IOM'S ASSISTANCE TO COBAT TIP
""",
        ["KCRM", "KWMN", "ASEC", "PHUM", "BA"],
    ),
    case(
        "libya-decl-with-space",
        """SIPDIS 
 
DEPT NEA/MAG (JOHNSON), INR (HOFSTATTER) 
 
E.O. 12958: DECL:  1/20/2019 
TAGS: PGOV PREL ECON EFIN SCUL EPET PHUM KDEM LY
SUBJECT: LIBYA POSTPONES GENERAL PEOPLE'S CONGRESS, WALKS BACK FROM WEALTH DISTRIBUTION AND PRIVATIZATION PLANS  
""",
        ["PGOV", "PREL", "ECON", "EFIN", "SCUL", "EPET", "PHUM", "KDEM", "LY"],
    ),
    case(
        "09CAIRO2205-all-glued",
        """POSTS FOR FRAUD PREVENTION UNITS E.O. 12958: N/A TAGS: KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG

SUBJECT: BLIND COPTIC GIRLS' CHOIR USED FOR ALIEN SMUGGLING REF: CAIRO 2178

1.(SBU) Summary:""",
        ["KFRD", "KIRF", "CVIS", "CMGT", "KOCI", "ASEC", "PHUM", "SMIG", "EG"],
    ),
    case(
        "05SANJOSE2199-misspelt-unesco",
        """E.O. 12958: N/A 
TAGS: PREL SCUL ETRD CS UNDESCO
SUBJECT: COSTA RICA: UNESCO DEMARCHE DELIVERED """,
        ["PREL", "SCUL", "ETRD", "CS", "UNDESCO"],
    ),
    case(
        "04PANAMA586-glued-free-text",
        """E.O. 12958: DECL: 03/10/2009 
TAGS: MARR PREL PINS EWWT MOPS PM LABOR HUMAN RIGHTSPOLMIL
SUBJECT: PANAMA OFFERS BETTER HIGH-VALUE TRANSIT GUARANTEE 
 
REF: A. 03 PANAMA 2201 
     ¶B. 03 PANAMA 470 """,
        ["MARR", "PREL", "PINS", "EWWT", "MOPS", "PM", "LABOR", "HUMAN", "RIGHTSPOLMIL"],
    ),
    case(
        "06SANJOSE2802-all-glued",
        """E.O. 12958: N/A 
TAGS: ETRDEINVECINPGOVCS
SUBJECT: COSTA RICA'S INSURANCE MONOPOLY PREPARES FOR COMPETITION 
 
¶1. SUMMARY.""",
        ["ETRD", "EINV", "ECIN", "PGOV", "CS"],
    ),
    case(
        "09BRASILIA542-partly-glued-two-lines",
        """SIPDIS 
 
E.O. 12958: N/A 
TAGS: KFLU AEMR ASEC AMEDCASCKFLO TBIO KSAF KPAO PREL
PINR, AMGT, TF, BR 
SUBJECT: TFFLU01: H1N1 INFLUENZA OUTBREAK AND BRAZIL:  SITREP # 5""",
        [
            "KFLU",
            "AEMR",
            "ASEC",
            "AMED",
            "CASC",
            "KFLO",
            "TBIO",
            "KSAF",
            "KPAO",
            "PREL",
            "PINR",
            "AMGT",
            "TF",
            "BR",
        ],
    ),
    case(
        "02VATICAN5607-repeated-and-glued",
        """E.O. 12958: DECL: 11/19/2012 
TAGS: PREL PGOV PHUM VT PGOV PHUM VT VE VEPREL
SUBJECT: HOLY SEE URGES CHURCH TO PROMOTE VENEZUELAN 
DIALOGUE, AVOID POLITICAL ACTIVISM 
 
REF: A. A) CARACAS 328""",
        ["PREL", "PGOV", "PHUM", "VT", "VE"],
    ),
    case(
        "01VATICAN3507-repeated-and-glued",
        """EO 12958 DECL: 07/02/11 
TAGS PREL, PHUM, IS, EG, CH, ID, PHUM, IS, EG, CH, ID, PHUM, IS, EG, CH, ID, PHUM, IS, EG, CH, ID, VT, VTPREL, VTPREL, VTPREL 
SUBJECT:  THE VATIC""",
        ["PREL", "PHUM", "IS", "EG", "CH", "ID", "VT"],
    ),
    case(
        "04PANAMA2524-free-text",
        """E.O. 12958: DECL: 10/05/2014 
TAGS: ECON ETRD EFIN PTER SNAR PM ECONOMIC AFFAIRS
SUBJECT: UNDERSTANDING PANAMA'S COLON FREE ZONE """,
        ["ECON", "ETRD", "EFIN", "PTER", "SNAR", "PM", "ECONOMIC", "AFFAIRS"],
    ),
    case(
        "07SAOPAULO212-ovip-person",
        """E.O. 12958: N/A 
TAGS: OVIP BUSH GEORGE PREL PGOV SOCI EPET KTIA BR
SUBJECT: VISIT OF PRESIDENT GEORGE W. BUSH TO SAO PAULO, BRAZIL """,
        ["OVIP", "BUSH", "GEORGE", "PREL", "PGOV", "SOCI", "EPET", "KTIA", "BR"],
    ),
    case(
        "04PANAMA672-person-tags",
        """E.O. 12958:  N/A 
TAGS: CASC CJAN SNAR PHUM CU PM NOVO GUILLERMO REMON PEDRO JIMENEZ GASPAR CONSULAR AFFAIRS
SUBJECT:  FATE OF ANTI-CASTRO CUBAN AMERICANS IN THE HANDS 
OF JUDGE """,
        [
            "CASC",
            "CJAN",
            "SNAR",
            "PHUM",
            "CU",
            "PM",
            "NOVO",
            "GUILLERMO",
            "REMON",
            "PEDRO",
            "JIMENEZ",
            "GASPAR",
            "CONSULAR",
            "AFFAIRS",
        ],
    ),
    case(
        "04ROME3708-free-text",
        """E.O. 12958: DECL: 06/01/2034 
TAGS: MARR PREL ETTC EIND IT GLOBAL DEFENSE
SUBJECT: (C)""",
        ["MARR", "PREL", "ETTC", "EIND", "IT", "GLOBAL", "DEFENSE"],
    ),
    case(
        "06TELAVIV2787-free-text",
        """E.O. 12958: DECL: 07/14/2016
TAGS: ECON ETRD PREL PGOV PTER KWBG JO IS ECONOMY AND FINANCE
SUBJECT: HERZOG LAMENTS TIMING OF SECURITY CRISES ON
TOURISM INDUSTRY""",
        ["ECON", "ETRD", "PREL", "PGOV", "PTER", "KWBG", "JO", "IS", "ECONOMY", "AND", "FINANCE"],
    ),
    case(
        "03ROME2045-repeated-and-glued",
        """E.O. 12958: DECL: 05/12/2013 
TAGS: PREL MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT IZ IZPREL IZPREL IZPREL IZPREL IZPREL IRAQI FREEDOM



SUBJECT: RE""",
        ["PREL", "MARR", "MOPS", "IT", "IZ", "IRAQI", "FREEDOM"],
    ),
    case(
        "05ROME3585-free-text",
        """TAGS: PREL PGOV CVIS IT ITALY NATIONAL ELECTIONS ITALIAN POLITICS IRAQI FREEDOM
SUBJECT:""",
        [
            "PREL",
            "PGOV",
            "CVIS",
            "IT",
            "ITALY",
            "NATIONAL",
            "ELECTIONS",
            "ITALIAN",
            "POLITICS",
            "IRAQI",
            "FREEDOM",
        ],
    ),
    case(
        "collection-of-odd-tags",
        "TAGS: DOMESTIC POLITICS MASSMNUC KNNPMNUC MEETINGS WITH AMBASSADOR NEW ZEALAND "
        "ROOD JOHN CROS GERARD ZANU-PF COUNTRY CLEARANCE",
        [
            "DOMESTIC",
            "POLITICS",
            "MASS",
            "MNUC",
            "KNNP",
            "MEETINGS",
            "WITH",
            "AMBASSADOR",
            "NEW",
            "ZEALAND",
            "ROOD",
            "JOHN",
            "CROS",
            "GERARD",
            "ZANU-PF",
            "COUNTRY",
            "CLEARANCE",
        ],
    ),
    case(
        "09LONDON2499-two-lines-subject-inline",
        """E.O. 12958: DECL: 09/22/2019 
TAGS: PREL PGOV KPAL ETRD KNNP PARM SENV MARR MNUC
ECON, PHUM, RS, IS, IR, GG, AF, UK SUBJECT: MILIBAND'S RUSSIA TRIP AIMS TO MOVE BILATERAL RELATIONSHIP FORWARD  REF: LONDON DAILY 11/3/09  Classified By: Deputy Chief of Mission Richard LeBaron, reasons 1.4 (b,d).  """,
        [
            "PREL",
            "PGOV",
            "KPAL",
            "ETRD",
            "KNNP",
            "PARM",
            "SENV",
            "MARR",
            "MNUC",
            "ECON",
            "PHUM",
            "RS",
            "IS",
            "IR",
            "GG",
            "AF",
            "UK",
        ],
    ),
    case(
        "05OTTAWA3726-sipdis-not-a-tag",
        """E.O. 12958: N/A 
TAGS: ECON ETRD PGOV CA MX SIPDIS
SUBJECT: TRILATERAL REGULATORY COOPERATION MEETING UNDER 
SPP: INFORMATION SHARING """,
        ["ECON", "ETRD", "PGOV", "CA", "MX"],
    ),
    case(
        "07KUWAIT624-free-text-two-lines",
        """E.O. 12958: N/A 
TAGS: OREP AMGT ASEC AFIN GM IZ IC KU COUNTRY
CLEARANCE 
SUBJECT: KUWAIT GRANTS COUNTRY CLEARANCE FOR CODEL BOND 
(MAY 3-7) """,
        ["OREP", "AMGT", "ASEC", "AFIN", "GM", "IZ", "IC", "KU", "COUNTRY", "CLEARANCE"],
    ),
    case(
        "05PANAMA1818-free-text",
        "TAGS: PGOV PREL PM POL FOREIGN POL",
        ["PGOV", "PREL", "PM", "POL", "FOREIGN"],
    ),
    case(
        "05PANAMA388-free-text",
        "TAGS: PGOV PREL PM POLITICS FOREIGN POLICY POL FOREIGN POL",
        ["PGOV", "PREL", "PM", "POLITICS", "FOREIGN", "POLICY", "POL"],
    ),
    case(
        "06TELAVIV344-free-text",
        "TAGS: IS KMDR MEDIA REACTION REPORT",
        ["IS", "KMDR", "MEDIA", "REACTION", "REPORT"],
    ),
    case(
        "05ISTANBUL329-free-text",
        "TAGS: TU BO MD PHUM KCRM PGOV KJUS TIP IN TURKEY",
        ["TU", "BO", "MD", "PHUM", "KCRM", "PGOV", "KJUS", "TIP", "IN", "TURKEY"],
    ),
    case(
        "09BAMAKO504-web-text-links",
        "E.O. 12958: DECL: 01/13/2019  \nTAGS: [PGOV](#) [PINS](#) [PINR](#) [PREL](#) [PTER](#) "
        "[ML](#)  \nSUBJECT: MALI FINDS NEW ALLIES AGAINST AQIM\n",
        ["PGOV", "PINS", "PINR", "PREL", "PTER", "ML"],
    ),
    case(
        "madrid-weekly-second-line-without-comma",
        """E.O. 12958: N/A
TAGS: ECON EFIN ELAB ETRD KIPR PTER SOCI TBIO SP
EINV
SUBJECT: MADRID WEEKLY ECON/AG/COMMERCIAL UPDATE - NOVEMBER
12-16

""",
        ["ECON", "EFIN", "ELAB", "ETRD", "KIPR", "PTER", "SOCI", "TBIO", "SP", "EINV"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), unique_ids(TAG_CASES))
def test_tags(text, expected):
    assert parse_tags(text) == expected


# ---------------------------------------------------------------------------
# SUBJECT
# Expected: the subject with its lines joined, runs of spaces collapsed, a
# leading paragraph marking such as ``(S)`` or ``(U)`` removed, and the text
# that follows on the same line (``REF:``, ``Classified By:``) left out.
# ---------------------------------------------------------------------------

SUBJECT_CASES = [
    case(
        "single-line-after-literal-backslash-n",
        "TAGS: TAG TAG2\\nSUBJECT:  SINGLE LINE SUBJECT \n\nREF: REF 1",
        "SINGLE LINE SUBJECT",
    ),
    case(
        "two-lines",
        "TAGS: TAG TAG2\\nSUBJECT: SUBJECT WHICH HAS a \nSECOND LINE \n\nREF: REF 1",
        "SUBJECT WHICH HAS a SECOND LINE",
    ),
    case(
        "ref-on-next-line",
        "SUBJECT: SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES \nREF: A. RIYADH 1579  "
        "B. RIYADH 1408  C. RIYADH 1298\n",
        "SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES",
    ),
    case(
        "ref-on-next-line-no-trailing-space",
        "SUBJECT: SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES\nREF: A. RIYADH 1579  "
        "B. RIYADH 1408  C. RIYADH 1298\n",
        "SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES",
    ),
    case(
        "ref-without-colon-on-next-line",
        "SUBJECT: SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES\nREF A. RIYADH 1579  "
        "B. RIYADH 1408  C. RIYADH 1298\n",
        "SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES",
    ),
    case(
        "label-without-colon",
        "SUBJECT SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES\nREF A. RIYADH 1579  "
        "B. RIYADH 1408  C. RIYADH 1298\n",
        "SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES",
    ),
    case("one-word", "SUBJECT: NEGOTIATIONS \n \n", "NEGOTIATIONS"),
    case(
        "classified-by-on-next-line",
        "SUBJECT: A CAUCASUS WEDDING \nClassified By: Deputy Chief of Mission Daniel A. "
        "Russell. Reason 1.4 ( b, d)",
        "A CAUCASUS WEDDING",
    ),
    case(
        "subj-label-mixed-case",
        "SUBJ: GUINEA - U.S./French Meeting with President Compaore \n\nClassified by "
        "Charge d'Affaires",
        "GUINEA - U.S./French Meeting with President Compaore",
    ),
    case(
        "two-lines-classified-by-upper",
        "SUBJECT: UAE FM DISCUSSES TALIBAN FINANCIAL FLOWS AND REINTEGRATION \nWITH AMB. "
        "HOLBROOKE AND TREASURY A/S COHEN\nCLASSIFIED BY: Richard",
        "UAE FM DISCUSSES TALIBAN FINANCIAL FLOWS AND REINTEGRATION WITH AMB. HOLBROOKE AND "
        "TREASURY A/S COHEN",
    ),
    case(
        "66BUENOSAIRES2481",
        "SUBJECT:  EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS \n\nREF: STATE 106206 "
        "CIRCULAR; STATE CA-3400 NOV 2, 1966",
        "EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS",
    ),
    case(
        "classification-marker-removed",
        "SUBJECT: (S) GERMANY TAKING ACTION ON SHIPMENT OF ...",
        "GERMANY TAKING ACTION ON SHIPMENT OF ...",
    ),
    case(
        "04ANKARA348-lowercase-inline",
        "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. "
        "Erdogan goes to washington: how strong a leader in the face of strong challenges?"
        "\n\n(U) Classifi",
        "turkish p.m. Erdogan goes to washington: how strong a leader in the face of strong "
        "challenges?",
    ),
    case(
        "section-break-after",
        "SUBJECT: PART 3 OF 3:  THE LIFE AND TIMES OF SOUTH AFRICA'S \nNEW PRESIDENT\n"
        "PRETORIA 00000954 001.2 OF 004\n",
        "PART 3 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA'S NEW PRESIDENT",
    ),
    case(
        "dashes-after",
        "SUBJECT: ZIM NOTES 11-09-2009 \n----------- \n1. SUMMARY\n----------- \n",
        "ZIM NOTES 11-09-2009",
    ),
    case(
        "two-lines-blank-after",
        "TAGS: PGOV EINV INRB GM\nSUBJECT: GERMANY/BAVARIA: CSU HOPES FOR FRESH START WITH "
        "NEW AND\nYOUNGER FACES IN CABINETAND A DYNAMIC SECRETARY GENERAL \n\n",
        "GERMANY/BAVARIA: CSU HOPES FOR FRESH START WITH NEW AND YOUNGER FACES IN CABINETAND "
        "A DYNAMIC SECRETARY GENERAL",
    ),
    case(
        "mixed-case-sentence-after",
        "TAGS ENRG, EUN, ECON, EIND, KGHG, SENV, SW\nSUBJECT: SWEDISH DEPUTY PM URGES SENIOR "
        "USG VISITS TO SWEDEN DURING\nEU PRESIDENCY; WANTS TO LAUNCH U.S.-EU ALERNATIVE "
        "ENERGY PARTNERSHIP AT U.S.-EU SUMMIT\nThis is an Action request. Please see para 2.\n",
        "SWEDISH DEPUTY PM URGES SENIOR USG VISITS TO SWEDEN DURING EU PRESIDENCY; WANTS TO "
        "LAUNCH U.S.-EU ALERNATIVE ENERGY PARTNERSHIP AT U.S.-EU SUMMIT",
    ),
    case(
        "corrected-copy-subject-line",
        "C O R R E C T E D COPY//SUBJECT LINE//////////////////////////////////\n\nNOFORN\n"
        "SIPDIS\n\nEO 12958 DECL: 07/09/2018\nTAGS PREL, PTER, MOPS, IR, PK, AF, CA\n\n"
        "SUBJECT: COUNSELOR, CSIS DIRECTOR DISCUSS CT THREATS,\nPAKISTAN, AFGHANISTAN, IRAN\n"
        "REF: A. OTTAWA 360 B. OTTAWA 808 C. OTTAWA 850 D. OTTAWA 878\n"
        "OTTAWA 00000918 001.2 OF 003\n",
        "COUNSELOR, CSIS DIRECTOR DISCUSS CT THREATS, PAKISTAN, AFGHANISTAN, IRAN",
    ),
    case(
        "marker-removed-numbered-paragraph-after",
        "TAGS OVIP (CLINTON, HILLARY), PGOV, PREL, KDEV, ECON,\nNL, IS, SR\nSUBJECT: (U) "
        "Secretary Clinton's July 14 conversation\nwith Dutch Foreign Minister Verhagen\n"
        "1. Classified by Bureau Assistant Secretary Philip H. Gordon. Reason: 1.4 (d)\n"
        "2. (U) July 14; 2:45 p.m.; Washington, DC.\n3. (SBU) Participants:\n",
        "Secretary Clinton's July 14 conversation with Dutch Foreign Minister Verhagen",
    ),
    case(
        "08RIODEJANEIRO165-refs-inline",
        "TAGS: ECON EINV ENRG PGOV PBTS MARR BR\n\nSUBJECT: AMBASSADOR SOBEL MEETS WITH KEY "
        "ENERGY ENTITIES IN RIO Ref(s): A) 08 RIO DE JAN 138; B) 08 RIO DE JAN 0044 and "
        "previous Sensitive But Unclassified - Please handle accordingly. This message has "
        "been approved by Ambassador Sobel. ",
        "AMBASSADOR SOBEL MEETS WITH KEY ENERGY ENTITIES IN RIO",
    ),
    case(
        "classified-by-inline",
        "SUBJECT: BRAZIL: BLACKOUT -CAUSES AND IMPLICATIONS Classified By: Charge d'Affaires "
        "Cherie Jackson, Reasons 1.4 (b) and (d). REFTELS: A) 2008 BRASILIA 672, B) 2008 "
        "BRASILIA 593, C)2008 SAO PAULO 260\n",
        "BRAZIL: BLACKOUT -CAUSES AND IMPLICATIONS",
    ),
    case(
        "numbered-paragraph-after",
        "SUBJECT: MEMBERS OF CONGRESS DISCUSS BONUSES, BAIL-OUTS AND\nOTHER REFORM MEASURES "
        "WITH UK OFFICIALS\n1. (SBU) Summary. Bonuses, regulatory structures",
        "MEMBERS OF CONGRESS DISCUSS BONUSES, BAIL-OUTS AND OTHER REFORM MEASURES WITH UK "
        "OFFICIALS",
    ),
    case(
        "exclamation-mark",
        "SUBJECT: AARGH! SWEDISH PIRATES SET SAIL FOR BRUSSELS\n1. Summary and Comment: Sweden",
        "AARGH! SWEDISH PIRATES SET SAIL FOR BRUSSELS",
    ),
    case(
        "summary-paragraph-after",
        "SUBJECT: EU JHA INFORMAL MINISTERIAL\n1. Summary. EU Justice and Home...",
        "EU JHA INFORMAL MINISTERIAL",
    ),
    case(
        "06SAOPAULO276-ref-inline",
        "\nSUBJECT: CARDINAL HUMMES DISCUSSES LULA GOVERNMENT, THE OPPOSITION, AND FTAA REF: "
        "(A) 05 SAO PAULO 405; (B) 05 SAO PAULO 402 (C) 02 BRASILIA 2670",
        "CARDINAL HUMMES DISCUSSES LULA GOVERNMENT, THE OPPOSITION, AND FTAA",
    ),
    case(
        "06BRASILIA882-ref-inline",
        "SUBJECT: ENERGY INSTALLATIONS REF: BRASILIA 861",
        "ENERGY INSTALLATIONS",
    ),
    case(
        "08MOSCOW864-ref-inline",
        "TAGS: EPET ENRG ECON PREL PGOV RS\nSUBJECT: WHAT'S BEHIND THE RAIDS ON TNK-BP AND BP "
        "REF: A. MOSCOW 816 B. MOSCOW 768 C. 07 MOSCOW 3054 Classified By: Ambassador William "
        "J. Burns for Reasons 1.4 (b/d)\n",
        "WHAT'S BEHIND THE RAIDS ON TNK-BP AND BP",
    ),
    case(
        "08TRIPOLI266-ref-inline",
        "SUBJECT: GOL DELAYS RELEASING DETAINED HUMAN RIGHTS ACTIVIST FATHI EL-JAHMI REF: A) "
        "TRIPOLI 223, B) TRIPOLI 229 \n",
        "GOL DELAYS RELEASING DETAINED HUMAN RIGHTS ACTIVIST FATHI EL-JAHMI",
    ),
    case(
        "05BRASILIA1839-refs-inline",
        """E.O. 12958: N/A 
TAGS: EAIR EINV
SUBJECT: BRAZIL - NEXT STEPS FOR VARIG UNCLEAR REFS: (A) BRASILIA 1608, (B) BRASILIA 1631, (C) BRASILIA 1566 

1. (SBU) Summary.
""",
        "BRAZIL - NEXT STEPS FOR VARIG UNCLEAR",
    ),
    case(
        "05BRASILIA2806-refs-inline-question-mark",
        """CAROLYN COLDREN FAA MIAMI FOR MARK RIOS 
E.O. 12958: N/A 
TAGS: EAIR EINV PGOV ETRD
SUBJECT: BRAZILIAN GOVERNMENT INTERVENES IN VARIG - TOO LITTLE, TOO LATE? REFS: (A) BRASILIA 1839, (B) BRASILIA 1608, (C) BRASILIA 1566 

1. (SBU) Summary.""",
        "BRAZILIAN GOVERNMENT INTERVENES IN VARIG - TOO LITTLE, TOO LATE?",
    ),
    case(
        "05TASHKENT284-refs-next-line",
        """TAGS ECON PREL PINR UZ 
SUBJECT: GULNORA INC. STRIKES AGAIN 
REFS: A) 04 TASHKENT 3390 B) 04 TASHKENT 2574 and previous

CLASSIFIED BY AMB. JON R. PURNELL, FOR REASONS 1.4 (B, D)

1. (C) """,
        "GULNORA INC. STRIKES AGAIN",
    ),
    case(
        "09BAMAKO504-web-text",
        "[PGOV](#) [PINS](#) [PINR](#) [PREL](#) [PTER](#) [ML](#)\n\nSUBJECT: MALI FINDS NEW "
        "ALLIES AGAINST AQIM\n\nREF: A. BAMAKO 445\n",
        "MALI FINDS NEW ALLIES AGAINST AQIM",
    ),
    case("no-subject", "TAGS: PREL PGOV\n\n1. (C) Summary: nothing here.", None),
]


@pytest.mark.parametrize(("text", "expected"), unique_ids(SUBJECT_CASES))
def test_subject(text, expected):
    assert parse_subject(text) == expected


# ---------------------------------------------------------------------------
# REF
# Expected: canonical ids of the referenced cables, in text order.  A
# reference without a year takes the year of the cable; e-mails, telcons,
# reports, books and military messages are not cable references and are left
# out.  Post names are canonical (``SECSTATE`` -> ``STATE``, ``RIO DE JAN`` ->
# ``RIODEJANEIRO``, ``HK`` -> ``HONGKONG``, ``UNVIE`` -> ``UNVIEVIENNA``).
# ---------------------------------------------------------------------------

REFERENCE_CASES = [
    ref(
        "07TBILISI1732",
        "\nREF: A. TBILISI 1605  B. TBILISI 1352  C. TBILISI 1100  D. 06 TBILISI 2601  "
        "E. 06 TBILISI 2590  F. 06 TBILISI 2425  G. 06 TBILISI 2390  H. 06 TBILISI 1532  "
        "I. 06 STATE 80908  J. 06 TBILISI 1064  K. 06 TBILISI 0619  L. 06 TBILISI 0397  "
        "M. 06 MOSCOW 0546  N. 06 TBILISI 0140  O. 05 TBILISI 3171",
        2007,
        [
            "07TBILISI1605",
            "07TBILISI1352",
            "07TBILISI1100",
            "06TBILISI2601",
            "06TBILISI2590",
            "06TBILISI2425",
            "06TBILISI2390",
            "06TBILISI1532",
            "06STATE80908",
            "06TBILISI1064",
            "06TBILISI619",
            "06TBILISI397",
            "06MOSCOW546",
            "06TBILISI140",
            "05TBILISI3171",
        ],
    ),
    ref(
        "08PARIS1698-intelligence-reports-skipped",
        """
REF: A. PARIS 1501
B. PARIS 1568
C. HOTR WASHINGTON DC//USDAO PARIS (SUBJ: IIR 6 832
0617 08)
D. HOTR WASHINGTON DC//USDAO PARIS (SUBJ: IIR 6 832
0626 08) """,
        2008,
        ["08PARIS1501", "08PARIS1568"],
    ),
    ref(
        "08PARIS1501-two-digit-years",
        "\nREF: A. 05 PARIS 5459 \nB. 06 PARIS 5733",
        2008,
        ["05PARIS5459", "06PARIS5733"],
    ),
    ref(
        "07TALLINN375-email-skipped",
        "\nREF: A) TALLINN 366 B) LEE-GOLDSTEIN EMAIL 05/11/07 \nB) TALLINN 347 ",
        2007,
        ["07TALLINN366", "07TALLINN347"],
    ),
    ref(
        "07TRIPOLI943-semicolons",
        "\nREF: A) STATE 135205; B) STATE 127608; C) JOHNSON-STEVENS/GODFREY E-MAIL 10/15/07; "
        "D) TRIPOLI 797; E) TRIPOLI 723 AND PREVIOUS",
        2007,
        ["07STATE135205", "07STATE127608", "07TRIPOLI797", "07TRIPOLI723"],
    ),
    ref("07STATE156011-two-word-post", "  REF: LA PAZ 2974", 2007, ["07LAPAZ2974"]),
    ref("07STATE156011-leading-newline", "\nREF: LA PAZ 2974", 2007, ["07LAPAZ2974"]),
    ref(
        "05PARIS7835-double-marker", "\nREF: A. (A) PARIS 7682 AND PREVIOUS ", 2005, ["05PARIS7682"]
    ),
    ref(
        "05PARIS7835-daily-report-skipped",
        "\nREF: A. (A) PARIS 7682 AND PREVIOUS \n\nB. (B) EMBASSY PARIS DAILY REPORT FOR "
        "OCTOBER 28 - \nNOVEMBER 16 (PARIS SIPRNET SITE) \nC. (C) PARIS 7527 ",
        2005,
        ["05PARIS7682", "05PARIS7527"],
    ),
    ref(
        "09MADRID869-osc-reports-skipped",
        "\nSUBJECT: UPDATES IN SPAIN’S INVESTIGATIONS OF RUSSIAN MAFIA \nREF: A. OSC "
        "EUP20080707950031  B. OSC EUP20081019950022  C. OSC EUP20090608178005  D. MADRID 286  "
        "E. OSC EUP20050620950076  F. OSC EUP20080708950049  G. OSC EUP20081029950032  "
        "H. OSC EUP 20061127123001\nMADRID 00000869 001.2 OF 004\n",
        2009,
        ["09MADRID286"],
    ),
    ref(
        "07STATE152317-parenthesised-markers",
        "\nREF: (A)STATE 071143, (B)STATE 073601, (C)STATE 72896, (D)BEIJING \n5361, "
        "(E) STATE 148514",
        2007,
        ["07STATE71143", "07STATE73601", "07STATE72896", "07BEIJING5361", "07STATE148514"],
    ),
    ref(
        "08MANAGUA573-four-digit-years",
        "\nREF: A. MANAGUA 520 \nB. MANAGUA 500 \nC. MANAGUA 443 \nD. MANAGUA 340 \n"
        "E. MANAGUA 325 \nF. MANAGUA 289 \nG. MANAGUA 263 \nH. MANAGUA 130 \n"
        "I. 2007 MANAGUA 2135 \nJ. 2007 MANAGUA 1730 \nK. 2007 MANAGUA 964 \n"
        "L. 2006 MANAGUA 2611 ",
        2008,
        [
            "08MANAGUA520",
            "08MANAGUA500",
            "08MANAGUA443",
            "08MANAGUA340",
            "08MANAGUA325",
            "08MANAGUA289",
            "08MANAGUA263",
            "08MANAGUA130",
            "07MANAGUA2135",
            "07MANAGUA1730",
            "07MANAGUA964",
            "06MANAGUA2611",
        ],
    ),
    ref(
        "66BUENOSAIRES2481-airgram-skipped",
        "\n REF: STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966 ",
        1966,
        ["66STATE106206"],
    ),
    ref(
        "04MADRID4063-email-only",
        "\nREF: EMBASSY MADRID E-MAIL TO EUR/WE OF OCTOBER 14\n",
        2004,
        [],
    ),
    ref(
        "08RIYADH1134-secstate",
        "\nREF: A. SECSTATE 74879 \n     B. RIYADH 43 \n",
        2008,
        ["08STATE74879", "08RIYADH43"],
    ),
    ref(
        "08RIODEJANEIRO165-refs-label-abbreviated-post",
        "TAGS: ECON EINV ENRG PGOV PBTS MARR BR\n\nSUBJECT: AMBASSADOR SOBEL MEETS WITH KEY "
        "ENERGY ENTITIES IN RIO Ref(s): A) 08 RIO DE JAN 138; B) 08 RIO DE JAN 0044 and "
        "previous Sensitive But Unclassified - Please handle accordingly. This message has "
        "been approved by Ambassador Sobel. ",
        2008,
        ["08RIODEJANEIRO138", "08RIODEJANEIRO44"],
    ),
    ref(
        "08BRASILIA806-double-markers",
        "\nREF: A. A) SECSTATE 54183 B. B) 07 BRASILIA 1868 C. C) STATE 57700 D. 07 STATE "
        "17940 Classified By: DCM Phillip Chicola, Reason 1.5 (d) ",
        2008,
        ["08STATE54183", "07BRASILIA1868", "08STATE57700", "07STATE17940"],
    ),
    ref(
        "08BRASILIA806-program-ref",
        "\nPROGRAM REF: A. A) SECSTATE 54183 B. B) 07 BRASILIA 1868 C. C) STATE 57700 D. 07 "
        "STATE 17940 Classified By: DCM Phillip Chicola, Reason 1.5 (d) ",
        2008,
        ["08STATE54183", "07BRASILIA1868", "08STATE57700", "07STATE17940"],
    ),
    ref(
        "06SAOPAULO276-ref-after-subject",
        "\nCARDINAL HUMMES DISCUSSES LULA GOVERNMENT, THE OPPOSITION, AND FTAA REF: (A) 05 SAO "
        "PAULO 405; (B) 05 SAO PAULO 402 (C) 02 BRASILIA 2670",
        2006,
        ["05SAOPAULO405", "05SAOPAULO402", "02BRASILIA2670"],
    ),
    ref(
        "08BERLIN1387-secdef-msg-skipped",
        "\nREF: A. BERLIN 1045\nB. SECDEF MSG DTG 301601z SEP 08",
        2008,
        ["08BERLIN1045"],
    ),
    ref(
        "09NAIROBI1938-spaced-classification-after",
        "\nREF: A. 08 STATE 81854\n\n\nS e c r e t nairobi 001938",
        2009,
        ["08STATE81854"],
    ),
    ref(
        "02ROME1196-page-break-inside",
        "\nREF: A. STATE 40721\n CONFIDENTIAL\\nPAGE 02 ROME 01196 01 OF 02 082030Z  "
        "B. ROME 1098  C. ROME 894  D. MYRIAD POST-DEPARTMENT E-MAILS FROM 10/01-02/02  "
        "E. ROME 348\nCLASSIFIED BY: POL",
        2002,
        ["02STATE40721", "02ROME1098", "02ROME894", "02ROME348"],
    ),
    ref(
        "10TRIPOLI167",
        "\nREF: TRIPOLI 115\n\n1.(SBU) This is an action request; please see para 4.\n\n",
        2010,
        ["10TRIPOLI115"],
    ),
    ref(
        "06BRASILIA882-ref-after-subject",
        "SUBJECT: ENERGY INSTALLATIONS REF: BRASILIA 861",
        2006,
        ["06BRASILIA861"],
    ),
    ref(
        "08MOSCOW864-ref-inline",
        "TAGS: EPET ENRG ECON PREL PGOV RS\nSUBJECT: WHAT'S BEHIND THE RAIDS ON TNK-BP AND BP "
        "REF: A. MOSCOW 816 B. MOSCOW 768 C. 07 MOSCOW 3054 Classified By: Ambassador William "
        "J. Burns for Reasons 1.4 (b/d)\n",
        2008,
        ["08MOSCOW816", "08MOSCOW768", "07MOSCOW3054"],
    ),
    ref(
        "08TRIPOLI402-section-marker-not-a-ref",
        "REF: A) TRIPOLI 199, B) TRIPOLI 227 TRIPOLI 00000402 \n\n001.2 OF 003 ",
        2008,
        ["08TRIPOLI199", "08TRIPOLI227"],
        reference_id="08TRIPOLI402",
    ),
    ref(
        "08LONDON2627-secdef-dtg-and-phone-numbers",
        """
E.O. 12958: N/A TAGS: AMGT

SUBJECT: UK COUNTRY CLEARANCE IS GRANTED TO STAMILIO, LTC DODSON AND LTCOL HAVRANEK REF: SECDEF R162245Z OCT 08

1.Embassy London is pleased to grant country clearance to Mr. Mark Stamilio, LTCOL John Havranek, and LTC James Dodson to visit London October 19-20 to attend working level meetings on ISAF detention policies and practices.

2. ---------------- Visit Officer ---------------- 

XXXXXXXXXXXX If calling from within the UK replace 44 with 0, if calling from landline to landline within London, dial only the last eight digits.

3. Confirmed reservations are held for Stamilio, Havranek and Dodson at Marriott Grosvernor Square.The rate is within per diem. The confirmation number are: Stamilio - 84274267, Havranek, 84274449, and Dodson, 84274523. London Marriott Grosvenor Square, Grosvenor Square, London W1A 4AW. Telephone number is (44)(0)20 7493-1232 Fax number is (44)(0)20 7491-3201.

4.Carry
""",
        2008,
        [],
    ),
    ref(
        "08BRASILIA429-osd-report-skipped",
        """
SUBJECT: THOUGHTS ON THE VISIT OF DEFENSE MINISTER JOBIM TO WASHINGTON 

REF: A. A) BRASILIA 236 B. B) OSD REPORT DTG 251847Z MAR 08 C. C) BRASILIA 175 
Classified By: Ambassador Clifford Sobel. 
Reason: 1.5 d 
""",
        2008,
        ["08BRASILIA236", "08BRASILIA175"],
    ),
    ref(
        "09PARIS1039-paris-points-skipped",
        """
SUBJECT: FRANCE’S POSITION ON NUCLEAR ISSUES IN THE RUN-UP 
TO THE NPT REVCON

REF: A. PARIS POINTS JULY 15  B. PARIS POINTS JULY 6  C. PARIS POINTS APRIL 10  D. PARIS 1025

Classified By:
""",
        2009,
        ["09PARIS1025"],
    ),
    ref(
        "08BERLIN1387-pilcrow",
        """
SUBJECT: GERMANY: BUNDESTAG SET TO RENEW A BEEFED-UP ISAF
MANDATE AND A SCALED-DOWN OEF COUNTERPART

REF: A. BERLIN 1045 
¶B. SECDEF MSG DTG 301601z SEP 08

Classified By: CHARGE D'AFFAIRES""",
        2008,
        ["08BERLIN1045"],
    ),
    ref(
        "08STATE15220-lower-case-long-list",
        """
Subject: (s) further scheming by german firm to export
test chamber to iranian ballistic missile program

Ref: a. 05 state 201650

B. 05 berlin 3726
c. 05 state 211408
d. 05 berlin 3954
e. 06 state 36325
f. 06 berlin 674
g. 06 state 62278
h. 06 berlin 1123
i. 06 state 70328
j. 06 berlin 1229
k. 06 berlin 1550
l. Mtcr poc 201/2006 - may 16 2006
m. 07 state 75839
n. 07 berlin 1137
o. 07 state 108420
p. 07 berlin 002163
q. 07 state 166482
r. 07 berlin 2216

Classified By: ISN/MTR DIRECTOR PAM DURHAM
for reasons 1.4 (b), (d).
""",
        2008,
        [
            "05STATE201650",
            "05BERLIN3726",
            "05STATE211408",
            "05BERLIN3954",
            "06STATE36325",
            "06BERLIN674",
            "06STATE62278",
            "06BERLIN1123",
            "06STATE70328",
            "06BERLIN1229",
            "06BERLIN1550",
            "07STATE75839",
            "07BERLIN1137",
            "07STATE108420",
            "07BERLIN2163",
            "07STATE166482",
            "07BERLIN2216",
        ],
    ),
    ref(
        "09PARIS504-several-posts",
        """SUBJECT: DRC/ROC/NIGER: FRENCH PRESIDENCY'S READOUT OF 
SARKOZY'S MARCH 26-27 VISITS 

REF: A. PARIS 399 
B. KINSHASA 291 
C. BRAZZAVILLE 101 
D. NIAMEY 234 
E. 08 PARIS 1501 
F. 08 PARIS 1568 
G. 08 PARIS 1698 

Classified By: Political Minister-Counselor Kathleen Allegrone, 1.4 (b/ 
d). """,
        2009,
        [
            "09PARIS399",
            "09KINSHASA291",
            "09BRAZZAVILLE101",
            "09NIAMEY234",
            "08PARIS1501",
            "08PARIS1568",
            "08PARIS1698",
        ],
    ),
    ref(
        "10THEHAGUE114-two-word-post",
        """SUBJECT: NETHERLANDS/AFGHANISTAN: A REDUCED ROLE LIKELY BUT
DETAILS WILL NOT COME QUICKLY
REF: A. THE HAGUE 109
B. THE HAGUE 108
C. THE HAGUE 097
D. 09 THE HAGUE 759
Classified By: Deput""",
        2010,
        ["10THEHAGUE109", "10THEHAGUE108", "10THEHAGUE97", "09THEHAGUE759"],
    ),
    ref(
        "03THEHAGUE2597-emails-only",
        """REF: A. RICHARD-WITMER EMAIL 10/9 

B. WITMER-HOLLIDAY EMAILS 9-22 THRU 10-7 """,
        2003,
        [],
    ),
    ref(
        "10STATE16220-long-list-with-section-break",
        """SUBJECT: IRISL'S UNINSURED FLEET AND EVASIVE ACTIONS NECESSITATE DENIAL OF PORT ENTRY WORLDWIDE 

REF A) LONDON 002351 B) STATE 069339 C) STATE 094723 D) STATE 104496 E) STATE 108151 F) HAMILTON 00014 G) STATE 125339 H) STATE 1760 I) STATE 52348 J) STATE 121818 K) STATE 115243 L) STATE 90303 STATE 00016220 001.2 OF 005 M) STATE 7877 N) SINGAPORE 00083 O) UNSCR 1737 SANCTIONS COMMITTEE IMPLEMENTATION ASSISTANCE NOTICE- 24 JULY 2009 P) UNSCR 1737 SANCTIONS COMMITTEE IMPLEMENTATION ASSISTANCE NOTICE- 20 JANUARY 2010

1. (U) This""",
        2010,
        [
            "10LONDON2351",
            "10STATE69339",
            "10STATE94723",
            "10STATE104496",
            "10STATE108151",
            "10HAMILTON14",
            "10STATE125339",
            "10STATE1760",
            "10STATE52348",
            "10STATE121818",
            "10STATE115243",
            "10STATE90303",
            "10STATE7877",
            "10SINGAPORE83",
        ],
        reference_id="10STATE16220",
    ),
    ref(
        "10CAIRO177-secdef-and-iir",
        """
SUBJECT: Sinai Update: Counter Smuggling and Floods 
 
REF: SECDEF 122723; CAIRO IIR 6 899 0149 10; 2009 CAIRO 2394 
2009 CAIRO 491 

CLASSIFIED BY:""",
        2010,
        ["10SECDEF122723", "09CAIRO2394", "09CAIRO491"],
    ),
    ref(
        "08LONDON1991-ref-glued-to-subject",
        "SUBJECT: (C/NF) WHO WOULD REPLACE GORDON BROWN AS UK PRIMEREF: A. LONDON 1939  "
        "B. LONDON 1704",
        2008,
        ["08LONDON1939", "08LONDON1704"],
    ),
    ref(
        "06CAIRO941-ref-glued-to-subject",
        "SUBJECT: FBI DIRECTOR MUELLER’S VISIT TO EGYPTREF: CAIRO 493\n\nClassified by DCM Stua",
        2006,
        ["06CAIRO493"],
    ),
    ref(
        "04BRASILIA445-mixed-case-refs-label",
        """E.O. 12958: N/A 
TAGS: KIPR ECON ETRD KCRM PGOV BR IPR

SUBJECT: BRAZIL - 2004 SPECIAL 301 RESPONSE 

Refs: A) State 29549 
B) Sao Paulo 276 
C) Rio de Janeiro 128 
D) Brasilia 313 
E) Brasilia 222 
F) Brasilia 202 
G) 2003 Sao Paulo 2199 
H) 2003 Brasilia 3868 
I) 2003 Brasilia 3138 
J) 2003 Brasilia 3122 
K) 2003 Brasilia 2943 
L) 2003 Sao Paulo 1186 
""",
        2004,
        [
            "04STATE29549",
            "04SAOPAULO276",
            "04RIODEJANEIRO128",
            "04BRASILIA313",
            "04BRASILIA222",
            "04BRASILIA202",
            "03SAOPAULO2199",
            "03BRASILIA3868",
            "03BRASILIA3138",
            "03BRASILIA3122",
            "03BRASILIA2943",
            "03SAOPAULO1186",
        ],
    ),
    ref(
        "06SAOPAULO532-mixed-case-posts",
        """
E.O. 12958: N/A TAGS: PGOV PHUM KCRM SOCI SNAR ASEC BR

REF: (A) Sao Paulo 526; 
(B) Sao Paulo 319; 
(C) Sao Paulo 42; 
(D) 05 Sao Paulo 975 

SENSITIVE BUT UNCLASSIFIED
""",
        2006,
        ["06SAOPAULO526", "06SAOPAULO319", "06SAOPAULO42", "05SAOPAULO975"],
    ),
    ref(
        "08LIMA480-leading-zeros",
        """
E.O. 12958:DECL: 03/18/2018   TAGS: PGOV PREL PINR PE

REF: A. LIMA 0389        
B. LIMA 3853        
C. LIMA 0390      

Classified By: 
""",
        2008,
        ["08LIMA389", "08LIMA3853", "08LIMA390"],
    ),
    ref(
        "08MANAMA117-truncated-subject-label",
        """
UBJECT: BAHRAIN WILL FORMALLY REQUEST QATAR TO EXECUTE LEGAL JUDGMENT AGAINST KHALIFA AL SUBAIE REF: A. A) MANAMA 20 
B. B) 2/22/08 GRAY-ERELI E-MAIL 

Classified By""",
        2008,
        ["08MANAMA20"],
    ),
    ref(
        "08MANAMA492-misspelt-classified-by-after",
        """SUBJECT: BAHRAIN SEEKS IOM'S ASSISTANCE TO COBAT TIP 
 
REF: A. MANAMA 165 B. MANAMA 320 C. MANAMA 363 D. MANAMA 486 Classiied By: CDA Chr""",
        2008,
        ["08MANAMA165", "08MANAMA320", "08MANAMA363", "08MANAMA486"],
    ),
    ref(
        "06GENEVA1673-backslash-line-ends",
        r"""TAGS: PHUM UNHRC
SUBJECT: HRC: SPECIAL SESSION ON PALESTINE \
 \
REF: A. A) BERN 1253 \
 \
     B. B) GENEVA 1633 \
 \
Classified By: Pol""",
        2006,
        ["06BERN1253", "06GENEVA1633"],
    ),
    ref(
        "10UNESCOPARISFR197-usunesco",
        """SUBJECT: HAITI EARTHQUAKE:  DISCUSSION WITH UNESCO DIRECTOR-GENERAL 
 
REF: (A) USUNESCO PARIS FR 000087, (B) USUNESCO PARIS FR 00187 
 
1.  Ambassador [...]""",
        2010,
        ["10UNESCOPARISFR87", "10UNESCOPARISFR187"],
    ),
    ref(
        "08UNESCOPARISFR2202-paris-fr",
        """SUBJECT: UNESCO DIRECTOR GENERAL SUCCESSION:  CONVERSATIONS WITH 
MEXICO, SWEDEN, BRAZIL, FRANCE, AND TURKEY 
 
REF: (A) PARIS FR 2144 
     (B) PARIS FR 2153 
 
Classified by Amb[...]""",
        2008,
        ["08UNESCOPARISFR2144", "08UNESCOPARISFR2153"],
    ),
    ref(
        "10UNESCOPARISFR187-unesco-paris-fr",
        """SUBJECT: HAITI EARTHQUAKE:  UNESCO MEETING ON SAVING HAITI'S 
HERITAGE 
 
REF: UNESCO PARIS FR 000087 

1. Summary. UNESCO, """,
        2010,
        ["10UNESCOPARISFR87"],
    ),
    ref(
        "unvie-single",
        """SUBJECT: AUSTRIAN AMBASSADOR TO IRAN DESCRIBES ELECTIONS AS 
DRIVING TEHRAN ENVIRONMENT 
 
REF: UNVIE 544 
 
Classified By: DCM""",
        2010,
        ["10UNVIEVIENNA544"],
    ),
    ref(
        "09UNVIEVIENNA322-notal",
        """SUBJECT: IAEA LEADERSHIP TEAM TRANSITION AND U.S. INFLUENCE 
IN THE AGENCY 
 
REF: A. UNVIE 148 
     B. UNVIE 102 (NOTAL) 
     C. UNVIE 089 
     D. UNVIE 076 
 
Classified By:""",
        2009,
        ["09UNVIEVIENNA148", "09UNVIEVIENNA102", "09UNVIEVIENNA89", "09UNVIEVIENNA76"],
    ),
    ref(
        "09UNVIEVIENNA540-embassy-vienna",
        """SUBJECT: STAFFDEL KESSLER EXAMINES IRAN, SYRIA, AND 
MULTILATERAL VIENNA’S FRUSTRATING NAM DYNAMIC
REF: EMBASSY VIENNA 1450
Classified By: Mark""",
        2009,
        ["09VIENNA1450"],
    ),
    ref(
        "08BRASILIA672-colon-markers",
        """SUBJECT: SOURCES OF GENERATION - ELECTRICITY SERIES #2 
 
SENSITIVE BUT UNCLASSIFED--PLEASE PROTECT ACCORDINGLY 
 
REF: A: Sao Paulo 0031; B: La Paz 0462; C: 06 Sao Paulo 1059 D: 
Brasilia 00593; E: Sao Paulo  F: Rio 0091 
 
 
1.(U)SUMMARY: As""",
        2008,
        ["08SAOPAULO31", "08LAPAZ462", "06SAOPAULO1059", "08BRASILIA593", "08RIODEJANEIRO91"],
    ),
    ref(
        "04RIODEJANEIRO1105-number-on-next-line",
        """SUBJECT: BRZAIL'S MINAS GERAIS:  PT INCUMBENT COULD 
WIN A TIGHT RACE IN BRAZIL'S THIRD CITY 
 
Refs:  (A) Rio de Janeiro 00190  (B) Rio de Janeiro 
 
00723  (C) Brasilia 01392 
 
1.  (U)  SUMMARY""",
        2004,
        ["04RIODEJANEIRO190", "04RIODEJANEIRO723", "04BRASILIA1392"],
    ),
    ref(
        "05RIODEJANEIRO19-four-digit-year",
        """SUBJECT:  Brazil - Bahia State Growing Faster but Interior 
Still a Problem 
 
Ref:  2003 Rio de Janeiro 1773 
 
Summary 
------- """,
        2005,
        ["03RIODEJANEIRO1773"],
    ),
    ref(
        "05RIODEJANEIRO1120-reftel-label",
        """SUBJECT: MINAS GERAIS:  THE VIEW FROM BELO HORIZONTE 
 
Reftel:  Rio de Janeiro 1118 
 
SUMMARY 
------- """,
        2005,
        ["05RIODEJANEIRO1118"],
    ),
    ref(
        "08RIODEJANEIRO135-number-on-next-line",
        """SUBJECT: Petrobras Delays Some Subsalt Tests Due to Equipment 
Shortage 
 
REF: A) RIO DE JANEIRO 91, B) RIO DE JANEIRO 35, C) 07 SAO PAULO 
0953 
 
1. Summary. """,
        2008,
        ["08RIODEJANEIRO91", "08RIODEJANEIRO35", "07SAOPAULO953"],
    ),
    ref(
        "09RIODEJANEIRO357-rio",
        """SUBJECT: (C) WAR BY ANY OTHER NAME: RIO'S "INTERNAL ARMED CONFLICT" 

REF: A. (A) RIO 329 
¶B. (B) RIO 346 Classified By: Principal Officer Dennis W. Hearne for reasons 1.4 (b, d ) 

¶1. (C) Summary: Rio Principal""",
        2009,
        ["09RIODEJANEIRO329", "09RIODEJANEIRO346"],
    ),
    ref(
        "05BOGOTA3726-indented-pilcrows",
        """SUBJECT: PEACE PROCESS WITH ELN STALLS
 
REF: A. BOGOTA 1775
 
     ¶B. BOGOTA 3422
     ¶C. CARACAS 0951
 
Classified By: Ambassador Willia""",
        2005,
        ["05BOGOTA1775", "05BOGOTA3422", "05CARACAS951"],
    ),
    ref(
        "09CAIRO2205-ref-after-subject",
        """POSTS FOR FRAUD PREVENTION UNITS E.O. 12958: N/A TAGS: KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG

SUBJECT: BLIND COPTIC GIRLS' CHOIR USED FOR ALIEN SMUGGLING REF: CAIRO 2178

1.(SBU) Summary:""",
        2009,
        ["09CAIRO2178"],
    ),
    ref(
        "09BERLIN1116-after-tags",
        """E.O. 12958: DECL: 09/10/2034 TAGS: ETTC PGOV PINR MCAP PREL TSPAM JP FR SP UK
REF: A. BERLIN 1080 B. BERLIN 1049 C. BERLIN 765 D. BERLIN 601 E. BERLIN 561 F. BERLIN 181 G. 08 BERLIN 1575

Classified By: Global Affairs""",
        2009,
        [
            "09BERLIN1080",
            "09BERLIN1049",
            "09BERLIN765",
            "09BERLIN601",
            "09BERLIN561",
            "09BERLIN181",
            "08BERLIN1575",
        ],
    ),
    ref(
        "09SAOPAULO558-year-in-parentheses-after",
        """E.O. 12958: N/A 
TAGS: PINR PGOV PREL SNAR BR AVERY
SUBJECT: WHAT HAPPENED TO THE PCC? 
 
REF: A. ASUNCION 701 (08) 
     ¶B. ASUNCION 338 (07) 
     ¶C. INCSR BRAZIL 2008 
     ¶D. SAO PAULO 228 (08) 
     ¶E. SAO PAULO 66 (08) 
     ¶F. SAO PAULO 873 (07) 
     ¶G. SAO PAULO 447 (07) 
     ¶H. SAO PAULO 975 (06) 
     ¶I. SAO PAULO 526 (06) 
     ¶J. SAO PAULO 319 (06) 
 
¶1.  (SBU) Summary: For thre""",
        2009,
        [
            "08ASUNCION701",
            "07ASUNCION338",
            "08SAOPAULO228",
            "08SAOPAULO66",
            "07SAOPAULO873",
            "07SAOPAULO447",
            "06SAOPAULO975",
            "06SAOPAULO526",
            "06SAOPAULO319",
        ],
    ),
    ref(
        "07KINGSTON393-notal-and-hyphenated-post",
        """SUBJECT: JAMAICA/VENEZUELA: OPPOSITION LEADER DEEPLY 
CONCERNED OVER CHAVEZ'S INFLUENCE 
 
REF: A. KINGSTON 89 (NOTAL) 
     ¶B. KINGSTON 215 (NOTAL) 
     ¶C. 06 KINGSTON 2021 (NOTAL) 
     ¶D. KINGSTON 342 (NOTAL) 
     ¶E. PORT-OF-SPAIN 220 (NOTAL) 
 
Classified By: Ambassador Brenda""",
        2007,
        ["07KINGSTON89", "07KINGSTON215", "06KINGSTON2021", "07KINGSTON342", "07PORTOFSPAIN220"],
    ),
    ref(
        "08TRIPOLI564-section-marker-not-a-ref",
        """
RESIGN SOON 
 
REF: TRIPOLI 227  TRIPOLI 00000564  001.2 OF 002   CLASSIFIED BY: Chris Stevens, CDA, U.S. Embassy - Tripoli, Dept of State. REASON: 1.4 (b), (d) 1. (S/NF)
""",
        2008,
        ["08TRIPOLI227"],
        reference_id="08TRIPOLI564",
    ),
    ref(
        "08TRIPOLI494-no-ref",
        """
E.O. 12958: DECL:  6/18/2018 
TAGS: PGOV PREL PHUM PINR LY
SUBJECT: JOURNALIST JAILED FOR CRITICIZING GOVERNMENT'S 
POORLY-COORDINATED DEVELOPMENT PROJECTS  CLASSIFIED BY: Chris Stevens, CDA, U.S. Embassy Tripoli, Dept of State. REASON: 1.4 (b), (d) 1. (C) Summary:  A respected [...]""",
        2008,
        [],
        reference_id="08TRIPOLI494",
    ),
    ref(
        "08TRIPOLI574-classified-by-inline",
        """
SUBJECT: U.K. VISIT TO RABTA CHEMICAL WEAPONS PRODUCTION FACILITY 
 
REF: TRIPOLI 466  CLASSIFIED BY: John T. Godfrey, CDA, U.S. Embassy - Tripoli, Dept of State. REASON: 1.4 (b), (d) 1. (C) Summary: T [...]
""",
        2008,
        ["08TRIPOLI466"],
        reference_id="08TRIPOLI574",
    ),
    ref(
        "08TRIPOLI466-ref-after-subject",
        """
TAGS: PARM PREL CWC OPCW CBW CH JA IT LY
SUBJECT: CHEMICAL WEAPONS CONVENTION (CWC): CONVERSION OF THE RABTA CHEMICAL WEAPONS PRODUCTION FACILITY  REF: A) STATE 58476, B) THE HAGUE 482, C) TRIPOLI 119  CLASSIFIED BY: Chris Stevens, CDA, U.S. Embassy Tripoli, Dept of State. REASON: 1.4 (b), (d) 1. (C) Summary:  The""",
        2008,
        ["08STATE58476", "08THEHAGUE482", "08TRIPOLI119"],
        reference_id="08TRIPOLI466",
    ),
    # References of other kinds (e-mails, telcons, books, reports) are left out.
    ref("09DUBLIN524-email-only", "REF: LAKHDHIR E-MAIL 12/01/09 ", 2009, []),
    ref("08DUBLIN382-email-only", "REF: INGALLS (S/CT) E-MAIL OF 04/15/2008 ", 2008, []),
    ref(
        "09LONDON2697-ref-inside-markers",
        "REF: A. REF A STATE 122214 B. REF B LONDON 2649 C. REF C LONDON 2638 ",
        2009,
        ["09STATE122214", "09LONDON2649", "09LONDON2638"],
    ),
    ref(
        "04BRASILIA2863-and-number",
        "REF: A. BRASILIA 2799 AND 2764 ¶B. PORT AU PRINCE 2325 ",
        2004,
        ["04BRASILIA2799", "04BRASILIA2764", "04PORTAUPRINCE2325"],
    ),
    ref("09SAOPAULO332-fam-book", "Ref: 9 FAM Appendix K, 406 (6)", 2009, []),
    ref(
        "10SANAA317-telcon-and-email",
        """SUBJECT: (S/NF) SPIKE IN NATIONAL SECURITY-RELATED ARREST
CASES STRAINS POST,S RESOURCES

REF: A. SANAA 71
¶B. SANAA 151
¶C. SANAA 173
¶D. SANAA 230
¶E. SANAA 289
¶F. 09 SANAA 720
¶G. SANAA 202
¶H. MITCHELL/SIMS TELCON 02/16/2010
¶I. MITCHELL/SIMS EMAIL 02/16/2010
¶J. SANAA 214

Classified By: Ambassador
""",
        2010,
        [
            "10SANAA71",
            "10SANAA151",
            "10SANAA173",
            "10SANAA230",
            "10SANAA289",
            "09SANAA720",
            "10SANAA202",
            "10SANAA214",
        ],
    ),
    ref(
        "86BRASILIA13835-refs-label",
        """SUBJECT:  THE BRAZILIAN CONNECTION WITH IRAN AND 
THE CONTRAS 
 
REFS: (A)BRASILIA 13511, (B)BRASILIA 4799 
 
1.  (U)""",
        1986,
        ["86BRASILIA13511", "86BRASILIA4799"],
    ),
    ref("09CAIRO2390-emails-only", "REF: E-mails J. Speaks-K. Allen ", 2009, []),
    # Beyond the letters: the second bare serial after ``State`` is read as a
    # second STATE cable of the same year, as an analyst would read it.
    ref(
        "05OTTAWA2105-bracket-markers-and-second-number",
        "Ref: [A] State 188314, 259032, [B] Ottawa 2285 ",
        2005,
        ["05STATE188314", "05STATE259032", "05OTTAWA2285"],
    ),
    ref(
        "mixed-email-between-cables",
        "REF: 08 STATE 1234; E-Mail Tralala; 05 STATE 1234; 06 STATE 1234",
        2008,
        ["08STATE1234", "05STATE1234", "06STATE1234"],
    ),
    ref(
        "mixed-email-first",
        "REF: E-Mail Tralala; 05 STATE 1234; 06 STATE 1234",
        2008,
        ["05STATE1234", "06STATE1234"],
    ),
    ref(
        "mixed-email-last",
        "REF: 05 STATE 1234; 06 STATE 1234; E-Mail Tralala ",
        2008,
        ["05STATE1234", "06STATE1234"],
    ),
    ref(
        "03COLOMBO2183-dash-continuation",
        """Refs:  (A) State 348254 
-      (B) State 348253 -      (C) Colombo 2179, and previous """,
        2003,
        ["03STATE348254", "03STATE348253", "03COLOMBO2179"],
    ),
    ref(
        "04BRASILIA2680-post-split-over-lines",
        """REF:   A) BRASILIA 2605, B) BRASILIA 2447, C) RIO 
 
DE JANEIRO 1291 """,
        2004,
        ["04BRASILIA2605", "04BRASILIA2447", "04RIODEJANEIRO1291"],
    ),
    ref(
        "05PANAMA555-report-skipped",
        """REF: A. 04 STATE 273089 
     ¶B. 04 PANAMA 02153 
     ¶C. PANAMA 00338 
     ¶D. 04 PANAMA 00548 
     ¶E. 04 PANAMA 00148 
     ¶F. 2004 HUMAN RIGHTS REPORT FOR PANAMA 
     ¶G. PANAMA 00390 
     ¶H. 04 PANAMA 02589 
     ¶I. PANAMA 00088 
     ¶J. 04 PANAMA 02613 """,
        2005,
        [
            "04STATE273089",
            "04PANAMA2153",
            "05PANAMA338",
            "04PANAMA548",
            "04PANAMA148",
            "05PANAMA390",
            "04PANAMA2589",
            "05PANAMA88",
            "04PANAMA2613",
        ],
    ),
    ref(
        "04BRASILIA1635-space-before-colon",
        """REFS :  (A) 03 Brasilia 3939 
 
        (B) 03 Brasilia 3867 
        (C) 03 Brasilia 3347 
        (D) 03 Brasilia 1192 """,
        2004,
        ["03BRASILIA3939", "03BRASILIA3867", "03BRASILIA3347", "03BRASILIA1192"],
    ),
    ref(
        "05BRASILIA1466-telegrams-and-reports-skipped",
        """REF: A. STATE 43965 
     ¶B. BRASILIA 1207 
     ¶C. BRASILIA 1035 
     ¶D. BRASILIA 1017 
     ¶E. BRASILIA 660 
     ¶F. BRASILIA 415 
     ¶G. BRASILIA 223 
     ¶H. USDEL SECRETARY TELEGRAMS 000005/000007/00004 
     ¶I. (S/NF) TD-314/21795-05 11 APRIL 2005 
     ¶J. (S/NF) TD-314/21753-05 11 APRIL2005. """,
        2005,
        [
            "05STATE43965",
            "05BRASILIA1207",
            "05BRASILIA1035",
            "05BRASILIA1017",
            "05BRASILIA660",
            "05BRASILIA415",
            "05BRASILIA223",
        ],
    ),
    ref(
        "03KATHMANDU2366-repeated-label",
        """SUBJECT: NEPAL:  AMBASSADOR RELAYS CONCERNS ABOUT 
ACTIVITIES OF INDIAN INTELLIGENCE AGENTS 
 
REF: A. REF: KATHMANDU 2282 
     ¶B. KATHMANDU 2298 

Classified By: AM""",
        2003,
        ["03KATHMANDU2282", "03KATHMANDU2298"],
    ),
    ref(
        "10TRIPOLI116-section-marker-not-a-ref",
        """TAGS: PGOV EPET ECON LY EFIN

SUBJECT: SHOKRI GHANEM OUTLINES PLANS FOR LIBYA'S NATIONAL OIL CORPORATION REF: 09 TRIPOLI 862 TRIPOLI 00000116 001.2 OF 003 CLASSIFIED BY: Gene Cretz, Ambassador, U.S. Embassy Tripoli, U.S. Department of State. REASON: 1.4 (b), (d)

¶1. (C)""",
        2010,
        ["09TRIPOLI862"],
    ),
    ref(
        "05TAIPEI4305-ref-inside-label",
        """E.O. 12958:N/A 
TAGS: EWWT ETRD ECON TW
SUBJECT: Port of Kaohsiung Sixth Container Terminal Faces 
New Obstacles 
 
Ref:  Ref A) Taipei 3393 B) Taipei 03793 C) Taipei 03856 D) 
 
Taipei 03196 E) Taipei 03197 F) Taipei 03525 
 
1. (U) """,
        2005,
        [
            "05TAIPEI3393",
            "05TAIPEI3793",
            "05TAIPEI3856",
            "05TAIPEI3196",
            "05TAIPEI3197",
            "05TAIPEI3525",
        ],
    ),
    ref(
        "07HONGKONG2339-hk-and-usdoc",
        """REF: A) USDOC 06988 B) EXP.LIC. D328589 C) HK 
03591 D) HK 07053 E) HK 04648 """,
        2007,
        ["07USDOC6988", "07HONGKONG3591", "07HONGKONG7053", "07HONGKONG4648"],
    ),
    ref(
        "07HONGKONG2480-glued-hk",
        "REF: A) USDOC 05667 B)HK05511 ",
        2007,
        ["07USDOC5667", "07HONGKONG5511"],
    ),
    ref(
        "02HARARE81-year-in-parentheses",
        """REFS: A) STATE (01) 201265, B) STATE (01) 213042,C) 
 
STATE 02034 
""",
        2002,
        ["01STATE201265", "01STATE213042", "02STATE2034"],
    ),
    ref(
        "09BAMAKO504-web-text-marker",
        "SUBJECT: MALI FINDS NEW ALLIES AGAINST AQIM\n\nREF: A. BAMAKO 445  \n[1](#)B. BAMAKO 460"
        "\n\nClassified By: Deputy Chief of Mission Peter Henry Barlerin, Embassy Bamako,  \n",
        2009,
        ["09BAMAKO445", "09BAMAKO460"],
        reference_id="09BAMAKO504",
    ),
    ref(
        "07HANOI73-ho-chi-minh-city",
        "REF: A) HO CHI MINH 10 B) 06 HCMC 1497 AND PREVIOUS ",
        2007,
        ["07HOCHIMINHCITY10", "06HOCHIMINHCITY1497"],
    ),
]


@pytest.mark.parametrize(("text", "year", "reference_id", "expected"), unique_ids(REFERENCE_CASES))
def test_references(text, year, reference_id, expected):
    assert parse_references(text, year, reference_id) == expected


# ---------------------------------------------------------------------------
# E.O. 12958 DECL
# Expected: the declassification date; ``None`` for ``N/A``, ``OADR`` and
# events instead of dates.  Two-digit years are 20YY.
# ---------------------------------------------------------------------------

DECLASSIFY_ON_CASES = [
    case(
        "02BRASILIA4227-office-before",
        "DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012 ",
        dt.date(2012, 11, 22),
    ),
    case("year-first", "EO 12958 DECL: 2020/02/23", dt.date(2020, 2, 23)),
    case("month-day-year", "E.O. 12958: DECL: 11/03/2015", dt.date(2015, 11, 3)),
    case("eo-without-dots", "EO 12958 DECL: 12/31/2034", dt.date(2034, 12, 31)),
    case("no-colon-after-number", "E.O. 12958 DECL: 12/31/2034", dt.date(2034, 12, 31)),
    case("lower-case", "E.o. 12958: decl: 07/01/2034", dt.date(2034, 7, 1)),
    case(
        "04ANKARA348-inline-with-tags",
        "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. Erdogan "
        "goes to washington: how strong a leader in the face of strong challenges?\n"
        "(U) Classifi",
        dt.date(2014, 1, 7),
    ),
    case("eo-colon-lower-decl", "EO 12958: decl: 12/31/2034", dt.date(2034, 12, 31)),
    case("short-month-two-digit-year", "EO 12958: decl: 6/30/08", dt.date(2008, 6, 30)),
    case("short-month-short-day", "EO 12958: decl: 6/3/08", dt.date(2008, 6, 3)),
    case("two-digit-year", "EO 12958: decl: 06/30/08", dt.date(2008, 6, 30)),
    case("not-applicable", "E.O. 12958: N/A", None),
    # Excerpts of cables in the shared sample.
    case(
        "09BAMAKO504-seed",
        "SIPDIS\n\nE.O. 12958: DECL: 01/13/2019  \nTAGS: [PGOV](#) [PINS](#)",
        dt.date(2019, 1, 13),
    ),
    case("09BOGOTA3035-year-first", "E.O. 12958: DECL: 2019/09/22", dt.date(2019, 9, 22)),
    case("09KAMPALA1399-year-first-no-dots", "EO 12958 DECL: 2019/12/17", dt.date(2019, 12, 17)),
    case("06BAKU1835-one-digit-month", "E.O. 12958: DECL: 2/19/2016", dt.date(2016, 2, 19)),
    case("09TRIPOLI65-two-spaces", "EO 12958 DECL:  1/28/2019", dt.date(2019, 1, 28)),
    case("07DUBAI355-one-digit-day", "E.O. 12958: DECL:  6/3/2017", dt.date(2017, 6, 3)),
    case(
        "00HARARE6677-two-digit-year-with-tags",
        "E.O. 12958: DECL: 11/29/10 TAGS: PGOV PREL ECON PINR ZI SA",
        dt.date(2010, 11, 29),
    ),
    case("07TRIPOLI943-far-future", "E.O. 12958: DECL: 11/6/2032", dt.date(2032, 11, 6)),
    case("90CAPETOWN97-oadr", "E.O. 12356:  DECL:  OADR", None),
    case("89PANAMA8545-oadr-no-spaces", "E.O.12356: DECL:OADR", None),
    case("06BELGRADE1681-event", "EO 12958 DECL: CLOSURE OF ICTY", None),
    case("09MOSCOW1108-event", "E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION", None),
    case("09STATE67105-mr", "E.O. 12958: DECL: MR", None),
    case("09STATE93327-two-digit-year", "E.O. 12958: DECL: 09/03/15", dt.date(2015, 9, 3)),
    case("09BEIJING2964-lower-decl", "E.O. 12958: decl: 09/29/2029", dt.date(2029, 9, 29)),
    case("09TALLINN114-two-spaces-no-colon", "E.O. 12958  DECL: 04/27/2019", dt.date(2019, 4, 27)),
    case("09BRASILIA1383-three-digit-month", "E.O. 12958: DECL: 011/2/2019", dt.date(2019, 11, 2)),
    case("09NAIROBI2497-lower-year-first", "E.o. 12958: decl: 2019/12/16", dt.date(2019, 12, 16)),
    case(
        "10ABUDHABI9-year-first-with-tags",
        "E.O. 12958: DECL: 2035/01/07 TAGS: ECON PTER KTFN AE AF EFIN",
        dt.date(2035, 1, 7),
    ),
    case("10PARIS170-misnumbered-order", "E.O. 12598  DECL: 02/12/20", dt.date(2020, 2, 12)),
    case("10TRIPOLI115", "E.O. 12958 DECL:  2/11/2020", dt.date(2020, 2, 11)),
    case(
        "10MOSCOW228-one-line-front-matter",
        "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000228  SIPDIS  STATE FOR EUR/RUS, "
        "EEB TREASURY FOR TORGERSON/WRIGHT NSC FOR MCFAUL WHITE HOUSE FOR USTR EHAFNER  "
        "E.O. 12958: DECL: 01/28/2020",
        dt.date(2020, 1, 28),
    ),
    case("no-decl-line", "TAGS: PREL PGOV\nSUBJECT: NOTHING TO DECLASSIFY\n", None),
]


@pytest.mark.parametrize(("text", "expected"), unique_ids(DECLASSIFY_ON_CASES))
def test_declassify_on(text, expected):
    assert parse_declassify_on(text) == expected


# ---------------------------------------------------------------------------
# Classified By
# Expected: the names of the classifying officials as the text writes them
# (case and spelling kept), without titles, offices and reasons.
# ---------------------------------------------------------------------------

CLASSIFIED_BY_CASES = [
    case(
        "10TOKYO397",
        "FIELD\n\nREF: STATE 015541\n\nClassified By: Acting Deputy Chief of Mission Marc Wall "
        "for Reasons 1.4\n (b) and (d)\n\n¶1. (C) SUM",
        ["Marc Wall"],
    ),
    case(
        "10GENEVA249-name-first",
        "REF: 10 GENEVA 231 (SFO-GVA-VIII-088) CLASSIFIED BY: Rose E. Gottemoeller, Assistant "
        "Secretary, Department of State, VCI; REASON: 1.4(B), (D) ",
        ["Rose E. Gottemoeller"],
    ),
    case(
        "10GENEVA247-name-first",
        "REF: 10 GENEVA 245 (SFO-GVA-VIII-086) CLASSIFIED BY: Rose E. Gottemoeller, Assistant "
        "Secretary, Department of State, VCI; REASON: 1.4(B), (D) ¶1. (U) This ",
        ["Rose E. Gottemoeller"],
    ),
    case(
        "10UNVIEVIENNA77",
        "\\nClassified By: Ambassador Glyn T. Davies for reasons 1.4 b and d ",
        ["Glyn T. Davies"],
    ),
    case(
        "10WARSAW117-initial-first",
        "\\nClassified By: Political Counselor F. Daniel Sainz for Reasons 1.4 (b) and (d) ",
        ["F. Daniel Sainz"],
    ),
    case(
        "10STATE16019-name-first",
        "\\nClassified By: Karin L. Look, Acting ASSISTANT SECRETARY, VCI. Reason: 1.4 (b) "
        "and (d).",
        ["Karin L. Look"],
    ),
    case(
        "10LILONGWE59-name-first",
        "\\nCLASSIFIED BY: Bodde Peter, Ambassador; REASON: 1.4(B) ",
        ["Bodde Peter"],
    ),
    case(
        "95ZAGREB4339-in-first-paragraph",
        "\n1.  (U)  CLASSIFIED BY ROBERT P. FINN, DEPUTY CHIEF OF\nMISSION.  REASON: 1.5 (D)\n ",
        ["ROBERT P. FINN"],
    ),
    case(
        "95DAMASCUS5748-name-on-next-line",
        "SUBJECT:  HAFIZ AL-ASAD: LAST DEFENDER OF ARABS\n\n1. CONFIDENTIAL - ENTIRE TEXT.  "
        "CLASSIFIED BY:\nCHRISTOPHER W.S. ROSS, AMBASSADOR.  REASON: 1.5 (D) .\n\n2. SUMMAR",
        ["CHRISTOPHER W.S. ROSS"],
    ),
    case(
        "95TELAVIV17504-no-name",
        "\n1.  CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY SECTION 1.5 (B)\nAND (D).  NIACT "
        "PRECEDENCE BECAUSE OF GOVERNMENT CRISIS IN\nISRAEL.\n\n2.  SU",
        [],
    ),
    case(
        "95RIYADH5221-dcm",
        "\n1.  CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY DCM\nTHEODORE KATTOUF - 1.5 B,D.\n\n"
        "2.  (C)",
        ["THEODORE KATTOUF"],
    ),
    case(
        "96ADDISABABA1545-poloff",
        "\n1.  (U)  CLASSIFIED BY POLOFF JEFFREY JACOBS, 1.5 (D).\n\n2.  (C)",
        ["JEFFREY JACOBS"],
    ),
    case(
        "96AMMAN2094-charge",
        "\n1. (U)  CLASSIFIED BY CHARGE ROBERT BEECROFT; REASON 1.5 (D).\n\n2. (C) ",
        ["ROBERT BEECROFT"],
    ),
    case(
        "96STATE86789-office-dash",
        "\n1.  CLASSIFIED BY AF/C - MARY BETH LEONARD, REASON 1.5\n(D). ",
        ["MARY BETH LEONARD"],
    ),
    case(
        "96NAIROBI6573-ambassador-to",
        "\n1.  CLASSIFIED BY AMBASSADOR TO SUDAN TIMOTHY CARNEY.\nREASON 1.5(D).\n ",
        ["TIMOTHY CARNEY"],
    ),
    case(
        "96RIYADH2406-cda",
        "SUBJECT:  CROWN PRINCE ABDULLAH THE DIPLOMAT\n\n1.  (U) CLASSIFIED BY CDA THEODORE "
        "KATTOUF, REASON 1.5.D.\n\n2. ",
        ["THEODORE KATTOUF"],
    ),
    case(
        "96RIYADH2696-name-over-two-lines",
        "\n1.  (U)  CLASSIFIED BY CHARGE D'AFFAIRES THEODORE\nKATTOUF: 1.5 B, D.\n ",
        ["THEODORE KATTOUF"],
    ),
    case(
        "96ISLAMABAD5972-jr",
        "\n1.  (U) CLASSIFIED BY THOMAS W. SIMONS, JR., AMBASSADOR.\nREASON:  1.5 (B), (C) AND "
        "(D).\n ",
        ["THOMAS W. SIMONS, JR."],
    ),
    case(
        "96STATE183372-zero-for-o",
        " \n1.  (U) CLASSIFIED BY LEE 0. COLDREN, DIRECTOR, SA/PAB, \nDEPARTMENT OF STATE. "
        "REASON: 1.5(D). \n ",
        ["LEE 0. COLDREN"],
    ),
    case(
        "96ASHGABAT2612",
        " \n1.  (U) CLASSIFIED BY CHARGE TATIANA C. GFOELLER. \nREASON:  1.5 D. \n ",
        ["TATIANA C. GFOELLER"],
    ),
    case(
        "96BOGOTA8773-office-with-period",
        " \n1.  CLASSIFIED BY POL/ECONOFF. S.K. ABEYTA.  REASON:  1.5(D) \n ",
        ["S.K. ABEYTA"],
    ),
    case(
        "96STATE194868-jr-long-title",
        " \n1.   (U) CLASSIFIED BY E. GIBSON LANPHER, JR., ACTING \nASSISTANT SECRETARY OF "
        "STATE FOR SOUTH ASIAN AFFAIRS, \nDEPARTMENT OF STATE. REASON: 1.5(D). \n ",
        ["E. GIBSON LANPHER, JR."],
    ),
    case(
        "96JAKARTA7841",
        " \n1.  (U) CLASSIFIED BY POL COUNSELOR ED MCWILLIAMS; \nREASON 1.5(D) \n ",
        ["ED MCWILLIAMS"],
    ),
    case(
        "96JERUSALEM3094-consul-general-jr",
        " \n1.  CLASSIFIED BY CONSUL GENERAL EDWARD G. ABINGTON, JR.  REASON \n1.5 (B) AND "
        "(D). \n ",
        ["EDWARD G. ABINGTON, JR."],
    ),
    case(
        "96BOGOTA10967",
        " \n1.  (U)  CLASSIFIED BY POL/ECONOFF S.K. ABEYTA.  REASON 1.5(D). \n ",
        ["S.K. ABEYTA"],
    ),
    case(
        "04MUSCAT2112-iii",
        " \nClassified By: Ambassador Richard L. Baltimore, III. \nReasons: 1.4 (b) and (d). \n ",
        ["Richard L. Baltimore, III"],
    ),
    case(
        "05OTTAWA1975-hyphenated",
        " \nClassified By: Pol/Mil Officer Patricia Kim-Scott.  Reason E.O. 12958, \n1.4 (b) "
        "and (d). \n ",
        ["Patricia Kim-Scott"],
    ),
    case(
        "05BOGOTA6208-semicolon",
        " \nClassified By: Ambassador William B. Wood; reasons 1.4 \n(b) and (d) \n ",
        ["William B. Wood"],
    ),
    case(
        "05TAIPEI2839-ait-director",
        " \nClassified By: AIT Director Douglas Paal, Reason(s): 1.4 (B/D). \n ",
        ["Douglas Paal"],
    ),
    case(
        "05DHAKA3073-initials",
        " \nClassified By: A/DCM D.C. McCullough, reason para 1.4 (b) \n ",
        ["D.C. McCullough"],
    ),
    case(
        "09NAIROBI1132-short-surname",
        " \nClassified By: Pol/Econ Officer Jessica Davis Ba for reasons 1.4(b) and \n (d) \n ",
        ["Jessica Davis Ba"],
    ),
    case(
        "08ROME1541-classified-by-twice",
        " \nClassified By: Classified by DCM Liz Dibble for reasons 1.4 (b) and \n(d). \n ",
        ["Liz Dibble"],
    ),
    case(
        "06BAGHDAD2082-escaped-apostrophe",
        r""" 
Classified By: CHARGE D\'AFFAIRES DANIEL SPECKHARD FOR REASONS 1.4 (A), 
(B) AND (D) 
 """,
        ["DANIEL SPECKHARD"],
    ),
    case(
        "05ANKARA4653-marking-before-title",
        " \nClassified By: (U) CDA Nancy McEldowney; E.O. 12958, reasons 1.4 (b,d) \n ",
        ["Nancy McEldowney"],
    ),
    case(
        "05QUITO2057-econ",
        " \nClassified By: ECON LARRY L. MEMMOTT, REASONS 1.4 (B,D) \n ",
        ["LARRY L. MEMMOTT"],
    ),
    case(
        "06HONGKONG3559-reasons-split",
        " \nCLASSIFIED BY: ACTING DEPUTY PRINCIPAL OFFICER LAURENT CHARBONNET.  REA \nSONS: 1.4 "
        "(B,D) \n ",
        ["LAURENT CHARBONNET"],
    ),
    case(
        "09BAGHDAD791-charge-d-space-affairs",
        " \nClassified By: Charge d' Affairs Patricia Butenis for reasons 1.4 (b) a \nnd (d) \n ",
        ["Patricia Butenis"],
    ),
    case(
        "06OSLO19-charge-ai",
        " \nClassified By: Charge d'Affaires a.i. Christopher W. Webster, \nreason 1.4 (b) and "
        "(d) \n ",
        ["Christopher W. Webster"],
    ),
    case(
        "08BEIJING3386-reasons-split",
        " \nClassified By: Political Section Minister Counselor Aubrey Carlson.  Re \nasons 1.4 "
        "(b/d). \n ",
        ["Aubrey Carlson"],
    ),
    case(
        "09MOSCOW2393-reasons-split",
        " \nClassified By: Political Minister Counselor Susan M. Elliott for reason \ns:  1.4 (b), "
        "(d). \n ",
        ["Susan M. Elliott"],
    ),
    case(
        "10BRUSSELS66-reason-split",
        " \nClassified By: Political Minister-Counselor Christopher R. Davis for re \nason 1.4 "
        "(b/d) \n ",
        ["Christopher R. Davis"],
    ),
    case(
        "06BEIJING22125-title-split",
        " \nClassified By: (C) CLASSIFIED BY MINISTER COUNSELOR FOR ECONOMIC AFFAIR \nS ROBERT "
        "LUKE; REASON 1.4 (B) AND (D). \n ",
        ["ROBERT LUKE"],
    ),
    case(
        "07CAIRO622-title-over-two-lines",
        " \nClassified by:  Minister Counselor for Economic and \nPolitical Affairs William R. "
        "Stewart for reasons 1.4(b) and \n(d). \n ",
        ["William R. Stewart"],
    ),
    case(
        "07BAGHDAD1188-charge-affaires",
        " \nClassified By: Charge Affaires Daniel Speckhard.  Reasons: 1.4 (b) and \n(d). \n ",
        ["Daniel Speckhard"],
    ),
    case(
        "08PARIS1131-econcouns",
        " \nClassified By: ECONCOUNS STUART DWYER FOR REASONS 1.4 B AND D \n ",
        ["STUART DWYER"],
    ),
    case(
        "08ATHENS985-for-without-reasons",
        " \nClassified By: A/Political Counselor Jeff Hovenier for \n1.4 (b) and (d) \n ",
        ["Jeff Hovenier"],
    ),
    case(
        "09BEIJING2690-this-message-classified-by",
        " \nClassified By: This message classified by Econ Minister Counselor \nWilliam "
        "Weinstein for reasons 1.4 (b), (d) and (e). \n ",
        ["William Weinstein"],
    ),
    case(
        "06VILNIUS945",
        " \nClassified By: Political and Economic Section Chief Rebecca Dunham for \nreasons 1.4 "
        "(b) and (d) \n ",
        ["Rebecca Dunham"],
    ),
    case(
        "07BAGHDAD2781-prt-team-leader",
        " \nClassified By: Kirkuk PRT Team Leader Howard Keegan for reason 1.4 (b) \nand(d). \n ",
        ["Howard Keegan"],
    ),
    case(
        "09HARARE864-charge-ai",
        " \nClassified By: Charge d'affaires, a.i. Donald Petterson for reason 1.4 \n(b). \n ",
        ["Donald Petterson"],
    ),
    case(
        "04MANAMA525-charge-de-affaires",
        " \nClassified By: Charge de Affaires Robert S. Ford for reasons \n1.4 (b) and (d). \n ",
        ["Robert S. Ford"],
    ),
    case(
        "08STATE56778-name-on-next-line",
        " \nClassified By: ISN Acting Assistant Secretary \nPatricia A. McNerney, Reasons 1.4 b, "
        "c, and d \n ",
        ["Patricia A. McNerney"],
    ),
    case(
        "07BRUSSELS1462-useu",
        " \nClassified By: USEU Political Minister Counselor Larry Wohlers \nfor reasons 1.4 (b) "
        "and (d). \n ",
        ["Larry Wohlers"],
    ),
    case(
        "09KABUL2261-name-split",
        " \nClassified By: Interagency Provincial Affairs Deputy Coordinator Hoyt Y \nee for "
        "reasons 1.4 (b) and (d) \n ",
        ["Hoyt Yee"],
    ),
    case(
        "09KABUL1233-name-over-two-lines",
        " \nClassified By: PRT and Sub-National Governance Acting Director Patricia \n A "
        "McNerney for reasons 1.4 (b) and (d) \n ",
        ["Patricia A McNerney"],
    ),
    case(
        "09BRUSSELS1288-reasons-split-by-blank-line",
        " \nClassified By: CLASSIFIED BY USEU MCOUNSELOR CHRISTOPHER DAVIS, FOR REA \n \nSONS "
        "1.4 (B) AND (D) \n ",
        ["CHRISTOPHER DAVIS"],
    ),
    case(
        "06TAIPEI3165-ait-dir",
        " \nClassified By: Classified by AIT DIR Stephen M. Young. \nReasons:  1.4 b, d. \n ",
        ["Stephen M. Young"],
    ),
    case(
        "07BRUSSELS1208-unit-chief",
        " \nClassified By: Institutional Affairs Unit Chief Courtney Nemroff for re \nasons 1.4 "
        "(b) & (d) \n ",
        ["Courtney Nemroff"],
    ),
    case(
        "05CAIRO8602-misspelt-title",
        " \nClassified by ECPO Minister-Counselour Michael Corbin for \nreasons 1.4 (b) and (d). "
        "\n ",
        ["Michael Corbin"],
    ),
    case(
        "09MADRID1210-no-reasons",
        " \nClassified By: Charge d'Affaires, a.i., Arnold A. Chacon \n \n1.(C) Summary:  In his "
        "meetings with Spanish officials, \nSpecial Envoy for Eurasian Energy",
        ["Arnold A. Chacon"],
    ),
    case(
        "05SINGAPORE887",
        " \nClassified By: E/P Counselor Laurent Charbonnet, Reasons 1.4(b)(d) \n ",
        ["Laurent Charbonnet"],
    ),
    case(
        "09SINGAPORE677-acting",
        " \nClassified By: Acting E/P Counselor Dan Jassem for reasons 1.4 (b) and \n(d) \n ",
        ["Dan Jassem"],
    ),
    case(
        "08BELGRADE1189",
        " \nClassified By: Acting Deputy Chief of Mission Thatcher Scharpf for reas \nons "
        "1.4(b/d). \n ",
        ["Thatcher Scharpf"],
    ),
    case(
        "09BAGHDAD3319-for-r-easons",
        " \nClassified By: PRT Kirkuk Governance Section Head Rachna Korhonen for r \neasons 1.4 "
        "(b) and (d). \n ",
        ["Rachna Korhonen"],
    ),
    case(
        "04ANKARA5897-f-or-reasons",
        " \nClassified By: (U) Classified by Economic Counselor Thomas Goldberger f \nor reasons "
        "1.4 b,d. \n ",
        ["Thomas Goldberger"],
    ),
    case(
        "00HARARE3759-page-break-before-reasons",
        " \nCLASSIFIED BY AMBASSADOR TOM MCDONALD. \n                       CONFIDENTIAL \n \n"
        "PAGE 02        HARARE  03759  01 OF 03  111533Z \nREASONS: 1.5 (B) AND (D). \n \n"
        "1.  (C)  SUMMARY:  ALTHOUGH WIDESPREAD FEARS OF A \nSPIKE",
        ["TOM MCDONALD"],
    ),
    case(
        "07STATE156455-name-only",
        " \nClassified By: Glyn T. Davies \n \nSUMMARY \n------- \n ",
        ["Glyn T. Davies"],
    ),
    case(
        "03GUATEMALA1727-labor-attache",
        " \nClassified By: Labor Attache Erik Hall.  Reason 1.5 (d). \n ",
        ["Erik Hall"],
    ),
    case(
        "05VILNIUS503-rank-before-name",
        " \nClassified By: DEFENSE ATTACHE LTC LARRY BEISEL FOR REASONS 1.4 (B) AND \n (D). \n ",
        ["LARRY BEISEL"],
    ),
    case(
        "08USUNNEWYORK729",
        " \nClassified By: USUN Legal Adviser Carolyn L. Willson, for reasons \n1.4(b) and (d) \n ",
        ["Carolyn L. Willson"],
    ),
    case(
        "04BRUSSELS4688-lower-case-title",
        " \nClassified By: USEU polmil officer Jeremy Brenner for reasons 1.4 (b) a \nnd (d) \n ",
        ["Jeremy Brenner"],
    ),
    case(
        "08GUATEMALA1416",
        " \nClassified By: Pol/Econ Couns Drew G. Blakeney for reasons 1.4 (b&d). \n ",
        ["Drew G. Blakeney"],
    ),
    case(
        "08STATE77798-acting-a-s",
        " \nClassified By: IO Acting A/S Brian H. Hook, E.O. 12958, \nReasons: 1.4(b) and (d) "
        "\n \n ",
        ["Brian H. Hook"],
    ),
    case(
        "05ANKARA1071-name-split-over-lines",
        " \nClassified By: Acting Counselor for Political-Military Affiars Margaret \n H. Nardi "
        "for reasons 1.4 (b) and (d). \n ",
        ["Margaret H. Nardi"],
    ),
    case(
        "08MOSCOW3655-m-c",
        " \nClassified By: Deputy Political M/C David Kostelancik.  Reasons 1.4 (b) \n and "
        "(d). \n ",
        ["David Kostelancik"],
    ),
    case(
        "09STATE75025-name-on-next-line-no-reasons",
        " \nClassified By: Special Representative for Afghanistan and Pakistan \nRichard C. "
        "Holbrooke \n \n1.  (U)  This is an action request; see paragraph 4. \n ",
        ["Richard C. Holbrooke"],
    ),
    case(
        "10KABUL688",
        " \nClassified By: Assistant Chief of Mission Joseph Mussomeli for Reasons \n1.4 (b) "
        "and (d) \n ",
        ["Joseph Mussomeli"],
    ),
    case(
        "98USUNNEWYORK1638-per-reasons",
        " \nCLASSIFIED BY DEPUTY POLITICAL COUNSEL0R HOWARD STOFFER \nPER 1.5 (B) AND (D).  "
        "ACTION REQUEST IN PARA 10 BELOW. \n ",
        ["HOWARD STOFFER"],
    ),
    case(
        "02ROME3119-ambassador-at-large",
        " \nCLASSIFIED BY: AMBASSADOR-AT-LARGE PIERRE-RICHARD PROSPER \nFOR REASONS 1.5 (B) "
        "AND (D) \n ",
        ["PIERRE-RICHARD PROSPER"],
    ),
    case(
        "02ANKARA8447-consul",
        " \n \nClassified by Consul Greta C. Holtz for reasons 1.5 (b) & (d). \n ",
        ["Greta C. Holtz"],
    ),
    case(
        "09USUNNEWYORK282-long-title",
        " \nClassified By: U.S. PERMANENT REPRESENATIVE AMBASSADOR SUSAN RICE \nFOR REASONS "
        "1.4 B/D \n ",
        ["SUSAN RICE"],
    ),
    case(
        "09DHAKA339-charge-ai",
        " \nClassified By: Charge d'Affaires, a.i. Geeta Pasi.  Reasons 1.4 (b) and \n (d) \n ",
        ["Geeta Pasi"],
    ),
    case(
        "06USUNNEWYORK2273-per-reasons",
        " \nClassified By: Acting Permanent Representative Alejandro D. Wolff \n per reasons "
        "1.4 (b) and (d) \n ",
        ["Alejandro D. Wolff"],
    ),
    case(
        "08ISLAMABAD1494-misspelt-reasons",
        " \nClassified By: Ambassador Anne W. Patterson for reaons 1.4 (b) and (d). \n \n1. (C) "
        "Summary: During",
        ["Anne W. Patterson"],
    ),
    case(
        "08BERLIN1150-counsellor",
        " \nClassified By: Classified by Economic Minister-Counsellor \nRobert Pollard for "
        "reasons 1.4 (b) and (d) \n ",
        ["Robert Pollard"],
    ),
    case(
        "08STATE104902-numbered",
        " \nClassified By: 1. CLASSIFIED BY NEA ASSISTANT SECRETARY DAVID WELCH \nREASONS: 1.4 "
        "(B) AND (D) \n ",
        ["DAVID WELCH"],
    ),
    case(
        "07VIENTIANE454-charge-de-affairs-ai",
        " \nClassified By: Charge de'Affairs ai. Mary Grace McGeehan for reasons 1. \n4 (b) and "
        "(d) \n ",
        ["Mary Grace McGeehan"],
    ),
    case(
        "07ROME1948-ecmin",
        " \nClassified By: Acting Ecmin William Meara for reasons 1.4 (b) and (d) \n ",
        ["William Meara"],
    ),
    case(
        "07USUNNEWYORK545-amb",
        " \nClassified By: Amb. Jackie Sanders. E.O 12958. Reasons 1.4 (B&D). \n ",
        ["Jackie Sanders"],
    ),
    case(
        "06USOSCE113-reas-truncated",
        " \nClassified By: Classified by Political Counselor Bruce Connuck for Reas \n(b) and "
        "(d). \n ",
        ["Bruce Connuck"],
    ),
    case(
        "09DOHA404-misspelt-ambassador",
        " \nClassified By: Ambassaor Joseph LeBaron for reasons 1.4 (b and d). \n ",
        ["Joseph LeBaron"],
    ),
    case(
        "09RANGOON575-charge-ai-in-parentheses",
        " \nClassified By: Charge d'Afairs (AI) Thomas Vajda for Reasons 1.4 (b) & \n (d \n ",
        ["Thomas Vajda"],
    ),
    case(
        "03ROME3107-pol-min-coun",
        " \nClassified By: POL MIN COUN TOM COUNTRYMAN, REASON 1.5(B)&(D). \n ",
        ["TOM COUNTRYMAN"],
    ),
    case(
        "06USUNNEWYORK732",
        " \nClassified By: Deputy Political Counselor Molly Phee, \nfor Reasons 1.4 (B and D) \n ",
        ["Molly Phee"],
    ),
    case(
        "06BAGHDAD1552-charge",
        " \nClassified By: Charge d'Affaires David M. Satterfield for reasons 1.4 ( \nb) and "
        "(d) \n ",
        ["David M. Satterfield"],
    ),
    case(
        "06ABUJA232-usdel-member",
        " \nClassified By: USDEL Member Erin Y. Tariot, reasons 1.4 (b,d) \n ",
        ["Erin Y. Tariot"],
    ),
    case(
        "09ASTANA184-misspelt-name-kept",
        " \nClassified By: AMBASSADOR RICAHRD E. HOAGLAND: 1.2 (B), (D) \n ",
        ["RICAHRD E. HOAGLAND"],
    ),
    case(
        "09CANBERRA428-colon-after-title",
        " \nClassified By: Deputy Political Counselor: John W. Crowley, for reasons \n 1.4 (b) "
        "and (d) \n ",
        ["John W. Crowley"],
    ),
    case(
        "08TASHKENT706-label-twice-misspelt",
        " \nClassified By: Classfied By: IO Molly Stephenson for reasons 1.4 (b) a \nnd (d). \n ",
        ["Molly Stephenson"],
    ),
    case(
        "08CONAKRY348-econoff",
        " \nClassified By: ECONOFF T. SCOTT BROWN FOR REASONS 1.4 (B) and (D) \n ",
        ["T. SCOTT BROWN"],
    ),
    case(
        "07STATE125576-dash-reasons",
        " \nClassified By: PRM/AFR Dir. Margaret McKelvey-reasons 1.4(b/d) \n ",
        ["Margaret McKelvey"],
    ),
    case(
        "09BUDAPEST372-colon-no-space",
        " \nClassified By: Acting Pol/Econ Counselor:Steve Weston, \nreasons 1.4 (b and d) \n ",
        ["Steve Weston"],
    ),
    case(
        "04TAIPEI3162-stray-quote",
        "' \nClassified By: AIT Deputy Director David J. Keegan, Reason: 1.4 (B/D) \n ",
        ["David J. Keegan"],
    ),
    case(
        "04TAIPEI3521-acting-director",
        " \nClassified By: AIT Acting Director David J. Keegan, Reason: 1.4 (B/D) \n ",
        ["David J. Keegan"],
    ),
    case(
        "04TAIPEI3919",
        " \nClassified By: AIT Director David J. Keegan, Reason 1.4 (B/D) \n ",
        ["David J. Keegan"],
    ),
    case(
        "08JAKARTA1142-pol-c",
        " \nClassified By: Acting Pol/C Stanley A. Harsha for reasons 1.4 (b+d). \n ",
        ["Stanley A. Harsha"],
    ),
    case(
        "06ISLAMABAD16739-classification-guide",
        " \nClassified By: DOS CLASSIFICATION GUIDE BY MARY TOWNSWICK \n \n1.  (C)  Summary.  "
        "With limited government support, Islamic \nbanking has gained momentum in Pakistan in "
        "the past three \nyears.",
        ["MARY TOWNSWICK"],
    ),
    case(
        "05DJIBOUTI802-tdy-rso",
        " \n (U) CLASSIFIED BY TDY RSO JEFFREY PURSELL FOR REASON 1.5 C. \n ",
        ["JEFFREY PURSELL"],
    ),
    case(
        "09STATE82567-acting-das-for",
        " \nClassified By: Acting DAS for ISN Eliot Kang. Reasons 1.4 (b) and (d) \n \n ",
        ["Eliot Kang"],
    ),
    case(
        "04ANKARA5764-surname-split",
        " \nClassified By: Classified by Deputy Political Counselor Charles O. Blah \na, E.O. "
        "12958, reasons 1.4 (b) and (d). \n ",
        ["Charles O. Blaha"],
    ),
    case(
        "10VIENNA195-acting-in-parentheses",
        " \nClassified by: DCM J. Dean Yap (acting) for reasons 1.4 (b) \nand (d). \n ",
        ["J. Dean Yap"],
    ),
    case(
        "03HARARE175-rso-dash",
        " \nClassified By: RSO - JOHN S. DICARLO. REASON 1.5(D) \n ",
        ["JOHN S. DICARLO"],
    ),
    case(
        "08LONDON2968-polmincons",
        " \nClassified By: PolMinCons Greg Berry, reasons 1.4 (b/d). \n ",
        ["Greg Berry"],
    ),
    case(
        "08HAVANA956-com",
        " \nClassified By: COM Jonathan Farrar for reasons 1.5 (b) and (d) \n ",
        ["Jonathan Farrar"],
    ),
    case(
        "09BAGHDAD253-acting-deputy",
        " \nClassified By: Acting Deputy Robert Ford.  Reasons 1.4 (b) and (d) \n ",
        ["Robert Ford"],
    ),
    case(
        "09TIRANA81-ii-and-fr",
        " \nClassified By: AMBASSADOR JOHN L. WITHERS II FR REASONS 1.4 (b) AND (d \n). \n ",
        ["JOHN L. WITHERS II"],
    ),
    case(
        "05HARARE383-under-section",
        " \nClassified By: Charge d'Affaires a.i. Eric T. Schultz under Section 1.4 \n b/d \n ",
        ["Eric T. Schultz"],
    ),
    case(
        "07LISBON2591-pol-econ-off",
        " \nClassified By: Pol/Econ Off Jenifer Neidhart for reasons 1.4 (b) and (d \n) \n ",
        ["Jenifer Neidhart"],
    ),
    case(
        "07STATE171234-bureau-only",
        " \nClassified By:  NEA Lawrence E. Butler for reasons EO 12958 \n1.4(b),(d), and (e). \n ",
        ["Lawrence E. Butler"],
    ),
    case(
        "04AMMAN8544-misspelt-affaires",
        " \nClassified By: Charge d'Affaries David Hale for Reasons 1.4 (b), (d) \n ",
        ["David Hale"],
    ),
    case(
        "07NEWDELHI5334-slash",
        " \nClassified By: Acting DCM/Ted Osius for reasons 1.4 (b and d) \n ",
        ["Ted Osius"],
    ),
    case(
        "04JAKARTA5072-ampersand-title",
        " \nClassified By: EST&H OFFICER ANTHONY C. WOODS FOR REASON 1.5 (b, d) \n ",
        ["ANTHONY C. WOODS"],
    ),
    case(
        "03AMMAN2822-misspelt-reasons",
        " \nClassified By: Ambassador Edward W. Gnehm.  Resons 1.5 (B) and (D) \n ",
        ["Edward W. Gnehm"],
    ),
    case(
        "08CANBERRA1335-colons",
        " \nClassified By: Deputy Chief of Mission: Daniel A. Clune: Reason: 1.4 (c \n) and (d) "
        "\n ",
        ["Daniel A. Clune"],
    ),
    case(
        "09HAVANA665-garbled-after-name",
        " \nClassified By: CDA: Charles Barclay for reQ#8$UQ8ML#C may choke "
        'oQhQGTzovisional" controls, such as \nprice caps and limits on the amount any one '
        "person could buy. \n ",
        ["Charles Barclay"],
    ),
    case(
        "08STATE8993-in-first-paragraph",
        " \n1. (U) Classified by Acting Assistant Secretary for Diplomatic \nSecurity Gregory B. "
        "Starr for E.O. 12958 reasons 1.4 (c) and \n(d). \n ",
        ["Gregory B. Starr"],
    ),
    case(
        "09ISTANBUL137-congen-dpo",
        " \nClassified By: ConGen Istanbul DPO Sandra Oudkirk; Reason 1.5 (d) \n ",
        ["Sandra Oudkirk"],
    ),
    case(
        "08BANGKOK1778-charge-with-commas",
        " \nClassified By: Charge, d,Affaires a. i. James F. Entwistle, reason 1.4 \n(b) and "
        "(d). \n ",
        ["James F. Entwistle"],
    ),
    case(
        "08MANAMA301-charge-d-comma-affaires",
        " \nClassified By: Charge d,Affaires a.i. Christopher Henzel, reasons 1.4(b \n) and "
        "(d). \n \n ",
        ["Christopher Henzel"],
    ),
    case(
        "06COLOMBO123-misspelt-ambassador-jr",
        " \nClassified By: Abassador Robert O. Blake, Jr. for reasons \n1.4 (b and (d). \n ",
        ["Robert O. Blake, Jr."],
    ),
    case(
        "08YEREVAN907-misspelt-ambassador",
        " \nClassified By: Amabassador Marie Yovanovitch.  Reason 1.4 (B/D) \n ",
        ["Marie Yovanovitch"],
    ),
    case(
        "09QUITO329-amb",
        " \nClassified By: AMB Heather M. Hodges for reason 1.4 (D) \n ",
        ["Heather M. Hodges"],
    ),
    case(
        "09STATE38028-two-officials",
        " \nCLASSIFIED BY AF KARL WYCOFF, ACTING AND S/CT DAS SHARI \nVILLAROSA ; E.O. 12958 "
        "REASON: 1.4 (B) AND (D) \n ",
        ["KARL WYCOFF", "SHARI VILLAROSA"],
    ),
    case(
        "04ABUJA2060-special-advisor",
        " \nClassified By: AF SPECIAL ADVISOR BRUCE EHRNMAN FOR REASONS 1.5 (B) AND \n (D) \n ",
        ["BRUCE EHRNMAN"],
    ),
    case(
        "06ISLAMABAD3684-user-name",
        " \nClassified By: AMB:RCROCKER, Reasons 1.4 (b) and (c) \n ",
        ["RCROCKER"],
    ),
    case(
        "06MANAMA184-no-space-after-initial",
        " \nClassified By: Classified by Ambassadior William T.Monroe.  Reasons: 1. \n4 (b)(d) \n ",
        ["William T.Monroe"],
    ),
    case(
        "07SANSALVADOR263-misspelt-ambassador",
        " \nClassified By: Ambasasdor Charles Glazer, Reasons \n1.4 (b) and (d) \n ",
        ["Charles Glazer"],
    ),
    case(
        "05BRUSSELS1549-af-pdas",
        " \nClassified By: AF PDAS Michael Ranneberger.  Reasons 1.5 (b) and (d). \n ",
        ["Michael Ranneberger"],
    ),
    case(
        "09STATE14163-acting-das",
        " \nClassified By: AF Acting DAS Mark Boulware,  Reasons 1.4 (b) and (d). \n ",
        ["Mark Boulware"],
    ),
    case(
        "06AITTAIPEI1142-ipo",
        " \nClassified By: IPO Michael R. Wheeler for reason 1.4(G)(E) \n ",
        ["Michael R. Wheeler"],
    ),
    case(
        "08TAIPEI1038-ait-chairman",
        " \nClassified By: AIT Chairman Stephen M. Young, \nReasons: 1.4 (b/d) \n ",
        ["Stephen M. Young"],
    ),
    case(
        "09STATE96519-t-u-s",
        " \nClassified By: T U/S Ellen O. Tauscher for Reasons 1.4 a,b,and d. \n ",
        ["Ellen O. Tauscher"],
    ),
    case(
        "08NAIROBI232-special-envoy-no-reasons",
        " \nClassified By: SPECIAL ENVOY JOHN M. YATES \n \n1.  (C) ",
        ["JOHN M. YATES"],
    ),
    case(
        "07COLOMBO769-misspelt-ambassador-jr",
        " \nClassified By: Ambassodor Robert O. Blake, Jr. for reasons 1.4 (b, d). \n ",
        ["Robert O. Blake, Jr."],
    ),
    case(
        "04DJIBOUTI1541-misspelt-ambassador",
        " \nClassified By: AMBASSSADOR MARGUERITA D. RAGSDALE. \nREASONS 1.4 (B) AND (D). \n ",
        ["MARGUERITA D. RAGSDALE"],
    ),
    case(
        "08MOSCOW3202-political-mc",
        " \nClassified By: Acting Political MC David Kostelancik for reasons 1.4(b) \n and (d). "
        "\n ",
        ["David Kostelancik"],
    ),
    case(
        "09BEIJING939-name-on-next-line",
        " \nClassified By: Acting Political Minister-Couselor \nBen Moeling, reasons 1.4 (b/d). "
        "\n ",
        ["Ben Moeling"],
    ),
    case(
        "09HAVANA689-principal-office",
        " \nClassified By: Principal Office Jonathan Farrar for reasons 1.4 (b) and \n (d) \n ",
        ["Jonathan Farrar"],
    ),
    case(
        "07VIENNA2687-misspelt-counselor",
        " \nClassified By: Political Economic Counselr J. Dean Yap for reasons 1.4 \n (b) and "
        "(d) \n ",
        ["J. Dean Yap"],
    ),
    case(
        "08LONDON1485-reasons-number-split",
        " \nClassified By: Political Minister Counsel Maura Connelly for reasons 1. \n4 (b/d). \n ",
        ["Maura Connelly"],
    ),
    case(
        "07LONDON3228-a-e-min-couns",
        " \nClassified By: A E/MIN COUNS. JOHN MCNAMARA, REASONS 1.4(B) AND (D) \n ",
        ["JOHN MCNAMARA"],
    ),
    case(
        "05ABUJA2031-arso",
        " \nClassified By: ARSO Rich Verrier for reason 1.4 (d) \n ",
        ["Rich Verrier"],
    ),
    case(
        "09USOSCE235-delegate",
        " \nClassified By: Acting Chief Arms Control Delegate Chris Ellis, \nfor reasons "
        "1.4(b) and (d). \n ",
        ["Chris Ellis"],
    ),
    case(
        "06RANGOON1542-conoff-iii",
        " \nClassified By: Conoff Walter Parrs III for Reasons 1.4 (b) and (d) \n ",
        ["Walter Parrs III"],
    ),
    case(
        "08STATE109148-misspelt-director",
        " \nClassified By: ISN/MTR Direcotr Pam Durham. \nReason:  1.4 (B), (D). \n ",
        ["Pam Durham"],
    ),
    case(
        "08STATE3581-initial-glued",
        " \nClassified By: EUR/PRA, Dir. AFriedt, Reason 1.4 (b/d) \n ",
        ["AFriedt"],
    ),
    case(
        "06HONGKONG3109-misspelt-chief",
        " \nCLASSIFIED BY: ACTING E/P CIEF JEFF ZAISER.  REASONS: 1.4(B,D). \n ",
        ["JEFF ZAISER"],
    ),
    case(
        "07LAPAZ123-councilor",
        " \nClassified By: Acting Ecopol Councilor Brian Quigley for reasons 1.4 (d \n) and (e). "
        "\n ",
        ["Brian Quigley"],
    ),
    case(
        "08BAGHDAD3818-a-emin",
        " \nClassified By: A/EMIN Michael Dodman, Reasons 1.4 (b,d). \n ",
        ["Michael Dodman"],
    ),
    case(
        "09BAGHDAD565-acting-emin",
        " \nClassified By: Acting EMIN Michael Dodman, reasons 1.4 (b,d). \n ",
        ["Michael Dodman"],
    ),
    case(
        "09BUDAPEST198-misspelt-counselor",
        " \nClassified By: Acting P/E Counseor Jon Martinson, reasons 1.4 (b,d) \n ",
        ["Jon Martinson"],
    ),
    case(
        "09BUDAPEST276-misspelt-counselor",
        " \nClassified By: Acting P/E Counsleor Jon Martinson, reasons 1.4 (b,d) \n ",
        ["Jon Martinson"],
    ),
    case(
        "08STATE67468-das-for-region",
        " \nClassified By: SCA/DAS for Central Asia George Krol \n \n 1.  (C) ",
        ["George Krol"],
    ),
    case(
        "09STATE24316-title-over-two-lines",
        " \nClassified By: DEPUTY ASSISTANT SECRETARY OF STATE FOR \nCENTRAL ASIA GEORGE KROL "
        "FOR REASONS 1.4 (B) AND (D) \n ",
        ["GEORGE KROL"],
    ),
    case(
        "08STATE82744-a-s-acting",
        " \nClassified By: CLASSIFIED BY IO A/S ACTING BRIAN HOOK \nFOR REASONS 1.4(B) AND (D). "
        "\n ",
        ["BRIAN HOOK"],
    ),
    case(
        "09SINGAPORE773-cda-in-parentheses",
        " \nClassified By: Charge d'Affaires (CDA) Daniel Shields for Reasons 1.4 ( \nb/b) \n ",
        ["Daniel Shields"],
    ),
    case(
        "07ASHGABAT350-name-split-over-lines",
        " \nClassified By: Classified by Acting Charge d'Affaires, Ambassador Richa \nrd "
        "Hoagland, for reasons 1.4(B) and (D). \n ",
        ["Richard Hoagland"],
    ),
    case(
        "05NEWDELHI8162-charge-apostrophe",
        " \nClassified By: Charge' Bob Blake for Reasons 1.4 (B, D) \n ",
        ["Bob Blake"],
    ),
    case(
        "07RIYADH1028-for-12958",
        " \nClassified By: ECONOMIC COUNSELOR BOB SILVERMAN \n FOR 12958 1.4 B, D, AND E \n ",
        ["BOB SILVERMAN"],
    ),
    case(
        "05ROME3781-based-on",
        " \nClassified By: DCM ANNA BORG BASED ON E.O.12958 REASONS 1.4 (b) and (d) \n ",
        ["ANNA BORG"],
    ),
    case(
        "09STATE2508-question-mark",
        " \nCLASSIFIED BY: ISN ? PATRICIA A. MCNERNEA, ACTING \nASSISTANT SECRETARY, REASON 1.4 "
        "(B) AND (D) \n ",
        ["PATRICIA A. MCNERNEA"],
    ),
    case(
        "03OTTAWA2182-a-slash-space",
        " \nClassified By: A/ Pol Min Mary Witt for reasons 1.5(b) and (d) \n ",
        ["Mary Witt"],
    ),
    case(
        "03KUWAIT3762-based-upon",
        " \nClassified By: CDA FRANK URBANCIC BASED UPON REASONS 1.5 (B) AND (D) \n ",
        ["FRANK URBANCIC"],
    ),
    case(
        "07DAKAR1464-legatt",
        " \nClassified By: A/LEGATT GARY SCHAAF FOR RASONS 1.4 (B) AND (D). \n ",
        ["GARY SCHAAF"],
    ),
    case(
        "07HARARE680-under",
        " \nClassified By: Pol/Econ Chief Glenn Warren under 1.4 b/d \n ",
        ["Glenn Warren"],
    ),
    case(
        "09DHAKA775-for-for",
        " \nClassified By: Ambassador James Moriarty for for reasons 1.4 b and d. \n ",
        ["James Moriarty"],
    ),
    case(
        "cda-under",
        "\nClassified By: CDA Kelly A. Keiderling under 1.4 (b) and (d)\n",
        ["Kelly A. Keiderling"],
    ),
    case(
        "04HARARE1722-section-split",
        " \nClassified By: Classified by Charge d'Affaires Paul Weisenfeld under Se \nction 1.5 "
        "b/d \n ",
        ["Paul Weisenfeld"],
    ),
    case(
        "05SANTIAGO2540-consul-general-no-reasons",
        " \nClassified By: CONSUL GENERAL SEAN MURPHY \n \n1. In a December 19 m",
        ["SEAN MURPHY"],
    ),
    case(
        "04HELSINKI1420-summary-heading-after",
        " \nClassified By: Ambassador Earle I. Mack for reasons 1.5(B) and (D) \n \nSummary \n"
        "------- \n ",
        ["Earle I. Mack"],
    ),
    case(
        "08PORTAUPRINCE520-misspelt-ambassador",
        " \nClassified By: Ambassado Janet A. Sanderson for reasons 1.4 (b) and (d \n) \n ",
        ["Janet A. Sanderson"],
    ),
    case(
        "97SOFIA3097-zeros-for-o",
        " \n1.(U)  CLASSIFIED BY AMBASSAD0R B0HLEN.  REAS0N: \n1.5(B,D). \n ",
        ["B0HLEN"],
    ),
    case(
        "99TUNIS2120-zeros-for-o",
        " \n(U)  CLASSIFIED BY AMBASSAD0R R0BIN L. RAPHEL BASED 0N 1.5 (B) \nAND (D). \n ",
        ["R0BIN L. RAPHEL"],
    ),
    case(
        "08TBILISI1121-misspelt-ambassador",
        " \nClassified By: Ambassadot John F. Tefft for reason 1.4 (b) and (d). \n ",
        ["John F. Tefft"],
    ),
    case(
        "07ANKARA2522-misspelt-ambassador",
        " \nClassified By: AMBASSADR ROSS WILSON FOR REASONS 1.4 (B) AND (D) \n ",
        ["ROSS WILSON"],
    ),
    case(
        "09UNVIEVIENNA531-misspelt-ambassador",
        " \nClassified By: Ambassadro Glyn T. Davies, reasons 1.4 (b) and (d) \n ",
        ["Glyn T. Davies"],
    ),
    case(
        "09TBILISI463-misspelt-ambassador",
        " \nClassified By: AMBSSADOR JOHN F. TEFFT.  REASONS:  1.4 (B) AND (D). \n ",
        ["JOHN F. TEFFT"],
    ),
    case(
        "09LUSAKA523-label-twice",
        " \nClassified By: Classified By: Ambbassador Donald E. Booth for \nReasons 1.4 (b) and "
        "(d) \n \n ",
        ["Donald E. Booth"],
    ),
    case(
        "07BAKU486-misspelt-ambassador",
        " \nClassified By: Ambssador Anne E. Derse, Reasons 1.4 (b,d) \n ",
        ["Anne E. Derse"],
    ),
    case(
        "09ANKARA63-heading-after",
        " \nClassified By: Pol-Mil Counselor A.F. Godfrey \n \nWill Not Break Silence... \n"
        "------------------------- \n \n1. (C) I",
        ["A.F. Godfrey"],
    ),
    case(
        "03SANAA1319-zero-in-for",
        " \nClassified By: CHARGE ALAN MISENHEIMER F0R REASONS 1.5 (B) AND (D) \n ",
        ["ALAN MISENHEIMER"],
    ),
    case(
        "08BAKU668-marking-after",
        " \nClassified By: Acting Pol/Econ Chief Alan Eyre \n \n(S) In ",
        ["Alan Eyre"],
    ),
    case(
        "07SINGAPORE285-semicolon",
        " \nClassified By: Economical and Political Chief Ike Reed; \nreasons 1.4 (b) and (d) \n ",
        ["Ike Reed"],
    ),
    case(
        "07KHARTOUM832-garbled-after-name",
        " \nClassified By: CDA Roberto Powers a.y., Sea3on: Sectaons 9.Q (b+`ald$hd \n)Q \n"
        "Q,----/-Qswmmfrq \n",
        ["Roberto Powers"],
    ),
    case(
        "05ANKARA7671-refs-under-label",
        " \nClassified By: ADANA 222 \nADANA 216 \nADANA 207 \nANKARA 6772 \n \nClassified by "
        "DCM Nancy McEldowney; reasons 1.4 b and d. \n ",
        ["Nancy McEldowney"],
    ),
    case(
        "04HARARE766-due-to",
        " \nClassified By: DCM ROBERT E. WHITEHEAD DUE TO 1,4 (C) AND (D). \n ",
        ["ROBERT E. WHITEHEAD"],
    ),
    case(
        "00TELAVIV4462-corrected-copy",
        "C O N F I D E N T I A L TEL AVIV 004462 \n \n- - C O R R E C T E D  C O P Y - - "
        "CLASSIFIED BY LINE ADDED \n \nE.O. 12958: DECL: 08/24/05 \nTAGS: KWBG, PTER, PGOV, "
        "PREL, IS \nSUBJECT: BIN LADIN CONNECTION IN GAZA FOUND PUZZLING; \nCONNECTION TO "
        "HAMAS QUESTIONED \n \nCLASSIFIED BY DCM PSIMONS PER 1.5 (B) AND (D) \n \n ",
        ["PSIMONS"],
    ),
    case(
        "09BAMAKO504-web-text",
        "Classified By: Deputy Chief of Mission Peter Henry Barlerin, Embassy Bamako,  \n"
        "for reasons 1.4 (b) and (d).\n",
        ["Peter Henry Barlerin"],
    ),
    case("no-classified-by-line", "SUBJECT: ENERGY INSTALLATIONS\n\n1. (U) Summary: none.\n", []),
]


@pytest.mark.parametrize(("text", "expected"), unique_ids(CLASSIFIED_BY_CASES))
def test_classified_by(text, expected):
    assert parse_classified_by(text) == expected


# ---------------------------------------------------------------------------
# SUMMARY
# Expected: the text between the summary label and ``END SUMMARY`` (or the
# end of the summary paragraph), without paragraph numbers and markings.
# Whitespace is compared collapsed: how line breaks inside a summary are kept
# is the parser's choice.
# ---------------------------------------------------------------------------

SUMMARY_CASES = [
    case(
        "72TEHRAN5055-summary-label-line",
        "REF: TEHRAN 4887\n\nSUMMARY: FOLLOWING ASSASSINATION [...].\nEND SUMMARY\n\n1. IN WAKE ",
        "FOLLOWING ASSASSINATION [...].",
    ),
    case(
        "09BERLIN1197-summary-heading",
        "Classified By: AMBASSADOR PHILIP D. MURPHY FOR REASONS 1.4 (B) and (D)\n\nSUMMARY\n"
        "-------\n\n1. (C) Chancellor Merkel [...].\nEnd Summary.\n\nOVERALL TREND: MAJOR "
        "PARTIES IN DECLINE",
        "Chancellor Merkel [...].",
    ),
    case(
        "09HAVANA35-summary-in-paragraph-no-end",
        "Classified By: COM Jonathan Farrar for reasons 1.4 (b) and (d)\n\n1. (C) SUMMARY: "
        "Fidel Castro's [...].\n \nWHAT WE KNO",
        "Fidel Castro's [...].",
    ),
    case(
        "07SAOPAULO464-dashed-heading",
        "------- SUMMARY -------\n\n1. Pope Benedict XVI's four-day [...] End Summary",
        "Pope Benedict XVI's four-day [...]",
    ),
    case(
        "07SAOPAULO250-heading-and-label",
        "------- SUMMARY -------\n\n1. Summary: On March 21, Pope Benedict XVI [...] End Summary. ",
        "On March 21, Pope Benedict XVI [...]",
    ),
    case(
        "09BERLIN1176-cnf-marking",
        'SUMMARY\n-------\n\n1. (C/NF) This is not a "change" election. [...]. END SUMMARY. ',
        'This is not a "change" election. [...].',
    ),
    case(
        "09BRASILIA1300-summary-and-action-request",
        "1. (U) Paragraphs 2 and 8 contain Mission Brazil action request.\n\n2. (C) Summary "
        "and Action Request. With Iranian President [...]. End Summary and Action Request. ",
        "With Iranian President [...].",
    ),
    case(
        "09BRASILIA1368-heading-same-line-dashes",
        "Summary -------\n\n2. (C) President Lula welcomed [...] End Summary",
        "President Lula welcomed [...]",
    ),
    case(
        "05PARIS7682-summary-and-comment",
        "1. (C) Summary and Comment: Continuing violent unrest in[...]. End Summary and Comment. ",
        "Continuing violent unrest in[...].",
    ),
    case(
        "09BERLIN1548-bullets-inside",
        "1. (C/NF) Summary: In separate December 1 meetings [...] following way forward:\n\n"
        "-- the Interior Ministry [...]\n\nrelationship with Chancellor Merkel. End summary",
        "In separate December 1 meetings [...] following way forward:\n-- the Interior "
        "Ministry [...]\nrelationship with Chancellor Merkel.",
    ),
    case(
        "10BERLIN164-first-paragraph-end-summary-only",
        "Classified By: Classified by Political M-C George Glass for reasons 1.4\n(b,d).\n\n"
        "1. (C) German FM Westerwelle told [...]. END SUMMARY.",
        "German FM Westerwelle told [...].",
    ),
    case(
        "09BRUSSELS536-several-paragraphs",
        "Classified By: USEU EconMinCouns Peter Chase for reasons 1.4 (b), (d), (e).\n\n"
        "1. (S//NF) SUMMARY AND COMMENT: During a March 2-3 visit to\n\n2. (C) EU Member "
        "States and officials uniformly praised the\n\n3. (C) The content[...]. END SUMMARY "
        "AND COMMENT. ",
        "During a March 2-3 visit to\nEU Member States and officials uniformly praised the\n"
        "The content[...].",
    ),
    case(
        "10BRASILIA61-summary-period-label",
        "CLASSIFIED BY: Thomas A. Shannon, Ambassador, State, Embassy Brasilia; REASON: "
        "1.4(B), (D)\n1. (C) Summary. During separate [...]. End summary.",
        "During separate [...].",
    ),
    case(
        "09TRIPOLI715-no-space-after-number",
        "CLASSIFIED BY: Gene A. Cretz, Ambassador, US Embassy Tripoli, Department of State. "
        "REASON: 1.4 (b), (d)\n\n1.(C) The August 31 African [...]. End Summary.",
        "The August 31 African [...].",
    ),
    case(
        "06TOKYO3567-marking-after-label",
        "OF 002   \n\n1.  Summary: (SBU) Japanese [...]. End Summary \n\n2. ",
        "Japanese [...].",
    ),
    case(
        "08THEHAGUE938-end-summary-split",
        """Classified By: Head of Economic Unit Shawn Gray, reasons 1.4 (b), (d)

1. (S) SUMMARY: The Dutch [...]. END
SUMMARY.

2. (S) Econoff delivered """,
        "The Dutch [...].",
    ),
    case(
        "08MANAMA492-heading-ends-summary",
        "1.(C) Summary: The GOB [...]. -------- Training --------\n\n2.(U) Bah",
        "The GOB [...].",
    ),
    case(
        "09BRASILIA1300-with-classified-by",
        """Classified By: Charge D'Affaires Lisa Kubiske for reasons 1.4 (b) and ( d). 

1. (U) Paragraphs 2 and 8 contain Mission Brazil action request. 

2. (C) Summary and Action Request. With Iranian President [...] End Summary and Action Request.
""",
        "With Iranian President [...]",
    ),
    case(
        "08MEXICO2382-end-summary-only",
        """
ISSUES (IWI) VISITS MEXICO

1. On 28 July 2008
[...]. End
Summary.

THE CIVIL SOCIETY PERSPECTIVE
-----------------------------
""",
        "On 28 July 2008\n[...].",
    ),
    case(
        "05PANAMA1729-summary-and-introduction",
        """Classified By: Charge d'Affaires Luis Arreaga for reasons 1.4 (B) AND (
D).

1. (SBU) This message is the first in a three‐part series on
views of the Torrijos administration's performance as it
approaches its September 1 first anniversary.

SUMMARY AND INTRODUCTION
‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐

2. (C) Martin Torrijos's [...]
performance, dashed expectations, and squandered
opportunities. END SUMMARY AND INTRODUCTION.

Great Expectations
‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐‐""",
        "Martin Torrijos's [...]\nperformance, dashed expectations, and squandered\nopportunities.",
    ),
    case(
        "09STATE119085-summary-and-table-of-contents",
        """Classified by: David Appleton, Director, 
INR/CCS, Reason: 1.4 (c, d). 
 
SUMMARY AND TABLE OF CONTENTS 
 
1.  (S/NF) [...]

2. [...]

END SUMMARY.

3. [...]""",
        "[...]\n[...]",
    ),
    case(
        "08DHAKA856-equals-underline", "Summary =======\n\n1. (C) Bla bla. End Summary", "Bla bla."
    ),
    case(
        "04PANAMA715-summary-slash-comment",
        "Summary/Comment: bla bla\nbla bla bla.  End Summary/Comment.\n",
        "bla bla\nbla bla bla.",
    ),
    case(
        "no-summary", "SUBJECT: ENERGY INSTALLATIONS\n\n1. (U) The embassy has no comment.\n", None
    ),
]


def _squeeze(text):
    return " ".join(text.split()) if text is not None else None


@pytest.mark.parametrize(("text", "expected"), unique_ids(SUMMARY_CASES))
def test_summary(text, expected):
    assert _squeeze(parse_summary(text)) == _squeeze(expected)


# ---------------------------------------------------------------------------
# Signer
# Expected: the signer's name as written on the last lines of the cable,
# without trailing ``.`` or ``##`` and past trailing classification lines,
# page headers, ``NNNN`` and notes; ``None`` when the cable ends without one.
# ---------------------------------------------------------------------------

SIGNER_CASES = [
    case(
        "75LIBREVILLE1895-classification-after",
        """4. AMBASSADOR KIM WILL ATTEMPT CALL PARK IN NEW YORK
AT OPENING OF BUSINESS TO CONFIRM RECEIPT OF INSTRUCTIONS,
AND HAS EXTRACTED PROMISE FROM REKANGALT TO
PHONE ESSONGHE DIRECTLY THIS AFTERNOON IF HE STILL
APPEARS TO BE WAVERING.
STEIGMAN
CONFIDENTIAL
""",
        "STEIGMAN",
    ),
    case(
        "78TEHRAN389-declassification-note-after",
        """AMOUZEGAR IN EFFORT TO REVERSE RELATIVE LIBERALIZATION OF
RECENT MONTHS.

SULLIVAN

CONFIDENTIAL

Declassified/Released US Department of State EO Systematic
Review 30 JUN 2006
""",
        "SULLIVAN",
    ),
    case(
        "79TEHRAN8980",
        """NEGOTIATOR'S CULTURAL AND PSYCHOLOGICAL LIMITATIONS, HE
IS GOING TO RESIST THE VERY CONCEPT OF A RATIONAL
(FROM THE WESTERN POINT OF VIEW) NEGOTIATING PROCESS.


LAINGEN

CONFIDENTIAL
""",
        "LAINGEN",
    ),
    case(
        "79ANKARA6618",
        """7. COMMENT: WHILE NEW TO THE JOB, KOKSAL, FORMERLY WITH THE POLICY PLANNING STAF, WAS SUBSTANTIALLY MORE OPEN THAN HIS PREDECESSORS IN DISCUSSING KURDISH QUESTION.

SPIERS
""",
        "SPIERS",
    ),
    case(
        "79TEHRAN12130",
        """4. THE SOVIETS THINK THE PGOI'S MOST DANGEROUS PROBLEM IS THE KURDISH REVOLT, FOLLOWED CLOSELY BY THE STAGNATED ECONOMY.  HE SUSPECTED THE IRAQIS MIGHT BE INVOLVED IN CAUSING PROBLEMS WITH IRAN'S KURDS AND ARABS.  "THEY ARE JUST CRAZY PEOPLE."

LAINGEN
""",
        "LAINGEN",
    ),
    case(
        "dash-line-before",
        """5.  (U) REGARDING REFTEL'S PARA 5, AKIYAMA
CONFIRMED THAT 106 SPERM WHALES, ALL MALES,
HAD BEEN HARVESTED BY THE JAPANESE COASTAL
WHALING FLEET THROUGH JANUARY 7.
-
CLARK
""",
        "CLARK",
    ),
    case(
        "two-blank-lines-before",
        """TIVES OF ONLY THREE AMERICAN NEWS MEDIA RESIDENT
IN BEIRUT (ASSOCIATED PRESS, LOS ANGELES TIMES,
AND NEW YORK TIMES); SOME OF THESE ARE THINKING ABOUT
LEAVING.


BARTHOLOMEW
""",
        "BARTHOLOMEW",
    ),
    case(
        "end-comment-before",
        """TLOKWENG BORDER POST BETWEEN 3 ARMED ANC CADRE AND A SOUTH AFRICAN
DEFENSE FORCE PATROL IN WHICH ONE SOUTH AFRICAN SOLDIER WAS SAID TO
HAVE BEEN CRITICALLY WOUNDED. THE ANC GROUP REPORTEDLY FLED BACK INTO
BOTSWANA. END COMMENT.


MAINO
""",
        "MAINO",
    ),
    case(
        "minimize-considered-same-line",
        """20.  NOTE:  POST WOULD WELCOME CRITICISMS AND
CONTRIBUTIONS TO THIS STUDY FROM DEPARTMENT, CIA, AND
DIA, AND EMBASSIES BAGHDAD, AMMAN, AND RIYADH.  OUR
OWN HISTORICAL SOURCES ARE EXTREMELY LIMITED.

21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON
""",
        "EAGLETON",
    ),
    case(
        "short-name",
        """OF THE TWO BIG COMPANIES THEMSELVES ARE AWARE OF IT, BUT THE
EXTENT TO WHICH THE ROYAL FAMILY BELIEVES IT SOMETHING TO
BE CONCERNED ABOUT IS UNKNOWN.  PRINCE SUFRI'S BUSINESS
PROSPECTS MAY BE BOTH DEPENDENT ON AND AN INDICATION OF THE
EXISTENCE OF SUCH CONCERN.


KING
""",
        "KING",
    ),
    case(
        "mixed-case-text-upper-signer",
        """rights; in the near future, we expect the Koreans will sign
on to PSI.  All of this could not have taken place with Roh
in the Blue House.  We all remain hopeful that Lee can
stabilize his political base and that we can make more
significant progress soon.
VERSHBOW
""",
        "VERSHBOW",
    ),
    case(
        "hyphenated-name",
        """WANTS TO AVOID INDICATIONS THAT THEIR SUBSTANTIAL
STAKES IN IRAQ--INCLUDING THE PIPELINE AND OVER A
BILLION DOLLARS IN OUTSTANDING DEBT--MIGHT BE IN
JEOPARDY.

STRAUSZ-HUPE
""",
        "STRAUSZ-HUPE",
    ),
    case(
        "classification-and-sipdis-after",
        """US EMBASSY IN TEHRAN IMMEDIATELY AFTER THE 1979
HOSTAGE SEIZURE.  BECAUSE HE WAS SHOUTING "DEATH TO
AMERICA" AND "ALLAHU AKBAR,"  HE WAS ADMITTED TO THE
EMBASSY GROUNDS AND WAS NOT HINDERED IN HIS OBSERVATIONS.
RICKERT


CONFIDENTIAL

SIPDIS
""",
        "RICKERT",
    ),
    case(
        "note-by-oc-t-after",
        """IMPENDING CLASHES, SUQ AL-GHARB HAS REMAINED CURIOUSLY
QUIET.  END COMMENT.

BARTHOLOMEW

NOTE BY OC/T:  HEADING AS RECEIVED.  CORRECTION TO FOLLOW.
""",
        "BARTHOLOMEW",
    ),
    case(
        "hash-marks-after-name",
        """OF THE UP, AS FAITHFUL ADHERENTS TO THE PEACE PROCESS.
AS IN ITS UPCOMING DEALINGS WITH THE PEACE COMMISSION
(SEE REFTEL), THE FARC CAN CULTIVATE SUCH A POSITIVE
IMAGE WHILE PROCEEDING WITH BUSINESS AS USUAL.

GILLESPIE##
""",
        "GILLESPIE",
    ),
    case(
        "end-text-and-hash-marks",
        """READING AND HORSEMANSHIP, IN THE ARAB TRADITION.  THE
CROWN PRINCE IS PRESIDENT OF THE SAUDI EQUESTRIAN CLUB
IN RIYADH.


END TEXT.


HORAN##
""",
        "HORAN",
    ),
    case(
        "period-after-name",
        """REVIEW, AND SEVERAL, PARTICULARLY THE MANDATORY LIFE
SENTENCE, ARREST ON SUSPICION OF CONSPIRACY AND THE
ELIMINATION OF JURY TRIAL FOR SOME MURDER TRIALS, ARE
APT TO BE OVERTURNED.

MCNAMARA.
""",
        "MCNAMARA",
    ),
    case(
        "end-of-text-same-line",
        """       THE OFFICE OF THE COORDINATOR FOR
     COUNTER-TERRORISM APPRECIATES THE ASSISTANCE OF
     THE THREAT ANALYSIS DIVISION OF THE BUREAU OF
     DIPLOMATIC SECURITY WHICH COMPILED THIS
     REPORT.  END OF TEXT. BAKER


UNCLASSIFIED
""",
        "BAKER",
    ),
    case(
        "gp-3-line-before",
        """FONOFF REACTION, WE WOULD THEN COUCH AIDE-MEMOIRE IN TERMS
WHICH WOULD APPEAR MOST LIKELY TO SUCCEED.

GP-3
SACCIO
""",
        "SACCIO",
    ),
    case(
        "page-trailer-and-nnnn-after",
        """WORLD, WHICH SEES AND UNDERSTANDS ALL, VERY WELL,
UNDERTAKES SOMETHING.  END TEXT.
EINIK
                       UNCLASSIFIED


                       UNCLASSIFIED

PAGE 04        ZAGREB  01569  04 OF 04  071629Z



                       UNCLASSIFIED









NNNN
""",
        "EINIK",
    ),
    case(
        "85BAGHDAD3988",
        """HARDLY RESPONDED POSITIVELY TO RECENT IRANIAN OVERTURES LARGELY
BECAUSE THE IDEOLOGY OF IRAN'S RULING CLERICS PREVENTS THEM FROM
MAKING THE SOVIETS A SUFFICIENTLY ATTRACTIVE OFFER TO SWITCH
SIDES.-/


NEWTON
""",
        "NEWTON",
    ),
    case(
        "86STATE29781-unquote-before",
        """EVOLUTION. END TEXT.

4.  KAMPALA MINIMIZE CONSIDERED.
UNQUOTE

SHULTZ
""",
        "SHULTZ",
    ),
    case(
        "86ALEXANDRIA1240-trailing-spaces",
        """WELL-INFORMED AND EFFECTIVE PROPONENT OF IMPROVED 
EGYPTIAN-ISRAELI TIES.  TUVAL IS ASSISTED IN HIS 
 
 
HAMBLEY 
""",
        "HAMBLEY",
    ),
    case(
        "00THEHAGUE1810-phone-number-before",
        """¶4.  PLEASE NOTE A CHANGE IN VON DER ASSEN'S PHONE NUMBER.
IT NOW IS 31-70-378 4921.
SCHNEIDER""",
        "SCHNEIDER",
    ),
    case(
        "04CARACAS1540-drafted-line-and-trailer",
        """anti-American cord among traditional leftists, some (not all)
of this support will last only as long as the cash flows.
(Drafted: PAS: Victoria Alvarado.)
SHAPIRO


NNNN

      2004CARACA01540 - UNCLASSIFIED""",
        "SHAPIRO",
    ),
    case(
        "00HANOI2480-not-passed-note",
        """FIVE -- FOR IDEAS ON ECONOMIC AND POLITICAL REFORM.
END COMMENT.
PETERSON

NOTE: NOT PASSED TO ABOVE ADDRESSEE(S)

                       CONFIDENTIAL""",
        "PETERSON",
    ),
    case(
        "00HANOI2605-page-header-before",
        """TO OR IN THE CARRYING OUT OF THESE ILLEGAL ACTIVITIES.)  END
                       UNCLASSIFIED

PAGE 04        HANOI  02605  300858Z
TEXT.

PETERSON

                       UNCLASSIFIED""",
        "PETERSON",
    ),
    case(
        "07LAGOS97-mixed-case-text",
        """agreement is being developed to establish terms for the
commercial development of the gas, taking into account that
exploration costs are recovered from oil revenue, and
unsuccessful oil exploration is considered a sunk cost.  The
NNPC retains ownership of PSC gas.
BROWNE""",
        "BROWNE",
    ),
    case(
        "08KINSHASA329-no-signer",
        """
KINSHASA 00000329  008 OF 008


¶56. (U) At a meeting in Matadi, the GDRC decided that at the end of
the month they will auction containers that are piling up at
ONATRA's port.  This should ease congestion and allow normal
operations to resume.

Monthly Inflation and Exchange Rates
------------------------------------

¶57. (U) The monthly inflation rate for March was 5.6 percent. The""",
        None,
    ),
    case(
        "01HANOI3209",
        """DEFENSE MINISTERS ARE LIKELY FURTHER TO DISCUSS SUCH
EXPANDED ANTI-TERRORISM COOPERATION.
PORTER

                       UNCLASSIFIED""",
        "PORTER",
    ),
    case(
        "88DHAKA2166-two-word-name",
        """(SAARC) TO ADDRESS THE PROBLEM OF INTERNATIONAL
TERRORISM.  BANGLADESH'S UNGA VOTING RECORD ON TERRORISM
IS UNAVAILABLE AT POST.


DE PREE
""",
        "DE PREE",
    ),
    case(
        "88STATE271057-end-fyi-yyy",
        """EMBASSIES TO CONSULT WITH THE STATES OF THE REGION AND
OUR ALLIES.  END FYI. YYY


WHITEHEAD""",
        "WHITEHEAD",
    ),
    case(
        "88BEIJING25961-classification-and-nnnn-after",
        """TO THE MAIN OFFICE OF THE CIVIL AVIATION
ADMINISTRATION OF CHINA (CAAC) WHICH SERVES AS AIR
MONGOLIA'S AGENT IN CHINA.

LORD
LIMITED OFFICIAL USE
NNNN""",
        "LORD",
    ),
    case(
        "89BANGKOK3838-apostrophe",
        """PENH TOMORROW, AND ALL ACCOUNTS AGREE THAT HE COULD SO
EXTEND HIS VISIT IF HE WISHED.


O'DONOHUE""",
        "O'DONOHUE",
    ),
    case(
        "91KAMPALA4929-regards",
        """   ACTS.  ANY PUBLIC PRONOUNCEMENTS TO THAT EFFECT
   ARE NOT KNOWN TO HAVE BEEN MADE BY THIS GOVERNMENT.

H. NO CHANGE.
 
REGARDS 
 
CARSON 
""",
        "CARSON",
    ),
    case(
        "07BRUSSELS3382-section-break-before-and-dot-after",
        """meeting and at the NATO ministerial to underscore privately 
that any further delays will only increase instability on the 
ground and will not provide softer landings. 
 
BRUSSELS 00003382  003 OF 003 
 
 
GRAY 
.""",
        "GRAY",
    ),
    case(
        "07PANAMA1797-quoted-note-before",
        """high and distinguished consideration. 
 
November 16, 2007 
To the Honorable Embassy of the United States of America 
City 
ARREAGA""",
        "ARREAGA",
    ),
    case(
        "02ROME1748-classification-trailer",
        """ITALIAN PARTICIPATION WOULD BE THE BEST WAY TO PREVENT USE OF 
RABTA FOR ILLICIT B/CW PRODUCTION. 
SEMBLER 
 
                          SECRET 
 
> 
 2002ROME01748 - Classification: SECRET""",
        "SEMBLER",
    ),
    case(
        "09BERLIN1167-mixed-case-signer",
        """leadership would ensure that German legal frameworks are 
adequate and that law enforcement and security officials 
continue our current close cooperation and robust information 
sharing on operational matters. 
 
Murphy""",
        "Murphy",
    ),
    case(
        "09BAMAKO504-web-text",
        "¶8. (C) Recent developments on the diplomatic front make clear that ATT and the "
        "Malians are pursuing multiple alliances in the fight against Al Qaeda.\n\n"
        "MILOVANOVIC",
        "MILOVANOVIC",
    ),
]


@pytest.mark.parametrize(("text", "expected"), unique_ids(SIGNER_CASES))
def test_signer(text, expected):
    assert parse_signer(text) == expected


# ---------------------------------------------------------------------------
# TO / INFO addressees
# Expected: Recipient(route, name, precedence, mcn) per addressee line, in
# order; page headers inside the block, ``XMT`` (do not transmit) lines and
# the office distribution list (``INFO LOG-00 ...``) of the State Department
# copy are not addressees.
# ---------------------------------------------------------------------------

_H_09STATE15113 = """P 182318Z FEB 09
FM SECSTATE WASHDC
TO PAGE 02        STATE   015113  182333Z 
ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY
AMEMBASSY TRIPOLI PRIORITY"""

_H_89STATE403378 = """O 201405Z DEC 89
FM SECSTATE WASHDC
TO SPECIAL EMBASSY PROGRAM NIACT IMMEDIATE
AMCONSUL LENINGARD NIACT IMMEDIATE"""

_H_09BAKU179 = """P 061232Z MAR 09
FM AMEMBASSY BAKU
TO SECSTATE WASHDC PRIORITY 0872"""

_H_08STATE23763 = """FM SECSTATE WASHDC
TO PAGE 02        STATE   023763  071504Z
AMEMBASSY NEW DELHI PRIORITY
INFO MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE PRIORITY"""

_H_ROUTED_INFO = """TO AMEMBASSY NEW DELHI PRIORITY
INFO RUEHTH/AMEMBASSY ATHENS 0121
RUEUITH/DET 1 39LG ANKARA TU"""

_H_08STATE125686 = """R 270230Z NOV 08
FM SECSTATE WASHDC
INFO AMEMBASSY PANAMA"""

_H_08STATE50524 = """TO AMEMBASSY BEIJING IMMEDIATE
INFO PAGE 02        STATE   050524  131535Z
AMEMBASSY BAGHDAD PRIORITY"""

_H_89STATE401887 = """O P 190243Z DEC 89
FM SECSTATE WASHDC
TO ALL AMERICAN REPUBLIC DIPLOMATIC POSTS IMMEDIATE
ALL OECD CAPITALS
AMEMBASSY MOSCOW IMMEDIATE
AMEMBASSY TOKYO IMMEDIATE
AMEMBASSY MANAGUA
INFO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY
XMT USINT HAVANA"""

_H_09BAMAKO504 = """VZCZCXRO9324  
RR RUEHPA  
DE RUEHBP #0504/01 2101419  
ZNY CCCCC ZZH  
R 291419Z JUL 09  
FM AMEMBASSY BAMAKO  
TO RUEHC/SECSTATE WASHDC 0599  
INFO RUEHZK/ECOWAS COLLECTIVE  
RUEHAS/AMEMBASSY ALGIERS 0666  
RHEFDIA/DIA WASHDC  
RHMFISS/HQ USAFRICOM STUTTGART GE  
RUEAIIA/CIA WASHDC"""

_H_08OTTAWA918 = """VZCZCXRO3160
OO RUEHGA RUEHHA RUEHMT RUEHQU RUEHVC
DE RUEHOT #0918/01 1911849
ZNY SSSSS ZZH
O 091849Z JUL 08
FM AMEMBASSY OTTAWA
TO RUEHC/SECSTATE WASHDC IMMEDIATE 8157
INFO RUCNCAN/ALL CANADIAN POSTS COLLECTIVE PRIORITY
RUEHBUL/AMEMBASSY KABUL PRIORITY 0198
RUEHIL/AMEMBASSY ISLAMABAD PRIORITY 0815
RUSBPW/AMCONSUL PESHAWAR PRIORITY 0098
RUEKJCS/JOINT STAFF WASHDC PRIORITY
RUEKJCS/OSD WASHDC PRIORITY
RHEHNSC/WHITE HOUSE NSC WASHINGTON DC PRIORITY
RUEAIIA/CIA WASHDC PRIORITY
RHMFISS/CDR USCENTCOM  PRIORITY
RUEAHLC/DEPT OF HOMELAND SECURITY WASHDC PRIORITY
RUEKDIA/DIA WASHDC PRIORITY
RHMFISS/HQ USNORTHCOM  PRIORITY"""

_H_09CARACAS1333 = """VZCZCXRO1314
RR RUEHDE RUEHDH
DE RUEHCV #1333/01 2882159
ZNY CCCCC ZZH
R 152159Z OCT 09
FM AMEMBASSY CARACAS
TO RUEHC/SECSTATE WASHDC 3833
INFO RUEHHH/OPEC COLLECTIVE
RUEHWH/WESTERN HEMISPHERIC AFFAIRS DIPL POSTS
RHEHNSC/NSC WASHDC
RHEHAAA/WHITEHOUSE WASHDC
RHEBAAA/DEPT OF ENERGY
RUCPDOC/DEPT OF COMMERCE
RUEATRS/DEPT OF TREASURY
RUMIAAA/HQ USSOUTHCOM MIAMI FL"""

_H_09MOSCOW2529 = """VZCZCXYZ0000
PP RUEHWEB

DE RUEHMO #2529/01 2791432
ZNY CCCCC ZZH
P 061432Z OCT 09 ZDK
FM AMEMBASSY MOSCOW
TO RUEKJCS/JOINT STAFF WASHDC PRIORITY
RUEHC/SECSTATE WASHDC PRIORITY 4996
RUEKJCS/SECDEF WASHDC PRIORITY
INFO RUCNCIS/CIS COLLECTIVE PRIORITY
RUEHXD/MOSCOW POLITICAL COLLECTIVE PRIORITY
RUEHZG/NATO EU COLLECTIVE PRIORITY"""

_H_09RPODUBAI235 = """VZCZCXRO4299
RR RUEHBC RUEHDE RUEHKUK RUEHTRO
DE RUEHDIR #0235/01 1601424
ZNY CCCCC ZZH
R 091424Z JUN 09
FM RPO DUBAI
TO RUEHC/SECSTATE WASHDC 0424
INFO RUEHDIR/RPO DUBAI 0425
RHEHAAA/NSC WASHINGTON DC
RUCNIRA/IRAN COLLECTIVE
RUEAIIA/CIA WASHDC
RUEHAD/AMEMBASSY ABU DHABI 0347
RUEIDN/DNI WASHINGTON DC
RUEKJCS/SECDEF WASHINGTON DC
RUMICEA/USCENTCOM INTEL CEN MACDILL AFB FL"""

_H_09BUENOSAIRES1235 = """VZCZCXYZ0035
OO RUEHWEB

DE RUEHBU #1235/01 3241653
ZNY CCCCC ZZH
O R 201653Z NOV 09
FM AMEMBASSY BUENOS AIRES
TO RUEHC/SECSTATE WASHDC IMMEDIATE 0071
INFO MERCOSUR COLLECTIVE
RHEHNSC/WHITE HOUSE NATIONAL SECURITY COUNCIL WASHINGTON DC
RUCQSAB/USSOCOM INTEL MACDILL AFB FL"""

_H_86MADRID5480 = """O 121758Z MAY 86
FM AMEMBASSY MADRID
TO SECSTATE WASHDC IMMEDIATE 8202
EC COLLECTIVE IMMEDIATE
INFO AMEMBASSY ALGIERS
AMEMBASSY RABAT
AMEMBASSY TUNIS"""

_H_08LONDON2651 = """P 211703Z OCT 08
FM AMEMBASSY LONDON
TO CDR USCENTCOM MACDILL AFB FL PRIORITY
SECDEF WASHDC PRIORITY
INFO SECSTATE WASHDC PRIORITY 0149
EUROPEAN POLITICAL COLLECTIVE
AMEMBASSY ISLAMABAD
AMEMBASSY KABUL"""

_H_09STATE67105 = """INFO  LOG-00   MFA-00   EEB-00   AF-00    AID-00   A-00     CIAE-00
      INL-00   DNI-00   DODE-00  DOTE-00  WHA-00   PERC-00  EAP-00
      SRAP-00  SGC-00   PESU-00    /001R


P 291659Z JUN 09
FM SECSTATE WASHDC
TO SECURITY OFFICER COLLECTIVE PRIORITY
AMEMBASSY TRIPOLI PRIORITY
INFO AMCONSUL CASABLANCA PRIORITY"""

_H_09STATE100153 = """UNCLASSIFIED   STATE   00100153 
O 251814Z SEP 09
FM SECSTATE WASHDC
TO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE IMMEDIATE
RUEHTRO/AMEMBASSY TRIPOLI IMMEDIATE 9888"""

_H_10SARAJEVO134 = """VZCZCXRO9701
RR RUEHDBU RUEHFL RUEHKW RUEHLA RUEHNP RUEHROV RUEHSL
DE RUEHVJ #0134/01 0401233
ZNY SSSSS ZZH
R 091233Z FEB 10
FM AMEMBASSY SARAJEVO
TO RUEHC/SECSTATE WASHDC 1374
INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE
RHEHNSC/NSC WASHDC
RUEAIIA/CIA WASHINGTON DC
RHEFDIA/DIA WASHINGTON DC
RUEKJCS/JCS WASHINGTON DC
RUEKJCS/SECDEF WASHDC
XMT AMCONSUL STRASBOURG"""

_H_09ABUDHABI862 = """INFO  LOG-00   EEB-00   AF-00    AID-00   AMAD-00  A-00     CIAE-00  
      INL-00   DOTE-00  PERC-00  DS-00    DHSE-00  FAAE-00  VCI-00   
      MEPP-00  SANA-00    /000W
  
O 311005Z AUG 09
FM AMEMBASSY ABU DHABI
TO NSC WASHDC IMMEDIATE
SECSTATE WASHDC IMMEDIATE 2881
INFO SECDEF WASHINGTON DC"""

_H_09ABUJA1907 = """VZCZCXRO4227
PP RUEHPA
DE RUEHUJA #1907/01 2930617
ZNY CCCCC ZZH
P 200617Z OCT 09
FM AMEMBASSY ABUJA
TO RUEHC/SECSTATE WASHDC PRIORITY 7262
INFO RUEHOS/AMCONSUL LAGOS PRIORITY 2129
RUEHSA/AMCONSUL JOHANNESBURG 0101
RUEHZK/ECOWAS COLLECTIVE
RHEBAAA/DEPT OF ENERGY WASHDC
RUCPDOC/DEPT OF COMMERCE WASHDC
RUEATRS/DEPT OF TREASURY WASHDC"""

_H_72TEHRAN1164 = """R 250930Z FEB 72 
FM AMEMBASSY TEHRAN
TO SECSTATE WASHDC 7561 
INFO SECDEF
EUCOM
CSAF"""

_H_90CAPETOWN97 = """CONFIDENTIAL

PAGE 01        CAPE T  00097  01 OF 03  182017Z
ACTION AF-00

INFO  LOG-00   ADS-00   INR-05   EUR-00   SS-00    CIAE-00  DODE-00
      H-01     NSCE-00  NSAE-00  HA-09    L-03     TRSE-00  PM-10
      PA-01    OMB-01   INRE-00  USIE-00  SP-02    SNP-01   PRS-01
      P-02     T-01     /037 W
                    ------------------352654  200910Z /23
R 171512Z JAN 90
FM AMCONSUL CAPE TOWN
TO SECSTATE WASHDC 5365
INFO AMEMBASSY PRETORIA
AMCONSUL JOHANNESBURG
AMCONSUL DURBAN
AMEMBASSY LUSAKA
AMEMBASSY HARARE
AMEMBASSY LONDON
AMEMBASSY PARIS"""

_H_10STATE7810 = """VZCZCXRO8554
PP RUEHSL
DE RUEHC #7810/01 0262036
ZNY SSSSS ZZH
P 262029Z JAN 10
FM SECSTATE WASHDC
TO ALL NATO POST COLLECTIVE PRIORITY
INFO RUEHMO/AMEMBASSY MOSCOW PRIORITY 6905"""

_H_09MANAMA642 = """R 040644Z NOV 09
FM AMEMBASSY MANAMA
TO HQ USCENTCOM MACDILL AFB FL
SECSTATE WASHDC 8999
INFO GULF COOPERATION COUNCIL COLLECTIVE
AMEMBASSY BAGHDAD 
AMEMBASSY ISLAMABAD 
AMEMBASSY KABUL 
USMISSION USNATO 
COMUSNAVCENT
SECDEF WASHDC"""

_H_08VLADIVOSTOK68 = """P 090721Z JUL 08
FM AMCONSUL VLADIVOSTOK
TO SECSTATE WASHDC PRIORITY 0974
INFO MOSCOW POLITICAL COLLECTIVE
AMCONSUL VLADIVOSTOK"""

R = Recipient

RECIPIENT_CASES = [
    case(
        "09STATE15113-page-header-on-to-line",
        _H_09STATE15113,
        [
            R(None, "ALL DIPLOMATIC POSTS COLLECTIVE", "PRIORITY"),
            R(None, "AMEMBASSY TRIPOLI", "PRIORITY"),
        ],
    ),
    case(
        "89STATE403378-niact-immediate",
        _H_89STATE403378,
        [
            R(None, "SPECIAL EMBASSY PROGRAM", "NIACT IMMEDIATE"),
            R(None, "AMCONSUL LENINGARD", "NIACT IMMEDIATE"),
        ],
    ),
    case(
        "09BAKU179-precedence-and-mcn",
        _H_09BAKU179,
        [R(None, "SECSTATE WASHDC", "PRIORITY", "0872")],
    ),
    case(
        "08STATE23763-page-header-on-to-line",
        _H_08STATE23763,
        [R(None, "AMEMBASSY NEW DELHI", "PRIORITY")],
    ),
    case(
        "to-line-before-routed-info", _H_ROUTED_INFO, [R(None, "AMEMBASSY NEW DELHI", "PRIORITY")]
    ),
    case("08STATE125686-info-only", _H_08STATE125686, []),
    case("08STATE50524", _H_08STATE50524, [R(None, "AMEMBASSY BEIJING", "IMMEDIATE")]),
    case(
        "89STATE401887-several-lines",
        _H_89STATE401887,
        [
            R(None, "ALL AMERICAN REPUBLIC DIPLOMATIC POSTS", "IMMEDIATE"),
            R(None, "ALL OECD CAPITALS"),
            R(None, "AMEMBASSY MOSCOW", "IMMEDIATE"),
            R(None, "AMEMBASSY TOKYO", "IMMEDIATE"),
            R(None, "AMEMBASSY MANAGUA"),
        ],
    ),
    case(
        "09BAMAKO504-trailing-spaces", _H_09BAMAKO504, [R("RUEHC", "SECSTATE WASHDC", None, "0599")]
    ),
    case("08OTTAWA918", _H_08OTTAWA918, [R("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "8157")]),
    case("09CARACAS1333", _H_09CARACAS1333, [R("RUEHC", "SECSTATE WASHDC", None, "3833")]),
    case(
        "09MOSCOW2529-three-routed-lines",
        _H_09MOSCOW2529,
        [
            R("RUEKJCS", "JOINT STAFF WASHDC", "PRIORITY"),
            R("RUEHC", "SECSTATE WASHDC", "PRIORITY", "4996"),
            R("RUEKJCS", "SECDEF WASHDC", "PRIORITY"),
        ],
    ),
    case("09RPODUBAI235", _H_09RPODUBAI235, [R("RUEHC", "SECSTATE WASHDC", None, "0424")]),
    case(
        "09BUENOSAIRES1235",
        _H_09BUENOSAIRES1235,
        [R("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "0071")],
    ),
    case(
        "86MADRID5480-unrouted-two-lines",
        _H_86MADRID5480,
        [R(None, "SECSTATE WASHDC", "IMMEDIATE", "8202"), R(None, "EC COLLECTIVE", "IMMEDIATE")],
    ),
    case(
        "08LONDON2651-unrouted",
        _H_08LONDON2651,
        [R(None, "CDR USCENTCOM MACDILL AFB FL", "PRIORITY"), R(None, "SECDEF WASHDC", "PRIORITY")],
    ),
    case(
        "09STATE67105-after-distribution-list",
        _H_09STATE67105,
        [
            R(None, "SECURITY OFFICER COLLECTIVE", "PRIORITY"),
            R(None, "AMEMBASSY TRIPOLI", "PRIORITY"),
        ],
    ),
    case(
        "09STATE100153-collective-and-routed",
        _H_09STATE100153,
        [
            R(None, "ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE", "IMMEDIATE"),
            R("RUEHTRO", "AMEMBASSY TRIPOLI", "IMMEDIATE", "9888"),
        ],
    ),
    case("10SARAJEVO134", _H_10SARAJEVO134, [R("RUEHC", "SECSTATE WASHDC", None, "1374")]),
    case(
        "09ABUDHABI862-after-distribution-list",
        _H_09ABUDHABI862,
        [R(None, "NSC WASHDC", "IMMEDIATE"), R(None, "SECSTATE WASHDC", "IMMEDIATE", "2881")],
    ),
    case("09ABUJA1907", _H_09ABUJA1907, [R("RUEHC", "SECSTATE WASHDC", "PRIORITY", "7262")]),
    case(
        "72TEHRAN1164-trailing-space", _H_72TEHRAN1164, [R(None, "SECSTATE WASHDC", None, "7561")]
    ),
    case(
        "90CAPETOWN97-after-distribution-list",
        _H_90CAPETOWN97,
        [R(None, "SECSTATE WASHDC", None, "5365")],
    ),
    case(
        "10STATE7810-collective", _H_10STATE7810, [R(None, "ALL NATO POST COLLECTIVE", "PRIORITY")]
    ),
    case(
        "09MANAMA642-command-first",
        _H_09MANAMA642,
        [R(None, "HQ USCENTCOM MACDILL AFB FL"), R(None, "SECSTATE WASHDC", None, "8999")],
    ),
    case("08VLADIVOSTOK68", _H_08VLADIVOSTOK68, [R(None, "SECSTATE WASHDC", "PRIORITY", "0974")]),
]

INFO_RECIPIENT_CASES = [
    case(
        "08STATE23763-collective",
        _H_08STATE23763,
        [R(None, "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE", "PRIORITY")],
    ),
    case(
        "routed-with-mcn",
        _H_ROUTED_INFO,
        [R("RUEHTH", "AMEMBASSY ATHENS", None, "0121"), R("RUEUITH", "DET 1 39LG ANKARA TU")],
    ),
    case("08STATE125686-after-fm", _H_08STATE125686, [R(None, "AMEMBASSY PANAMA")]),
    case("single-line", "INFO AMEMBASSY PANAMA", [R(None, "AMEMBASSY PANAMA")]),
    case(
        "routed-two-lines",
        "INFO RUEHTH/AMEMBASSY ATHENS 0121\nRHMFIUU/39OS INCIRLIK AB TU",
        [R("RUEHTH", "AMEMBASSY ATHENS", None, "0121"), R("RHMFIUU", "39OS INCIRLIK AB TU")],
    ),
    case("xmt-only", "INFO XMT FOOBAR", []),
    case(
        "08STATE50524-page-header-on-info-line",
        _H_08STATE50524,
        [R(None, "AMEMBASSY BAGHDAD", "PRIORITY")],
    ),
    case(
        "89STATE401887-xmt-after",
        _H_89STATE401887,
        [R(None, "ALL DIPLOMATIC AND CONSULAR POSTS", "PRIORITY")],
    ),
    case("09STATE15113-no-info", _H_09STATE15113, []),
    case("09BAKU179-no-info", _H_09BAKU179, []),
    case(
        "09BAMAKO504-trailing-spaces",
        _H_09BAMAKO504,
        [
            R("RUEHZK", "ECOWAS COLLECTIVE"),
            R("RUEHAS", "AMEMBASSY ALGIERS", None, "0666"),
            R("RHEFDIA", "DIA WASHDC"),
            R("RHMFISS", "HQ USAFRICOM STUTTGART GE"),
            R("RUEAIIA", "CIA WASHDC"),
        ],
    ),
    case(
        "08OTTAWA918-double-space-before-precedence",
        _H_08OTTAWA918,
        [
            R("RUCNCAN", "ALL CANADIAN POSTS COLLECTIVE", "PRIORITY"),
            R("RUEHBUL", "AMEMBASSY KABUL", "PRIORITY", "0198"),
            R("RUEHIL", "AMEMBASSY ISLAMABAD", "PRIORITY", "0815"),
            R("RUSBPW", "AMCONSUL PESHAWAR", "PRIORITY", "0098"),
            R("RUEKJCS", "JOINT STAFF WASHDC", "PRIORITY"),
            R("RUEKJCS", "OSD WASHDC", "PRIORITY"),
            R("RHEHNSC", "WHITE HOUSE NSC WASHINGTON DC", "PRIORITY"),
            R("RUEAIIA", "CIA WASHDC", "PRIORITY"),
            R("RHMFISS", "CDR USCENTCOM", "PRIORITY"),
            R("RUEAHLC", "DEPT OF HOMELAND SECURITY WASHDC", "PRIORITY"),
            R("RUEKDIA", "DIA WASHDC", "PRIORITY"),
            R("RHMFISS", "HQ USNORTHCOM", "PRIORITY"),
        ],
    ),
    case(
        "09CARACAS1333-no-precedence",
        _H_09CARACAS1333,
        [
            R("RUEHHH", "OPEC COLLECTIVE"),
            R("RUEHWH", "WESTERN HEMISPHERIC AFFAIRS DIPL POSTS"),
            R("RHEHNSC", "NSC WASHDC"),
            R("RHEHAAA", "WHITEHOUSE WASHDC"),
            R("RHEBAAA", "DEPT OF ENERGY"),
            R("RUCPDOC", "DEPT OF COMMERCE"),
            R("RUEATRS", "DEPT OF TREASURY"),
            R("RUMIAAA", "HQ USSOUTHCOM MIAMI FL"),
        ],
    ),
    case(
        "09MOSCOW2529-collectives",
        _H_09MOSCOW2529,
        [
            R("RUCNCIS", "CIS COLLECTIVE", "PRIORITY"),
            R("RUEHXD", "MOSCOW POLITICAL COLLECTIVE", "PRIORITY"),
            R("RUEHZG", "NATO EU COLLECTIVE", "PRIORITY"),
        ],
    ),
    case(
        "09RPODUBAI235-mixed-mcn",
        _H_09RPODUBAI235,
        [
            R("RUEHDIR", "RPO DUBAI", None, "0425"),
            R("RHEHAAA", "NSC WASHINGTON DC"),
            R("RUCNIRA", "IRAN COLLECTIVE"),
            R("RUEAIIA", "CIA WASHDC"),
            R("RUEHAD", "AMEMBASSY ABU DHABI", None, "0347"),
            R("RUEIDN", "DNI WASHINGTON DC"),
            R("RUEKJCS", "SECDEF WASHINGTON DC"),
            R("RUMICEA", "USCENTCOM INTEL CEN MACDILL AFB FL"),
        ],
    ),
    case(
        "09BUENOSAIRES1235-first-unrouted",
        _H_09BUENOSAIRES1235,
        [
            R(None, "MERCOSUR COLLECTIVE"),
            R("RHEHNSC", "WHITE HOUSE NATIONAL SECURITY COUNCIL WASHINGTON DC"),
            R("RUCQSAB", "USSOCOM INTEL MACDILL AFB FL"),
        ],
    ),
    case(
        "86MADRID5480-unrouted",
        _H_86MADRID5480,
        [R(None, "AMEMBASSY ALGIERS"), R(None, "AMEMBASSY RABAT"), R(None, "AMEMBASSY TUNIS")],
    ),
    case(
        "08LONDON2651-secstate-as-info",
        _H_08LONDON2651,
        [
            R(None, "SECSTATE WASHDC", "PRIORITY", "0149"),
            R(None, "EUROPEAN POLITICAL COLLECTIVE"),
            R(None, "AMEMBASSY ISLAMABAD"),
            R(None, "AMEMBASSY KABUL"),
        ],
    ),
    case(
        "09STATE67105-distribution-list-is-not-info",
        _H_09STATE67105,
        [R(None, "AMCONSUL CASABLANCA", "PRIORITY")],
    ),
    case("09STATE100153-no-info", _H_09STATE100153, []),
    case(
        "10SARAJEVO134-xmt-line-excluded",
        _H_10SARAJEVO134,
        [
            R("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE"),
            R("RHEHNSC", "NSC WASHDC"),
            R("RUEAIIA", "CIA WASHINGTON DC"),
            R("RHEFDIA", "DIA WASHINGTON DC"),
            R("RUEKJCS", "JCS WASHINGTON DC"),
            R("RUEKJCS", "SECDEF WASHDC"),
        ],
    ),
    case(
        "09ABUDHABI862-distribution-list-is-not-info",
        _H_09ABUDHABI862,
        [R(None, "SECDEF WASHINGTON DC")],
    ),
    case(
        "09ABUJA1907-mixed",
        _H_09ABUJA1907,
        [
            R("RUEHOS", "AMCONSUL LAGOS", "PRIORITY", "2129"),
            R("RUEHSA", "AMCONSUL JOHANNESBURG", None, "0101"),
            R("RUEHZK", "ECOWAS COLLECTIVE"),
            R("RHEBAAA", "DEPT OF ENERGY WASHDC"),
            R("RUCPDOC", "DEPT OF COMMERCE WASHDC"),
            R("RUEATRS", "DEPT OF TREASURY WASHDC"),
        ],
    ),
    case(
        "72TEHRAN1164-one-word-addressees",
        _H_72TEHRAN1164,
        [R(None, "SECDEF"), R(None, "EUCOM"), R(None, "CSAF")],
    ),
    case(
        "90CAPETOWN97-distribution-list-is-not-info",
        _H_90CAPETOWN97,
        [
            R(None, "AMEMBASSY PRETORIA"),
            R(None, "AMCONSUL JOHANNESBURG"),
            R(None, "AMCONSUL DURBAN"),
            R(None, "AMEMBASSY LUSAKA"),
            R(None, "AMEMBASSY HARARE"),
            R(None, "AMEMBASSY LONDON"),
            R(None, "AMEMBASSY PARIS"),
        ],
    ),
    case(
        "10STATE7810-routed", _H_10STATE7810, [R("RUEHMO", "AMEMBASSY MOSCOW", "PRIORITY", "6905")]
    ),
    case(
        "09MANAMA642-trailing-spaces",
        _H_09MANAMA642,
        [
            R(None, "GULF COOPERATION COUNCIL COLLECTIVE"),
            R(None, "AMEMBASSY BAGHDAD"),
            R(None, "AMEMBASSY ISLAMABAD"),
            R(None, "AMEMBASSY KABUL"),
            R(None, "USMISSION USNATO"),
            R(None, "COMUSNAVCENT"),
            R(None, "SECDEF WASHDC"),
        ],
    ),
    case(
        "08VLADIVOSTOK68-sender-as-info",
        _H_08VLADIVOSTOK68,
        [R(None, "MOSCOW POLITICAL COLLECTIVE"), R(None, "AMCONSUL VLADIVOSTOK")],
    ),
]


@pytest.mark.parametrize(("header", "expected"), unique_ids(RECIPIENT_CASES))
def test_recipients(header, expected):
    assert parse_recipients(header) == expected


@pytest.mark.parametrize(("header", "expected"), unique_ids(INFO_RECIPIENT_CASES))
def test_info_recipients(header, expected):
    assert parse_info_recipients(header) == expected


# ---------------------------------------------------------------------------
# Canonical reference ids
# Expected: the id as Cablegate writes it: post names spelt in full and
# without typos (``05RIODEJAN123`` -> ``05RIODEJANEIRO123``), aliases resolved
# (``SECSTATE`` -> ``STATE``, ``USUN`` -> ``USUNNEWYORK``, ``UNVIE`` ->
# ``UNVIEVIENNA``, ``PARISFR`` -> ``UNESCOPARISFR``), ``EMBASSY`` and
# ``SECTION nn OF nn`` debris removed.
# ---------------------------------------------------------------------------

CANONICAL_ID_CASES = [
    case(raw, raw, expected)
    for raw, expected in [
        ("05RIO123", "05RIODEJANEIRO123"),
        ("05RIODEJAN123", "05RIODEJANEIRO123"),
        ("05PARISFR1", "05UNESCOPARISFR1"),
        ("05USUNESCOPARISFR1", "05UNESCOPARISFR1"),
        ("05UNVIE1", "05UNVIEVIENNA1"),
        ("05EMBASSYVIENNA1", "05VIENNA1"),
        ("05EMBASSYBLABLA1", "05BLABLA1"),
        ("06SECSTATE123", "06STATE123"),
        ("06SECDEF123", "06SECDEF123"),
        ("06PORT-OF-SPAIN123", "06PORTOFSPAIN123"),
        ("07PORT-AU-PRINCE12", "07PORTAUPRINCE12"),
        ("07PAUP12", "07PORTAUPRINCE12"),
        ("07PAP12", "07PORTAUPRINCE12"),
        ("07SANJSE12", "07SANJOSE12"),
        ("07USEU2", "07USEUBRUSSELS2"),
        ("07USUN2", "07USUNNEWYORK2"),
        ("08HALIF1234", "08HALIFAX1234"),
        ("08KUALALUMP1234", "08KUALALUMPUR1234"),
        ("08RIODEJANIERO1234", "08RIODEJANEIRO1234"),
        ("08BKK23", "08BANGKOK23"),
        ("01PANANA12", "01PANAMA12"),
        ("01WELLINGOTN12", "01WELLINGTON12"),
        ("66USUNNY12", "66USUNNEWYORK12"),
        ("05PANAM12", "05PANAMA12"),
        ("03MADRIDSP1234", "03MADRID1234"),
        ("03KINSTON1234", "03KINGSTON1234"),
        ("03BISHTEK1234", "03BISHKEK1234"),
        ("04VAT123", "04VATICAN123"),
        ("04SAOPAUO123", "04SAOPAULO123"),
        ("03SAOPAUL12", "03SAOPAULO12"),
        ("03SECTSTATE12", "03STATE12"),
        ("03HAGUE12", "03THEHAGUE12"),
        ("09PHNOMPEN12", "09PHNOMPENH12"),
        ("09TRIPOLII12", "09TRIPOLI12"),
        ("09BRASILA12", "09BRASILIA12"),
        ("09MEXICOCITY12", "09MEXICO12"),
        ("09USUNNEYORK234", "09USUNNEWYORK234"),
        ("09BRAZIL234", "09BRASILIA234"),
        ("09BA123", "09BUENOSAIRES123"),
        ("02USEUBRUSSELS12", "02USEUBRUSSELS12"),
        ("02BRUSSELS12", "02BRUSSELS12"),
        ("02USDA12", "02USDAFAS12"),
        ("10CDCATLANTA12", "10CDCATLANTAGA12"),
        ("10BRASIIA12", "10BRASILIA12"),
        ("10WELLLINGTON12", "10WELLINGTON12"),
        ("10USCUSTOMSA12", "10USCBP12"),
        ("10USDOCWASHDC12", "10USDOC12"),
        ("10RIODEJANERIO12", "10RIODEJANEIRO12"),
        ("03SECTATE12", "03STATE12"),
        ("03SECDEFWASH12", "03SECDEF12"),
        ("09BEIJINJG12", "09BEIJING12"),
        ("09BRAZILIA12", "09BRASILIA12"),
        ("02SCOPAULO12", "02SAOPAULO12"),
        ("09USEUBRUSEELS1292", "09USEUBRUSSELS1292"),
        ("08SCTION02OF02SAOPAULO335", "08SAOPAULO335"),
        ("08ECTION01OF02MANAMA492", "08MANAMA492"),
        ("09SECTION01OF03SANJOSE525", "09SANJOSE525"),
        ("09 BAMAKO 000504", "09BAMAKO504"),
        ("07 TBILISI 1605", "07TBILISI1605"),
    ]
]


@pytest.mark.parametrize(("raw", "expected"), unique_ids(CANONICAL_ID_CASES))
def test_canonical_reference_id(raw, expected):
    assert canonical_reference_id(raw) == expected
