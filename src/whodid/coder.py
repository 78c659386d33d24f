"""The one place that knows the order of the stages: parse, find events, date, place, resolve actors, merge.

    coder = Coder()
    events = coder.code_text(text, published="2025-09-27")
    for article, events in coder.code_articles(articles): ...
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from whodid.actors import ActorKB, StoryActors
from whodid.events import ArgumentResolver, Mention, find_mentions
from whodid.geo import Gazetteer, event_location, geoparse
from whodid.merge import merge_story_events
from whodid.model import Article, Event, Place, Timex, Trigger
from whodid.nlp import DEFAULT_MODEL, load_pipeline
from whodid.ontology import Ontology
from whodid.resources import load_yaml
from whodid.timex import is_historical, tag_times, value_bounds, value_precision
from whodid.triggers import TriggerLexicon
from whodid.venues import StoryVenues

log = logging.getLogger("whodid.coder")


@dataclass(frozen=True)
class DatingRules:
    speech_act_types: frozenset[str]
    undated_values: frozenset[str]
    dating_types: frozenset[str]
    clause_penalty: int
    reporting_penalty: int

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "DatingRules":
        raw = load_yaml("event_dating.yaml")
        return cls(
            frozenset(raw["speech_act_types"]), frozenset(raw["undated_values"]), frozenset(raw["dating_types"]),
            int(raw["clause_penalty"]), int(raw["reporting_penalty"]),
        )


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
        """(article, events) for each article, parsing lines of many articles in batches with ``nlp.pipe``."""
        pending: list[tuple[Article, list[tuple[int, str]]]] = []
        n_lines = 0
        for article in articles:
            lines = _story_lines(article.text)
            pending.append((article, lines))
            n_lines += len(lines)
            if n_lines >= self.batch_size:
                yield from self._code_batch(pending)
                pending, n_lines = [], 0
        if pending:
            yield from self._code_batch(pending)

    # -- stages ----------------------------------------------------------------------------------------------------
    def _code_batch(self, batch: list[tuple[Article, list[tuple[int, str]]]]) -> Iterator[tuple[Article, list[Event]]]:
        texts = [line for _, lines in batch for _, line in lines]
        docs = iter(self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process))
        for article, lines in batch:
            parsed = [_Line(offset, next(docs)) for offset, _ in lines]
            try:
                events = self._code_story(article, parsed)
            except Exception:  # one bad story must not lose the batch's work
                log.exception("could not code story %s (%s)", article.id, article.origin or "text")
                events = []
            yield article, events

    def _code_story(self, article: Article, lines: list[_Line]) -> list[Event]:
        published = article.published
        timexes = tag_times(article.text, published)
        actors = StoryActors(self.kb, published)
        resolver = ArgumentResolver(actors, published)
        venues = StoryVenues(resolve_name=lambda phrase: self._gathering_key(phrase, published))
        events: list[tuple[Event, list[str]]] = []
        last_of_type: dict[str, Event] = {}
        sentence_id = 0
        for line in lines:
            places = geoparse(line.doc.text, doc=line.doc, gazetteer=self.gazetteer)
            for sent in line.doc.sents:
                resolver.observe(sent, line.offset, places)
                venues.observe(sent, places, line.offset)
                for mention in find_mentions(sent, self.lexicon):
                    event = self._event(article, line, sent, sentence_id, mention, timexes, places, resolver)
                    if event is None:
                        continue
                    if mention.anaphoric and event.event_type in last_of_type:
                        _inherit_when_where(event, last_of_type[event.event_type])
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
               timexes: list[Timex], places: list[Place], resolver: ArgumentResolver) -> Event | None:
        timex, date_source = self._event_timex(mention, line, timexes)
        if timex and article.published:
            timex = _year_by_tense(timex, mention, article.published)
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
            date_source=date_source if date else "publication",
            historical=historical,
            status=status,
            location=place.shifted(line.offset) if place else None,
            attribution=attribution,
            trigger=Trigger(text=mention.trigger_text, start=line.offset + start, end=line.offset + end),
            confidence=_confidence(mention, actors, recipients),
        )

    # -- dating ----------------------------------------------------------------------------------------------------
    def _event_timex(self, mention: Mention, line: _Line, timexes: list[Timex]) -> tuple[Timex | None, str]:
        """The time expression of the event's own clause, nearest in the parse; else none (publication date)."""
        sent = mention.trigger.sent
        best: tuple[int, Timex] | None = None
        speech_act = mention.event_type in self.dating.speech_act_types
        for timex in timexes:
            if timex.type not in self.dating.dating_types or timex.value in self.dating.undated_values:
                continue
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
        intent = mention.first.i != mention.trigger.i
        path = [root, *root.ancestors]
        for steps, token in enumerate(path):
            if intent and token.i == mention.trigger.i:
                return None  # "hoped to meet ... in 2025": 2025 dates the meeting hoped for, not the hope
            if token.i in targets:
                return steps + targets[token.i]
            if token.dep_ in ("ccomp", "advcl", "relcl", "parataxis") and token.i not in targets:
                break  # the time words belong to another clause
        if speech_act:
            ancestors = {t.i for t in mention.first.ancestors}
            for steps, token in enumerate(path):
                if token.i in ancestors:
                    return steps + self.dating.reporting_penalty
        return None


def _inherit_when_where(event: Event, antecedent: Event) -> None:
    """"the prospective meeting", "such talks": an event told again takes the date and place already given,
    when it gives none of its own and has the same participants."""
    same_sides = {a.country or a.code for a in event.actors + event.recipients} == {
        a.country or a.code for a in antecedent.actors + antecedent.recipients}
    if not same_sides:
        return
    if event.date_source != "text" and antecedent.date_source == "text":
        for name in ("date", "date_precision", "date_mod", "date_text", "date_source", "historical"):
            setattr(event, name, getattr(antecedent, name))
    if event.location is None:
        event.location = antecedent.location


_PAST_TAGS = {"VBD", "VBN"}
_YEAR = re.compile(r"\d{4}")


def _year_by_tense(timex: Timex, mention: Mention, published: str) -> Timex:
    """A yearless date ("in October") is placed nearest the publication date; the verb's tense corrects it:
    "sent arms in October" told in June is last October, "will visit in March" told in June is next March."""
    if _YEAR.search(timex.text):  # the text gives the year: nothing to correct
        return timex
    bounds, pub = value_bounds(timex.value), value_bounds(published)
    if not bounds or not pub or value_precision(timex.value) not in ("day", "month"):
        return timex
    year = int(timex.value[:4])
    past = mention.first.tag_ in _PAST_TAGS and mention.status in ("asserted", "negated")
    if past and bounds[0] > pub[1]:
        year -= 1
    elif mention.status == "future" and bounds[1] < pub[0]:
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
    """The trigger's confidence, lowered when a side is missing."""
    score = mention.entry.confidence
    if not actors:
        score *= 0.7
    if not recipients and not mention.entry.reciprocal:
        score *= 0.9
    return round(min(1.0, score), 2)


__all__ = ["Coder"]
