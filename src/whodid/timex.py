"""Time expressions -> TIMEX3-like values, and the helpers that date events with them.

``tag_times`` finds every time expression in a text with exact character offsets and resolves relative ones
("last week", "on Tuesday", "Nov 1") against the publication date. Values follow TIMEX3: "2019-06-30",
"2025-08", "2025-W39", "2025-Q3", "2025-SU", "2025", "199X" (decade), "19XX" (century), "P3Y" (duration),
"PRESENT_REF"/"PAST_REF"/"FUTURE_REF". Parts of the day make a TIME ("2025-09-26TMO": day precision).

The language (month and weekday names, modifiers, number words, cue lists, thresholds) lives in
``data/timex.yaml``; this module builds regular expressions from it and holds the logic only.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from whodid.model import Timex
from whodid.resources import load_yaml

__all__ = ["tag_times", "value_precision", "value_bounds", "is_historical", "infer_publication_date",
           "dateline_timexes"]


# ----------------------------------------------------------------------------------------------- lexicon
def _alt(words: list[str] | Any) -> str:
    """Regex alternation of literal words, longest first (so "Sept" wins over "Sep")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _caps(words: list[str]) -> list[str]:
    """Title-case and upper-case forms only: names of months and weekdays need their capital."""
    return [f for w in words for f in (w, w.upper())]


@dataclass(frozen=True)
class _Lexicon:
    """timex.yaml with the regular expressions built from it (built once per process)."""

    data: dict[str, Any]
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    number_of: dict[str, int]
    units: dict[str, dict[str, Any]]
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    modifier_re: re.Pattern[str]
    future_re: re.Pattern[str]
    left: dict[str, re.Pattern[str]]  # words looked for just before a match ("three" before "years ago")
    index: dict[str, tuple[int, ...]]  # lowercase word (or DIGIT) -> patterns that may start at it
    scanned: tuple[int, ...]  # patterns run with finditer
    holidays: dict[str, dict[str, int]]  # normalised holiday name -> its rule (holidays.yaml)
    week_of_re: re.Pattern[str]  # "the week of" just before a day


