"""Event dating: which time expression of a story dates an event mention, and its value as an event date.

The time words of the event's own clause win, nearest in the dependency parse (a coordinated verb's, a trailing
participle clause's governor's, or a speech act's reporting verb's at a penalty); a yearless date takes its year
from the verb's tense; else words that date it relative to the event told before it in the story ("the next day",
"then"); else the publication date (the caller's fallback). The rules' numbers and word lists live in
``data/event_dating.yaml``.

    dater = EventDater()
    timex, source = dater.date_mention(mention, line, story_timexes(text, published), published, context)
    date = date_value(timex) if timex else published
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Protocol

from whodid.model import Timex
from whodid.resources import load_yaml
from whodid.timex import dateline_timexes, tag_times, value_bounds, value_precision

if TYPE_CHECKING:  # spaCy and the event finder only for types: this module imports fast
    from spacy.tokens import Doc, Token

    from whodid.arguments import Mention

__all__ = ["DatingRules", "EventDater", "story_timexes", "date_value", "past_tense"]


class Line(Protocol):
    """One parsed line (paragraph) of a story: its offset in the story text and its spaCy Doc."""

    offset: int
    doc: Doc


class Dated(Protocol):
    """What story-context dating needs of the event dated before: its date value and modifier."""

    date: str | None
    date_mod: str | None


@dataclass(frozen=True)
class DatingRules:
    """How an event's date is chosen (data/event_dating.yaml)."""

    speech_act_types: frozenset[str]
    undated_values: frozenset[str]
    dating_types: frozenset[str]
    clause_penalty: int
    reporting_penalty: int
    conjunct_penalty: int = 2
    anaphoric_times: dict[str, tuple[int, str | None]] = field(default_factory=dict)  # phrase -> (days, keep)
    anaphoric_re: re.Pattern[str] | None = None
    anaphoric_not_after: frozenset[str] = frozenset()
    paragraph_context: bool = True
    participle_penalty: int = 2

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "DatingRules":
        raw = load_yaml("event_dating.yaml")
        anaphoric = {re.sub(r"\s+", " ", str(k).lower()): (int(v.get("days", 0)), v.get("keep"))
                     for k, v in (raw.get("anaphoric_times") or {}).items()}
        return cls(
            frozenset(raw["speech_act_types"]), frozenset(raw["undated_values"]), frozenset(raw["dating_types"]),
            int(raw["clause_penalty"]), int(raw["reporting_penalty"]), int(raw.get("conjunct_penalty", 2)),
            anaphoric, _phrase_re(anaphoric),
            frozenset(str(w).lower() for w in raw.get("anaphoric_not_after") or ()),
            bool(raw.get("paragraph_context", True)), int(raw.get("participle_penalty", 2)),
        )


