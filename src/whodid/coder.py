"""The one place that knows the order of the stages: parse, find events, date, place, resolve actors, merge.

    coder = Coder()
    events = coder.code_text(text, published="2025-09-27")
    for article, events in coder.code_articles(articles): ...
"""
from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from whodid.actors import ActorKB, StoryActors
from whodid.dating import DatingRules, EventDater, story_timexes
from whodid.dating import date_value as _date_value
from whodid.dating import past_tense as _past
from whodid.actor_context import StoryCountries
from whodid.arguments import ArgumentRules, Mention
from whodid.events import find_mentions
from whodid.confidence import event_confidence, story_factor
from whodid.genres import GenreRules, story_genre
from whodid.geo import Gazetteer, event_location, geoparse
from whodid.geo import settings as geo_settings
from whodid.merge import merge_story_events, participants
from whodid.resolver import ArgumentResolver
from whodid.senses import commercial_act, private_act, unarmed_fight, unarmed_flight, verbal_attack
from whodid.model import Article, Event, Place, Timex, Trigger, stable_hash
from whodid.nlp import DEFAULT_MODEL, load_pipeline
from whodid.ontology import Ontology
from whodid.timex import is_historical, value_bounds, value_precision
from whodid.triggers import TriggerLexicon
from whodid.venues import StoryVenues

log = logging.getLogger("whodid.coder")



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


def story_lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines with their offsets in the story text: the coder parses a story line by line (paragraphs of a
    page must not run into each other), and so do the scorers that replay its steps."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


