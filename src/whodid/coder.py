"""The one place that knows the order of the stages: parse, find events, date, place, resolve actors, merge.

    coder = Coder()
    events = coder.code_text(text, published="2025-09-27")
    for article, events in coder.code_articles(articles): ...
"""
from __future__ import annotations

import logging
import re
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from whodid.actors import ActorKB, StoryActors
from whodid.events import ArgumentResolver, Mention, find_mentions
from whodid.geo import Gazetteer, event_location, geoparse
from whodid.merge import merge_story_events, participants
from whodid.model import Article, Event, Place, Timex, Trigger
from whodid.nlp import DEFAULT_MODEL, load_pipeline
from whodid.ontology import Ontology
from whodid.resources import load_yaml
from whodid.timex import dateline_timexes, is_historical, tag_times, value_bounds, value_precision
from whodid.triggers import TriggerLexicon
from whodid.venues import StoryVenues

log = logging.getLogger("whodid.coder")


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


@dataclass
class _Dated:
    """An event of the story already dated from the text: the context later events may be dated by."""

    event: Event
    line: int  # index of its paragraph
    sides: frozenset[str]


@dataclass
class _Line:
    """One line (paragraph) of a story, parsed on its own: page lines must not run into each other."""

    offset: int  # of the line in the story text
    doc: Doc


def _story_lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines with their offsets in the story text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