DIGIT = "#"  # index key of any number token
_TOKEN = re.compile(r"[A-Za-z]+|\d+")


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    d: dict[str, Any] = load_yaml("timex.yaml")
    month_of = {k.lower(): v for k, v in {**d["months"], **d["month_abbreviations"]}.items()}
    weekday_of = {k.lower(): v for k, v in {**d["weekdays"], **d["weekday_abbreviations"]}.items()}
    number_of = {k.lower(): v for k, v in d["number_words"].items()}

    mon_full = _alt(_caps(list(d["months"])))
    # Abbreviations may end in a dot; never followed by a letter ("Mar" is not "Marine").
    mon_abbr = _alt(_caps(list(d["month_abbreviations"])))
    mon = rf"(?:{mon_full}|(?:{mon_abbr})\.?)(?![\w])"
    wd_full = _alt(_caps(list(d["weekdays"])))
    wd = rf"(?:{wd_full}|(?:{_alt(_caps(list(d['weekday_abbreviations'])))})\.?)"
    year = r"(?:1[6-9]\d\d|20\d\d)"  # 1600-2099
    year_end = r"(?![\w%])(?![.,]\d)"
    units = _alt(d["units"])
    ones = _alt(list(number_of))
    tens = _alt(list(d["tens_words"]))
    units19 = "one|two|three|four|five|six|seven|eight|nine"
    num = rf"(?:(?:{tens})(?:[-\s](?:{units19}))?|{ones}|\d{{1,3}}(?:\.\d+)?)"
    vague = _alt(d["vague_numbers"])
    seasons = _alt(d["seasons"])
    rel = _alt(d["relative_words"])
    ordinals = _alt(d["ordinals"])
    parts = _alt(d["day_parts"])
    refs = _alt(d["reference_phrases"])
    deictic = _alt(d["deictic_days"])
    sets = _alt(d["set_words"])
    freq = _alt(d["set_frequency_words"])
    openers = _alt(d["duration_openers"])
    quarter_ord = "first|second|third|fourth|1st|2nd|3rd|4th"
    hyphen_mods = "|".join(rf"(?<=\b[{w[0].upper()}{w[0]}]{re.escape(w[1:])}-)"
                           for w in d["modifiers"] if " " not in w and d["modifiers"][w] in ("START", "MID", "END"))
    holidays = {_holiday_key(k): v for k, v in load_yaml("holidays.yaml")["holidays"].items()}
    # Holiday names keep their capitals; an apostrophe may be straight, curly or missing ("Presidents Day").
    hol = "|".join(re.escape(n).replace("'", "['’]?").replace(r"\ ", r"\s+")
                   for n in sorted(load_yaml("holidays.yaml")["holidays"], key=len, reverse=True))
    tz = _alt(d["time_zones"])
    hour = rf"(?:[01]?\d|2[0-3]|(?i:{_alt(d['hour_words'])}))"
    ampm = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b)"
    clock_day = (rf"(?:,?\s+(?:on\s+)?(?P<wd>{wd_full})\b|\s+(?P<dw>(?i:{_alt(d['clock_day_words'])}))\b)?")
    clock_tz = rf"(?:\s+(?:\((?P<tzp>{tz})\)|(?P<tz>{tz})\b))?"

    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    raw: list[tuple[str, str]] = [
        # 2019-06-30, 2025-09-27T10:00:00Z
        ("iso", r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                r"(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"),
        # 9/26/2025
        ("numeric", r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])"),
        # (Tuesday,) June 30(th)(, 2019)
        ("mdy", rf"\b(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\s*{day}(?:(?:,\s*|\s+)(?P<year>{year}){year_end})?"),
        # (Tuesday,) 30(th) (of) June (2019)
        ("dmy", rf"\b(?:(?P<wd>{wd}),?\s+)?(?<![\w.,])(?<!\d[.,]){day}\s+(?:of\s+)?(?P<mon>{mon})"
                rf"(?:,?\s+(?P<year>{year}){year_end})?"),
        # June 2019, June of 2019
        ("my", rf"\b(?P<mon>{mon})(?:\s+of)?,?\s+(?P<year>{year}){year_end}"),
        # a hyphen only after a modifier: "mid-November", not "ex-May"
        ("month", rf"(?:(?<![\w-])|{hyphen_mods})(?P<mon>{mon_full})(?![\w-])"),
        ("year", rf"(?<![\w$£€#/'])(?<!\d[.,])(?P<year>{year})(?!-\d\d(?!\d)){year_end}"),
        ("decade", r"(?<![\w'])(?:(?P<dec>(?:1\d|20)\d)0s|'(?P<d2>\d)0s)(?!\w)"),
        # Patterns below start at their rarer word; the number before it is found by ``left`` (speed).
        ("century", r"(?<=[\s-])(?i:century)\b"),
        ("quarter", rf"\b(?:(?i:(?P<q>{quarter_ord})\s+quarter)(?:(?:\s+of|,)?\s+(?P<year>{year}){year_end})?"
                    rf"|Q(?P<q2>[1-4])(?:\s+|-)(?P<year2>{year}){year_end})"),
        ("season_year", rf"\b(?i:(?P<season>{seasons}))(?:\s+of)?\s+(?P<year>{year}){year_end}"),
        ("relative", rf"\b(?i:(?P<rel>{rel})\s+)(?P<what>(?i:week|weekend|month|year|quarter|decade|century"
                     rf"|{seasons})\b|{wd_full}\b|{mon_full}\b)"),
        ("opener", rf"\b(?i:(?P<op>{openers})\s+(?:(?P<num>{num}|{vague})\s+)?(?P<unit>{units})s?)\b"),
        ("ago", rf"\b(?i:(?P<unit>{units})(?P<pl>s)?\s+ago)\b"),
        ("set", rf"\b(?i:(?P<set>{sets}))\b"),
        ("set_every", rf"(?i:\b(?:every|each)\s+(?P<enum>{num})\s+(?P<eunit>{units})s)\b"
                rf"|(?i:\b(?:every|each)\s+(?:other\s+)?)(?P<ewd>{wd_full})\b"),
        ("duration", rf"(?<=[\s-])(?i:(?P<unit>{units})s?)(?!-olds?\b)(?![\w-])"),
        ("bare_units", rf"(?i:(?<=\bfor\s)(?P<unit>{units})s)\b"),
        ("deictic", rf"\b(?i:(?P<deic>{deictic})(?:\s+(?P<part>{parts}))?)\b"),
        ("weekday", rf"(?<![\w-])(?P<wd>{wd_full})(?:\s+(?P<part>(?i:{parts})))?\b"),
        ("ref", rf"\b(?i:(?P<ref>{refs}))\b"),
        # 10:35 a.m., 3 p.m. EST, 9 a.m. Tuesday, 4 in the morning, nine o'clock, 14:30 GMT
        ("clock", rf"(?<![\w:.$£€,])(?P<h>{hour})(?::(?P<mi>[0-5]\d))?"
                  rf"(?:\s*(?P<ap>{ampm})|\s+(?P<oc>o['’]clock)|(?<=:\d\d)(?=\s+(?:{tz})\b)"
                  rf"|\s+(?i:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<part2>night)))"
                  rf"(?:\s+(?i:in\s+the\s+(?P<part3>morning|afternoon|evening)))?{clock_tz}{clock_day}"),
        ("clock_word", rf"(?<![\w-])(?P<cw>(?i:{_alt(d['clock_words'])}))(?![\w-]){clock_tz}{clock_day}"),
        # Christmas, New Year's Day, last Thanksgiving, Easter 2019
        ("holiday", rf"(?<![\w-])(?:(?P<rel>(?i:{_alt(d['yearless_direction'])}))\s+)?(?P<hol>{hol})"
                    rf"(?:(?:,?\s+|\s+of\s+)(?P<year>{year}){year_end})?(?![\w'’-])"
                    rf"(?!\s+(?:{_alt(d['holiday_not_before'])})\b)"),
    ]
    patterns = tuple((re.compile(p), kind) for kind, p in raw)

    # Speed: a pattern is tried only where a word that can start it stands (DIGIT: any number).
    def firsts(phrases: Any) -> set[str]:
        return {str(w).split()[0].lower() for w in phrases}

    month_words = firsts(month_of) | {"sep", "sept"}
    weekday_words = firsts(weekday_of)
    unit_words = firsts(d["units"]) | {f"{u}s" for u in firsts(d["units"])}
    starts: dict[str, set[str]] = {
        "iso": {DIGIT}, "numeric": {DIGIT}, "year": {DIGIT}, "mdy": month_words | weekday_words,
        "dmy": {DIGIT} | weekday_words, "my": month_words, "month": firsts(d["months"]),
        "century": {"century"}, "quarter": {"first", "second", "third", "fourth", "q", DIGIT},
        "season_year": firsts(d["seasons"]), "relative": firsts(d["relative_words"]),
        "opener": firsts(d["duration_openers"]), "ago": unit_words, "set": firsts(d["set_words"]),
        "set_every": {"every", "each"}, "duration": unit_words, "bare_units": unit_words,
        "deictic": firsts(d["deictic_days"]), "weekday": firsts(d["weekdays"]),
        "ref": firsts(d["reference_phrases"]), "clock": {DIGIT} | firsts(d["hour_words"]),
        "clock_word": firsts(d["clock_words"]),
        "holiday": firsts(holidays) | firsts(d["yearless_direction"]),
    }
    index: dict[str, list[int]] = {}
    scanned: list[int] = []
    for i, (_, kind) in enumerate(patterns):
        if kind in starts:
            for word in starts[kind]:
                index.setdefault(word, []).append(i)
        else:
            scanned.append(i)  # patterns that may start on punctuation ("'90s") run over the whole text
    mods = _alt(d["modifiers"])
    modifier_re = re.compile(rf"(?i:\b(?P<mod>{mods})(?:\s*-\s*|\s+))$")
    cue_words = [c for c in d["future_cues"] if c[0].isalpha()]
    cue_clitics = [c for c in d["future_cues"] if not c[0].isalpha()]  # "'ll" sticks to its word
    future_re = re.compile(rf"(?i:(?:\b(?:{_alt(cue_words)})|{_alt(cue_clitics) or '(?!)'})\b)")
    left = {
        "num": re.compile(rf"(?i:(?<![\w-])(?P<num>{num}|{vague})(?:\s+|-)(?:(?:more|additional|full)\s+)?)$"),
        "freq": re.compile(rf"(?i:\b(?P<freq>(?:{num}\s+)?(?:{freq}))\s+)$"),
        "ordinal": re.compile(rf"(?i:\b(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{ordinals}))[\s-]+)$"),
    }
    week_of_re = re.compile(r"(?i:\bthe\s+week\s+of\s+)$")
    return _Lexicon(d, month_of, weekday_of, number_of, d["units"], patterns, modifier_re, future_re, left,
                    {k: tuple(v) for k, v in index.items()}, tuple(scanned), holidays, week_of_re)


