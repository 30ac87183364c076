"""The closing lines: the signer and where the content before the signature ends.

:func:`signoff` reads the last lines of a text once for both answers: the
signer (:func:`parse_signer`) and the end of the body, which the summary and
:mod:`cablestats.parse.body` stop at.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from cablestats.parse.fields.views import (
    CACHE_SIZE,
    end_of_line,
    normalized,
    word_set,
)
from cablestats.parse.text import (
    PARAGRAPH_START_RE,
)

__all__ = [
    "Signoff",
    "parse_signer",
    "signoff",
]

# How much of the end of a text can hold the signer and the lines after it.
_TAIL_CHARS = 3_000
# How much of a long closing line is read for a signature or a web notice.
_LINE_TAIL_CHARS = 300


class Signoff(NamedTuple):
    """The end of a cable: where its content ends and who signed it."""

    content_end: int  # offset in ``normalized(text)`` where the signature or junk begins
    signer: str | None


# Lines after the signature that carry nothing: transmission markers, rules,
# classification repeats, page footers and truncation stubs.
_JUNK_LINE_RE = re.compile(
    r"(?:"
    r"[\W_]*"
    r"|BT|NNNN|#\d+|END[ \t]+(?:OF[ \t]+)?(?:CABLE[ \t]+)?(?:TEXT|MESSAGE)\.?"
    r"|MINIMIZE[ \t]+CONSIDERED\.?"
    r"|(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|SENSITIVE|NOFORN|SIPDIS|(?:[A-Z] ){4,}[A-Z]"
    r"|LIMITED[ \t]+OFFICIAL[ \t]+USE)(?:[ \t]*/[^\n]*)?"
    r"|\d{4}[A-Z]+\d+\b[^\n]*"
    r"|PAGE[ \t]+\d+[ \t][^\n]*\d{6}Z"
    r"|NOTE(?:[ \t]+BY\b|[ \t]*:)[^\n]*"
    r"|Declassified/Released\b[^\n]*|Review[ \t]+\d{1,2}[ \t]+[A-Z]{3}[ \t]+\d{4}"
    r"|[A-Z][A-Z .'-]{0,40}[ \t]+\d{6,8}[ \t]+\d{3}(?:\.\d{1,2})?[ \t]+OF[ \t]+\d{3}"
    r"|(?-i:[^a-z\n]{0,60})\.\.\."
    r"|ID:[ \t]*\d+|[^\n]{0,20}[ \t]@[ \t][^\n]{0,20}"
    r")",
    re.I,
)
# A line that names El País, a newspaper's credit under a copy, is junk too.  Looking
# for it costs a pass over the whole line, so it is done only when the line holds "pa"
# in some case (no other character lower-cases to "p" or "a").
_EL_PAIS_RE = re.compile(r"\bEL[ \t]+PA[IÍ]S\b", re.I)
# Notices that point to an embassy's classified web site, often wrapped over
# two lines and sometimes with the signer glued to their end.
_WEB_NOTICE_RE = re.compile(
    r"(?=[HWS.V])(?:https?://|www\.|sgov\.gov|\.gov/|\bVisit\b|Web[ \t]?site)", re.I
)
_NAME_WORD = r"[A-Z][A-Za-z'’-]*[A-Za-z]"
_SIGNER_LINE_RE = re.compile(
    rf"(?P<name>(?:{_NAME_WORD}|[a-z][a-z'’-]+[a-z])(?:[ \t]+(?:{_NAME_WORD}|JR|Jr)\.?){{0,2}})"
    r"(?:[ \t]+\d{4}-\d{2}-\d{2})?[ \t]*(?P<stop>\.?)[ \t]*#*"
)
# A name glued to the end of the last sentence: one word (or two in capitals,
# ``LA LIME``), perhaps ``JR``, a stray full stop or the date of the copy.
_TRAILING_NAME_RE = re.compile(
    rf"(?=[.A-Z])\.?(?P<name>(?:[A-Z][A-Z'’-]+[ \t]+)?{_NAME_WORD}(?:[ \t]+(?:JR|Jr)\.?)?)"
    r"(?:[ \t]+\d{4}-\d{2}-\d{2})?[ \t]*(?P<stop>\.?)[ \t]*$"
)
_SENTENCE_END_RE = re.compile(r"[.!?:;\"”'’)\]]$")
# "... END COMMENT THORNE": closing phrases end a sentence without a stop.
_CLOSING_WORD_RE = re.compile(r"(?:COMMENTS?|NOTE|TEXT|SUMMARY)$", re.I)
_ABBREVIATION_RE = re.compile(
    r"(?:[A-Za-z]\.)+|(?:Mr|Mrs|Ms|Dr|Amb|St|Gen|Sen|Rep|No|Gov|Lt|Col|Capt|Adm|Maj|Prof)\.",
    re.I,
)
# Closing words, and common words that open a sentence cut short.
_NOT_SIGNERS = word_set(
    """
    END COMMENT COMMENTS TEXT NOTE SUMMARY BT NNNN THANKS REGARDS CLASSIFIED UNCLASSIFIED
    CONFIDENTIAL SECRET SIPDIS NOFORN MINIMIZE CONSIDERED ACTION REQUEST BEGIN CONCLUSION
    THE A AN THIS THAT THESE THOSE IT ITS WE OUR HE SHE THEY THEIR HIS HER I IN ON AT
    FOR TO OF AND BUT OR AS IF WHEN WHILE WITH BY FROM NOT NO ALSO HOWEVER THERE
    """
)


# Closing junk lines are short; longer lines are content.
_JUNK_LINE_MAX_CHARS = 200


def _is_junk_line(line: str) -> bool:
    line = line.strip()
    if len(line) > _JUNK_LINE_MAX_CHARS:
        return False
    if _JUNK_LINE_RE.fullmatch(line):
        return True
    return "pa" in line.lower() and _EL_PAIS_RE.search(line) is not None


def _is_signer_name(name: str) -> bool:
    words = name.upper().replace(".", " ").split()
    return bool(words) and _NOT_SIGNERS.isdisjoint(words)


def _dedupe_words(name: str) -> str:
    """``KUBISKE KUBISKE`` (a signature printed twice) → ``KUBISKE``."""
    words = name.split()
    if len(words) == 2 and words[0].upper() == words[1].upper():
        return words[0]
    return name


def _closes_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence, so that a capitalised word after it is not prose."""
    text = text.rstrip()
    last = text.rsplit(None, 1)[-1] if text else ""
    if _ABBREVIATION_RE.fullmatch(last):
        return False
    return bool(_SENTENCE_END_RE.search(last) or _CLOSING_WORD_RE.fullmatch(last))


