"""Argument tokens to actors, with story memory.

``ArgumentResolver.resolve(mention, date)`` turns a :class:`~whodid.arguments.Mention`'s tokens into
:class:`~whodid.model.Actor` lists at the event's own date, remembering the story's actors for pronouns ("its
invasion"), pairs ("the pair met"), titles ("the minister") and events told again ("such talks").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from whodid.actors import StoryActors, after_stance_prefix
from whodid.arguments import (ArgumentRules, Mention, children, dateline_limit, in_dateline, one_of, prep_objects,
                              subject_of, subtree_without, with_conjuncts)
from whodid.gender import fits, phrase_gender, pronoun_gender
from whodid.model import Actor, Place


@dataclass
class _Seen:
    position: int  # character offset in the story: lines are parsed as separate docs
    phrase: str
    person: bool
    subject: bool = False  # the subject of its clause
    sentence: int = 0  # index of its sentence in the story
    gender: str | None = None  # "m" / "f" where its words tell (whodid.gender), for "he" and "she"
    # a plural role noun with no country ("police", "soldiers"): an antecedent only of a plural pronoun of its own
    # sentence ("accused police of robbing the suspects they shoot": not the accuser named before)
    plural_role: bool = False
    plural: bool = False  # its head is a plural noun ("suicide bombers"): "they" may stand for it


# "such talks", "the agreement": a noun event repeats an event of its type told at most this many sentences before;
# further back the story has usually moved on (judged real news: 20 of 30 copies from further back were wrong)
_ANAPHORA_SENTENCES = 2


def _relative_head(token: Token) -> Token | None:
    """The noun the relative clause holding ``token`` qualifies ("the people" of "the people they kill"): never
    what a pronoun inside that clause stands for; None outside a relative clause."""
    current = token
    while current.head.i != current.i:
        if current.dep_ == "relcl":
            return current.head
        current = current.head
    return None


def _bound_subject(pronoun: Token, low: str, rules: ArgumentRules) -> Token | None:
    """The subject of its own clause a possessive "their"/"its" points at, when that subject is a common noun of the
    same number ("Students marched to denounce the arrest of their teacher", "the faction that controls the city
    for its support of ..."): the doer's own, not the last named actor of the story. Else None."""
    if pronoun.dep_ != "poss" or low not in rules.bound_possessives:
        return None
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject, _ = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else ([], False)
    if len(subject) != 1 or subject[0].pos_ != "NOUN" or subject[0].i > pronoun.i or \
            pronoun in subject[0].subtree:
        return None  # a name ("Kenya ... its"), a pronoun, or one inside the subject ("the impact of its") as before
    plural = subject[0].tag_ == "NNS"
    return subject[0] if plural == (low in rules.plural_pronouns) else None


def _fronted_possessor(pronoun: Token, low: str, rules: ArgumentRules) -> Token | None:
    """The named subject a person's possessive points forward to from a phrase set before it ("During his visit to
    Washington, Abe met ...": his is Abe's, not the last person named before). Else None."""
    if pronoun.dep_ != "poss" or low not in rules.person_pronouns:
        return None
    node, prep = pronoun.head, None
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        if node.dep_ == "prep":
            prep = node
        node = node.head
    if prep is None or node.pos_ not in ("VERB", "AUX") or prep.head.i != node.i:
        return None
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].pos_ != "PROPN" or subjects[0].i < prep.i:
        return None
    return subjects[0]


def _names_venue(token: Token, rules: ArgumentRules) -> bool:
    """Whether a modifier is part of the name of a gathering or an accord ("the Doha meeting", "the Paris
    climate agreement", "the Geneva talks"): venue_named_nouns of arguments.yaml."""
    noun = token
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    return noun is not token and (noun.lemma_.lower() in rules.venue_named_nouns
                                  or noun.lower_ in rules.venue_named_nouns)


def _venue_noun(token: Token, rules: ArgumentRules) -> bool:
    return one_of(token, rules.venue_named_nouns)


def _is_city(actor: Actor) -> bool:
    """An actor that stands for a town: a seat of government ("Doha" -> QATGOV) or a place named as a side (not a
    country: "US drone attacks" were the United States')."""
    return actor.why == "capital" or ((actor.kb_id or "").startswith("place:") and actor.why != "country named as a side")


def _capital_name(token: Token) -> bool:
    """A name written in capitals that spells a pronoun ("US"): a name, not the pronoun."""
    return len(token.text) > 1 and token.text.isupper() and (token.pos_ == "PROPN" or token.ent_type_ != "")