def _phrase_re(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for a list of phrases, longest first, any run of spaces between words."""
    words = sorted((re.escape(k).replace(r"\ ", r"\s+") for k in phrases), key=len, reverse=True)
    return re.compile(rf"(?i)(?<![\w-])(?:{'|'.join(words)})(?![\w-])") if words else None

class EventDater:
    """Dates event mentions from the time expressions of their story (rules from ``DatingRules``)."""

    def __init__(self, rules: DatingRules | None = None):
        self.dating = rules or DatingRules.default()

    def date_mention(self, mention: Mention, line: Line, timexes: list[Timex], published: str | None,
                     context: Dated | None = None) -> tuple[Timex | None, str]:
        """The time expression that dates one event mention, and its source ("text", else "publication"):
        the time words of the event's own clause (nearest in the parse; a coordinated verb's or a speech act's
        reporting verb's at a penalty), with the year of a yearless date set by tense; else words that date
        it by ``context``, the event dated before it in the story ("the next day", "then")."""
        timex, source = self._event_timex(mention, line, timexes, published)
        if timex and published:
            timex = _year_by_tense(timex, mention, published)
        if timex is None and context is not None:
            timex = self._anaphoric_timex(mention, line, context)
            source = "text" if timex else source
        return timex, source

    def _event_timex(self, mention: Mention, line: Line, timexes: list[Timex],
                     published: str | None = None) -> tuple[Timex | None, str]:
        """The time expression of the event's own clause, nearest in the parse; else none (publication date)."""
        sent = mention.sent or mention.trigger.sent
        best: tuple[int, Timex] | None = None
        speech_act = mention.event_type in self.dating.speech_act_types
        for timex in timexes:
            if timex.type not in self.dating.dating_types or timex.value in self.dating.undated_values:
                continue
            if timex.value.startswith("XXXX-XX-XX"):
                continue  # a clock time in a story without a date: no day to give the event
            start, end = timex.start - line.offset, timex.end - line.offset
            if not (sent.start_char <= start and end <= sent.end_char):
                continue
            span = line.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            distance = self._distance(span.root, mention, speech_act, _before(timex.value, published))
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, timex)
        return (best[1], "text") if best else (None, "publication")

    def _distance(self, root: Token, mention: Mention, speech_act: bool, past: bool = False) -> int | None:
        """Tree distance from a time expression up to the event's trigger, clause or (speech acts) reporting verb.
        ``past``: the time is before the story's day, so inside an intent's act it dates the intent ("declined to
        resign on Monday": an act not done has no past day of its own)."""
        targets = {mention.trigger.i: 0, mention.first.i: 0}
        if mention.clause is not None:
            targets.setdefault(mention.clause.i, self.dating.clause_penalty)
        head = _conjunct_head(mention.clause if mention.clause is not None else mention.first)
        if head is not None:  # "met on Monday and signed a deal": the deal shares Monday
            targets.setdefault(head.i, self.dating.conjunct_penalty)
        governor = _participle_head(mention.clause if mention.clause is not None else mention.first)
        if governor is not None:  # "called on June 18 for a re-run, citing flaws": the citing shares June 18
            targets.setdefault(governor.i, self.dating.participle_penalty)
        intent = mention.first.i != mention.trigger.i
        path = [root, *root.ancestors]
        for steps, token in enumerate(path):
            if intent and token.i == mention.trigger.i and not past:
                return None  # "hoped to meet ... in 2025": 2025 dates the meeting hoped for, not the hope
            if token.i in targets:
                return steps + targets[token.i]
            if token.dep_ in ("ccomp", "relcl", "parataxis") or (token.dep_ == "advcl" and _finite(token)):
                break  # the time words belong to another clause ("Speaking on Monday, X urged ..." shares it)
            if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.i not in targets:
                break  # "a plan put forward in May": May dates the plan, not the event that rejects it
                # ("aircraft carrying aid on Sunday" keeps Sunday: what is carried goes with the sending)
        if speech_act:
            ancestors = _governors(mention.first)
            for steps, token in enumerate(path):
                if token.i in ancestors:
                    return steps + self.dating.reporting_penalty
        return None

    def _anaphoric_timex(self, mention: Mention, line: Line, context: Dated) -> Timex | None:
        """"the next day", "that day", "then": a date told relative to the event dated just before in the story,
        when such words attach to the event's clause."""
        pattern = self.dating.anaphoric_re
        if pattern is None or context.date is None:
            return None
        sent = mention.sent or mention.trigger.sent
        speech_act = mention.event_type in self.dating.speech_act_types
        best: tuple[int, Timex] | None = None
        for m in pattern.finditer(line.doc.text, sent.start_char, sent.end_char):
            before = line.doc.text[max(0, m.start() - 12):m.start()].split()
            if before and before[-1].lower() in self.dating.anaphoric_not_after:
                continue  # "since then", "by then": a bound, not the time of the event
            span = line.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            value = _shift_value(context.date, *self.dating.anaphoric_times[_norm_phrase(m.group())])
            if span is None or value is None:
                continue
            distance = self._distance(span.root, mention, speech_act)
            if distance is not None and (best is None or distance < best[0]):
                mod = context.date_mod if value == context.date else None
                best = (distance, Timex(m.group(), line.offset + m.start(), line.offset + m.end(), "DATE", value, mod))
        return best[1] if best else None


def _before(value: str, published: str | None) -> bool:
    """Whether a date value ends before the publication day ("2019", "2025-03-10" in a story of 2025-03-12; not
    "2025-03", the story's own month, nor any value when the day of publication is unknown)."""
    if not published or not value[:4].isdigit():
        return False
    return value < published[:len(value)]