class Coder:
    """Codes news stories into events. Loads the spaCy pipeline and the knowledge files once."""

    def __init__(self, model: str = DEFAULT_MODEL, actors_files: Iterable[str] = (), places_files: Iterable[str] = (),
                 batch_size: int = 64, n_process: int = 1):
        self.nlp: Language = load_pipeline(model)
        self.kb = ActorKB.load(*actors_files) if actors_files else ActorKB.default()
        self.gazetteer = Gazetteer.load(*places_files) if places_files else Gazetteer.default()
        self.lexicon = TriggerLexicon.default()
        self.ontology = Ontology.default()
        self.dating = DatingRules.default()
        self.batch_size = batch_size
        self.n_process = n_process

    # -- public API ------------------------------------------------------------------------------------------------
    def code_text(self, text: str, published: str | None = None, title: str | None = None,
                  story_id: str | None = None) -> list[Event]:
        """Events of one story (``text`` is the body; offsets in the events point into it)."""
        article = Article(text=text, title=title, published=published, id=story_id)
        return next(iter(self.code_articles([article])))[1]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) for each article, in input order, streaming: the lines of all articles go through one
        ``nlp.pipe`` (so that ``n_process`` workers start once) and are regrouped per story as they come back."""
        pending: deque[tuple[Article, list[tuple[int, str]]]] = deque()

        def lines() -> Iterator[str]:
            for article in articles:
                story_lines = _story_lines(article.text)
                pending.append((article, story_lines))
                for _, line in story_lines:
                    yield line

        parsed: list[Doc] = []
        for doc in self.nlp.pipe(lines(), batch_size=self.batch_size, n_process=self.n_process):
            while not pending[0][1]:  # stories with no text line come back at once
                yield self._story(pending.popleft(), [])
            parsed.append(doc)
            if len(parsed) == len(pending[0][1]):
                yield self._story(pending.popleft(), parsed)
                parsed = []
        while pending:
            yield self._story(pending.popleft(), [])

    # -- stages ----------------------------------------------------------------------------------------------------
    def _story(self, item: tuple[Article, list[tuple[int, str]]], docs: list[Doc]) -> tuple[Article, list[Event]]:
        article, story_lines = item
        parsed = [_Line(offset, doc) for (offset, _), doc in zip(story_lines, docs)]
        try:
            events = self._code_story(article, parsed)
        except Exception:  # one bad story must not lose the run's work
            log.exception("could not code story %s (%s)", article.id, article.origin or "text")
            events = []
        return article, events

    def _code_story(self, article: Article, lines: list[_Line]) -> list[Event]:
        published = article.published
        timexes = story_timexes(article.text, published)
        dated: list[_Dated] = []  # story context: events dated from the text so far
        actors = StoryActors(self.kb, published)
        resolver = ArgumentResolver(actors, published)
        venues = StoryVenues(resolve_name=lambda phrase: self._gathering_key(phrase, published))
        events: list[tuple[Event, list[str]]] = []
        last_of_type: dict[str, Event] = {}
        sentence_id = 0
        for line_no, line in enumerate(lines):
            places = geoparse(line.doc.text, doc=line.doc, gazetteer=self.gazetteer)
            chunks = list(line.doc.noun_chunks)
            for sent in line.doc.sents:
                resolver.observe(sent, line.offset, places, chunks)
                venues.observe(sent, places, line.offset)
                for mention in find_mentions(sent, self.lexicon):
                    event = self._event(article, line, sent, sentence_id, mention, timexes, places, resolver,
                                        dated[-1].event if dated else None)
                    if event is None:
                        continue
                    if mention.anaphoric and event.event_type in last_of_type:
                        antecedent = last_of_type[event.event_type]
                        if _repeats(event, antecedent):
                            continue  # "the conflict had lasted …": told again, with nothing new
                        _inherit_when_where(event, antecedent)
                    self._date_by_paragraph(event, mention, line_no, dated, published)
                    if event.date_source == "text":
                        dated.append(_Dated(event, line_no, participants(event)))
                    last_of_type[event.event_type] = event
                    events.append((event, venues.gatherings_under(mention.clause or mention.trigger)))
                sentence_id += 1
        for event, keys in events:  # venues may be told after the event
            event.location = venues.refine(event.location, keys)
        return merge_story_events([e for e, _ in events])

    def _gathering_key(self, phrase: str, date: str | None) -> str | None:
        actor = self.kb.lookup(phrase, date)
        return actor.code if actor is not None and actor.sector == "IGO" else None

    def _event(self, article: Article, line: _Line, sent: Span, sentence_id: int, mention: Mention,
               timexes: list[Timex], places: list[Place], resolver: ArgumentResolver,
               context: Event | None = None) -> Event | None:
        timex, date_source = self.date_mention(mention, line, timexes, article.published, context)
        date = _date_value(timex) if timex else article.published
        actors, recipients, attribution = resolver.resolve(mention, _representative_day(date))
        if not actors and not recipients:
            return None
        start, end = mention.char_span
        status = mention.status
        historical = bool(timex and article.published and is_historical(timex.value, article.published, timex.mod))
        if timex and status == "asserted" and article.published and _after(timex.value, article.published):
            status = "future"
        place = event_location(mention.trigger, [p for p in places if sent.start_char <= p.start < sent.end_char],
                               line.doc, include_objects=(mention.entry.mode == "visit"))
        cameo = mention.cameo
        return Event(
            story_id=article.id or "",
            sentence_id=sentence_id,
            text=sent.text,
            event_type=mention.event_type,
            mode=mention.entry.mode or self.ontology.plover_mode(cameo),
            cameo=cameo,
            quad_class=self.ontology.quad_class(cameo),
            goldstein=self.ontology.goldstein(cameo),
            actors=actors,
            recipients=recipients,
            date=date,
            date_precision=value_precision(date) if date else None,
            date_mod=timex.mod if timex else None,
            date_text=timex.text if timex else None,
            date_source=date_source if timex else "publication",
            historical=historical,
            status=status,
            location=place.shifted(line.offset) if place else None,
            attribution=attribution,
            trigger=Trigger(text=mention.trigger_text, start=line.offset + start, end=line.offset + end),
            confidence=_confidence(mention, actors, recipients),
        )

    # -- dating ----------------------------------------------------------------------------------------------------
    def date_mention(self, mention: Mention, line: _Line, timexes: list[Timex], published: str | None,
                     context: Event | None = None) -> tuple[Timex | None, str]:
        """The time expression that dates one event mention, and its source ("text", else "publication"):
        the time words of the event's own clause (nearest in the parse; a coordinated verb's or a speech act's
        reporting verb's at a penalty), with the year of a yearless date set by tense; else words that date
        it by ``context``, the event dated before it in the story ("the next day", "then")."""
        timex, source = self._event_timex(mention, line, timexes)
        if timex and published:
            timex = _year_by_tense(timex, mention, published)
        if timex is None and context is not None:
            timex = self._anaphoric_timex(mention, line, context)
            source = "text" if timex else source
        return timex, source

    def _event_timex(self, mention: Mention, line: _Line, timexes: list[Timex]) -> tuple[Timex | None, str]:
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
            distance = self._distance(span.root, mention, speech_act)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, timex)
        return (best[1], "text") if best else (None, "publication")

    def _distance(self, root: Token, mention: Mention, speech_act: bool) -> int | None:
        """Tree distance from a time expression up to the event's trigger, clause or (speech acts) reporting verb."""
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
            if intent and token.i == mention.trigger.i:
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

    def _anaphoric_timex(self, mention: Mention, line: _Line, context: Event) -> Timex | None:
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

    def _date_by_paragraph(self, event: Event, mention: Mention, line_no: int, dated: list[_Dated],
                           published: str | None) -> None:
        """An undated past event continuing the account of an event dated earlier in the same paragraph, with
        the same participants, takes that event's date (date_source "inferred")."""
        if not self.dating.paragraph_context or event.date_source != "publication":
            return
        if event.status not in ("asserted", "negated") or not _past(mention):
            return
        sides = participants(event)
        for earlier in reversed(dated):
            if earlier.line != line_no:
                return
            if earlier.sides == sides and earlier.event.sentence_id < event.sentence_id:
                for name in ("date", "date_precision", "date_mod", "date_text", "historical"):
                    setattr(event, name, getattr(earlier.event, name))
                event.date_source = "inferred"
                return


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