def _holiday_key(name: str) -> str:
    """A holiday name as looked up: lowercase, single spaces, no apostrophes ("New Year’s Day" -> "new years day")."""
    return re.sub(r"\s+", " ", re.sub(r"['’]", "", name.lower()))


def _left(text: str, start: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """``pattern`` (anchored with $) matched on the few characters just before ``start``."""
    return pattern.search(text, max(0, start - 40), start)


# --------------------------------------------------------------------------------------------- date math
def _parse_iso(value: str | None) -> date | None:
    """The date of an ISO string ("2025-09-27", "2025-09-27T10:00Z"), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


Period = tuple[date, date]


def _yearly(on: Callable[[int], "Period | None"], pub: date, mode: str, window: int) -> Period | None:
    """The occurrence of a yearly period (a day, a month, a holiday) a yearless mention means.

    ``on(year)`` gives the period in a year. ``mode``: "last" (ended before publication), "next" (starts after
    it), "this" (the publication year), "future" (a future cue: the first not yet over), "auto" (the last one
    begun by publication, unless the next one is nearer and at most ``window`` days ahead).
    """
    if mode == "this":
        return on(pub.year)
    options = [p for y in (pub.year - 1, pub.year, pub.year + 1) if (p := on(y)) is not None]
    if not options:
        return None
    past = [p for p in options if p[0] <= pub]
    ahead = [p for p in options if p[0] > pub]
    if mode == "last":
        return max((p for p in options if p[1] < pub), default=None)
    if mode == "next":
        return min(ahead, default=None)
    if mode == "future":
        return min((p for p in options if p[1] >= pub), default=None)
    last, nxt = max(past, default=None), min(ahead, default=None)
    if nxt is not None and (last is None or ((nxt[0] - pub).days <= window
                                             and (nxt[0] - pub) < (pub - last[0]))):
        return nxt
    return last


def _year_mode(text: str, start: int, lex: _Lexicon) -> str:
    """How a yearless date at ``start`` picks its year: "last"/"next" after those words, "future" after a future
    cue in its clause ("will meet on Nov 1"), else "auto"."""
    direction = lex.data["yearless_direction"].get(_prev_word(text, start))
    if direction is not None:
        return {-1: "last", 0: "this", 1: "next"}[direction]
    return "future" if lex.future_re.search(_clause_left(text, start)) else "auto"


def _day_period(month: int, day: int) -> Callable[[int], "Period | None"]:
    def on(year: int) -> Period | None:
        return (date(year, month, day),) * 2 if _valid_day(year, month, day) else None
    return on


def _month_period(month: int) -> Callable[[int], Period]:
    def on(year: int) -> Period:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return on


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday_date(rule: dict[str, int], year: int) -> date | None:
    """The day of a holiday rule (holidays.yaml) in ``year``."""
    if "easter" in rule:
        return _easter(year) + timedelta(days=rule["easter"])
    month = rule["month"]
    if "day" in rule:
        return date(year, month, rule["day"]) if _valid_day(year, month, rule["day"]) else None
    weekday, nth = rule["weekday"], rule["nth"]
    if nth < 0:  # the last such weekday of the month
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, rule.get("from", 1))
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def _weekday_date(weekday: int, pub: date, direction: int, strict: bool = False) -> date:
    """The ``weekday`` (1=Mon) on or before ``pub`` (direction -1) or on or after it (+1)."""
    delta = (pub.isoweekday() - weekday) % 7 if direction < 0 else (weekday - pub.isoweekday()) % 7
    if strict and delta == 0:
        delta = 7
    return pub + timedelta(days=direction * delta)


# ------------------------------------------------------------------------------------------- candidates
@dataclass
class _Cand:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    modifiable: str = ""  # "" none; "date": START/MID/END/APPROX; "rel": also earlier/later; "dur": APPROX
    anchor: bool = False  # a clock time still waiting for its day (value "T10:35")
    yearless: bool = False  # a day or month whose year was chosen, not written ("June 30", "in August")


def _num(text: str | None, lex: _Lexicon) -> int | None:
    """Integer of a number word or digits; None for vague quantities ("several")."""
    if text is None:
        return 1
    t = re.sub(r"\s+", " ", text.lower())
    if t in lex.number_of:
        return lex.number_of[t]
    if re.fullmatch(r"\d+", t):
        return int(t)
    m = re.fullmatch(r"(\w+)(?:[- ](\w+))?", t)
    if m and m.group(1) in lex.data["tens_words"]:
        return lex.data["tens_words"][m.group(1)] + (lex.number_of.get(m.group(2), 0) if m.group(2) else 0)
    return None


def _duration(n: int | None, unit: str, lex: _Lexicon) -> str:
    """TIMEX3 duration value: P3Y, P2W, PT24H, PXY."""
    info = lex.units[unit.lower()]
    count = "X" if n is None else str(n * info.get("factor", 1))
    return f"PT{count}{info['code']}" if info.get("time") else f"P{count}{info['code']}"


def _prev_word(text: str, i: int) -> str:
    m = re.search(r"([\w'.]+)[\s\-–(]*$", text[max(0, i - 40):i])
    return m.group(1).lower() if m else ""


def _next_word(text: str, i: int) -> str:
    m = re.match(r"[\s]*([\w']+)", text[i:i + 40])
    return m.group(1) if m else ""


def _clause_left(text: str, i: int) -> str:
    """Text from the start of the clause (sentence, comma or quote; at most 150 characters back) up to ``i``."""
    left = text[max(0, i - 150):i]
    cut = max(left.rfind(c) for c in ".!?\n;,\"“”`")
    return left[cut + 1:]


def _year_ok(text: str, m: re.Match[str], lex: _Lexicon) -> bool:
    """A bare four-digit number is a year unless its neighbours make it a count or a clock time."""
    prev, nxt = _prev_word(text, m.start()), _next_word(text, m.end())
    if nxt in lex.data["year_not_before"] or nxt.lower() in lex.data["year_not_before"]:
        return False
    if prev in lex.data["year_cues"] and prev not in lex.data["quantity_cues"]:
        return True
    plural_noun = (nxt.islower() and nxt.endswith("s") and not nxt.endswith("ss")
                   and nxt not in lex.data["year_followers"])
    if plural_noun or prev in lex.data["quantity_cues"]:
        return False
    return True


def _ref(direction: int) -> str:
    return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[max(-1, min(1, direction))]


Handler = Callable[[str, re.Match[str], "date | None", _Lexicon], "_Cand | None"]


def _h_iso(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid_day(y, mo, d):
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}")


def _h_numeric(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:  # "7/8/07": the century nearest publication; without one, POSIX %y (69-99 -> 1900s)
        y = min((1900 + y, 2000 + y), key=lambda full: abs(full - pub.year)) if pub else (1900 if y >= 69 else 2000) + y
    mo, d = (a, b) if lex.data["numeric_date_order"] == "MDY" else (b, a)
    if not _valid_day(y, mo, d):
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}")


def _day_value(month: int, day: int, year: str | None, pub: date | None, mode: str, lex: _Lexicon) -> str | None:
    """A day's value; a yearless day takes its year by ``mode`` (see ``_yearly``); XXXX without a publication date."""
    if year:
        return f"{int(year):04d}-{month:02d}-{day:02d}" if _valid_day(int(year), month, day) else None
    if pub is None:
        return f"XXXX-{month:02d}-{day:02d}" if _valid_day(2000, month, day) else None
    found = _yearly(_day_period(month, day), pub, mode, int(lex.data["future_window_days"]))
    return found[0].isoformat() if found else None


def _h_day(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    month = lex.month_of[m["mon"].rstrip(".").lower()]
    mode = _year_mode(text, m.start(), lex) if pub and not m["year"] else "auto"
    value = _day_value(month, int(m["day"]), m["year"], pub, mode, lex)
    if value is None:
        return None
    return _Cand(m.start(), m.end(), "DATE", value, modifiable="date", yearless=not m["year"])


def _h_month_year(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    month = lex.month_of[m["mon"].rstrip(".").lower()]
    return _Cand(m.start(), m.end(), "DATE", f"{int(m['year']):04d}-{month:02d}", modifiable="date")


def _h_month(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    name = m["mon"]
    ambiguous = {w.lower() for w in lex.data["ambiguous_months"]}
    if name.lower() in ambiguous and _prev_word(text, m.start()) not in lex.data["month_context"]:
        return None  # "May" the modal, "March" the noun, "June" the name
    month = lex.month_of[name.lower()]
    year = "XXXX"
    if pub:
        mod = lex.modifier_re.search(text[max(0, m.start() - 30):m.start()])  # "later in late October": cue before
        found = _yearly(_month_period(month), pub, _year_mode(text, mod.start() + max(0, m.start() - 30)
                                                              if mod else m.start(), lex),
                        int(lex.data["future_window_days"]))
        year = f"{found[0].year:04d}" if found else "XXXX"
    return _Cand(m.start(), m.end(), "DATE", f"{year}-{month:02d}", modifiable="date", yearless=True)


def _h_year(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    if not _year_ok(text, m, lex):
        return None
    return _Cand(m.start(), m.end(), "DATE", m["year"], modifiable="date")


def _h_decade(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    if m["dec"]:
        digits = m["dec"]
        # "the 1900s" reads as the century, "the 2000s" as the decade.
        value = f"{digits[:2]}XX" if digits.endswith("0") and digits != "200" else f"{digits}X"
    else:
        d2 = int(m["d2"])
        century = 19 if d2 >= 3 else 20  # "the '90s" -> 199X, "the '10s" -> 201X
        value = f"{century}{d2}X"
    return _Cand(m.start(), m.end(), "DATE", value, modifiable="date")


def _h_century(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    left = _left(text, m.start(), lex.left["ordinal"])
    if left is None:
        return None  # "this century" is relative; "the century" alone is skipped
    n = int(left["n"]) if left["n"] else lex.data["ordinals"][left["w"].lower()]
    if not 1 <= n <= 22:
        return None
    return _Cand(left.start(), m.end(), "DATE", f"{n - 1:02d}XX", modifiable="date")


def _h_quarter(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    word = m["q"].lower() if m["q"] else ""
    q = int(m["q2"]) if m["q2"] else int(word[0]) if word[0].isdigit() else lex.data["ordinals"][word]
    year = m["year"] or m["year2"] or (str(pub.year) if pub else "XXXX")
    return _Cand(m.start(), m.end(), "DATE", f"{year}-Q{q}", modifiable="date")


def _h_season_year(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    code = lex.data["seasons"][m["season"].lower()]["code"]
    return _Cand(m.start(), m.end(), "DATE", f"{m['year']}-{code}", modifiable="date")


def _season_year(season: dict[str, Any], pub: date, k: int) -> int:
    """Year of the season ``k`` seasons-of-this-kind from the one containing or last before ``pub``."""
    start_this = date(pub.year, season["month"], 1)
    # The occurrence in progress or most recent: winter 2024 (Dec 2024 - Feb 2025) when published in Jan 2025.
    current = pub.year if start_this <= pub else pub.year - 1
    end_current = _shift_month(current, season["month"], 3)
    in_progress = pub < date(end_current[0], end_current[1], 1)
    if k < 0:
        return current - 1 if in_progress else current
    if k > 0:
        return current + 1
    return current if in_progress or pub.month < season["month"] else current + 1


def _h_relative(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    rel = m["rel"].lower()
    k = lex.data["relative_words"][rel]
    low = m["what"].lower()
    needs_modifier = low not in lex.data["relative_need_modifier"].get(rel, [low])
    if needs_modifier and not lex.modifier_re.search(text[max(0, m.start() - 30):m.start()]):
        return None  # "the end of the year" is this year; "the year" alone may be any year in the story
    if pub is None:
        return _Cand(m.start(), m.end(), "DATE", _ref(k), modifiable="rel")
    value: str
    if low == "week":
        value = _week(pub + timedelta(weeks=k))
    elif low == "weekend":
        value = _week(pub + timedelta(weeks=k or _nearest_weekend(text, m.start(), rel, pub, lex))) + "-WE"
    elif low == "month":
        y, mo = _shift_month(pub.year, pub.month, k)
        value = f"{y:04d}-{mo:02d}"
    elif low == "year":
        value = f"{pub.year + k:04d}"
    elif low == "quarter":
        y, q = divmod(pub.year * 4 + (pub.month - 1) // 3 + k, 4)
        value = f"{y:04d}-Q{q + 1}"
    elif low == "decade":
        value = f"{(pub.year // 10 + k):03d}X"
    elif low == "century":
        value = f"{(pub.year // 100 + k):02d}XX"
    elif low in lex.data["seasons"]:
        season = lex.data["seasons"][low]
        value = f"{_season_year(season, pub, k):04d}-{season['code']}"
    elif low in lex.weekday_of:
        wd = lex.weekday_of[low]
        if k == 0:  # "this Friday": the Friday of the publication week
            day = pub + timedelta(days=wd - pub.isoweekday())
        else:
            day = _weekday_date(wd, pub, k, strict=True)
        value = day.isoformat()
    else:  # a month name: "last March", "next June", "this May"
        month = lex.month_of[low]
        if k < 0:
            year = pub.year if month < pub.month else pub.year - 1
        elif k > 0:
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year
        value = f"{year:04d}-{month:02d}"
    return _Cand(m.start(), m.end(), "DATE", value, modifiable="rel")


def _nearest_weekend(text: str, start: int, rel: str, pub: date, lex: _Lexicon) -> int:
    """Weeks from the publication week to the weekend "the weekend" names: the nearest one. Early in the week
    (Monday to Wednesday) that is the weekend just past ("protesters marched over the weekend" in Monday's paper),
    unless a future cue leads its clause ("will meet at the weekend"); later in the week the coming one. "this
    weekend" keeps the publication week's."""
    if rel != "the" or pub.isoweekday() > 3 or lex.future_re.search(_clause_left(text, start)):
        return 0
    return -1


def _h_opener(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    if m["num"] is None and m["op"].lower() in lex.data["anaphoric_openers"]:
        return None  # "the next day", "the following week": a date relative to another event, not known here
    # "the coming years" without a number: PXY
    n = _num(m["num"], lex) if m["num"] or not m.group().lower().endswith("s") else None
    return _Cand(m.start(), m.end(), "DURATION", _duration(n, m["unit"], lex), modifiable="dur")


def _h_ago(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    unit = m["unit"].lower()
    info = lex.units[unit]
    left = _left(text, m.start(), lex.left["num"])
    start = left.start() if left else m.start()
    if left is None and not m["pl"]:
        return None  # "year ago" without a number is not English
    n = _num(left["num"], lex) if left else None
    if pub is None or n is None or "ago" not in info:
        value = _ref(-1) if (pub is None or n is None) else pub.isoformat()
        return _Cand(start, m.end(), "DATE", value, modifiable="dur")
    n *= info.get("factor", 1)
    mod = "APPROX" if info.get("approx") else None
    code = info["code"]
    if code == "D":
        value = (pub - timedelta(days=n)).isoformat()
    elif code == "W":
        value = _week(pub - timedelta(weeks=n))
    elif code == "M":
        y, mo = _shift_month(pub.year, pub.month, -n)
        value = f"{y:04d}-{mo:02d}"
    else:  # years; decades and centuries are counted in years by their factor
        value = f"{pub.year - n:04d}"
    return _Cand(start, m.end(), "DATE", value, mod=mod, modifiable="dur")


def _h_set_every(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    if m["ewd"]:
        return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{lex.weekday_of[m['ewd'].lower()]}")
    return _Cand(m.start(), m.end(), "SET", _duration(_num(m["enum"], lex), m["eunit"], lex))


def _h_set(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    phrase = re.sub(r"\s+", " ", m["set"].lower())
    freq = _left(text, m.start(), lex.left["freq"])
    if phrase.startswith("a ") and not freq:
        return None  # "a year" alone is a duration, "twice a year" a recurrence
    if " " not in phrase and not freq and _prev_word(text, m.start()) in lex.data["set_not_after"]:
        return None  # "the daily Le Monde"
    return _Cand(freq.start() if freq else m.start(), m.end(), "SET", lex.data["set_words"][phrase])


def _h_duration(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    unit = m["unit"].lower()
    left = _left(text, m.start(), lex.left["num"])
    if left is None:
        return None
    if left["num"].lower() in ("a", "an") and lex.units[unit].get("article") is False:
        return None  # "a second time"
    return _Cand(left.start(), m.end(), "DURATION", _duration(_num(left["num"], lex), unit, lex),
                 modifiable="dur")


def _h_bare_units(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DURATION", _duration(None, m["unit"], lex))


def _part_code(part: str | None, lex: _Lexicon) -> str:
    return f"T{lex.data['day_parts'][part.lower()]}" if part else ""


def _h_deictic(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    spec = lex.data["deictic_days"][re.sub(r"\s+", " ", m["deic"].lower())]
    days = spec["days"]
    if pub is None:
        return _Cand(m.start(), m.end(), "DATE", _ref(days), modifiable="date")
    part = _part_code(m["part"], lex) or (f"T{spec['part']}" if spec.get("part") else "")
    value = (pub + timedelta(days=days)).isoformat() + part
    return _Cand(m.start(), m.end(), "TIME" if part else "DATE", value, modifiable="date")


def _h_weekday(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    before = text[max(0, m.start() - 20):m.start()].split()
    if before and before[-1] in lex.data["weekday_not_after"]:
        return None  # "Bloody Sunday", "Super Tuesday"
    after = text[m.end():m.end() + 30]
    if any(re.match(rf"\s+{re.escape(w)}\b", after) for w in lex.data["weekday_not_before"]):
        return None  # "Sunday Times"
    future = bool(lex.future_re.search(_clause_left(text, m.start())))
    if pub is None:
        return _Cand(m.start(), m.end(), "DATE", _ref(1 if future else -1), modifiable="date")
    day = _weekday_date(lex.weekday_of[m["wd"].lower()], pub, 1 if future else -1)
    part = _part_code(m["part"], lex)
    return _Cand(m.start(), m.end(), "TIME" if part else "DATE", day.isoformat() + part, modifiable="date")


def _h_ref(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DATE", lex.data["reference_phrases"][re.sub(r"\s+", " ", m["ref"].lower())])


def _h_clock(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    """A clock time: TIME "2025-09-26T10:35"; its day from the words after it, else anchored in ``tag_times``."""
    groups = m.groupdict()
    if groups.get("cw"):
        hh, mm = (int(x) for x in str(lex.data["clock_words"][m["cw"].lower()]).split(":"))
    else:
        h = m["h"]
        hh = int(h) if h.isdigit() else int(lex.data["hour_words"][h.lower()])
        mm = int(m["mi"] or 0)
        if m["mi"] is None and m["ap"] is None and _prev_word(text, m.start()) not in lex.data["clock_openers"]:
            return None  # "killed 12 in the evening raid", "took 5 o'clock tea" need "at", "by", "until" ...
        part = m["part"] or m["part2"] or m["part3"]
        half = (m["ap"] or "")[:1].lower() or (lex.data["clock_day_parts"][part.lower()][0] if part else "")
        if half and not 1 <= hh <= 12:
            return None  # "15 p.m." is not a time
        if half == "p" and hh < 12:
            hh += 12
        elif half == "a" and hh == 12:
            hh = 0
    if groups.get("cw") and _prev_word(text, m.start()) in lex.data["clock_word_not_after"]:
        return None  # "High Noon"
    zone = m["tz"] or m["tzp"]
    clock = f"T{hh:02d}:{mm:02d}" + ("Z" if zone and zone in lex.data["utc_zones"] else "")
    day: date | None = None
    if pub is not None and m["wd"]:
        future = bool(lex.future_re.search(_clause_left(text, m.start())))
        day = _weekday_date(lex.weekday_of[m["wd"].lower()], pub, 1 if future else -1)
    elif pub is not None and m["dw"]:
        day = pub + timedelta(days=lex.data["deictic_days"][m["dw"].lower()]["days"])
    if day is not None:
        return _Cand(m.start(), m.end(), "TIME", day.isoformat() + clock)
    return _Cand(m.start(), m.end(), "TIME", clock, anchor=True)


def _h_holiday(text: str, m: re.Match[str], pub: date | None, lex: _Lexicon) -> _Cand | None:
    """A named day ("Christmas", "last Thanksgiving", "Easter 2019") -> its date (holidays.yaml)."""
    rule = lex.holidays[_holiday_key(m["hol"])]
    if m["year"]:
        day = _holiday_date(rule, int(m["year"]))
    elif pub is None:
        fixed = "day" in rule
        return _Cand(m.start(), m.end(), "DATE", f"XXXX-{rule['month']:02d}-{rule['day']:02d}" if fixed
                     else "XXXX-XX-XX")
    else:
        rel = lex.data["yearless_direction"].get(m["rel"].lower()) if m["rel"] else None
        mode = {-1: "last", 0: "this", 1: "next"}[rel] if rel is not None else _year_mode(text, m.start(), lex)

        def on(year: int) -> Period | None:
            d = _holiday_date(rule, year)
            return (d, d) if d else None
        found = _yearly(on, pub, mode, int(lex.data["future_window_days"]))
        day = found[0] if found else None
    if day is None:
        return None
    return _Cand(m.start(), m.end(), "DATE", day.isoformat(), modifiable="date")


_HANDLERS: dict[str, Handler] = {
    "iso": _h_iso, "numeric": _h_numeric, "mdy": _h_day, "dmy": _h_day, "my": _h_month_year,
    "month": _h_month, "year": _h_year, "decade": _h_decade, "century": _h_century, "quarter": _h_quarter,
    "season_year": _h_season_year, "relative": _h_relative, "opener": _h_opener, "ago": _h_ago,
    "set": _h_set, "set_every": _h_set_every, "duration": _h_duration, "bare_units": _h_bare_units,
    "deictic": _h_deictic,
    "weekday": _h_weekday, "ref": _h_ref, "clock": _h_clock, "clock_word": _h_clock, "holiday": _h_holiday,
}


def _apply_modifier(text: str, cand: _Cand, lex: _Lexicon) -> None:
    """Extend a candidate over a modifier just before it ("late October", "mid-2024", "about three years")."""
    if not cand.modifiable or cand.mod:
        return
    m = lex.modifier_re.search(text[max(0, cand.start - 30):cand.start])
    if not m:
        return
    key = re.sub(r"\s+", " ", m["mod"].lower())
    mod = lex.data["modifiers"].get(key)
    if (cand.modifiable == "dur") != (mod == "APPROX"):
        return  # "about three years", "late October"; not "about 2018" (a count as often as a year)
    if mod is None and cand.modifiable != "rel":
        return  # "earlier"/"later" belong only to "earlier this month", "later this year"
    if cand.type != "DATE" and cand.modifiable != "dur":
        return
    if cand.value.endswith("_REF"):
        return
    cand.start -= len(m.group(0))
    cand.mod = mod


_DAY = re.compile(r"^(\d{4}|XXXX)-\d{2}-\d{2}")
_SENTENCE_BREAK = re.compile(r"[.;!?\n]")
_RELATIVE_YEAR = re.compile(r"(?i:this|last|next|previous)\s+year$")


def _finish(text: str, taken: list[_Cand], pub: date | None, lex: _Lexicon) -> None:
    """Steps that need the other expressions of the text: a clock time takes the day of a date right after it
    ("10:35 a.m. (0735 GMT) Friday"), else of the last day-precise date before it in its paragraph, else the
    publication day; "the week of March 6" is that date's week; "February this year", "June 30 last year" are one
    date in the year the relative words give."""
    merged: list[_Cand] = []
    for c in taken:
        prev = merged[-1] if merged else None
        if prev is not None and prev.yearless and c.type == "DATE" and c.value.isdigit() \
                and _RELATIVE_YEAR.match(text, c.start, c.end) and text[prev.end:c.start] == " ":
            prev.value, prev.end, prev.yearless = c.value + prev.value[4:], c.end, False
            continue
        merged.append(c)
    taken[:] = merged
    for i, c in enumerate(taken):
        if c.anchor:
            day = None
            nxt = taken[i + 1] if i + 1 < len(taken) else None
            if nxt is not None and nxt.start - c.end <= 25 and not _SENTENCE_BREAK.search(text, c.end, nxt.start) \
                    and (found := _DAY.match(nxt.value)):
                day = found.group()
            for before in reversed(taken[:i]):
                if day is not None or "\n" in text[before.end:c.start]:
                    break
                if (found := _DAY.match(before.value)) and not before.anchor:
                    day = found.group()
            day = day or (pub.isoformat() if pub else "XXXX-XX-XX")
            c.value, c.anchor = day + c.value, False
        elif c.type == "DATE" and (found := _DAY.match(c.value)) and not found.group(1).startswith("X") \
                and (week := lex.week_of_re.search(text, max(0, c.start - 20), c.start)):
            c.start, c.value = week.start(), _week(date.fromisoformat(found.group()))


# ----------------------------------------------------------------------------------------- public API
def tag_times(text: str, published: str | None = None) -> list[Timex]:
    """Every time expression in ``text``, with exact character offsets (``text[start:end] == timex.text``).

    Relative expressions are resolved against ``published`` (an ISO date). Without it, absolute expressions
    keep their values, yearless dates get "XXXX-06-30"/"XXXX-08", and relative ones get PAST_REF,
    PRESENT_REF or FUTURE_REF. Leading prepositions ("on", "in") are not part of a span.
    """
    lex = _lex()
    pub = _parse_iso(published)
    cands: list[_Cand] = []

    def take(m: re.Match[str] | None, kind: str) -> None:
        if m is None:
            return
        try:
            cand = _HANDLERS[kind](text, m, pub, lex)
            if cand is not None:
                _apply_modifier(text, cand, lex)
        except (ValueError, OverflowError):  # a date outside the calendar (year 0, year 10000): not a time
            return
        if cand is not None:
            cands.append(cand)

    for tok in _TOKEN.finditer(text):
        word = tok.group()
        for i in lex.index.get(DIGIT if word[0].isdigit() else word.lower(), ()):
            pattern, kind = lex.patterns[i]
            take(pattern.match(text, tok.start()), kind)
    for i in lex.scanned:
        pattern, kind = lex.patterns[i]
        for m in pattern.finditer(text):
            take(m, kind)
    # Longest expression wins an overlap ("June 30, 2019" over "2019"); then the earlier one.
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Cand] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    _finish(text, taken, pub, lex)
    return [Timex(text[c.start:c.end], c.start, c.end, c.type, c.value, c.mod) for c in taken]


_PRECISION = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}(T.*)?$"), "day"),
    (re.compile(r"^\d{4}-W\d{1,2}(-WE)?$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q[1-4]$"), "quarter"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}X$"), "decade"),
    (re.compile(r"^\d{2}XX$"), "century"),
)


def value_precision(value: str) -> str | None:
    """Precision of a DATE value: day, week, month, quarter, season, year, decade, century.

    None for PRESENT_REF/PAST_REF/FUTURE_REF, durations, sets and underspecified values ("XXXX-06-30").
    """
    for pattern, name in _PRECISION:
        if pattern.match(value or ""):
            return name
    return None


def value_bounds(value: str) -> tuple[date, date] | None:
    """First and last day covered by a DATE value ("2025-08" -> Aug 1 .. Aug 31); None when it has no dates."""
    precision = value_precision(value)
    if precision is None:
        return None
    try:
        if precision == "day":
            d = date.fromisoformat(value[:10])
            return d, d
        year = int(value[:4]) if value[:4].isdigit() else 0
        if precision == "week":
            week = int(value[6:].split("-")[0])
            monday = date.fromisocalendar(year, week, 1)
            return (monday + timedelta(days=5), monday + timedelta(days=6)) if value.endswith("-WE") \
                else (monday, monday + timedelta(days=6))
        if precision in ("month", "quarter", "season"):
            if precision == "month":
                first, count = int(value[5:7]), 1
            elif precision == "quarter":
                first, count = (int(value[6]) - 1) * 3 + 1, 3
            else:
                season = next(s for s in _lex().data["seasons"].values() if s["code"] == value[5:])
                first, count = season["month"], 3
            ly, lm = _shift_month(year, first, count - 1)
            return date(year, first, 1), date(ly, lm, calendar.monthrange(ly, lm)[1])
        if precision == "year":
            return date(year, 1, 1), date(year, 12, 31)
        if precision == "decade":
            y0 = int(value[:3]) * 10
            return date(max(y0, 1), 1, 1), date(y0 + 9, 12, 31)
        y0 = int(value[:2]) * 100  # century "19XX" -> 1900..1999
        return date(max(y0, 1), 1, 1), date(y0 + 99, 12, 31)
    except (ValueError, StopIteration):
        return None


def _mod_bounds(bounds: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """Narrow bounds to the first, middle or last third for START, MID, END."""
    lo, hi = bounds
    third = (hi - lo).days // 3
    if mod == "START":
        return lo, lo + timedelta(days=third)
    if mod == "MID":
        return lo + timedelta(days=third), hi - timedelta(days=third)
    if mod == "END":
        return hi - timedelta(days=third), hi
    return lo, hi


def is_historical(value: str, published: str, mod: str | None = None) -> bool:
    """True when the time ``value`` ends clearly before the story: more than ``historical_days`` (timex.yaml)
    before ``published``. Underspecified values (PAST_REF, durations) are never historical."""
    pub = _parse_iso(published)
    bounds = value_bounds(value) if value else None
    if pub is None or bounds is None:
        return False
    _, end = _mod_bounds(bounds, mod)
    return (pub - end).days > int(_lex().data["historical_days"])


# --------------------------------------------------------------------------------- publication dates
def _guess_year(month: int, day: int, text: str) -> int | None:
    """Year for a yearless dateline: the latest year the story mentions up to this year, else the latest
    occurrence of the day up to today (fresh news read as it comes)."""
    today = date.today()
    years = [int(t.value[:4]) for t in tag_times(text) if t.type == "DATE" and t.value[:4].isdigit()]
    years = [y for y in years if y <= today.year]
    if years:
        return max(years)
    for year in (today.year, today.year - 1):
        if _valid_day(year, month, day) and date(year, month, day) <= today:
            return year
    return None


def _day_of(timex: Timex, text: str) -> str | None:
    """An ISO day from a timex found without a publication date ("XXXX-09-26" gets a guessed year)."""
    value = timex.value
    if value_precision(value) == "day":
        return value[:10]
    m = re.match(r"^XXXX-(\d{2})-(\d{2})$", value)
    if m:
        month, day = int(m[1]), int(m[2])
        year = _guess_year(month, day, text)
        return f"{year:04d}-{month:02d}-{day:02d}" if year else None
    return None


def _dateparser_day(fragment: str) -> str | None:
    """Last resort for labelled dates in odd formats ("26.09.2025"): dateparser, full dates only."""
    import dateparser  # slow to import; only needed here

    parsed = dateparser.parse(fragment, languages=["en"],
                              settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def infer_publication_date(text: str) -> str | None:
    """Best guess of a story's publication date from its own text, as an ISO day, else None.

    Looks in the story's head for a labelled date ("Published: 3 June 2025"; "Updated ..." only when nothing is
    labelled as published), then a dateline ("WASHINGTON, Sept 26 (Reuters) -"), then a date standing on a line
    of its own. A yearless dateline takes its year from the story (see ``_guess_year``).
    """
    conf = _lex().data["publication"]
    head = text[: int(conf["header_chars"])]
    labels = _alt(conf["published_labels"] + conf["updated_labels"])
    label_re = re.compile(rf"(?im)^[^\w\n]*(?P<label>{labels})\b(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
                          r"(?P<rest>[^\n]{0,80})")
    found: dict[str, str] = {}
    for m in label_re.finditer(head):
        kind = "updated" if m["label"].lower() in conf["updated_labels"] else "published"
        if kind in found:
            continue
        day = next((d for t in tag_times(m["rest"]) if (d := _day_of(t, text))), None)
        day = day or _dateparser_day(m["rest"])
        if day:
            found[kind] = day
    if found:
        return found.get("published") or found["updated"]

    for t in dateline_timexes(head):
        day = _day_of(t, text)
        if day:
            return day
    return None


def dateline_timexes(text: str, published: str | None = None) -> list[Timex]:
    """The time expressions of a story's head that date the story itself, not an event: a dateline
    ("WASHINGTON, Sept 26 (Reuters) -") or a date standing on a line of its own ("September 26, 2025")."""
    conf = _lex().data["publication"]
    head = text[: int(conf["header_chars"])]
    agencies = _alt(conf["agencies"])
    after_re = re.compile(rf"^\s*(?:\((?:{agencies})[^)]*\)\s*)?[-–—_:|]|^\s*\((?:{agencies})\b|^\s*\([A-Z][\w ]*\)\s*[-–—]")
    before_re = re.compile(r"(?m)^\s*[A-Z][A-Za-z .'’-]*,\s*(?:[A-Z][A-Za-z .'-]*,\s*)?$")
    out: list[Timex] = []
    for t in tag_times(head, published):
        if t.type not in ("DATE", "TIME"):
            continue
        line_start = head.rfind("\n", 0, t.start) + 1
        line_end = head.find("\n", t.end)
        line = head[line_start: len(head) if line_end < 0 else line_end].strip()
        dateline = after_re.match(head[t.end:]) or before_re.search(head[line_start:t.start])
        alone = line == t.text or (line.startswith(t.text) and len(line) < len(t.text) + 25)
        if dateline or alone:
            out.append(t)
    return out