def _is_person(actor: Actor) -> bool:
    """One person: known to the knowledge base, or named with a title ("Springfield Mayor Ann Lee")."""
    return (actor.kb_id or "").startswith("person:") or _personal(actor)


def _personal(actor: Actor) -> bool:
    """An actor that is one named person the knowledge lacks, met with a title ("Springfield Mayor Ann Lee")."""
    return (actor.why or "").startswith(("title+name", "name+apposition", "story-memory:titled"))


def _as_place(actor: Actor) -> Actor:
    """A capital attacked is the place, not its government: "shelled Kyiv" hits Ukraine (UKR), not UKRGOV."""
    if actor.why != "capital" or not actor.country:
        return actor
    return replace(actor, code=actor.country, sector=None, why="capital as the place attacked")


def _others(found: list[Actor], actors: list[Actor]) -> list[Actor]:
    """``found`` less the actors already on the other side (same code and name)."""
    return [r for r in found if all(r.code != a.code or r.name != a.name for a in actors)]


# Entity labels that name no side however the parse attaches them (times, amounts).
_NO_SIDE_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _place_actor(place: Place) -> Actor:
    """A place named as a side, standing for its country."""
    why = "country named as a side" if place.feature == "country" else "place named as a side"
    return Actor(text=place.text, name=place.name, code=place.country, country=place.country,
                 kb_id=f"place:{place.geonameid or place.name}", why=why)