def story_timexes(text: str, published: str | None) -> list[Timex]:
    """The time expressions of a story that may date its events: all but the dateline, which dates the story
    ("PORT SUDAN, Sept 18 (Wire) - ... on Tuesday": Tuesday dates the event, Sept 18 the report)."""
    datelines = {(t.start, t.end) for t in dateline_timexes(text, published)}
    return [t for t in tag_times(text, published) if (t.start, t.end) not in datelines]


def _norm_phrase(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _shift_value(value: str, days: int, keep: str | None) -> str | None:
    """A date value moved by an anaphoric rule: ``days`` from a day value, or ``keep`` its year/month/week."""
    precision = value_precision(value)
    if precision is None:
        return None
    if keep:
        if keep == "year":
            return value[:4]
        if keep == "month" and precision == "day":
            return value[:7]
        if keep == "week" and precision == "day":
            iso = date.fromisoformat(value[:10]).isocalendar()
            return f"{iso.year}-W{iso.week:02d}"
        return value if keep == precision else None
    if days == 0:
        return value
    if precision != "day":
        return None  # "the next day" after "in June": no day to count from
    return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat()


def _governors(token: Token) -> set[int]:
    """Indices of the words governing ``token``, up to a coordination: "met on Monday and will sign" is two
    events side by side, the first is not the reporting verb of the second."""
    out: set[int] = set()
    while token.dep_ not in ("conj", "ROOT") and token.head.i != token.i:
        token = token.head
        out.add(token.i)
    return out


def _finite(verb: Token) -> bool:
    """A clause with its own subject or tense; "Speaking in Geneva on Monday, ..." is neither."""
    if verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                                               for c in verb.children):
        return False
    return True


def _conjunct_head(verb: Token) -> Token | None:
    """The verb a coordinated verb hangs on, when the two share their tense and the conjunct has no auxiliary
    of its own ("met ... and signed" share; "met ... and will sign" do not)."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.tag_ != verb.head.tag_ or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    return verb.head


def _participle_head(verb: Token) -> Token | None:
    """The verb a participle clause without subject or tense hangs on ("..., citing flaws": "called"), whose
    time it shares."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBG", "VBN") or _finite(verb) \
            or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    return verb.head


def past_tense(mention: Mention) -> bool:
    """The event is told in the past tense: its trigger or clause verb is a past form, or has a past auxiliary."""
    for token in (mention.first, mention.clause):
        if token is None:
            continue
        if token.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in token.children):
            return True
        if token.tag_ == "VBN" and any(c.lower_ == "had" for c in token.children):
            return True  # "had met"; not "has accused" (the present perfect reaches up to now)
    return False


_YEAR = re.compile(r"\d{4}")
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b")


def _year_by_tense(timex: Timex, mention: Mention, published: str) -> Timex:
    """A yearless date ("in October") is placed nearest the publication date; the verb's tense corrects it:
    "sent arms in October" told in June is last October, "will visit in March" (or "is due to", "would",
    "could") told in June is next March. A bare weekday moves by a week the same way ("will meet on Monday"
    told on a Friday is the coming Monday, whatever words stand before it)."""
    if _YEAR.search(timex.text):  # the text gives the year: nothing to correct
        return timex
    bounds, pub = value_bounds(timex.value), value_bounds(published)
    if not bounds or not pub or value_precision(timex.value) not in ("day", "month"):
        return timex
    past = mention.status in ("asserted", "negated") and past_tense(mention)
    ahead = mention.status in ("future", "hypothetical")
    weekday = value_precision(timex.value) == "day" and _WEEKDAY.search(timex.text) is not None \
        and not any(ch.isdigit() for ch in timex.text)
    if weekday:
        day = date.fromisoformat(timex.value[:10])
        if past and bounds[0] > pub[1]:
            day -= timedelta(days=7)
        elif ahead and bounds[1] < pub[0]:
            day += timedelta(days=7)
        else:
            return timex
        return replace(timex, value=day.isoformat() + timex.value[10:])
    year = int(timex.value[:4])
    if past and bounds[0] > pub[1]:
        year -= 1
    elif ahead and bounds[1] < pub[0]:
        year += 1
    else:
        return timex
    return replace(timex, value=f"{year:04d}{timex.value[4:]}")


def date_value(timex: Timex) -> str:
    """A timex value as an event date: a time of day ("2025-09-26TMO") dates the event to its day."""
    return timex.value[:10] if timex.type == "TIME" else timex.value
