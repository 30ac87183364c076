"""The officials named in the ``Classified By`` statement.

The statement is looked for in the front matter, then in the first paragraphs
(:func:`parse_classified_by`); its words are classed one by one (name,
initial, title, office, place), and the runs of names are kept.  The front
matter's first statement (:func:`classified_by_span`) also bounds the front
matter.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from cablestats.parse.fields.views import (
    CACHE_SIZE,
    Label,
    Span,
    ascii_upper,
    end_of_line,
    head_of,
    head_upper,
    normalized,
    word_set,
)
from cablestats.parse.text import (
    MARKING,
    REDACTION_RE,
    collapse_whitespace,
)
from cablestats.tags import tags_table

__all__ = [
    "classified_by_span",
    "parse_classified_by",
]

_CLASSIFIED_BY = Label(
    re.compile(
        r"(?:\(\s?[A-Z/]{1,6}\s?\)[ \t]*)?"
        r"(?:\bClassified[ \t]+By\b[ \t]*:?[ \t]*(?:\(\s?[A-Z/]{1,6}\s?\)[ \t]*)?)+",
        re.I,
    ),
    "CLASSIFIED",
)
# Letters of a word that a wrapped line split ("REA\nSONS", "f\nor").
_SPLIT = r"[ \t]*\n?[ \t]*"
# The reasons end the names: "for reasons 1.4 (b) and (d)", "per 1.5", "1.4(C)",
# "BASED ON", "DUE TO"; typed with slips ("Resons", "F0R", "FR REASONS").
_REASON_RE = re.compile(
    r"(?=[FR1PUE(BD])"
    rf"(?:(?:\bf{_SPLIT}[o0]?{_SPLIT}r\s+)?\br{_SPLIT}(?:e{_SPLIT}a?|a){_SPLIT}s?{_SPLIT}[o0]{_SPLIT}n"
    rf"|\b1{_SPLIT}[.,/]{_SPLIT}[45]\b|\bper\b|\bunder[ \t]+section\b"
    r"|\bE\.?[ \t]?O\.?[ \t]?1\d{4}|\(\s?[a-h]\s?\)|\bbased\s+(?:[o0]n|upon)\b|\bdue\s+to\b)",
    re.I,
)
# How far past the front matter the first paragraphs are searched.
_FIRST_PARAGRAPHS_CHARS = 3_000
# Where the statement ends at the latest: a blank line, the next field or
# paragraph, a rule.
_CLASSIFIED_BY_END_RE = re.compile(
    r"(?=[\nRTSE-])(?:\n[ \t]*\n|\n[ \t]*(?:¶|\d{1,3}[ \t]*\.(?!\d)|\(" + MARKING + r"\)|SUMMARY\b)"
    r"|\b(?:REF(?:S|TELS?)?|TAGS?|SUBJ(?:ECT)?)[ \t]*:|-{3,}|(?<=[.)\] ])SUMMARY\b"
    r"|\bE\.?[ \t]?O\.?[ \t]?1\d{4}[ \t]*:)",
    re.I,
)
# The reasons wrapped onto the next line: "FOR REASONS\n1.4 (B) AND (D)".
# A wrapped tail may also be the last letters alone ("(c).", "and (d).", "(b/d)."),
# which a paragraph opening with its marking ("(C) The minister ...") is not.
_REASON_TAIL_RE = re.compile(
    r"\n[ \t]*(?:(?:and|or|&)[ \t]+)?"
    r"(?:[a-z]{0,3}[ \t]?\d[ \t]?\.[ \t]?\d"
    r"|\(\s?[a-h](?:\s?[,/&]\s?(?:and\s)?[a-h])*\s?[),]"
    r"(?=[ \t]*(?:[.,;&(]|and\b|or\b|$)))",
    re.I | re.M,
)
# Words split by a wrapped line: "Blah\na" (lower case), "AFFAIR\nS" (capitals).
_WRAPPED_LOWER_RE = re.compile(r"(?<=[a-z])[ \t]*\n[ \t]*(?=[a-z]+\b)")
_WRAPPED_UPPER_RE = re.compile(r"(?<=[A-Z]{2})[ \t]*\n[ \t]*(?=[A-Z](?![\w.]))")
# An initial typed with a comma: "Luis G, Moreno".
_INITIAL_COMMA_RE = re.compile(r"(?<=[a-z] [A-Z]),(?= [A-Z][a-z])")
# Words written in lower case even in a statement in capitals.
_SMALL_WORDS_RE = re.compile(r"\b(?:for|of|and|by|the)\b")
_NAME_CHUNK_SPLIT_RE = re.compile(r"[,;]|[ \t](?:and|AND|And|&|-)[ \t]|\?")

_TITLE_WORDS = word_set(
    """
    ambassador amb ambassador-designate ambassador-at-large deputy chief mission dcm adcm
    charge chargé charg cda d'affaires d’affaires d,affaires d'affairs affaires affairs affair
    a.i a.i. ai political politics pol polcouns polcounselor polmc mc m-c polmil poloff polec
    ecopol econ economic economics econoff econcouns econmin ecmin econmincouns econmc
    polmincouns polmincons mincouns polchief minister minister-counselor counselor counsellor
    counsel couns coun min couselor councilor officer off conoff consul consular general congen
    cg principal po dpo regional rso director dir acting assistant secretary a/s das pdas senior
    adviser advisor under u/s bureau com head section unit internal leader coordinator
    coordinating interagency provincial development prt nas pas public diplomacy press attache
    attaché defense military management special envoy representative permanent delegate member
    chairman chair arms control chief-of-mission political-military security global executive
    vice deputy-chief ait usdel legatt legat ltc col lt cdr capt maj gen adm bg mg ltg sgt cpt
    office
    """
)
# Title words that slips of the keyboard are matched against ("Ambassaor").
_FUZZY_TITLES = word_set(
    """
    ambassador counselor counsellor director minister secretary assistant political economic
    principal officer deputy affairs affaires coordinator attache representative
    minister-counselor
    """
)
# Words after which the next words name a place (``Embassy Bamako``).
_PLACE_OPENERS = word_set(
    """
    embassy consulate consulate-general amembassy amconsul usmission department dept government
    """
)
# Words that are never names: offices, documents, the statement's own words.
_NOT_NAMES = word_set(
    """
    state dos usg us u.s u.s. usa exec nara derived multiple sources source line added
    classification classified reason reasons text entire confidential secret unclassified
    region regions asia europe africa america americas central south north east west middle
    near eastern western southern northern pacific caribbean latin
    """
)
_BUREAUS = word_set(
    """
    eur eap nea wha sca af io isn inr eeb pm drl oes ca ds inl prm ct dhs dod doe fbi cia usaid
    aid nsc osd jcs fo cjcs mtr ops ipc useu usnato usun irpo rpo cddea ecosoc vci afr cm
    """
)
_CONNECTORS = word_set(
    """
    of for the by in to on at from with as a an
    """
)
_PARTICLES = word_set(
    """
    de da del della di du dos das la le van von der den ter ten bin al el y
    """
)
_SUFFIXES = word_set(
    """
    jr jr. sr sr. ii iii iv
    """
)
# Lower-case words that stand on their own rather than ending a wrapped name
# ("d" of "Charge d,Affaires").
_NOT_GLUED = _PARTICLES | _CONNECTORS | _TITLE_WORDS | {"d"}
_NAME_TOKEN_RE = re.compile(r"[\"'“]?[A-Z][A-Za-z0'’.\"”-]*")
_INITIAL_RE = re.compile(r"[A-Z0]\.|(?:[A-Z]\.){2,3}")
_ACRONYM_MAX = 5
_FUZZY_MIN = 6


@functools.cache
def _place_words() -> frozenset[str]:
    """Words of country names (:mod:`cablestats.tags`): a name never contains them."""
    countries = tags_table().query("kind == 'country'")["name"]
    return frozenset(word.lower() for name in countries for word in re.findall(r"[A-Za-z]+", name))


def _near(word: str, target: str, limit: int) -> bool:
    """Whether ``word`` is within ``limit`` edits (insert, delete, swap, change) of ``target``."""
    if abs(len(word) - len(target)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(target) + 1))
    for i, char in enumerate(word, 1):
        row = [i]
        for j, other in enumerate(target, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == target[j - 2] and word[i - 2] == other:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        if min(row) > limit:
            return False
        previous2, previous = previous, row
    return previous[-1] <= limit


# Officials' names and titles recur from cable to cable, and the fuzzy
# comparisons behind these word classes are the costliest step of reading a
# "Classified By" statement, so their answers are kept.
_WORD_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def _is_title(word: str) -> bool:
    """A title or role word, also misspelt (``Ambassaor``, ``COUNSEL0R``) or hyphenated."""
    word = word.replace("0", "o")
    if word in _TITLE_WORDS or any(part in _TITLE_WORDS for part in word.split("-") if part):
        return True
    if len(word) < _FUZZY_MIN:
        return len(word) >= 4 and word.isalpha() and _near(word, "chief", 1)  # "CIEF"
    if not word.isalpha():
        return False
    limit = 1 if len(word) < 8 else 2
    return any(
        (word[0] in title[:2] or word[1] == title[0]) and _near(word, title, limit)
        for title in _FUZZY_TITLES
    )


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def _word_class(token: str, mixed_case: bool, previous: str) -> str:
    """What a token of the statement is: name, initial, suffix, title, place, ..."""
    word = token.lower().strip(".,:;()'’")
    bare = token.strip(".,:;()\"'“”’")
    if not bare:
        return "break"
    if REDACTION_RE.fullmatch(bare):
        return "redacted"
    if _INITIAL_RE.fullmatch(token) and word not in _TITLE_WORDS:  # not "A.I."
        return "initial"
    if word in _SUFFIXES:
        return "suffix"
    if "/" in bare:
        return "title"
    if len(bare) == 1 and bare.isupper() and (mixed_case or word != "a"):
        return "letter"  # an initial without its full stop, or a stray letter
    if mixed_case and bare.isupper() and len(bare) <= _ACRONYM_MAX:
        return "title"
    if word in _BUREAUS and not mixed_case:  # in capitals; "Doe" is a name
        return "title"
    if word in _PLACE_OPENERS:
        return "opener"
    # A country's word after a name is a surname ("William Jordan").
    if word in _NOT_NAMES or (word in _place_words() and previous not in {"name", "initial"}):
        return "place"
    if word in _CONNECTORS:
        return "connector"
    if word in _PARTICLES:
        return "particle"
    if _is_title(word):
        return "title"
    if _NAME_TOKEN_RE.fullmatch(token) and not any(ch.isdigit() and ch != "0" for ch in token):
        return "place" if previous == "opener" else "name"
    return "break"


def _glue_wrapped(tokens: list[str], mixed_case: bool) -> list[str]:
    """Rejoin a name split inside a line: ``Michae l Corbin`` → ``Michael Corbin``."""
    glued: list[str] = []
    for token in tokens:
        if (
            glued
            and mixed_case
            and token[:1].islower()
            and "." not in token
            and token.lower() not in _NOT_GLUED
            and glued[-1][:1].isupper()
            and not _is_title(glued[-1].lower())
        ):
            glued[-1] += token
        else:
            glued.append(token)
    return glued


class _Run(NamedTuple):
    words: list[str]
    before: str  # class of the token before the run ("start" at the chunk start)
    after: str  # class of the token after it ("end" at the chunk end)


# Kinds of token that a run of names is made of, and those that open one.
_RUN_PARTS = frozenset({"name", "initial", "suffix", "particle-in"})
_RUN_OPENERS = frozenset({"name", "initial"})


def _name_tokens(chunk: str, mixed_case: bool) -> list[str]:
    """The words of a chunk, wrapped names rejoined and words joined by ``/`` apart.

    ``A/S`` and ``Pol/C`` are roles and stay whole; ``DCM/Ted Osius`` and
    ``EUR/RPM`` are two words each.
    """
    tokens = []
    for token in _glue_wrapped(chunk.replace(":", " ").split(), mixed_case):
        if "/" not in token:
            tokens.append(token)
            continue
        parts = [part for part in token.split("/") if part]
        tokens.extend([token] if min(map(len, parts), default=0) == 1 else parts)
    return tokens


def _name_runs(chunk: str, mixed_case: bool) -> list[_Run]:
    """Runs of name tokens in a chunk, with the kinds of token around them."""
    tokens = _name_tokens(chunk, mixed_case)
    classes: list[str] = []
    kind = "start"
    for token in tokens:
        kind = _word_class(token, mixed_case, kind)
        classes.append(kind)
    # A letter or particle between other words and a name belongs to the name.
    for index in range(1, len(classes) - 1):
        kind = classes[index]
        if (kind == "letter" or kind == "particle") and classes[index + 1] == "name":
            classes[index] = "initial" if kind == "letter" else "particle-in"
    runs: list[_Run] = []
    index = 0
    while index < len(tokens):
        if classes[index] not in _RUN_OPENERS:
            index += 1
            continue
        start = index
        while index < len(tokens) and classes[index] in _RUN_PARTS:
            index += 1
        if "name" in classes[start:index]:
            before = classes[start - 1] if start else "start"
            after = classes[index] if index < len(tokens) else "end"
            runs.append(_Run(tokens[start:index], before, after))
    return runs


def _tidy_name(words: list[str]) -> str:
    name = " ".join(words).strip(",;:-")
    last = words[-1].rstrip("-")
    if name.endswith(".") and len(last.strip(".")) > 1 and last.lower() not in _SUFFIXES:
        name = name[:-1]
    return name


def _chunk_name(chunk: str, mixed_case: bool) -> tuple[str | None, bool]:
    """The name in one comma-separated part, and whether the part is only that name."""
    chosen = None
    for run in _name_runs(chunk, mixed_case):
        if "redacted" in (run.before, run.after):
            continue
        alone = run.before == "start" and run.after == "end"
        if len(run.words) == 1 and run.before != "title" and not alone:
            continue
        chosen = run
    if chosen is None:
        return None, False
    bare = chosen.before == "start" and chosen.after == "end"
    return _tidy_name(chosen.words), bare


def _suffix(chunk: str) -> str | None:
    """``Jr.``, ``III``: a suffix written after a comma; a stray full stop dropped."""
    if chunk.lower() not in _SUFFIXES and chunk.lower().rstrip(".") not in _SUFFIXES:
        return None
    return chunk if chunk.lower() in {"jr.", "sr."} else chunk.rstrip(".")


def _classified_by_names(statement: str) -> list[str]:
    """The names in a statement cut before its reasons."""
    if "\n" in statement:  # each pattern joins a word across a line break
        statement = _WRAPPED_UPPER_RE.sub("", _WRAPPED_LOWER_RE.sub("", statement))
    statement = collapse_whitespace(statement)
    if "," in statement:
        statement = _INITIAL_COMMA_RE.sub(".", statement)
    mixed_case = any(map(str.islower, _SMALL_WORDS_RE.sub("", statement)))
    chunks = [chunk.strip() for chunk in _NAME_CHUNK_SPLIT_RE.split(statement)]
    chunks = [chunk for chunk in chunks if chunk]
    found = [_chunk_name(chunk, mixed_case) for chunk in chunks]
    names: list[str] = []
    for index, (name, bare) in enumerate(found):
        suffix = _suffix(chunks[index])
        if suffix:
            if names:
                names[-1] += ", " + suffix
            continue
        if name is None:
            continue
        following = [found_name for found_name, _ in found[index + 1 :]]
        if bare and index == 0 and " " not in name and any(following):
            if len(chunks) > 2 and found[1][1] and " " not in (found[1][0] or " "):
                # "Martinez, Vilma, Ambassador": surname first, then the given name.
                names.append(f"{found[1][0]} {name}")
                break
            continue  # "Economical and Political Chief Ike Reed": not a name
        names.append(name)
        if bare and index == 0:
            # "Name, Title, Office": what follows describes this person.
            suffix = _suffix(chunks[1]) if len(chunks) > 1 else None
            if suffix:
                names[-1] += ", " + suffix
            break
    return list(dict.fromkeys(names))


def _classified_by_statements(text: str) -> Iterator[str]:
    """The statements that open with ``Classified By``, the front matter's first.

    Past the front matter (``1. CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY
    ...``) a statement counts only with its reasons, so that prose saying
    "classified by" is not read.
    """
    head = head_of(text)
    # The first statement, kept for front_matter_end, almost always names someone.
    first = classified_by_span(head)
    if first is not None:
        yield first.value
        spans = _classified_by_spans(head, head_upper(head))
        yield from (span.value for span in itertools.islice(spans, 1, None))
    first_paragraphs = "\n" + normalized(text)[: len(head) + _FIRST_PARAGRAPHS_CHARS]
    spans = _classified_by_spans(
        first_paragraphs,
        ascii_upper(first_paragraphs),
        start=max(len(head) - 1, 0),
        with_reasons=True,
    )
    yield from (span.value for span in spans)


def _classified_by_spans(
    text: str, upper: str, *, start: int = 0, with_reasons: bool = False
) -> Iterator[Span]:
    """The statements in ``text``, whose :func:`ascii_upper` is ``upper``, from ``start`` on."""
    found = upper.find("CLASSIFIED", start)
    while found >= 0:
        label = _CLASSIFIED_BY.pattern.match(text, found)
        if label:
            span, reasoned = _statement_span(text, label)
            if reasoned or not with_reasons:
                yield span
            found = upper.find("CLASSIFIED", label.end())
        else:
            found = upper.find("CLASSIFIED", found + 1)


def _statement_span(text: str, label: re.Match[str]) -> tuple[Span, bool]:
    """The statement from its label to the end of its reasons, and whether it gives them.

    The span's value holds the names: the text between the label and the reasons.
    """
    limit = _CLASSIFIED_BY_END_RE.search(text, label.end())
    stop = limit.start() if limit else len(text)
    reason = _REASON_RE.search(text, label.end(), stop)
    if reason is None:
        return Span(label.start(), stop, text[label.end() : stop]), False
    end = min(stop, end_of_line(text, reason.end()))
    # The tail may sit past ``stop``: "(c)." on its own line looks like a marking.
    while wrapped := _REASON_TAIL_RE.match(text, end):
        end = end_of_line(text, wrapped.end())
    return Span(label.start(), end, text[label.end() : reason.start()]), True


def parse_classified_by(text: str) -> list[str]:
    """The names of the officials in the ``Classified By`` statement.

    Titles and roles (``Ambassador``, ``Deputy Chief of Mission``, ``DCM``,
    ``Charge d'Affaires, a.i.``, ``PolOff``, ``A/DCM``, ``Acting ...``, also
    misspelt: ``Ambassaor``), offices and places (``Embassy Bamako``,
    ``Department of State``, ``EUR/RPM``, ``Ambassador to Sudan``) and the
    reasons (``for reasons 1.4 (b) and (d)``) are left out; several officials
    (``Ambassador X and DCM Y``) give several names.  Names keep the case,
    initials and suffixes they are written with (``THOMAS W. SIMONS, JR.``);
    words split by a wrapped line are joined.  The statement is looked for in
    the front matter, then in the first paragraphs; one that names nobody
    (``CLASSIFIED BY LINE ADDED``) gives way to the next.

    Returns
    -------
    list of str
        ``["Peter Henry Barlerin"]``; empty when there is no such statement or
        it names nobody (``Classified By: Ambassador``, a redacted name).
    """
    for statement in _classified_by_statements(text):
        names = _classified_by_names(statement)
        if names:
            return names
    return []


@functools.lru_cache(maxsize=CACHE_SIZE)
def classified_by_span(head: str) -> Span | None:
    """The front matter's first ``Classified By`` statement."""
    return next(_classified_by_spans(head, head_upper(head)), None)