class ArgumentResolver:
    """Resolves a mention's argument tokens to actors; remembers the story so far."""

    def __init__(self, actors: StoryActors, published: str | None = None, rules: ArgumentRules | None = None):
        self.actors = actors
        self._places: list[Place] = []  # resolved places of the line being read (offsets into its doc)
        self.published = published
        self.rules = rules or ArgumentRules.default()
        self._seen: list[_Seen] = []
        # the sides of the last complete event of each type, and the sentence it was told in
        self._last_by_type: dict[str, tuple[list[Actor], list[Actor], int]] = {}
        self._last_pair: list[Actor] = []
        self._sentences = 0  # sentences read so far
        self._pair_sentence = -2  # the sentence that named the last pair
        self.line_offset = 0  # of the line being read, in the story text

    def _position(self, token: Token) -> int:
        return self.line_offset + token.idx

    # -- memory of actor mentions, for pronouns ------------------------------------------------------------------
    def observe(self, sent: Span, line_offset: int = 0, places: list[Place] | None = None,
                chunks: list[Span] | None = None) -> None:
        """Record the actor phrases of a sentence, in order, before its events are resolved. ``line_offset``:
        where the sentence's doc starts in the story text; ``places``: the places resolved in that doc;
        ``chunks``: the doc's noun chunks if already listed (``Span.noun_chunks`` walks the whole doc each time)."""
        self.line_offset = line_offset
        self._places = places or []
        self._sentences += 1
        chunks = sent.noun_chunks if chunks is None else [c for c in chunks if sent.start <= c.start < sent.end]
        candidates = {chunk.root.i: phrase_text(chunk.root, self.rules) for chunk in chunks}
        for ent in sent.ents:  # names inside larger chunks ("Moscow" in "sent Moscow arms")
            if ent.label_ in ("GPE", "NORP", "ORG", "PERSON") and ent.root.i not in candidates:
                candidates[ent.root.i] = ent.text
        unknown_people = self._unknown_people(sent)
        named: dict[int, str] = {}  # roots of phrases remembered as actors, with their phrases
        for index in sorted(candidates):
            root = sent.doc[index]
            if root.lower_ in self.rules.pronouns or in_dateline(root):
                continue
            owner = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
            if owner is not None and root.text in named.get(owner.i, ""):
                continue  # "Chad" in "Rebels in Chad said they ...": the rebels are meant, not the place in their phrase
            self._note_apposition(root, candidates[index])
            actor = self.actors.resolve(candidates[index], self.published)
            if actor is not None and (actor.sector or "").lower() in self.rules.unreferred_sectors and \
                    root.dep_ in ("dobj", "dative", "pobj"):
                continue  # news media told or cited ("told Reuters", "according to Al Jazeera") are no antecedents
            # Only named actors are antecedents: "troops" or "the official" would capture every "its" and "he".
            subject = root.dep_ in ("nsubj", "nsubjpass")
            if actor is not None and (actor.country or actor.sector == "IGO" or _personal(actor)):
                person = root.ent_type_ == "PERSON" or (actor.kb_id or "").startswith("person:") or _personal(actor)
                gender = phrase_gender(candidates[index], actor.name) if person else None
                self._seen.append(_Seen(self._position(root), candidates[index], person, subject, self._sentences,
                                        gender, plural=root.tag_ in ("NNS", "NNPS")))
                named[index] = candidates[index]
            elif actor is None and (index in unknown_people or self.actors.names_unknown_person(candidates[index])):
                # "Juan Hernandez said he ...", "De Quito said she ...": this person, whom the knowledge lacks, not
                # an earlier leader
                phrase = unknown_people.get(index, candidates[index])
                self._seen.append(_Seen(self._position(root), phrase, True, subject, self._sentences,
                                        phrase_gender(phrase)))
            elif actor is not None and actor.code == actor.sector and root.tag_ in ("NNS", "NNPS") \
                    and root.pos_ == "NOUN":
                self._seen.append(_Seen(self._position(root), candidates[index], False, subject, self._sentences,
                                        plural_role=True))
            elif root.ent_type_ == "ORG" and root.pos_ == "PROPN":
                # "The Press Institute renewed its call": "its" is this organisation the knowledge lacks, not the
                # country named before it
                self._seen.append(_Seen(self._position(root), candidates[index], False, subject, self._sentences))

    def _note_apposition(self, root: Token, phrase: str) -> None:
        """A name with an apposition that tells who the person is ("Jan Novak, Ruritania's finance minister,"):
        resolved with it, so that the story's memory keeps the person's country and post for the later bare
        mentions ("Novak said", "Jan Novak told", "we" in his quotes); the argument phrase cuts the apposition."""
        if root.pos_ != "PROPN" or root.ent_type_ != "PERSON":
            return
        for described in self._described(root, phrase):
            found = self.actors.kb.lookup(described, self.published)
            # "X, a farmer," tells no country; "X, the UN refugee chief," may read as the post's holder, not X
            if found is not None and (found.country or found.sector == "IGO") and \
                    not (found.kb_id or "").startswith("person:"):
                self.actors.resolve(described, self.published)

    def _unknown_people(self, sent: Span) -> dict[int, str]:
        """Full personal names (PERSON entities of two words or more) the knowledge base does not know, by the index
        of their last word; the story's memory notes their surnames (StoryActors.note_person_name)."""
        out: dict[int, str] = {}
        for ent in sent.ents:
            if ent.label_ == "PERSON" and len(ent) > 1 and self.actors.note_person_name(ent.text, self.published):
                out[ent.root.i] = ent.text
        return out

    def _antecedent(self, pronoun: Token) -> str | None:
        person = pronoun.lower_ in self.rules.person_pronouns
        here = self._position(pronoun)
        gender = pronoun_gender(pronoun.lower_) if person else None  # "she" never points back to a man named so
        earlier = sorted((seen for seen in self._seen if seen.position < here and seen.person == person
                          and not seen.plural_role and (gender is None or seen.gender in (None, gender))),
                         key=lambda seen: seen.position)
        if person and pronoun.dep_ in ("nsubj", "nsubjpass") and earlier:
            # "He blamed X for the delay. He blamed ...": a subject pronoun continues the last sentence's subject, not
            # the person last named in it
            last = earlier[-1].sentence
            subjects = [seen for seen in earlier if seen.subject and seen.sentence >= last - 1]
            if subjects and subjects[-1].sentence == last:
                return subjects[-1].phrase
        if earlier and pronoun.lower_ in self.rules.plural_pronouns and not earlier[-1].plural:
            role = self._plural_role_between(earlier[-1].position, pronoun)
            if role is not None:
                return role.phrase
        return earlier[-1].phrase if earlier else None

    def _body(self, actor: Actor) -> bool:
        """Whether an actor is a body (an organisation, "police", "the ministry"), never one person."""
        words = (actor.text or "").split()
        if not words:
            return False
        # a named organisation itself ("Hamas", "the UN"), not its people ("Hamas officials")
        named = (actor.kb_id or "").startswith(("igo:", "named:")) and words[-1][:1].isupper()
        return named or words[-1].lower() in self.rules.body_nouns

    def _plural_role_between(self, start: int, pronoun: Token) -> _Seen | None:
        """A plural role noun of the pronoun's sentence after a singular antecedent ("Amnesty accused police of
        torturing the people they kill": they are the police, not Amnesty); not the noun the pronoun's relative
        clause qualifies ("the people")."""
        here = self._position(pronoun)
        head = _relative_head(pronoun)
        qualified = self._position(head) if head is not None else None
        roles = [seen for seen in self._seen if seen.plural_role and seen.sentence == self._sentences
                 and start < seen.position < here and seen.position != qualified]
        return roles[-1] if roles else None

    # -- resolution --------------------------------------------------------------------------------------------
    def _resolve_token(self, token: Token, date: str | None, speaker: Actor | None) -> list[Actor]:
        if in_dateline(token):
            return []  # "LONDON (Reuters) -": where the story was filed, never a side
        if token.dep_ in ("amod", "compound", "nmod") and self._after_stance_prefix(token):
            return []  # "anti-Iran" in "an anti-Iran columnist": a stance, never a side
        low = token.lower_ if not _capital_name(token) else token.text  # "US" is no "us"
        if low in self.rules.reflexive_pronouns:
            return []  # "blew themselves up": the doer again, never someone else (nor the speaker)
        if low in self.rules.speaker_pronouns:
            return [speaker] if speaker else []
        if low in self.rules.plural_pronouns and token.dep_ != "poss" and self._last_pair and \
                self._sentences - self._pair_sentence <= 1:
            # "A and B met ..., when they pledged": they are the pair just named ("their demands" is its clause's)
            return list(self._last_pair)
        if low in self.rules.person_pronouns and speaker is not None and _is_person(speaker) and \
                fits(low, speaker.text or "", speaker.name):
            # "Mr Justice X said he was asked": he is the one who says so (a copy: the speaker stays the attribution)
            return [replace(speaker)]
        bound = _bound_subject(token, low, self.rules) if low in self.rules.pronouns else None
        if bound is not None:  # "students marched to denounce the arrest of their teacher": the students' own
            return self._resolve_token(bound, date, speaker)
        ahead = _fronted_possessor(token, low, self.rules)
        found = self._resolve_token(ahead, date, speaker) if ahead is not None else []
        if found and all(fits(low, a.text or "", a.name) for a in found):
            return found  # "During his visit, Abe ...": Abe's visit
        if low in self.rules.pronouns:
            phrase = self._antecedent(token)
            actor = self.actors.resolve(phrase, date) if phrase else None
            self._note_subject_pronoun(token, phrase)
            if actor is None and speaker is not None and fits(low, speaker.text or "", speaker.name) and \
                    (low not in self.rules.person_pronouns or not self._body(speaker)):
                # "Militants said they attempted ...": no one else named, the speaker speaks of itself ("police said
                # he was arrested": a body is no "he")
                return [speaker]
            return [actor] if actor else []
        if low in self.rules.pair_words or token.lemma_.lower() in self.rules.pair_words or \
                self._definite_pair(token):
            pair = self._pair(token, date) if any(c.lower_ in ("the", "both", "two") for c in token.subtree) else []
            if pair:
                return pair
        counted = prep_objects(token, ("of",)) if token.lower_ in self.actors.kb.crowd_counts else []
        if counted:  # "scores of Sierra Leonean and Ivorian traders": the people counted are the sides
            found = [self._affiliated(token, a, date) or a
                     for c in counted for a in self._resolve_token(c, date, speaker)]
            return [replace(found[0], text=phrase_text(token, self.rules))] if len(found) == 1 else found
        phrase = phrase_text(token, self.rules)
        post = self._organisation_post(token, phrase, date)
        if post is not None:
            return [post]
        whole = self.actors.resolve(phrase, date)
        if whole is not None:
            whole = self._shared_modifiers(token, whole, date) or self._affiliated(token, whole, date) or whole
            return [whole, *self._coordinated_modifiers(token, whole, date),
                    *self._coordinated_owners(token, whole, date)]
        collective = self.actors.kb.lookup_all(phrase, date)  # "the two Koreas"
        if len(collective) > 1:
            return collective
        parts = split_compound_phrase(token, self.rules)
        found = [a for a in (self.actors.resolve(p, date) for p in parts if len(parts) > 1) if a is not None]
        return found or self._place_sides(token) or self._modifier_sides(token, date) or \
            self._group_antecedent(token, date)

    def _organisation_post(self, token: Token, phrase: str, date: str | None) -> Actor | None:
        """A person named with an apposition naming a post in an organisation acts for it: "Jan Novak, the UN
        refugee chief, said ..." is the UN, whatever his country (the apposition is cut from ``phrase``)."""
        if token.pos_ != "PROPN":
            return None
        for described in self._described(token, phrase):
            actor = self.actors.resolve(described, date)
            if actor is not None and actor.sector == "IGO":
                return actor
        return None

    def _described(self, name: Token, phrase: str) -> list[str]:
        """``phrase`` with each apposition of its ``name`` after it ("Jan Novak, the finance minister"), as the
        knowledge looks people up with their posts."""
        return [f"{phrase}, {phrase_text(appos, self.rules)}" for appos in children(name, "appos")]

    def _note_subject_pronoun(self, token: Token, phrase: str | None) -> None:
        """A person pronoun resolved as a subject carries its antecedent on: "He blamed X. He blamed Y." """
        if phrase is None or token.lower_ not in self.rules.person_pronouns or token.dep_ not in ("nsubj", "nsubjpass"):
            return
        position = self._position(token)
        if all(seen.position != position for seen in self._seen):
            self._seen.append(_Seen(position, phrase, True, True, self._sentences, pronoun_gender(token.lower_)))

    def _group_antecedent(self, token: Token, date: str | None) -> list[Actor]:
        """"the group", "the movement": the organisation last named in the story (as "he" is the last person)."""
        if token.lemma_.lower() not in self.rules.group_anaphors or not any(c.lower_ == "the" for c in token.children):
            return []
        here = self._position(token)
        for seen in reversed(self._seen):
            if seen.position >= here or seen.person:
                continue
            actor = self.actors.resolve(seen.phrase, date)
            if actor is not None and (actor.kb_id or "").startswith(("named:", "igo:")):
                return [actor]
        return []

    def _shared_modifiers(self, token: Token, actor: Actor, date: str | None) -> Actor | None:
        """A bare noun coordinated after a modified one takes its modifiers ("Israeli helicopters and tanks" ->
        Israeli tanks), unless the knowledge gave it a country already or it is of a sector that usually faces the
        first ("Russian troops and rebels"; ``unshared_modifier_sectors``)."""
        if actor.country is not None or not actor.sector or actor.sector == "IGO" or token.dep_ != "conj" \
                or any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in token.lefts):
            return None
        first = token
        while first.dep_ == "conj":
            first = first.head
        mods = [c for c in first.lefts if c.dep_ in ("amod", "compound", "nmod")]
        if first.pos_ not in ("NOUN", "PROPN") or not mods:
            return None
        first_actor = self.actors.resolve(phrase_text(first, self.rules), date)
        if first_actor is None or first_actor.country is None:
            return None
        if actor.sector.lower() in self.rules.unshared_modifier_sectors and actor.sector != first_actor.sector:
            return None
        words = " ".join(t.text for m in mods for t in m.subtree)
        shared = self.actors.resolve(f"{words} {token.text}", date)
        if shared is None or shared.country != first_actor.country:
            return None
        shared.text = actor.text
        shared.why = f"{shared.why}; modifiers shared with {first.text!r}"
        return shared

    def _affiliated(self, token: Token, actor: Actor, date: str | None) -> Actor | None:
        """A role with no country named with the body it belongs to takes that body's country ("workers affiliated
        with the Kenyan teachers' union", "troops loyal to the Malian junta"; ``affiliation_participles``)."""
        if actor.country is not None or not actor.sector or actor.sector in ("IGO", "NGO"):
            return None
        for clause in children(token, "acl", "amod"):
            if clause.i < token.i or not one_of(clause, self.rules.affiliation_participles):
                continue
            for owner in prep_objects(clause, self.rules.affiliation_participle_preps):
                country = next((a.country for a in self._resolve_token(owner, date, None) if a.country), None)
                if country is not None:
                    note = f"country of {phrase_text(owner, self.rules)!r}"
                    return replace(actor, country=country, code=f"{country}{actor.code or ''}",
                                   why=f"{actor.why}; {note}" if actor.why else note)
        return None

    def _coordinated_modifiers(self, head: Token, first: Actor, date: str | None) -> list[Actor]:
        """"Kenyan and Ethiopian officials", "US and South Korean troops": one actor per coordinated modifier,
        each with the head noun."""
        out: list[Actor] = []
        for modifier in head.children:
            if modifier.dep_ not in ("amod", "compound", "nmod") or modifier.i > head.i:
                continue
            for other in modifier.conjuncts:
                if other.i <= modifier.i:
                    continue
                words = [t.text for t in other.subtree
                         if t.i == other.i or t.dep_ not in ("cc", "conj", "punct")] + [head.text]
                actor = self.actors.resolve(" ".join(words), date)
                if actor is not None and (actor.code, actor.name) != (first.code, first.name):
                    out.append(actor)
        return out

    def _coordinated_owners(self, head: Token, first: Actor, date: str | None) -> list[Actor]:
        """"ministers from Japan and South Korea", "officials of Kenya and Uganda": one actor per coordinated
        country after the role's preposition, each with the role; only when the role took its country from the
        first ("the president of Iran and his wife" is no second side)."""
        out: list[Actor] = []
        for prep in children(head, "prep"):
            if prep.lower_ not in self.rules.role_country_preps:
                continue
            for owner in children(prep, "pobj"):
                if first.country is None or not self._is_country(owner, date, first.country):
                    continue
                role = head.doc[head.left_edge.i:head.i + 1].text
                for other in owner.conjuncts:
                    if other.i > owner.i and self._is_country(other, date):
                        actor = self.actors.resolve(f"{role} {prep.text} {phrase_text(other, self.rules)}", date)
                        if actor is not None and actor.country and actor.country != first.country:
                            out.append(actor)
        return out

    def _is_country(self, token: Token, date: str | None, country: str | None = None) -> bool:
        """Whether ``token``'s phrase names a country (``country`` when one is given) and nothing more."""
        actor = self.actors.resolve(phrase_text(token, self.rules), date)
        return actor is not None and (actor.kb_id or "").startswith("country:") and \
            (country is None or actor.country == country)

    def _modifier_sides(self, token: Token, date: str | None) -> list[Actor]:
        """A side named by a common noun the knowledge lacks, with a known modifier: "Chilean vintners" -> CHL,
        "the Turkish and Greek sides" -> TUR, GRC, "the Islamic Jihad movement" -> the group (CAMEO's fallback to
        what is known of a phrase). An organisation or person named in the modifiers wins over a country."""
        if token.pos_ != "NOUN" or token.lower_ in self.rules.relation_heads:
            return []  # "Trump associates" are not Trump (the knowledge reads "NATO allies", "Zambian counterpart")
        # the modifiers as one name first: "Islamic State members" (parsed as two modifiers of "members")
        words = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod")]
        if len(words) > 1 and words[-1].i == token.i - 1 and all(t.text[:1].isupper() for t in words):
            named = self.actors.resolve(" ".join(t.text for t in words), date)
            if named is not None and not (named.kb_id or "").startswith(("agent:", "country:")):
                return [named]
        found: list[Actor] = []
        for modifier in token.children:
            if modifier.dep_ not in ("amod", "compound", "nmod") or modifier.i > token.i:
                continue
            for part in (modifier, *[c for c in modifier.conjuncts if c.i > modifier.i]):
                if self._after_stance_prefix(part.left_edge):
                    continue  # "an anti-Iran columnist" is no Iranian
                words = " ".join(t.text for t in part.subtree if t.dep_ not in ("cc", "conj", "punct") or t is part)
                actor = self.actors.resolve(words, date)
                known = actor is not None and (actor.country or not (actor.kb_id or "").startswith("agent:"))
                if known and all(actor.code != f.code for f in found):  # a bare sector ("military") is too little
                    found.append(actor)
        named = [a for a in found if not (a.kb_id or "").startswith("country:")]
        return named[:1] or found

    def _place_sides(self, token: Token) -> list[Actor]:
        """A town named as a side ("shelled Kharkiv", "the city of Kharkiv") stands for its country, as in CAMEO."""
        tokens = {t.idx: t for t in subtree_without(token, ("relcl", "acl", "conj")) if not in_dateline(t)}
        inside = [p for p in self._places if p.start in tokens and p.country]  # "TRAIL, B.C. - Acme Ltd": no side
        facing = self._faced_places(token, tokens) if inside else set()
        for place in inside:
            if place.start in facing:
                continue  # whom the phrase faces, not whose it is
            if self.actors.names_unknown_person(phrase_text(tokens[place.start], self.rules)):
                continue  # "de Quito's detention": the town in a person's name
            word = tokens[place.start]
            if self._after_stance_prefix(word):
                continue  # "an anti-Iran columnist": what they are against, not whose they are
            if word.ent_type_ == "PERSON" and word.ent_iob_ == "B" and word.dep_ != "pobj":
                continue  # "Mary and her brother were talking": a person named like a town (Mary, Turkmenistan); "in X" stays
            # "relations with Chile and Peru": the places coordinated with it are sides too
            coordinated = {t.idx for conj in word.head.conjuncts if conj.i > word.head.i for t in conj.subtree} \
                if word.dep_ == "compound" else {t.idx for conj in word.conjuncts if conj.i > word.i
                                                 for t in conj.subtree}
            return [_place_actor(p) for p in self._places
                    if p.country and (p is place or (p.start in coordinated and p.start not in tokens))]
        return []

    def _faced_places(self, token: Token, tokens: dict[int, Token]) -> set[int]:
        """Offsets in a side's phrase (``tokens``, by offset) that name whom the phrase faces, not whose it is:
        "German mediation in talks with Belarus" (a partner of a noun inside the phrase), "members of Russia's militia
        allies" (the owner of a relation)."""
        facing = {t.idx for prep in tokens.values() if prep.dep_ == "prep" and prep.lower_ in self.rules.partner_preps
                  and prep.head.i != token.i for t in prep.subtree} if token.pos_ == "NOUN" else set()
        return facing | {t.idx for related in tokens.values() if related.lower_ in self.rules.relation_heads
                         for c in related.children if c.dep_ == "poss" for t in c.subtree}

    def _after_stance_prefix(self, word: Token) -> bool:
        """Whether ``word`` follows a stance prefix and its hyphen ("anti-Iran", "pro-Russia"; agents.yaml)."""
        return after_stance_prefix(word.doc.text, word.idx, self.actors.kb.stance_prefixes)

    def _definite_pair(self, token: Token) -> bool:
        """ "the two men", "both countries": a plural noun that points back at a pair."""
        if token.lemma_.lower() not in self.rules.definite_pair_nouns or token.tag_ not in ("NNS", "NNPS"):
            return False
        words = {c.lower_ for c in token.children}
        return "both" in words or {"the", "two"} <= words

    def _pair(self, token: Token, date: str | None) -> list[Actor]:
        """"the pair", "the two leaders", "both sides": the last two people named, else the last two sides."""
        people: list[Actor] = []
        here = self._position(token)
        for seen in reversed(self._seen):
            if seen.position >= here or not seen.person:
                continue
            actor = self.actors.resolve(seen.phrase, date)
            if actor is not None and all(actor.name != p.name for p in people):
                people.append(actor)
            if len(people) == 2:
                return people[::-1]
        return list(self._last_pair)

    def _resolve_all(self, tokens: list[Token], date: str | None, speaker: Actor | None,
                     skip_igo: bool = False) -> list[Actor]:
        out: list[Actor] = []
        for token in tokens:
            modifier = token.dep_ in ("compound", "amod", "nmod")
            # "the Doha meeting": the town, through the modifier or through the noun's own phrase
            venue = (modifier and _names_venue(token, self.rules)) or _venue_noun(token, self.rules)
            for actor in self._resolve_token(token, date, speaker):
                if venue and _is_city(actor):
                    continue  # "the Doha meeting", "the Minsk agreement": where it was held, not a party
                if modifier and skip_igo and actor.sector == "IGO":
                    continue  # "the Apec summit": the IGO is the venue, not a participant
                if modifier and not (actor.country or actor.sector in ("IGO", "NGO")):
                    continue  # "a military parade" names no actor
                if all(actor.code != a.code or actor.name != a.name for a in out):
                    out.append(actor)
        return out

    def resolve(self, mention: Mention, date: str | None) -> tuple[list[Actor], list[Actor], Actor | None]:
        """(actors, recipients, attribution) of a mention, resolved at ``date``."""
        speaker = None
        if mention.speaker is not None:
            found = self._resolve_token(mention.speaker, date, None)
            speaker = found[0] if found else None
        reciprocal = mention.entry.reciprocal
        if mention.participants:  # PLOVER style: "A and B met", "a meeting between A and B" -> actors [A, B]
            actors, recipients = self._resolve_all(mention.participants, date, speaker), []
            if mention.actors and not actors:
                actors = self._resolve_all(mention.actors, date, speaker, skip_igo=reciprocal)
        else:
            actors = self._resolve_all(mention.actors, date, speaker, skip_igo=reciprocal)
            if not actors:
                actors = self._resolve_all(mention.modifiers, date, speaker, skip_igo=reciprocal)
            if not actors:
                actors = self._resolve_all(mention.fallback_actors, date, speaker, skip_igo=reciprocal)
            recipients = self._resolve_all(mention.recipients, date, speaker)
            recipients = self._blamed(mention, actors, date, speaker) or recipients
        recipients = _others(recipients, actors)
        if mention.event_type.lower() in self.rules.place_recipient_types:
            recipients = [_as_place(a) for a in recipients]
        if not recipients and not mention.participants and mention.fallback_recipients:
            # the first candidate that names someone, with the heads coordinated with it ("cut ties with Congo and
            # Costa Rica"): the fallbacks are guesses in order, the later ones other phrases
            recipients = self._first_named(mention.fallback_recipients, actors, date, speaker)
        if not recipients and not mention.participants and actors and mention.area_targets:
            # "imposed a curfew in the town of X": the area's people, named by its place (its country)
            recipients = _others(next((found for found in map(self._place_sides, mention.area_targets) if found),
                                      []), actors)
        last = self._last_by_type.get(mention.event_type)
        if not actors and not recipients and mention.anaphoric and last is not None and \
                self._sentences - last[2] <= _ANAPHORA_SENTENCES:
            actors, recipients = list(last[0]), list(last[1])
        if speaker is not None and any(a is speaker for a in actors):
            speaker = None  # "we will attack" said by X: X is the actor through "we", not a separate source
        complete = len(actors) + len(recipients) > 1
        if not actors:
            actors = self._unresolved(mention.participants or mention.actors, date)
        if not recipients and not mention.participants:
            recipients = self._unresolved(mention.recipients, date)
        if complete:  # only a complete event is a good antecedent for "such talks"
            self._last_by_type[mention.event_type] = (actors, recipients, self._sentences)
            if reciprocal:
                self._last_pair = actors + recipients
                self._pair_sentence = self._sentences
        return actors, recipients, speaker

    def _blamed(self, mention: Mention, actors: list[Actor], date: str | None, speaker: Actor | None) -> list[Actor]:
        """The doers of the act a criticism is about, other than its actors; a town before the act's noun is where
        it happened ("the Kabul bombing"), not who did it."""
        out: list[Actor] = []
        for token in mention.blamed:
            modifier = token.dep_ in ("compound", "amod", "nmod")
            out.extend(a for a in self._resolve_all([token], date, speaker) if not (modifier and _is_city(a))
                       and all(a.code != o.code or a.name != o.name for o in out))
        return _others(out, actors)

    def _first_named(self, tokens: list[Token], actors: list[Actor], date: str | None,
                     speaker: Actor | None) -> list[Actor]:
        """The actors of the first token that names one (other than ``actors``), with those of its conjuncts."""
        for token in tokens:
            if _others(self._resolve_all([token], date, speaker), actors):
                return _others(self._resolve_all(with_conjuncts(token), date, speaker), actors)
        return []

    def _unresolved(self, tokens: list[Token], date: str | None) -> list[Actor]:
        """A side named by a name the knowledge lacks ("the Zorgan navy", "Acme Corp"): kept as words with no
        code, so the event is not lost; its codes stay empty rather than guessed. Common nouns ("their
        relationship hit the rocks") name no one and are not kept, nor a name the knowledge has that was left out
        as the other side itself ("the rebels rejected calls from the UN": the UN calls on no UN)."""
        found: list[Actor] = []
        for token in tokens:
            if token.ent_type_ in _NO_SIDE_ENTITIES or not any(ch.isalpha() for ch in token.text):
                continue  # "eased the measures on Wednesday", "(07.02.2017)": a time or a number, no side
            named = token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            if named and token.dep_ in ("compound", "amod", "nmod") and _names_venue(token, self.rules):
                continue  # "the Minsk agreement": a name, no side
            if named and token.lower_ not in self.rules.pronouns and not self._resolve_token(token, date, None):
                found.append(Actor(text=phrase_text(token, self.rules), why="unresolved"))
        return found  # every name, so that "a meeting between A and B" keeps both


