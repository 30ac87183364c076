"""Normalising raw cable text before field parsing.

Cable text reaches cablestats raw (CRLF or CR newlines, trailing blanks) or
copied from a web page, where the WikiLeaks viewer left its markup behind:
HTML-escaped newlines (``&#x000A;``), TAGS as links
(``<a href='/tag/PGOV_0.html'>PGOV</a>``), paragraph-mark links
(``<a id='par1' href='#par1'>¶</a>1.``) and, once pasted through a Markdown
converter, ``[PGOV](#)`` and ``[1](#)2.`` (the paragraph mark rendered as a
link named ``1``).  :func:`normalize_text` turns all of these back into plain
cable text so that the field parsers see one form.

The compiled patterns below describe the layout that every part of a cable
shares (paragraph openings, classification markings, section breaks, rules,
redactions); the field and body parsers build on them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = [
    "CLASSIFICATION_ONLY",
    "CLASSIFICATION_ONLY_LINE_RE",
    "MARKED_LINE_RE",
    "MARKING",
    "OTHER_BLANKS",
    "PAGE_HEADER_RE",
    "PARAGRAPH_START",
    "PARAGRAPH_START_RE",
    "PILCROW",
    "REDACTION_RE",
    "RULE_CHARS",
    "RULE_LINE_RE",
    "SECTION_BREAK_LINE_RE",
    "LinePattern",
    "clean_markup",
    "collapse_plain",
    "collapse_whitespace",
    "normalize_text",
    "plain_blanks",
    "remove_page_breaks",
    "remove_redactions",
]


class LinePattern(NamedTuple):
    """A pattern tried at line starts only, as ``^`` in multi-line mode would be, but faster.

    ``re`` tries a pattern that opens with ``^`` at every position of the text;
    here the first line is tried with ``first`` and every other line with
    ``after_newline``, which opens with the newline before it, a literal that
    ``re`` jumps to.  So a match on a line other than the first starts at that
    newline; groups, ``end()`` and the lines found are those of ``^``.
    """

    first: re.Pattern[str]
    after_newline: re.Pattern[str]

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> LinePattern:
        """The line pattern for ``pattern``, written without its ``^``."""
        return cls(re.compile(pattern, flags), re.compile(f"\n(?:{pattern})", flags))

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches on the lines that begin in ``text[start:end]``, in order.

        The iterator is that of ``re`` (with the first line's match chained in
        front), not a generator, which would cost a step of Python per match.
        """
        end = len(text) if end is None else end
        # A line that begins at ``start`` has its newline just before it.
        after_first = self.after_newline.finditer(text, max(start - 1, 0), end)
        if start == 0 and (first := self.first.match(text, 0, end)):
            return itertools.chain((first,), after_first)
        return after_first

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The match on the first line in ``text[start:end]`` that has one."""
        end = len(text) if end is None else end
        if start == 0 and (first := self.first.match(text, 0, end)):
            return first
        return self.after_newline.search(text, max(start - 1, 0), end)


#: The paragraph mark the web copies put before paragraph numbers (``¶2.``).
PILCROW = "¶"

#: A paragraph classification marking without its parentheses: ``U``, ``C``,
#: ``S``, ``SBU``, ``TS``, optionally with caveats (``S//NF``, ``C/NF``,
#: ``S//REL TO USA, ACGU``, ``U//FOUO``).  Case-insensitive by its users.
MARKING = (
    r"(?:SBU|TS|CUI|LOU|S|C|U)"
    r"(?:[ \t]*/{1,2}[ \t]*[A-Za-z][A-Za-z ,./-]{0,40}?)?"
)

# Patterns that look at line starts begin with a newline: ``re`` finds a
# literal first character quickly, while ``^`` in multi-line mode is tried at
# every position.  Callers search ``"\n" + text``.

#: The opening of a numbered paragraph after its newline and blanks: ``1. (C)``,
#: ``¶2. (SBU)``, ``3.(U)``, ``1, (C)``, ``1. C)``.  Groups: ``pilcrow``,
#: ``number``, ``marking``.  Patterns that look for several kinds of line in
#: one pass over a body build on it.  (Lookaheads like the first here let
#: ``re`` turn most lines away at their first character.)
PARAGRAPH_START = (
    r"(?=[¶\d])(?P<pilcrow>¶[ \t]*)?(?P<number>\d{1,3})[ \t]*"
    r"(?:\.(?!\d)|,(?=[ \t]*\()|\)(?=[ \t]))[ \t]*"
    rf"(?:\(?[ \t]*(?P<marking>{MARKING})[ \t]*\)[ \t]*)?"
)
#: The same with its newline and blanks.
PARAGRAPH_START_RE = re.compile(r"\n[ \t]*" + PARAGRAPH_START, re.I)
#: A line that opens with a marking but no number: ``(U) This is a PRT cable``.
MARKED_LINE_RE = re.compile(
    rf"\n[ \t]*(?=[¶(])(?P<pilcrow>¶[ \t]*)?\((?P<marking>{MARKING})\)[ \t]*(?=\S)", re.I
)
# The searches below run over whole bodies, so each opens with a literal
# that ``re`` can jump to (a newline, "00", "XXXX") instead of trying every
# position, and the rarer ones only run when a plain substring test finds
# their literal.  A page's serial is zero-padded to eight digits.
_BREAK_LINE_RE = re.compile(
    r"\n[ \t]*[A-Za-z][A-Za-z .'-]{0,40}[ \t]+00\d{4,6}[ \t]+\d{3}(?:\.\d{1,2})?"
    r"[ \t]+(?i:OF)[ \t]+\d{3}[ \t]*(?=\n|$)"
)
_SECTION_LINE_RE = re.compile(
    r"\n[ \t]*(?:(?:[A-Z] ){3,}[A-Z]|UNCLAS\w*|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)?"
    r"[ \t]*SECTION[ \t]+\d+[ \t]+OF[ \t]+\d+\b[^\n]*"
)
#: A page break line of the State Department's telegram printer
#: (``BAMAKO 00000504 002 OF 002``, ``RANGOON 00000355 001.6 OF 003``) or a
#: section line (``SECTION 01 OF 02``).
SECTION_BREAK_LINE_RE = re.compile(f"{_BREAK_LINE_RE.pattern}|{_SECTION_LINE_RE.pattern}")
# The serial and page of a break glued to a line of text ("... TO WASHINGTON
# BRASILIA 00000351 001.2 OF 003"); the serial is zero-padded to eight digits
# and the post word before it is taken back by hand.
_BREAK_PAGE_RE = re.compile(r"00\d{4,6}(?!\d)[ \t]+\d{3}(?:\.\d{1,2})?[ \t]+(?i:OF)[ \t]+\d{3}\b")
_POST_BEFORE_RE = re.compile(r"[ \t]*\b[A-Za-z]+[ \t]+$")
_POST_MAX_CHARS = 40
#: An old teletype page header: ``PAGE 02 HARARE 06677 01 OF 03 291400Z``.
PAGE_HEADER_RE = re.compile(
    r"PAGE[ \t]+\d{2,3}[ \t]+\S+(?:[ \t]+\d+[ \t]+\d+[ \t]+OF[ \t]+\d+[ \t]+\d{6}Z"
    r"|[ \t]+(?:[A-Z] ){3,}[A-Z])[ \t]*"
)
#: A level word of a line that holds only it (repeated on old printed pages).
CLASSIFICATION_ONLY = r"UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|(?:[A-Z] ){4,}[A-Z]"
#: A line holding only a classification level.
CLASSIFICATION_ONLY_LINE_RE = re.compile(rf"\n[ \t]*(?:{CLASSIFICATION_ONLY})[ \t]*(?=\n|$)")
#: The characters of rules: dashes (also typographic ones), equals signs,
#: underscores, stars and tildes.
RULE_CHARS = "-=_*~‐–—"
#: A rule line of three or more :data:`RULE_CHARS` and blanks (``-----``,
#: ``- - -``, ``=====``).
# Possessive quantifiers: a long run of dashes that does not end its line
# fails at once instead of being given back one dash at a time.
RULE_LINE_RE = re.compile(rf"\n[ \t]*+(?:[{RULE_CHARS}][ \t]*+){{3,}}+(?=\n|$)")
#: A redaction: a run of four or more X (``XXXXXXXXXXXX``) or a bracketed
#: ``[SOURCE REMOVED]``.
REDACTION_RE = re.compile(r"[Xx]{4,}|\[[A-Za-z ]{0,30}REMOVED\]", re.I)
# One pattern per form, each opening with a literal that ``re`` jumps to, and
# a character that each match holds: most texts lack it, and ``in`` finds one
# character far faster than ``re`` searches the text.
_REDACTIONS = (
    ("X", re.compile(r"XXXX+")),
    ("x", re.compile(r"xxxx+")),
    ("[", re.compile(r"\[[A-Za-z ]{0,30}(?:REMOVED|[Rr]emoved)\]")),
)

# Only the tags the cable viewer emits are removed, so that text which merely
# contains a "<" survives.
_HTML_TAG_RE = re.compile(
    r"</?(?:a|br|strong|em|b|i|u|span|code|pre|p|font|div|table|tbody|thead|tr|td|th)\b"
    r"[^<>\n]{0,300}?/?>",
    re.I,
)
# The entities a copied page carries; anything else is left as written.
_ENTITY_RE = re.compile(r"&(?:#x0*[aA]|#0*10|amp|lt|gt|quot|apos|nbsp|#0*39|#x0*27|#0*160);")
_ENTITIES = {
    "amp": "&",
    "lt": "<",
    "gt": ">",
    "quot": '"',
    "apos": "'",
    "nbsp": "\xa0",
}
# ``[text](target)``: a Markdown link; ``[1](#)`` in front of a number or a
# reference letter is the paragraph mark.
_MARKDOWN_LINK_RE = re.compile(r"\[([^\[\]\n]{0,80})\]\([^()\s]{0,200}\)")
_MARK_TARGET_RE = re.compile(r"[0-9A-Za-z]")
_BLANKS = " \t\f\v"
# Removing markup can uncover more (``&amp;lt;``, nested links), so passes
# repeat until one removes none; each shortens the text, real text needs one.
_MAX_PASSES = 8


def clean_markup(text: str) -> str:
    """:func:`normalize_text` without removing blanks at line ends.

    The field parsers tolerate trailing blanks, so they run this cheaper form.
    """
    for _ in range(_MAX_PASSES):
        text, markup_removed = _normalize_once(text, strip_blanks=False)
        if not markup_removed:
            break
    return text


def normalize_text(text: str) -> str:
    """Plain cable text: one newline convention, no trailing blanks, no web markup.

    Newlines (CRLF, CR, ``&#x000A;``) become ``\\n``; non-breaking spaces become
    spaces and blanks at line ends are dropped; link markup becomes its text
    (``[PGOV](#)`` and ``<a href='/tag/PGOV_0.html'>PGOV</a>`` → ``PGOV``) except
    for paragraph-mark links, which become ``¶`` (``[1](#)2.`` and
    ``<a id='par1' href='#par1'>¶</a>1.`` → ``¶2.``, ``¶1.``); the few other
    inline tags and entities of the cable viewer are removed or decoded.

    Parameters
    ----------
    text
        Cable text or a fragment of one, in any of the forms above.

    Returns
    -------
    str
        The normalised text.  The function is idempotent:
        ``normalize_text(normalize_text(t)) == normalize_text(t)``.
    """
    for index in range(_MAX_PASSES):
        text, markup_removed = _normalize_once(text, again=index > 0)
        if not markup_removed:
            break
    return text


def _normalize_once(
    text: str, *, strip_blanks: bool = True, again: bool = False
) -> tuple[str, bool]:
    """One pass; says whether markup was removed, which may uncover more markup.

    A pass ``again`` over the output of another strips line ends only when it
    removed markup: the others were stripped by the pass before.
    """
    before = text
    if "&" in text:
        text = _ENTITY_RE.sub(_decode_entity, text)
    if "<" in text:
        text = _HTML_TAG_RE.sub("", text)
    if "]" in text:
        text = _MARKDOWN_LINK_RE.sub(_link_text, text)
    if "\\" in text:
        # Copies that escaped their newlines: a backslash at a line end, or the
        # two characters backslash and "n" for the newline itself.
        text = text.replace("\\\r\n", "\n").replace("\\\n", "\n").replace("\\n", "\n")
    markup_removed = text != before
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    if strip_blanks and (markup_removed or not again):
        # Cheaper than searching for blanks first: one pass over the lines.
        text = "\n".join([line.rstrip(_BLANKS) for line in text.split("\n")])
    return text, markup_removed


#: The blanks that ``str.split()`` splits on besides the space and the newline.
OTHER_BLANKS = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# A text this short splits into few words, faster than it is looked through
# for other blanks.
_SHORT_TEXT_CHARS = 256


def plain_blanks(text: str) -> bool:
    """Whether the only blanks in ``text`` are spaces and newlines.

    Each test looks for one character, which ``in`` does at memory speed.
    """
    return not any(map(text.__contains__, OTHER_BLANKS))


def collapse_plain(text: str) -> str:
    """:func:`collapse_whitespace` for a text whose :func:`plain_blanks` holds.

    ``str.split()`` makes a string of every word; splitting at double spaces
    makes one per run of blanks, and takes a third of the time on cable text.
    Each piece holds single spaces only, one of them perhaps at its start (the
    rest of an odd run); pieces of blanks alone are the rest of longer runs.
    """
    pieces = text.replace("\n", " ").split("  ")
    return " ".join([stripped for piece in pieces if (stripped := piece.strip(" "))])


def collapse_whitespace(text: str) -> str:
    """``" ".join(text.split())``: runs of whitespace as one space, none at either end."""
    if len(text) > _SHORT_TEXT_CHARS and plain_blanks(text):
        return collapse_plain(text)
    return " ".join(text.split())


def remove_page_breaks(text: str, *, level_lines: bool = True) -> str:
    """Remove page-break artefacts: break lines, page headers, repeated classifications.

    ``BAMAKO 00000504 002 OF 002`` lines and ``SECTION 02 OF 03`` lines become
    blank lines; the same break glued to a line of text is cut out with its
    post (only one word of it, the words before belong to the text);
    ``PAGE 02 HARARE 06677 01 OF 03 291400Z`` headers and lines holding only a
    classification level are removed.  With ``level_lines=False`` the last are
    kept, for a caller that removes them together with other lines in one pass
    (:data:`CLASSIFICATION_ONLY_LINE_RE`).
    """
    if level_lines:
        text = CLASSIFICATION_ONLY_LINE_RE.sub("\n", text)
    if "SECTION" in text:
        text = _SECTION_LINE_RE.sub("\n", text)
    # No test for "PAGE" or " 00" first: ``re`` finds "PAGE" and "00" faster than
    # ``in`` finds them.
    text = PAGE_HEADER_RE.sub(" ", text)
    text, glued = _remove_break_lines(text)
    if not glued:
        return text
    pieces = []
    kept = 0
    for match in _BREAK_PAGE_RE.finditer(text):
        start = match.start()
        post = _POST_BEFORE_RE.search(text, max(kept, start - _POST_MAX_CHARS), start)
        pieces.append(text[kept : post.start() if post else start])
        kept = match.end()
    if not pieces:
        return text
    pieces.append(text[kept:])
    return "".join(pieces)


def _remove_break_lines(text: str) -> tuple[str, bool]:
    """``_BREAK_LINE_RE.sub("\\n", text)``, and whether a page is left glued to a line of text.

    The pattern is tried only on the lines that need it: every break line holds
    a page (``00000504 002 OF 002``) and no break line spans two lines, so the
    lines to try are those of the cheaper page pattern's matches, each tried
    once from its newline to its end.  The searches for newlines never go back
    over a line already read: linear time.  A page left behind is on a line
    that is kept (no match spans lines), which the caller must then search.
    """
    pieces: list[str] = []
    kept = 0
    line_end = -1
    removed = glued = False
    for page in _BREAK_PAGE_RE.finditer(text):
        if page.start() < line_end:
            glued = glued or not removed  # its line was tried already
            continue
        line_start = text.rfind("\n", max(line_end, 0), page.start())
        line_end = text.find("\n", page.end())
        line_end = len(text) if line_end < 0 else line_end
        removed = line_start >= 0 and bool(_BREAK_LINE_RE.fullmatch(text, line_start, line_end))
        if removed:
            pieces += (text[kept:line_start], "\n")
            kept = line_end
        else:
            glued = True
    if not pieces:
        return text, glued
    pieces.append(text[kept:])
    return "".join(pieces), glued


def remove_redactions(text: str) -> str:
    """Replace redactions (``XXXXXXXXXXXX``, ``[SOURCE REMOVED]``) by a space."""
    for char, pattern in _REDACTIONS:
        if char in text:
            text = pattern.sub(" ", text)
    return text


def _decode_entity(match: re.Match[str]) -> str:
    name = match.group(0)[1:-1].lower()
    if name in _ENTITIES:
        return _ENTITIES[name]
    number = int(name[2:], 16) if name.startswith("#x") else int(name[1:])
    return chr(number)


def _link_text(match: re.Match[str]) -> str:
    label = match.group(1).strip()
    following = match.string[match.end() : match.end() + 1]
    if label == PILCROW or (label.isdigit() and _MARK_TARGET_RE.match(following)):
        return PILCROW
    return label