# The most words a trailing name spans with what may follow it (``.LA LIME JR.
# 2009-12-01 .``): the name is looked for among them, not at every capital before.
_TRAILING_NAME_WORDS = 5


def _last_words_start(line: str, count: int) -> int:
    """Where the whitespace before the last ``count`` words of ``line`` starts (0 if fewer)."""
    words = line.rsplit(None, count)
    return len(words[0]) if len(words) > count else 0


def _trailing_signer(line: str) -> tuple[str, int] | None:
    """A name glued to the end of a sentence or of a web notice (``... Europe. Edelman``).

    Returns the name and where it starts in ``line``.  Only the end of the line
    is read: web copies put whole paragraphs on one line.
    """
    offset = max(0, len(line) - _LINE_TAIL_CHARS)
    line = line[offset:]
    match = _TRAILING_NAME_RE.search(line, _last_words_start(line, _TRAILING_NAME_WORDS))
    if not match or match.start() == 0 or not line[match.start() - 1].isspace():
        return None
    name, before = match.group("name"), line[: match.start()]
    if " " in name and not _is_signer_name(name):
        # "END COMMENT EIKENBERRY": the first capitalised word belongs to the text.
        match = _TRAILING_NAME_RE.search(line, match.start("name") + name.index(" ") + 1)
        if not match:
            return None
        name, before = match.group("name"), line[: match.start()]
    if not _is_signer_name(name):
        return None
    opening = PARAGRAPH_START_RE.fullmatch("\n" + before)
    if opening and opening.group("marking"):
        return None  # "2. (U) Second.": the paragraph's only word
    if match.group("stop") and not name.isupper():
        return None  # "... went well. Second.": a sentence of one word
    # A name in capitals after prose in mixed case is a signature even when the
    # prose ends in an abbreviation ("... in the U.S. DANILOVICH").
    shouting = name.isupper() and any(map(str.islower, before))
    if shouting or _closes_sentence(before) or _WEB_NOTICE_RE.search(before):
        return name, offset + match.start("name")
    return None