def phrase_text(head: Token, rules: ArgumentRules | None = None) -> str:
    """The noun phrase of a head token without its clauses and coordinated phrases."""
    rules = rules or ArgumentRules.default()
    keep = [head]
    stack = [head]
    dateline = dateline_limit(head.doc)  # "DENVER, Colo., May 2 - Acme Corp": the dateline is cut
    coordinated: set[int] = set()  # "Kenyan [and Ethiopian] officials": the other modifier is another actor
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in rules.phrase_cut_deps:
                if child.dep_ in ("conj", "cc") and token.i != head.i and child.i < head.i:
                    coordinated.update(t.i for t in child.subtree)
                continue
            if child.idx < dateline <= head.idx:
                continue
            keep.append(child)
            stack.append(child)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep)
    words = "".join(t.text_with_ws for t in head.doc[start:end + 1] if t.i not in coordinated)
    return words.strip(" ,“”\"'")


def split_compound_phrase(head: Token, rules: ArgumentRules | None = None) -> list[str]:
    """A modifier's phrase split on separators: "US-North Korea" (of "US-North Korea talks") names two actors."""
    rules = rules or ArgumentRules.default()
    phrase = phrase_text(head, rules)
    if head.dep_ in ("compound", "amod", "nmod"):
        parts = [p.strip() for p in re.split(r"\s*[-–—/&]\s*|\s+and\s+", phrase) if p.strip()]
        return parts if len(parts) > 1 else [phrase]
    return [phrase]
