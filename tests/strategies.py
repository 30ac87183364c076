"""Hypothesis strategies shared by the test suite."""

from __future__ import annotations

from hypothesis import strategies as st

#: Lines that look like parts of a cable, so that generated text reaches deep parser paths.
CABLE_LINES = [
    "VZCZCXRO9324",
    "DE RUEHBP #0504/01 2101419",
    "R 291419Z JUL 09",
    "FM AMEMBASSY BAMAKO",
    "TO RUEHC/SECSTATE WASHDC 0599",
    "INFO RUEHZK/ECOWAS COLLECTIVE",
    "C O N F I D E N T I A L SECTION 01 OF 02 BAMAKO 000504",
    "UNCLAS SECTION 01 OF 02",
    "SIPDIS",
    "E.O. 12958: DECL: 01/13/2019",
    "E.O. 12958: DECL: 99/99/2019",
    "TAGS: PGOV PREL [PTER](#)",
    "TAGS PGOV,",
    "SUBJECT: SOMETHING",
    "REF: A. BAMAKO 445",
    "[1](#)B. 08 STATE 1234 AND PREVIOUS",
    "Classified By: Ambassador Jane Doe for reasons 1.4 (b) and (d).",
    "1. (C) Summary: text. End Summary.",
    "¶2. (S//NF) More.",
    "BAMAKO 00000504 002 OF 002",
    "XXXXXXXXXXXX",
    "-----",
    "MILOVANOVIC",
    "",
]

cable_like_text = st.lists(
    st.one_of(st.sampled_from(CABLE_LINES), st.text(max_size=80)), max_size=40
).map("\n".join)
