"""Countries for actors named only by their role ("police", "the rebels", "protesters", "the president").

News leaves the country of such actors to the context: "Egyptian police opened fire on demonstrators" means
Egyptian demonstrators, "rebels attacked the town" in a story about Mali means Malian rebels. An actor coded by
its sector alone (code "CVL", no country) takes a country from the nearest context that names exactly one:
a place in its own words, the event's place, the sentence, for police and courts the places of the story's events,
then the story (data/actor_context.yaml). The rule that decided is kept in the actor's ``why``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable

from whodid.actors import after_stance_prefix
from whodid.geo import Gazetteer, in_parentheses
from whodid.model import Actor, Event, Place
from whodid.resources import load_tsv, load_yaml


@dataclass(frozen=True)
class ContextRules:
    sectors: frozenset[str]  # sectors whose bare role nouns belong to a country
    foreign_sectors: frozenset[str]  # sides whose country says nothing of the other side's
    story_min_mentions: int
    story_min_share: float
    origin_suffixes: tuple[str, ...]  # "European", "Crimean": an origin the knowledge could not code
    meeting_types: frozenset[str]  # events whose sides are usually of different countries
    located_groups: frozenset[str] = frozenset()  # group codes (groups.tsv) that take the country they act in
    stance_prefixes: frozenset[str] = frozenset()  # "anti-", "pro-": a place after them is a stance, not an origin
    domestic_sectors: frozenset[str] = frozenset()  # sides that act at home: a group they act on is of their country
    visiting_roles: frozenset[str] = frozenset()  # meeting participants from elsewhere: "delegations", "envoys"
    venue_sectors: frozenset[str] = frozenset()  # roles that act where the story's events happen: police, courts
    region_min_city_population: int = 0  # ``region_words``: a capitalised word before a role naming a region
    region_not_places: frozenset[str] = frozenset()
    international_words: frozenset[str] = frozenset()  # "the International Union of Editors": of no one country

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "ContextRules":
        data = load_yaml("actor_context.yaml")
        kinds = set(data.get("located_group_kinds") or [])
        groups = frozenset(row["code"] for row in load_tsv("groups.tsv") if row["kind"] in kinds)
        # the actor coder's list (agents.yaml): one list says what a stance prefix is
        stances = frozenset(str(w).lower() for w in load_yaml("agents.yaml").get("stance_prefixes") or [])
        return cls(frozenset(data["sectors"]), frozenset(data["foreign_sectors"]),
                   int(data["story_min_mentions"]), float(data["story_min_share"]),
                   tuple(data["origin_suffixes"]), frozenset(data["meeting_types"]), groups, stances,
                   frozenset(data.get("domestic_sectors") or []),
                   frozenset(str(w).lower() for w in data.get("visiting_roles") or []),
                   frozenset(data.get("venue_sectors") or []),
                   int((data.get("region_words") or {}).get("min_city_population") or 0),
                   frozenset(str(w) for w in (data.get("region_words") or {}).get("not_places") or []),
                   frozenset(str(w).lower() for w in data.get("international_words") or []))


CONTEXT_NOTE = "country from the "  # how ``why`` marks a country taken from the context


def from_context(actor: Actor) -> bool:
    """Whether ``actor``'s country was taken from its context, not from its own words."""
    return CONTEXT_NOTE in (actor.why or "")


def needs_country(actor: Actor, rules: ContextRules, region: "Callable[[str], str | None] | None" = None) -> bool:
    """Whether ``actor`` is named by its role alone: a sector code with no country, and no origin in its words
    that the knowledge could not code ("the European MPs"; a word of four letters is more often a common noun
    capitalised at a sentence's start: "Taxi drivers"; a word ``region`` finds a country for is a place:
    "Mumbai police")."""
    name = set(re.findall(r"[\w'-]+", actor.name or ""))  # "Prime Minister Omar Badawi": a surname is no origin
    words = re.findall(r"[\w'-]+", actor.text)
    if any(w.lower() in rules.international_words for w in words):
        return False  # "the International Union of Editors", "international monitors": of no one country
    return (actor.country is None and actor.sector in rules.sectors and actor.code == actor.sector
            and not any(len(w) > 4 and w[0].isupper() and w.endswith(rules.origin_suffixes)
                        and w.split("-")[0].lower() not in rules.stance_prefixes  # "Anti-American": a stance
                        and w not in name and not (region is not None and region(w))
                        for w in words))


def _sole(countries: Iterable[str | None]) -> str | None:
    found = {c for c in countries if c}
    return found.pop() if len(found) == 1 else None