def _past(mention: Mention) -> bool:
    """The event is told in the past tense: its trigger or clause verb is a past form, or has a past auxiliary."""
    for token in (mention.first, mention.clause):
        if token is None:
            continue
        if token.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in token.children):
            return True
        if token.tag_ == "VBN" and any(c.lower_ == "had" for c in token.children):
            return True  # "had met"; not "has accused" (the present perfect reaches up to now)
    return False


def _repeats(event: Event, antecedent: Event) -> bool:
    """An event noun referring back ("the conflict") that adds no date of its own to an undated antecedent with
    the same sides: the same mention again, which the within-story merge could not join (no dates to compare)."""
    return (event.date_source != "text" and antecedent.date_source != "text" and event.status == antecedent.status
            and event.cameo == antecedent.cameo and participants(event) == participants(antecedent))


def _inherit_when_where(event: Event, antecedent: Event) -> None:
    """"the prospective meeting", "such talks": an event told again takes the date and place already given,
    when it gives none of its own and has the same participants."""
    if participants(event) != participants(antecedent):
        return
    if event.date_source != "text" and antecedent.date_source == "text":
        for name in ("date", "date_precision", "date_mod", "date_text", "date_source", "historical"):
            setattr(event, name, getattr(antecedent, name))
    if event.location is None:
        event.location = antecedent.location


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
    past = mention.status in ("asserted", "negated") and _past(mention)
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


def _date_value(timex: Timex) -> str:
    """A timex value as an event date: a time of day ("2025-09-26TMO") dates the event to its day."""
    return timex.value[:10] if timex.type == "TIME" else timex.value


def _representative_day(value: str | None) -> str | None:
    """The middle day of a date's period: who held an office "in 2025" is best judged mid-year."""
    bounds = value_bounds(value) if value else None
    if not bounds:
        return value
    first, last = bounds
    return (first + (last - first) / 2).isoformat()


def _after(value: str, published: str) -> bool:
    bounds, pub = value_bounds(value), value_bounds(published)
    return bool(bounds and pub and bounds[0] > pub[1])


def _confidence(mention: Mention, actors: list, recipients: list) -> float:
    """The trigger's confidence, lowered when a side is missing or named but not resolved."""
    score = mention.entry.confidence
    if not actors:
        score *= 0.7
    if not recipients and not mention.entry.reciprocal:
        score *= 0.9
    for side in (actors, recipients):
        if side and all(a.why == "unresolved" for a in side):
            score *= 0.6
    return round(min(1.0, score), 2)


__all__ = ["Coder"]
