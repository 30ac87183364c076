"""Hypothesis strategies shared by the test suite."""

from __future__ import annotations

import pandas as pd
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

#: Words and posts of the small cable frames below.
WORDS = ["oil", "talks", "border", "election", "reform", "army", "court", "budget", "visa"]
POSTS = {"Embassy Bamako": "ML", "Embassy Tehran": "IR", "Embassy Paris": "FR"}


def cable_frame(
    bodies: list[str],
    tags: list[list[str]] | None = None,
    origins: list[str] | None = None,
    created: list[str] | None = None,
) -> pd.DataFrame:
    """A frame shaped like read_cables' output (index reference_id, list columns)."""
    n = len(bodies)
    frame = pd.DataFrame(
        {
            "created": pd.to_datetime(created or ["2009-01-15"] * n, utc=True, format="ISO8601"),
            "origin": origins or ["Embassy Bamako"] * n,
            "classification": ["CONFIDENTIAL"] * n,
            "caveats": [["NOFORN"] if i % 2 else [] for i in range(n)],
            "tags": tags or [["PGOV"]] * n,
            "subject": [None if i % 3 == 0 else f"Subject <{i}> & more" for i in range(n)],
            "references": [[f"09STATE{i}"] for i in range(n)],
            "body": bodies,
            "signer": ["DOE"] * n,
        },
        index=pd.Index([f"09POST{i}" for i in range(n)], name="reference_id"),
    )
    for column in ("origin", "classification", "subject", "body", "signer"):
        frame[column] = frame[column].astype(object)
    return frame


@st.composite
def cable_frames(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(1, 12))
    bodies = [
        " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))) for _ in range(n)
    ]
    tags = [
        draw(st.lists(st.sampled_from(["PGOV", "ML", "IR", "FR", "PTER"]), max_size=3))
        for _ in range(n)
    ]
    origins = [draw(st.sampled_from(list(POSTS))) for _ in range(n)]
    days = draw(st.lists(st.integers(0, 1500), min_size=n, max_size=n))
    created = [str(pd.Timestamp("2006-01-01") + pd.Timedelta(days=day)) for day in days]
    return cable_frame(bodies, tags=tags, origins=origins, created=created)