class StoryCountries:
    """The countries a story names, sentence by sentence; fills role-only actors' countries from them."""

    def __init__(self, rules: ContextRules | None = None, gazetteer: "Gazetteer | None" = None):
        self.rules = rules or ContextRules.default()
        self.gazetteer = gazetteer  # for regions named inside an organisation's name (``_region_word_country``)
        self._regions: dict[str, str | None] = {}  # ``_region``'s answers: needs_country and the own words both ask
        self._places: dict[int, list[Place]] = {}
        self._story: Counter[str] = Counter()

    def observe(self, sentence_id: int, places: list[Place], sentence: str = "", start: int = 0) -> None:
        """Places found in one sentence (their countries are the sentence's context), less those in an aside in
        parentheses: "(a group outlawed in Russia)" tells nothing of where the sentence's people are from.
        ``sentence`` is the sentence's text and ``start`` its offset in the text the places' offsets count in."""
        places = [p for p in places if not in_parentheses(sentence, p.start - start)]
        self._places[sentence_id] = places
        self._story.update(p.country for p in places if p.country)

    def main_country(self, events: list[Event]) -> str | None:
        """The country that clearly leads the story's places and coded actors, if one does."""
        return self._leader(self._story + Counter(a.country for a in _distinct_actors(events) if a.country))

    def venue_country(self, events: list[Event]) -> str | None:
        """The country that clearly leads the places the story's events happen in, if one does."""
        return self._leader(Counter(e.location.country for e in events if e.location and e.location.country))

    def _leader(self, counts: Counter[str]) -> str | None:
        """The country named at least ``story_min_mentions`` times, with ``story_min_share`` of all and more than
        any other, else None."""
        ranked = counts.most_common(2)
        if not ranked:
            return None
        top, n = ranked[0]
        if n < self.rules.story_min_mentions or n < self.rules.story_min_share * sum(counts.values()):
            return None
        return top if len(ranked) == 1 or ranked[1][1] < n else None

    def fill(self, events: list[Event]) -> None:
        """Give each role-only actor of ``events`` the country its context names (in place)."""
        story = self.main_country(events)
        venue = self.venue_country(events)
        by_sentence: dict[int, list[Event]] = {}
        for event in events:
            by_sentence.setdefault(event.sentence_id, []).append(event)
        for event in events:
            sentence = by_sentence[event.sentence_id]
            event.actors = [self._filled(a, event, event.recipients, sentence, story, venue) for a in event.actors]
            event.recipients = [self._filled(a, event, event.actors, sentence, story, venue) for a in event.recipients]

    def _filled(self, actor: Actor, event: Event, other_side: list[Actor], sentence: list[Event],
                story: str | None, venue: str | None = None) -> Actor:
        places = self._places.get(event.sentence_id, [])
        if _group_code(actor, self.rules):
            return self._located_group(actor, event, places, other_side)
        if not needs_country(actor, self.rules, self._region):
            return actor
        # a meeting's other participants, coded from their own words, are likely of another country
        meeting = event.event_type in self.rules.meeting_types
        taken = {a.country for a in event.actors + event.recipients if a.country and not from_context(a)} \
            if meeting else set()
        if meeting and _visiting(actor, self.rules):
            # "foreign ministers gathered in Vienna": the venue, the sentence and the story say nothing of their country
            # their origin only: "the delegation from Iran", not where they are ("envoys in Vienna")
            own = _sole(p.country for p in places if re.search(rf"\b(?:from|of) (?:the )?{re.escape(p.text)}(?!\w)",
                                                                  actor.text))
            return _with_country(actor, own, own + actor.code, "own words") if own and own not in taken else actor
        sentence_country = self._sentence_country(places, sentence, other_side)
        if sentence_country and story and sentence_country != story and any(
                a.country == sentence_country and not from_context(a) for a in other_side):
            # the sentence names only the other side's country ("an aide denied meeting Russian diplomats" in a
            # story of Washington): the story's country tells more of this side
            sentence_country = None
        for source, country in (
            ("own words", self._own_words_country(actor, places)),
            ("event place", event.location.country if event.location else None),
            ("sentence", sentence_country),
            # police and courts act where the story's events happen ("police said" in a story of a killing at
            # an airport abroad are that country's, whoever the story is most about)
            ("story's venues", venue if actor.sector in self.rules.venue_sectors else None),
            # a named person the knowledge lacks ("Vice-Premier Wang Yang") may come from anywhere
            ("story", story if actor.name is None or _titled(actor) else None),
        ):
            if country and country not in taken:
                return _with_country(actor, country, country + actor.code, source)
        return actor

    def _located_group(self, actor: Actor, event: Event, places: list[Place], other_side: list[Actor]) -> Actor:
        """An ethnic or religious group with no country takes that of the place in its words or of the event's
        place: country, then its role, then the group ("Kurdish fighters" in Syria: SYRREBKUR); else that of the
        police or authorities of one country acting on it (``domestic_sectors``: they act at home)."""
        group = _group_code(actor, self.rules)
        domestic = _sole(a.country for a in other_side if a.sector in self.rules.domestic_sectors
                         and not from_context(a)) \
            if event.event_type not in self.rules.meeting_types else None
        for source, country in (
            ("own words", self._own_words_country(actor, places)),
            ("event place", event.location.country if event.location else None),
            ("other side", domestic),
        ):
            if country and group:
                return _with_country(actor, country, country + (actor.sector or "") + group, source)
        return actor

    def _own_words_country(self, actor: Actor, places: list[Place]) -> str | None:
        """The one country of the places named in the actor's own words, a place after a stance prefix aside ("an
        anti-Syria journalist" is no Syrian: the prefix says what they are against)."""
        return _sole(p.country for p in places
                     if _names(actor.text, p.text) and not _after_stance(actor.text, p.text, self.rules)) \
            or self._region_word_country(actor)

    def _region_word_country(self, actor: Actor) -> str | None:
        """The one country of the capitalised words before the role that name a region or a big city."""
        return _sole(self._region(w) for w in re.findall(r"[\w'-]+", actor.text)[:-1])

    def _region(self, word: str) -> str | None:
        """The country of the region or big city a capitalised word names (``region_words``), else None."""
        if self.gazetteer is None or not word[:1].isupper() or word in self.rules.region_not_places:
            return None
        if word not in self._regions:
            self._regions[word] = self.gazetteer.region_country(word, self.rules.region_min_city_population)
        return self._regions[word]

    def _sentence_country(self, places: list[Place], sentence: list[Event], other_side: list[Actor]) -> str | None:
        """The one country the sentence names, not counting the other side's armies (they act abroad) nor who
        tells the story ("..., a spokeswoman for the US embassy said")."""
        foreign = {a.country for a in other_side if a.sector in self.rules.foreign_sectors}
        actors = [a for e in sentence for a in e.actors + e.recipients
                  if a.sector != "IGO" and not (a.sector in self.rules.foreign_sectors and a.country in foreign)]
        sources = [e.attribution.text for e in sentence if e.attribution is not None and e.attribution.text]
        texts = {a.text for e in sentence for a in e.actors + e.recipients if a.text}
        told = [p for p in places if not any(_names(source, p.text) for source in sources)
                and not any(_after_stance(text, p.text, self.rules) for text in texts)]  # "anti-Syria": no origin
        return _sole([p.country for p in told] + [a.country for a in actors])