@functools.lru_cache(maxsize=CACHE_SIZE)
def signoff(text: str) -> Signoff:
    """The signer of ``text`` and where the content before the signature ends.

    The signer is the name line at the end (``MILOVANOVIC``, ``Stapleton``),
    found above transmission markers (``BT``, ``#0504``, ``NNNN``), rules,
    web-site notices and other closing junk, or the name that web copies glue
    to the last sentence (``... End Comment. KAIDANOW``).
    """
    full = normalized(text)
    offset = max(0, len(full) - _TAIL_CHARS)
    tail = full[offset:]
    end = len(tail)
    while end > 0:
        start = tail.rfind("\n", 0, end) + 1
        line = tail[start:end]
        if start == 0 and offset > 0:
            break  # the window cut this line: it is not a closing line
        junk = _is_junk_line(line) or (
            _WEB_NOTICE_RE.search(line, max(0, len(line) - _LINE_TAIL_CHARS))
            and not _trailing_signer(line)
        )
        if not junk:
            break
        end = max(start - 1, 0)
    if end <= 0:
        return Signoff(offset, None)
    start = tail.rfind("\n", 0, end) + 1
    signer, position = _signer_in_line(tail[start:end], tail, start)
    content_end = start + position if signer else end
    above = _previous_line_start(tail, start)
    if signer and above is not None and _line_at(tail, above).upper() == signer.upper():
        content_end = above  # the signature printed twice, on lines of its own
    return Signoff(offset + _before_notices(tail, content_end), signer)


# A web-site notice from its first word to the end of its line, also when it
# follows the last sentence on the same line.
_NOTICE_RE = re.compile(
    r"(?=[PVHW])"
    r"(?:(?:\bPlease[ \t]+)?\bVisit\b[^\n]*(?:Web[ \t]?site|Web[ \t]?page|classified|Portal)[^\n]*$"
    r"|(?:https?://|www\.)[^\n]*$)",
    re.I,
)


def _before_notices(tail: str, end: int) -> int:
    """Move ``end`` up past the notices, blank and junk lines just above it."""
    while end > 0:
        start = tail.rfind("\n", 0, end) + 1
        line = tail[start:end]
        notice = _NOTICE_RE.search(line, max(0, len(line) - _LINE_TAIL_CHARS))
        if notice:
            if line[: notice.start()].strip():
                return start + notice.start()  # prose precedes the notice on its line
        elif line.strip() and not _is_junk_line(line):
            return end
        end = start - 1 if start > 0 else 0
    return 0


def _signer_in_line(line: str, tail: str, line_start: int) -> tuple[str | None, int]:
    """The signer in the last line of content and where it starts in the line."""
    stripped = line.strip()
    whole = _SIGNER_LINE_RE.fullmatch(stripped)
    if whole and _is_signer_name(whole.group("name")):
        name = whole.group("name")
        # A name in capitals is a signature wherever it stands; only another needs the
        # line above it read.
        if name.isupper() or (
            (name[0].isupper() or not whole.group("stop")) and _closed_above(tail, line_start, name)
        ):
            return _dedupe_words(name), line.find(stripped)
    trailing = _trailing_signer(line)
    return trailing if trailing else (None, 0)


def _previous_line_start(tail: str, line_start: int) -> int | None:
    """Where the last non-blank line before ``line_start`` starts."""
    end = line_start - 1
    while end > 0:
        start = tail.rfind("\n", 0, end) + 1
        if tail[start:end].strip():
            return start
        end = start - 1
    return None


def _line_at(tail: str, start: int) -> str:
    return tail[start : end_of_line(tail, start)].strip()


def _previous_line(tail: str, line_start: int) -> str:
    """The last non-blank line before ``line_start``."""
    start = _previous_line_start(tail, line_start)
    return "" if start is None else _line_at(tail, start)


def _closed_above(tail: str, line_start: int, name: str) -> bool:
    """Whether the line above a lone word ends a sentence or repeats the word, so it is a name."""
    previous = _previous_line(tail, line_start)
    return _previous_line_closed(previous) or previous.upper() == name.upper()


def _previous_line_closed(previous: str) -> bool:
    """Whether the line before a lone word ends a sentence, so that the word is a name."""
    return (
        not previous
        or previous.endswith(".")
        or _closes_sentence(previous)
        or _is_junk_line(previous)
        or bool(_WEB_NOTICE_RE.search(previous, max(0, len(previous) - _LINE_TAIL_CHARS)))
    )


def parse_signer(text: str) -> str | None:
    """The name that signs the cable on its last line.

    ``MILOVANOVIC``, ``PATTERSON``, ``LeBaron``: found above closing junk
    (blank lines, ``BT``, ``#0504``, ``NNNN``, ``Visit Embassy X's classified
    website: ...`` notices) or glued by a web copy to the last sentence
    (``... End Comment. KAIDANOW``).  A signature printed twice
    (``KUBISKE KUBISKE``, or on two lines) is read once.  A last word that is
    a paragraph or a sentence of its own (``2. (U) Noted.``, ``... well.
    Second.``) is not a signature.

    Returns
    -------
    str or None
        None when the cable ends in prose or in a closing phrase
        (``End Comment``).
    """
    return signoff(text).signer