class Coder:
    """Codes news stories into events. Loads the spaCy pipeline and the knowledge files once."""

    def __init__(self, model: str = DEFAULT_MODEL, actors_files: Iterable[str] = (), places_files: Iterable[str] = (),
                 batch_size: int = 64, n_process: int = 1, verbs_files: Iterable[str] = (), verbs_only: bool = False,
                 skip_genres: Iterable[str] | None = None):
        """``verbs_files``: PETRARCH/TABARI verb dictionaries (whodid.petrarch_verbs) whose senses of a verb take
        precedence over whodid's; with ``verbs_only``, PETRARCH's reading: they are the only triggers, and an event
        needs a source and a target that name actors (PETRARCH codes dyads). ``skip_genres``: story genres left
        uncoded (whodid.genres; default: those data/genres.yaml skips, sports; ``()`` codes every story)."""
        self.nlp: Language = load_pipeline(model)
        self.kb = ActorKB.load(*actors_files) if actors_files else ActorKB.default()
        self.gazetteer = Gazetteer.load(*places_files) if places_files else Gazetteer.default()
        self._target_place_types = frozenset(geo_settings()["target_place_types"])  # the place attacked is the place
        self.ontology = Ontology.default()
        self.lexicon = TriggerLexicon.default()
        self.dyads_only = bool(verbs_only)
        verbs_files = list(verbs_files)
        if verbs_files:
            from whodid.petrarch_verbs import load_verbs

            self.lexicon = self.lexicon.with_entries(load_verbs(*verbs_files, ontology=self.ontology),
                                                     only=verbs_only)
        self.dating = DatingRules.default()
        self.dater = EventDater(self.dating)
        self.batch_size = batch_size
        self.n_process = n_process
        self.genre_rules = GenreRules.default()
        self.skip_genres = self.genre_rules.skipped if skip_genres is None else frozenset(skip_genres)

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
                lines_of_story = [] if self._skipped_genre(article) else story_lines(article.text)
                pending.append((article, lines_of_story))
                for _, line in lines_of_story:
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

    def _skipped_genre(self, article: Article) -> bool:
        """Whether the story is of a genre left uncoded (it is then neither parsed nor coded: no events)."""
        genre = story_genre(article.text, article.title, self.genre_rules) if self.skip_genres else None
        if genre is None or genre not in self.skip_genres:
            return False
        log.info("story %s not coded: it reads as %s news", article.id or article.origin or "text", genre)
        return True

    # -- stages ----------------------------------------------------------------------------------------------------
    def _story(self, item: tuple[Article, list[tuple[int, str]]], docs: list[Doc]) -> tuple[Article, list[Event]]:
        article, lines_of_story = item
        parsed = [_Line(offset, doc) for (offset, _), doc in zip(lines_of_story, docs)]
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
        countries = StoryCountries(gazetteer=self.gazetteer)  # countries of actors named by role alone
        events: list[tuple[Event, list[str]]] = []
        last_of_type: dict[str, Event] = {}
        sentence_id = 0
        for line_no, line in enumerate(lines):
            # names inside organisations' names and demonyms are no places of events ("Seoul National University
            # students", "Russian troops")
            places = geoparse(line.doc.text, doc=line.doc, gazetteer=self.gazetteer, names_in_organisations=False,
                              demonyms=False)
            chunks = list(line.doc.noun_chunks)
            actors.observe_text(line.doc.text)  # short names ("the Commission") hold once their body is named
            for sent in line.doc.sents:
                resolver.observe(sent, line.offset, places, chunks)
                venues.observe(sent, places, line.offset)
                countries.observe(sentence_id, [p for p in places if sent.start_char <= p.start < sent.end_char],
                                  sent.text, sent.start_char)
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
                    gatherings = venues.gatherings_under(mention.clause or mention.trigger)
                    events.extend((e, gatherings) for e in self._paired(event, mention)
                                  if not self.dyads_only or (_named(e.actors) and _named(e.recipients)))
                sentence_id += 1
        for event, keys in events:  # venues may be told after the event
            event.location = venues.refine(event.location, keys)
        countries.fill([e for e, _ in events])
        factor = story_factor(article.text)
        for event, _ in events:
            event.confidence = round(event.confidence * factor, 2)
        return merge_story_events([self._at_home_code(e) for e, _ in events])

    def _at_home_code(self, event: Event) -> Event:
        """The event recoded where its act reaches no other country ("sent troops to guard the ports": a
        deployment, not military aid); after the context countries are filled in, since they decide it."""
        home = ArgumentRules.default().home_codes.get(event.cameo)
        if home and _at_home(event.actors, event.recipients):
            return self._recoded(event, home, event.actors, event.recipients, 0)
        return event

    def _paired(self, event: Event, mention: Mention) -> list[Event]:
        """The event, and the reverse of a paired code ("042:043": the host receives the visit) with the sides
        swapped. Participants of a reciprocal one ("A and B met", PLOVER style) become the dyads the paired code
        names: each ordered pair, the forward code for text order and the reverse code for the other."""
        code = mention.entry.reverse_cameo
        if not code or mention.cameo != mention.entry.cameo:  # none, or a rule gave the act another code
            return [event]
        if event.actors and event.recipients:
            return [event, self._recoded(event, code, event.recipients, event.actors, 1)]
        if mention.entry.reciprocal and len(event.actors) > 1 and not event.recipients:
            pairs = [(a, b) for a in event.actors for b in event.actors if a is not b]
            first = event.actors.index
            return [self._recoded(event, event.cameo if first(a) < first(b) else code, [a], [b], n)
                    for n, (a, b) in enumerate(pairs)]
        return [event]

    def _recoded(self, event: Event, code: str, actors: list, recipients: list, n: int) -> Event:
        """A copy of ``event`` with these sides and code (the n-th event of its trigger: its own id)."""
        from whodid.petrarch_verbs import code_type  # the type of a code outside CAMEO, as the importer reads it

        event_type, mode = code_type(code, self.ontology)
        return replace(event, actors=list(actors), recipients=list(recipients), cameo=code, event_type=event_type,
                       mode=mode, quad_class=self.ontology.quad_class(code), goldstein=self.ontology.goldstein(code),
                       id=stable_hash(event.id, n) if n else event.id)

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
        if mention.cameo in resolver.rules.visit_codes and not any(a.code for a in actors):
            return None  # "a visit to the Louvre", "many fans travel to the final": no visitor known
        if unarmed_fight(mention.trigger.lemma_.lower(), mention.event_type, actors, recipients, resolver.rules) or \
                unarmed_fight(mention.trigger.lower_, mention.event_type, actors, recipients, resolver.rules):
            return None  # "fought the claims", "a tight battle with her rival": no armed side
        if verbal_attack(mention.trigger.lemma_.lower(), mention.event_type, actors, recipients, resolver.rules):
            mention.cameo = resolver.rules.verbal_attack_code  # "the president's attacks on judges": criticism
            mention.event_type = self.ontology.plover_type(mention.cameo) or mention.event_type
        if unarmed_flight(mention.trigger.lemma_.lower(), mention.event_type, actors, resolver.rules):
            return None  # "the novelist fled Austria to escape persecution": a refugee, not a retreat
        if mention.needs_recipient and not recipients:
            return None  # "said the new law should provide relief": an obligation on no one named
        if mention.entry.partnered and mention.first.i == mention.trigger.i and not recipients and len(actors) < 2 \
                and len(mention.participants or mention.actors) < 2:
            return None  # "Jenner discussed transgender rights": an exchange with no one (not "ready to discuss it")
        if private_act(mention.event_type, actors, recipients, resolver.rules):
            return None  # "the man tried to flee on foot": a private person's act
        if commercial_act(mention.event_type, actors, recipients, resolver.rules):
            return None  # "Acme Corp agreed to buy a stake in Zorgan": business, not political news
        start, end = mention.char_span
        status = mention.status
        historical = bool(timex and article.published and is_historical(timex.value, article.published, timex.mod))
        if timex and status == "asserted" and article.published and _after(timex.value, article.published):
            status = "future"
        place = event_location(mention.trigger, [p for p in places if sent.start_char <= p.start < sent.end_char],
                               line.doc, include_objects=(mention.entry.mode == "visit"),
                               include_targets=mention.event_type in self._target_place_types,
                               also=(mention.subject_event,) if mention.subject_event is not None else ())
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
            confidence=event_confidence(mention.entry, actors, recipients),
        )

    # -- dating ----------------------------------------------------------------------------------------------------
    # -- dating ----------------------------------------------------------------------------------------------------
    def date_mention(self, mention: Mention, line: _Line, timexes: list[Timex], published: str | None,
                     context: Event | None = None) -> tuple[Timex | None, str]:
        """The time expression that dates one event mention, and its source ("text", else "publication"): see
        ``whodid.dating.EventDater.date_mention``."""
        return self.dater.date_mention(mention, line, timexes, published, context)

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




def _at_home(actors: list, recipients: list) -> bool:
    """Whether an act of national actors (not organisations) reaches no other country: no recipient, or only
    recipients of the actors' own countries."""
    countries = {a.country for a in actors if a.country and a.sector != "IGO"}
    return bool(countries) and len(countries) == len({a.country for a in actors}) and \
        all(r.country in countries for r in recipients)


def _named(side: list) -> bool:
    """Whether a side names an actor with a code (not only words the knowledge lacks)."""
    return any(actor.code for actor in side)


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


__all__ = ["Coder"]