def _with_country(actor: Actor, country: str, code: str, source: str) -> Actor:
    """``actor`` with the country (and code) taken from ``source`` in the context, noted in its ``why``."""
    note = f"{CONTEXT_NOTE}{source}"
    return replace(actor, country=country, code=code, why=f"{actor.why}; {note}" if actor.why else note)


def _group_code(actor: Actor, rules: ContextRules) -> str | None:
    """The code of the ethnic or religious group a country-less actor is ("ethnic Albanians", "Kurdish
    fighters"), else None."""
    if actor.country is not None or not (actor.kb_id or "").startswith("group:"):
        return None
    code = actor.kb_id.split(":", 1)[1]
    return code if code in rules.located_groups else None


def _visiting(actor: Actor, rules: ContextRules) -> bool:
    """Whether ``actor``'s words name a role from elsewhere at a meeting ("foreign ministers", "the delegations")."""
    return any(w in rules.visiting_roles for w in re.findall(r"[\w'-]+", actor.text.lower()))


def _titled(actor: Actor) -> bool:
    """Whether ``actor`` is an unknown person named with a post ("Vice-President Omar Badawi"): a post of the
    country the story is about, more often than not."""
    return (actor.why or "").startswith("title+name")


def _names(words: str, name: str) -> bool:
    """Whether ``name`` occurs in ``words`` as whole words ("Niger" is not in "Nigerian workers")."""
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words) is not None


def _after_stance(words: str, name: str, rules: ContextRules) -> bool:
    """Whether every mention of ``name`` in ``words`` follows a stance prefix ("anti-Iran", "pro-Russia")."""
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", words)]
    return bool(starts) and all(after_stance_prefix(words, start, rules.stance_prefixes) for start in starts)


def _distinct_actors(events: list[Event]) -> list[Actor]:
    seen: dict[tuple[str, str | None], Actor] = {}
    for event in events:
        for actor in event.actors + event.recipients:
            seen.setdefault((actor.text, actor.code), actor)
    return list(seen.values())
