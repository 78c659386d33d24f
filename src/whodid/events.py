"""Event mentions in a parsed sentence: the trigger words, who did it, to whom, and who says so.

Two steps, so that actors can be resolved at the event's own date (a president in 2019 is not one in 2022):

1. ``find_mentions(sent, lexicon)`` reads the dependency parse and returns :class:`Mention` objects that point at
   tokens: the trigger, the heads of the actor and recipient phrases, the speaker.
2. ``ArgumentResolver.resolve(mention, date)`` turns those tokens into :class:`~whodid.model.Actor` lists, with
   story memory for pronouns ("its invasion"), pairs ("the pair met") and events told again ("such talks").

The argument rules cover active and passive clauses, coordination ("A and B met"), controlled verbs ("hoped to
meet"), support verbs ("held talks with"), noun events ("a meeting between A and B", "talks with X", "Russia's
invasion of Ukraine", "US-North Korea talks") and reported speech (the speaker is the attribution, never the actor).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from whodid.actors import StoryActors, after_stance_prefix
from whodid.geo import dateline_end
from whodid.model import Actor, Place
from whodid.gender import fits, phrase_gender, pronoun_gender
from whodid.ontology import Ontology
from whodid.resources import load_yaml
from whodid.status import (HYPOTHETICAL, StatusCues, alleging_word, clause_directive, event_status, to_infinitive,
                            within_content)
from whodid.triggers import (TriggerEntry, TriggerLexicon, counted_participle, particle_child, phrase_after,
                             raised_objects)


@dataclass(frozen=True)
class ArgumentRules:
    """Word lists of data/arguments.yaml, as sets."""

    reporting_verbs: frozenset[str]
    participation_verbs: frozenset[str]
    between_preps: frozenset[str]
    agent_preps: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    bound_possessives: frozenset[str]
    speaker_pronouns: frozenset[str]
    reflexive_pronouns: frozenset[str]
    patient_possessive_nouns: frozenset[str]
    pair_words: frozenset[str]
    definite_pair_nouns: frozenset[str]
    place_recipient_types: frozenset[str]
    private_person_nouns: frozenset[str]
    private_act_exempt_types: frozenset[str]
    anaphoric_modifiers: frozenset[str]
    venue_heads: frozenset[str]
    venue_preps: frozenset[str]
    compound_separators: frozenset[str]
    phrase_cut_deps: frozenset[str]
    target_preps: frozenset[str]
    owner_preps: frozenset[str]
    occupant_preps: frozenset[str]
    area_codes: frozenset[str]
    area_preps: frozenset[str]
    command_verbs: frozenset[str]
    commanded_codes: frozenset[str]
    group_anaphors: frozenset[str]
    threat_conditions: frozenset[str]
    passive_participation_verbs: frozenset[str]
    topic_object_verbs: frozenset[str]
    venue_named_nouns: frozenset[str]
    figure_blind_types: frozenset[str]
    descriptive_heads: frozenset[str]
    non_agent_subjects: frozenset[str]
    anonymity_verbs: frozenset[str]
    measure_heads: frozenset[str]
    measure_blind_types: frozenset[str]
    claim_warning_verbs: frozenset[str]
    threat_doers: frozenset[str]
    opinion_agree_verbs: frozenset[str]
    view_nouns: frozenset[str]
    assertive_demand_verbs: frozenset[str]
    question_verbs: frozenset[str]
    visit_codes: frozenset[str]
    attributive_non_events: frozenset[str]
    figure_nouns: frozenset[str]
    departure_modes: frozenset[str]
    moved_of_modes: frozenset[str]
    stative_participles: frozenset[str]
    unrealised_object_types: frozenset[str]
    unrealised_clause_types: frozenset[str]
    refused_object_types: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    obligation_modals: dict[str, tuple[str, str]]  # modal -> (intent table for its reported act, generic code)
    home_codes: dict[str, str]  # code of an act for another actor -> code of the act when it reaches no other country
    armed_lemmas: frozenset[str] = frozenset()  # fighting words that need an armed side (``armed_struggle``)
    armed_sectors: frozenset[str] = frozenset()
    flight_lemmas: frozenset[str] = frozenset()  # fleeing words that need an armed one who flees (``armed_struggle``)
    firm_event_types: frozenset[str] = frozenset()  # PLOVER types that businesses alone do not make (``firms``)
    firm_sectors: frozenset[str] = frozenset()
    firm_suffixes: frozenset[str] = frozenset()
    unshared_modifier_sectors: frozenset[str] = frozenset()  # lower-case, like the other word sets
    envoy_recall_verbs: frozenset[str] = frozenset()  # ``_envoy_recall_targets``
    envoy_nouns: frozenset[str] = frozenset()
    envoy_post_preps: frozenset[str] = frozenset()
    labour_strike_verbs: frozenset[str] = frozenset()  # ``_labour_strike``
    labour_strikers: frozenset[str] = frozenset()
    vengeance_verbs: frozenset[str] = frozenset()  # ``_vows_vengeance``
    adverb_phrasal_verbs: frozenset[str] = frozenset()  # ``_particle_is_a_preposition``
    homograph_nouns: frozenset[str] = frozenset()  # "aides" is no plural of "aid"
    obligation_state_verbs: frozenset[str] = frozenset()  # ``_obligation``: verbs of a state, no act
    legal_text_subjects: frozenset[str] = frozenset()  # ``_legal_text_subject``: a text's content, no act
    wish_verbs: dict[str, tuple[str, str]] = field(default_factory=dict)  # ``_wished_acts``: verb -> (table, code)
    undergoing_verbs: frozenset[str] = frozenset()  # ``_undergoing_verb``
    undergoing_phrases: frozenset[str] = frozenset()
    risk_verbs: frozenset[str] = frozenset()
    separate_event_preps: frozenset[str] = frozenset()
    criticism_codes: frozenset[str] = frozenset()  # ``_blamed_doers``: code prefixes of criticism and protest
    criticised_act_preps: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    criticised_acts: frozenset[str] = frozenset()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "ArgumentRules":
        raw = load_yaml("arguments.yaml")
        special = ("according_to", "obligation_modals", "home_codes", "firms", "armed_struggle", "wish_verbs")
        sets = {k: frozenset(str(w).lower() for w in v) for k, v in raw.items() if k not in special}
        firms = raw.get("firms") or {}
        return cls(**sets, according_to=tuple(tuple(p) for p in raw["according_to"]),
                   obligation_modals={str(k).lower(): (str(v["table"]), str(v["code"]))
                                      for k, v in raw["obligation_modals"].items()},
                   wish_verbs={str(k).lower(): (str(v["table"]), str(v["code"]))
                               for k, v in (raw.get("wish_verbs") or {}).items()},
                   home_codes={str(k): str(v) for k, v in raw["home_codes"].items()},
                   armed_lemmas=frozenset(str(t).lower() for t in (raw.get("armed_struggle") or {}).get("lemmas") or []),
                   armed_sectors=frozenset(str(t).upper() for t in (raw.get("armed_struggle") or {}).get("sectors") or []),
                   flight_lemmas=frozenset(str(t).lower()
                                           for t in (raw.get("armed_struggle") or {}).get("flight_lemmas") or []),
                   firm_event_types=frozenset(str(t).upper() for t in firms.get("event_types") or []),
                   firm_sectors=frozenset(str(t).upper() for t in firms.get("sectors") or []),
                   firm_suffixes=frozenset(str(t).lower() for t in firms.get("name_suffixes") or []))

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.group_pronouns | self.speaker_pronouns


@dataclass
class Mention:
    """An event mention before its arguments are resolved; all tokens belong to one sentence."""

    trigger: Token  # the word that names the event
    entry: TriggerEntry
    cameo: str
    event_type: str
    first: Token  # first token of the trigger words ("hoped" in "hoped to meet")
    last: Token
    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    participants: list[Token] = field(default_factory=list)  # reciprocal events: both sides, in text order
    modifiers: list[Token] = field(default_factory=list)  # "US sanctions", "Israeli strikes": actors if none else
    # Recipients to try when none of ``recipients`` names an actor: the owner of the object ("rejected the Indian
    # proposal"), a target phrase on the object or on a controlled verb ("imposed a curfew on X", "agreed to
    # resume deliveries to X"), a target preposition of the trigger ("protested against X").
    fallback_recipients: list[Token] = field(default_factory=list)
    fallback_actors: list[Token] = field(default_factory=list)  # when ``actors`` name no actor: see _outer_subject
    speaker: Token | None = None
    status: str = "asserted"
    anaphoric: bool = False  # a noun event that may repeat an event told earlier ("such talks")
    clause: Token | None = None  # the verb whose clause holds the event (for dating and place)
    subject_event: Token | None = None  # a noun subject naming the same act ("an attack in Kabul killed 20")
    sent: Span | None = None  # the sentence (``Token.sent`` walks the doc's sentences on every call)
    needs_recipient: bool = False  # an obligation put on someone with no act named: no one named, no event
    # An act done to a whole area ("imposed a curfew in X", "bombs exploded in X"): the places of its locative
    # phrases, whose country is its recipient when no one else is named (see ``area_codes`` in arguments.yaml).
    area_targets: list[Token] = field(default_factory=list)
    # Criticism and protest: the doers of the act criticised ("complained over Indian air raids"), the recipients
    # when they name anyone (see ``_blamed_doers``).
    blamed: list[Token] = field(default_factory=list)

    @property
    def char_span(self) -> tuple[int, int]:
        return self.first.idx, self.last.idx + len(self.last.text)

    @property
    def trigger_text(self) -> str:
        doc = self.trigger.doc
        return doc.text[self.char_span[0]:self.char_span[1]]


# ---------------------------------------------------------------------------------------------------------------
# Step 1: mentions from the parse
# ---------------------------------------------------------------------------------------------------------------

def _one_of(token: Token, words: frozenset[str]) -> bool:
    """Whether a word's lemma or its lowercased form is one of ``words`` (lists hold either)."""
    return token.lemma_.lower() in words or token.lower_ in words


def _word_forms(token: Token) -> set[str]:
    """Lemma and surface forms, crude-stemmed: the small model mislemmatises ("hoped" -> "hop")."""
    low = token.lower_
    forms = {token.lemma_.lower(), low}
    for suffix in ("ed", "d", "es", "s", "ing"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)])
    return forms


def _verb_forms(token: Token) -> set[str]:
    """``_word_forms`` plus the forms without a repetition prefix: "reimposed" also reads as "impose"."""
    forms = _word_forms(token)
    return forms | {f[2:].lstrip("-") for f in forms if f.startswith("re") and len(f) > 5}


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _with_conjuncts(token: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Mr Trump and Mr Kim")."""
    out = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(conj)
    return out


def _dateline_limit(doc) -> int:
    """Where a leading dateline of the doc ends ("TOKYO, May 5 -", "LONDON (Reuters) -"), else 0; only a
    dateline written in capitals or carrying a date or agency ("Mr Smith - who ..." is no dateline). Cached on
    the doc."""
    key = "whodid_dateline_end"
    if key not in doc.user_data:
        end = dateline_end(doc.text)
        head = doc.text[:end]
        first = head.split(None, 1)[0].strip(",") if head.strip() else ""
        dated = "(" in head or any(ch.isdigit() for ch in head)
        doc.user_data[key] = end if end and ((first.isupper() and len(first) > 1) or dated) else 0
    return doc.user_data[key]


def _in_dateline(token: Token) -> bool:
    """Whether a token belongs to the story's dateline: the place it was filed from is never a side."""
    return token.idx < _dateline_limit(token.doc)


def _subject_heads(child: Token) -> list[Token]:
    """A subject's heads; a dateline the parser made the subject ("TOKYO, May 5 - French Minister X praised")
    gives way to its apposition after the dateline, if any."""
    if _in_dateline(child):
        return [a for a in child.children if a.dep_ == "appos" and not _in_dateline(a)][:1]
    return _with_conjuncts(child)


def _subject(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Heads of a verb's subject, and whether it is a passive subject; borrowed from the governing verb for
    controlled and coordinated verbs ("Trump hoped to meet", "Kim ... and sent")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "nsubjpass") and _in_dateline(child):
            heads = _subject_heads(child)  # "MOSCOW (Reuters) - Russia accused": the next subject, else the apposition
            if heads and not any(c.dep_ in ("nsubj", "nsubjpass") and not _in_dateline(c) for c in verb.children):
                return heads, child.dep_ == "nsubjpass"
            continue
        if child.dep_ in ("nsubj", "nsubjpass") and child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" \
                and verb.head.pos_ in ("NOUN", "PROPN"):
            # "militants who/that attacked": the relative pronoun stands for the noun the clause modifies
            return _with_conjuncts(verb.head), child.dep_ == "nsubjpass"
        if child.dep_ in ("nsubj", "csubj"):
            return _with_conjuncts(child), False
        if child.dep_ == "nsubjpass":
            return _with_conjuncts(child), True
    if depth < 4 and verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ in ("VERB", "AUX"):
        # a participle clause shares its main clause's subject: "blocked roads, demanding reforms" (active);
        # "backed by Russia, the rebels ..." (passive: the subject undergoes it)
        subject, passive = _subject(verb.head, depth + 1)
        return subject, passive or verb.tag_ == "VBN"
    if depth < 4 and verb.dep_ == "acomp" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, depth + 1)  # "he is prepared to lift": the copula's subject
    if depth < 4 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and _gerund_governor(verb) is not None:
        # a gerund after a preposition of a verb: "resorted to throwing stones", "protested by blocking roads";
        # with an object, the object does it: "accused Moscow of targeting civilians"
        governor = _gerund_governor(verb)
        objects = _children(governor, "dobj")
        return (_with_conjuncts(objects[0]) if objects else _subject(governor, depth + 1)[0]), False
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "agent" for c in verb.children) \
            and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.head.dep_ == "ROOT")):
        # a finite past verb parsed as a modifier of its subject ("..., a rights group protested"); in a sentence
        # whose root is a noun, a past participle too ("Youths resorted to ...")
        return _with_conjuncts(verb.head), False
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head], False  # "protesters demanding reforms" (see _outer_subject when it names no actor)
    if depth < 4 and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and not to_infinitive(verb):
            return [], False
        if verb.dep_ == "xcomp":
            objects = [o for o in verb.head.children if o.dep_ in ("dobj", "dative")]
            if objects:  # object control: "urged Venezuela to settle" -> Venezuela settles
                return _with_conjuncts(objects[0]), False
        subject, passive = _subject(verb.head, depth + 1)
        # "Trump is expected to attend": the raised subject of a passive governor does the controlled verb
        return subject, passive and verb.dep_ == "conj"
    verbless = _verbless_sentence_subject(verb)
    if verbless is not None:
        return _with_conjuncts(verbless), False
    if counted_participle(verb):
        return [verb.head], True  # "three hostages released by Syria", "12 bombers downed": the noun undergoes it
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head], False
    if depth < 4 and verb.dep_ == "acl" and any(c.lower_ == "to" for c in verb.children):
        # "showed willingness to restart talks": the subject of the verb the noun depends on
        noun = verb.head
        if noun.head.i != noun.i and noun.head.pos_ in ("VERB", "AUX"):
            return _subject(noun.head, depth + 1)
    return [], False


def _verbless_sentence_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parser took for a participle on a noun in the subject's own prepositional
    phrase, leaving the sentence with a noun for its root: "Doctors from two aid groups donated medicine to X"
    (parsed as "groups [donated ...]"). The root noun is the subject when the verb, or a verb coordinated with it,
    takes an object (a participle on a noun undergoes its act and takes none) and has no "by" agent."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or any(c.dep_ == "agent" for c in verb.children):
        return None
    root = verb.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or verb.head.i == root.i:
        return None
    noun = verb.head
    for _ in range(3):  # "Doctors [from [two aid groups]]", "Members [of [a group [of [doctors]]]]"
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        noun = noun.head.head
        if noun.i == root.i:
            break
    if noun.i != root.i:
        return None
    verbs = [verb, *(c for c in verb.conjuncts if c.pos_ in ("VERB", "AUX"))]
    return root if any(_children(v, "dobj", "dative") for v in verbs) else None


def _gerund_governor(gerund: Token) -> Token | None:
    """The verb a gerund's preposition depends on: "resorted [to throwing]", "are guilty [of violating]"
    (through the predicate adjective), or None."""
    governor = gerund.head.head
    if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
        governor = governor.head
    return governor if governor.pos_ in ("VERB", "AUX") else None


def _outer_subject(verb: Token) -> list[Token]:
    """For a participle on a noun ("a statement demanding ...", "aircraft carrying supplies"): the subject of the
    verb the noun depends on, the actor to use when the noun itself names none."""
    if verb.dep_ == "acl" and verb.head.head.i != verb.head.i and verb.head.head.pos_ in ("VERB", "AUX"):
        subject, passive = _subject(verb.head.head)
        return [] if passive else subject
    return []


def _subtree_without(token: Token, cut_deps: tuple[str, ...]) -> list[Token]:
    """The token's subtree less the subtrees of its dependents labelled ``cut_deps`` (clauses, conjuncts)."""
    out = [token]
    for child in token.children:
        if child.dep_ not in cut_deps:
            out.extend(_subtree_without(child, cut_deps))
    return out


def _pobjs(prep: Token) -> list[Token]:
    out: list[Token] = []
    for obj in _children(prep, "pobj"):
        out.extend(_with_conjuncts(obj))
    return out


def _prep_objects(token: Token, preps: frozenset[str] | tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for prep in _children(token, "prep", "agent"):
        if prep.lower_ in preps:
            out.extend(_pobjs(prep))
    return out


def _is_intent_head(verb: Token, lexicon: TriggerLexicon) -> str | None:
    """The intent lemma if ``verb`` expresses intent ("hoped", "plans", "is ready") to do its complement."""
    forms = _word_forms(verb)
    hit = forms & set(lexicon.intent_verbs)
    if hit:
        return sorted(hit)[0]
    return None


def _phrase_head(noun: Token) -> Token:
    """The noun that stands for an event noun in its clause: "two days of drills" -> "days", "$5 million in aid"
    -> "million" (an amount of it)."""
    while noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "NUM", "SYM"):
        prep, owner = noun.head, noun.head.head
        amount = prep.lower_ == "in" and (owner.pos_ in ("NUM", "SYM") or any(c.dep_ == "nummod" for c in owner.children))
        if prep.lower_ != "of" and not amount:
            break
        noun = owner
    return noun


def _is_support_noun(noun: Token, lexicon: TriggerLexicon) -> Token | None:
    """The support verb whose object names the event ("held talks", "made a trip", "imposed sanctions")."""
    noun = _phrase_head(noun)
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        if _verb_forms(noun.head) & set(lexicon.support_verbs):
            return noun.head
    for clause in noun.children:  # "the sanctions (that) the US imposed on Iran": the noun is the verb's object
        if clause.dep_ == "relcl" and _verb_forms(clause) & set(lexicon.support_verbs) \
                and not any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in clause.children) \
                and any(c.dep_ == "nsubj" for c in clause.children):
            return clause
    return None


def _participation_verb(noun: Token, rules: ArgumentRules) -> Token | None:
    """The verb whose subject takes part in a noun event ("took part in talks", "attended the summit")."""
    noun = _phrase_head(noun)
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
        if head.lower_ == "part" and head.dep_ == "dobj":  # "take part in"
            head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ in ("VERB", "AUX") and _verb_forms(head) & rules.participation_verbs:
        return head
    return None


def _is_venue(noun: Token, rules: ArgumentRules) -> bool:
    """"on the sidelines of the summit": the summit is where another event happens."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in rules.venue_preps or (prep.lower_ == "of" and prep.head.lower_ in rules.venue_heads)


def _speaker(trigger: Token, rules: ArgumentRules, sent: Span) -> Token | None:
    """The subject of the reporting verb whose complement holds the trigger, the accuser of an alleged act
    ("Ghana accused Togo of shelling villages": Ghana says so), or the X of "according to X"."""
    accusation = alleging_word(trigger)
    if accusation is not None:
        verb = accusation if accusation.pos_ in ("VERB", "AUX") else accusation.head
        subject, passive = _subject(verb)
        if subject and not passive:
            return subject[0]
    token = trigger
    inner: Token | None = None
    while token.head.i != token.i:
        head = token.head
        if token.dep_ in ("ccomp", "parataxis", "xcomp") and _word_forms(head) & rules.reporting_verbs:
            subject, passive = _subject(head)
            if subject and not passive:
                if subject[0].lower_ not in rules.speaker_pronouns:
                    return subject[0]
                # "'I would say we agreed', Tanaka said": the quote's "I" is the one who says it outside it
                inner = inner or subject[0]
        token = head
    return inner or _according_to(sent, rules)


def _according_to(sent: Span, rules: ArgumentRules) -> Token | None:
    words = [t.lower_ for t in sent]
    for pattern in rules.according_to:
        for i in range(len(words) - len(pattern) + 1):
            if tuple(words[i:i + len(pattern)]) == pattern:
                last = sent[i + len(pattern) - 1]
                objects = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
                if objects:
                    return objects[0]
    return None


def _left_modifiers(noun: Token) -> list[Token]:
    """Modifiers before a noun that may name its participants ("US sanctions", "Israeli strikes")."""
    return [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod") and c.i < noun.i]


def _verb_arguments(mention: Mention, rules: ArgumentRules) -> None:
    verb, entry = mention.trigger, mention.entry
    # the subject of the intent word that leads the mention ("hoped" of "hoped to meet"); an intent noun has none
    # ("readiness to meet"): the verb's own, through its noun
    subject, passive = _subject(mention.first if mention.first.pos_ != "NOUN" else verb)
    objects = [o for c in _children(verb, "dobj") for o in _with_conjuncts(c)]
    if not objects:  # "allowed the opposition leader to hold a rally", parsed as a clause under the verb
        objects = [o for c in raised_objects(verb) for o in _with_conjuncts(c)]
    # "sent Ukraine arms" (a noun) or "sent arms to Ukraine" parsed as a dative preposition
    datives = [o for c in _children(verb, "dative") for o in (_pobjs(c) if c.pos_ == "ADP" else [c])]
    agents = (_prep_objects(verb, ("by",)) or _detached_agents(verb)) if passive else []
    if passive and not agents and verb.lower_ in rules.stative_participles:
        passive = False  # "Israel is opposed to the plan", "the government was committed to a deal": a stance held
    if passive:
        mention.actors = agents
        mention.recipients = subject
    else:
        mention.actors = subject
        if entry.objects and not entry.object_recipients:
            # "sent arms to X": the object is the thing moved; "sent Moscow arms": Moscow is the recipient
            if _prep_objects(verb, ("with",)):  # "provided Egypt with aid": the object receives the "with" phrase
                mention.recipients.extend(objects)
            for obj in objects:
                mention.recipients.extend(c for c in obj.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN")
                mention.recipients.extend(_prep_objects(obj, entry.recipient_preps))
        elif verb.lemma_.lower() not in rules.topic_object_verbs:  # "discussed the deployment": a topic
            mention.recipients.extend(objects)
        mention.recipients.extend(datives)
    mention.recipients.extend(_prep_objects(verb, entry.recipient_preps))
    if not mention.recipients and not passive:
        mention.recipients.extend(_shared_recipients(verb, entry))
    if not mention.recipients:  # "threatened to attack Taiwan": the act's target is the threat's
        for xcomp in _children(verb, "xcomp"):
            mention.recipients.extend(o for c in _children(xcomp, "dobj") for o in _with_conjuncts(c))
    between = _prep_objects(verb, _between_preps(entry, rules))
    if between:
        mention.participants = between
    if entry.reciprocal and len(mention.actors) > 1 and not mention.recipients:
        mention.participants = mention.actors
    if entry.phrase_targets:  # the words of the verb's phrase, in order: the first that names an actor
        mention.fallback_recipients = [t for t in phrase_after(verb) if t.pos_ in ("PROPN", "NOUN")]
    elif _recalled_envoys(verb, rules):  # the envoy and its owner are the doer's own: no recipient
        mention.fallback_recipients = _envoy_post_countries(verb, _recalled_envoys(verb, rules), rules)
        mention.recipients = []
    elif not passive:
        mention.fallback_recipients = _fallback_targets(verb, mention.recipients, rules)
    else:  # "the homes of settlers were attacked": the passive subject's owner
        mention.fallback_recipients = [o for r in mention.recipients for o in _owners(r, rules)]
    if mention.event_type.lower() in rules.place_recipient_types:
        # "a camp for refugees was attacked", "shelled a shelter for displaced families": the people it houses
        mention.fallback_recipients.extend(o for r in mention.recipients for o in _prep_objects(r, rules.occupant_preps))
        mention.fallback_recipients.extend(_purpose_objects(verb))
    mention.fallback_actors = _outer_subject(mention.first)
    if passive and not mention.actors:  # "Egypt's ambassador was recalled": by the country whose envoy it is
        mention.fallback_actors += [c for e in _recalled_envoys(verb, rules) for c in e.children if c.dep_ == "poss"]
    _commanded_restriction(mention, rules)


def _shared_recipients(verb: Token, entry: TriggerEntry) -> list[Token]:
    """"donated and delivered medicine to a hospital": a verb with no complement of its own shares the recipient
    phrase of the verb coordinated right after it."""
    if any(c.dep_ in ("dobj", "dative", "prep", "agent", "ccomp", "xcomp") for c in verb.children):
        return []
    for conj in _children(verb, "conj"):
        if conj.pos_ in ("VERB", "AUX") and not _children(conj, "nsubj", "nsubjpass"):
            datives = [o for c in _children(conj, "dative") for o in (_pobjs(c) if c.pos_ == "ADP" else [c])]
            return _prep_objects(conj, entry.recipient_preps) + datives
    return []


def _detached_agents(verb: Token) -> list[Token]:
    """The agent of a passive verb told after a long complement and set off by a comma, at the end of its sentence
    ("has been accused of diverting money, most of it lost, by the new officials"): the parser hangs the "by"
    phrase on the nearest participle or makes that the root. Taken only from a participle linked to the verb with
    no passive subject of its own, and never a time ("by Friday")."""
    sent = verb.sent
    for by in sent:
        if by.i <= verb.i + 1 or by.lower_ != "by" or by.dep_ not in ("prep", "agent") or by.nbor(-1).text != ",":
            continue
        head = by.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or head.tag_ not in ("VBN", "VBD") \
                or any(c.dep_ == "nsubjpass" for c in head.children):
            continue
        if not (verb in head.subtree or head in verb.subtree):
            continue
        if any(t.pos_ != "PUNCT" for t in sent[by.right_edge.i + 1 - sent.start:]):
            continue  # a "by" phrase that ends its sentence, so that nothing after it may claim it
        objects = [o for o in _pobjs(by) if o.pos_ in ("NOUN", "PROPN") and o.ent_type_ not in ("DATE", "TIME")]
        if objects:
            return objects
    return []


def _commanded_restriction(mention: Mention, rules: ArgumentRules) -> None:
    """"ordered the newspaper to suspend publication", "forced the party to close its offices": a restriction
    commanded of someone is the commander's act on them (the one commanded acts under duress)."""
    verb = mention.trigger
    if verb.dep_ != "xcomp" or mention.entry.cameo not in rules.commanded_codes:
        return
    head = verb.head
    objects = [o for c in _children(head, "dobj") for o in _with_conjuncts(c)]
    if head.lemma_.lower() not in rules.command_verbs or not objects:
        return
    subject, passive = _subject(head)
    mention.actors = [] if passive else subject
    mention.recipients = objects
    mention.fallback_actors = _outer_subject(head)


def _owners(noun: Token, rules: ArgumentRules) -> list[Token]:
    """Who a non-actor noun belongs to: "the Indian proposal", "Iran's plan", "the plan of Iran", "towns of X"."""
    out = [c for c in noun.children if c.dep_ == "poss"]
    out.extend(c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
               and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")))
    out.extend(_prep_objects(noun, rules.owner_preps))
    for participle in _children(noun, "acl"):  # "a truce plan put forward by X", "the proposal drafted by X"
        out.extend(_prep_objects(participle, ("by",)))
    return out


def _fallback_targets(verb: Token, recipients: list[Token], rules: ArgumentRules) -> list[Token]:
    """Candidate recipients, in order, for when the direct ones name no actor (see Mention.fallback_recipients)."""
    out: list[Token] = []
    for noun in recipients:
        out.extend(_owners(noun, rules))
    verbs = [verb]
    for _ in range(3):  # "agreed to resume deliveries to X", "threatened to try to cut ties with X"
        nxt = [c for c in _children(verbs[-1], "xcomp") if c.pos_ in ("VERB", "AUX")]
        if not nxt:
            break
        verbs.append(nxt[0])
    for index, current in enumerate(verbs):
        objects = [o for c in _children(current, "dobj") for o in _with_conjuncts(c)] \
            if current.lemma_.lower() not in rules.topic_object_verbs else []  # a topic's parties are not the event's
        if index:  # a controlled verb's object is a target of the whole act
            out.extend(objects)
        for obj in objects:
            targets = _prep_objects(obj, rules.target_preps)
            out.extend(targets)
            out.extend(_owners(obj, rules))  # "rejected the Indian proposal": the proposal's owner
        out.extend(_prep_objects(current, rules.target_preps))
    for noun in list(out):
        if noun.pos_ == "NOUN":
            out.extend(_owners(noun, rules))
    return out


def _recalled_envoys(verb: Token, rules: ArgumentRules) -> list[Token]:
    """The envoys an act calls home or withdraws ("recalled its ambassador", "Egypt's envoy was recalled"): envoy
    nouns as object or passive subject of envoy_recall_verbs; [] for any other act."""
    if verb.lemma_.lower() not in rules.envoy_recall_verbs:
        return []
    return [n for n in _children(verb, "dobj", "nsubjpass")
            if _one_of(n, rules.envoy_nouns)]


def _envoy_post_countries(verb: Token, envoys: list[Token], rules: ArgumentRules) -> list[Token]:
    """Where a recalled envoy was posted ("its ambassador to Qatar", "recalled its envoy from Doha"): the
    recipient of the recall; the envoy's owner is the one recalling, so it is never one."""
    out = [o for r in envoys for o in _prep_objects(r, rules.envoy_post_preps)]
    return out + _prep_objects(verb, rules.envoy_post_preps)


def _purpose_objects(verb: Token) -> list[Token]:
    """Objects of a purpose clause of the act ("opened fire to disperse the demonstrators": they were fired on)."""
    purposes = [c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > verb.i
                and to_infinitive(c)]
    return [o for p in purposes for c in _children(p, "dobj") for o in _with_conjuncts(c)]


def _object_targets(noun: Token, rules: ArgumentRules) -> list[Token]:
    """Target phrases on what an event noun acts on, its "of" phrase: "a suspension of flights with X", "a halt of
    arms deliveries to X" (the flights and deliveries are no one; the one they go to or are shared with is)."""
    return [t for o in _prep_objects(noun, ("of",)) if o.pos_ == "NOUN" for t in _prep_objects(o, rules.target_preps)]


def _area_places(mention: Mention, rules: ArgumentRules) -> list[Token]:
    """Objects of the locative phrases ("in X", "across X") of an area-wide act: on the trigger, the words between it
    and its clause's verb ("declared a state of siege in X") and that verb's objects ("imposed a curfew in X")."""
    words = [mention.trigger]
    while words[-1].i != words[-1].head.i and words[-1] is not mention.clause and len(words) < 6:
        words.append(words[-1].head)
        if words[-1].pos_ in ("VERB", "AUX"):
            break
    words.extend(o for w in list(words) if w.pos_ in ("VERB", "AUX") for o in _children(w, "dobj"))
    return [o for w in dict.fromkeys(words) for o in _prep_objects(w, rules.area_preps)]


def _between_preps(entry: TriggerEntry, rules: ArgumentRules) -> frozenset[str]:
    """Prepositions naming both sides of the event: "a meeting between A and B"; not where a one-sided entry takes
    them for its recipients ("mediated between A and B": the mediator acts on A and B)."""
    if entry.reciprocal:
        return rules.between_preps
    return rules.between_preps - frozenset(entry.recipient_preps)


def _container_head(noun: Token, lexicon: TriggerLexicon) -> Token | None:
    """The container noun an event noun modifies ("a mediation effort", "an aid convoy"), which carries the
    event's arguments; None when the noun is no modifier of one."""
    head = noun.head
    if noun.dep_ == "compound" and head.i != noun.i and head.lemma_.lower() in lexicon.compound_heads:
        return head
    return None


def _noun_arguments(mention: Mention, lexicon: TriggerLexicon, rules: ArgumentRules) -> None:
    noun, entry = mention.trigger, mention.entry
    container = _container_head(noun, lexicon)
    if container is not None:  # "launched a mediation effort between A and B": the arguments hang on "effort"
        noun = container
        mention.last = container if container.i > mention.last.i else mention.last
    # "Russia's invasion": the doer; "his arrest": the one it was done to (but "Israel's arrest of X": the doer)
    owners = _children(noun, "poss")
    patient_noun = _one_of(noun, rules.patient_possessive_nouns)
    patient = patient_noun and not _prep_objects(noun, ("of",))
    (mention.recipients if patient else mention.actors).extend(owners)
    departure = (entry.mode or "") in rules.departure_modes
    # "a demand from X" names the demander, but "a withdrawal from Syria" the place left, and "of" who leaves
    mention.actors.extend(_prep_objects(noun, rules.agent_preps - {"from"} if departure else rules.agent_preps))
    moved = departure or (entry.mode or "") in rules.moved_of_modes
    moved_things: list[Token] = []  # "the withdrawal of some forces": what is moved, standing for its owner
    if moved and not mention.actors:
        # "the withdrawal of Russian troops", "the deployment of US missiles": the forces moved stand for the doer
        moved_things = _prep_objects(noun, ("of",))
        mention.actors.extend(_moved_doers(moved_things, departure and bool(_prep_objects(noun, ("from",)))))
    mention.recipients.extend(_prep_objects(noun, entry.recipient_preps))
    if departure and not mention.recipients:  # "the withdrawal of some forces from X": X is the place left
        mention.recipients.extend(o for m in moved_things for o in _prep_objects(m, ("from",)))
    if (mention.actors or patient_noun) and "of" not in entry.recipient_preps and not moved:
        # "Russia's invasion of Ukraine"; "the murder of the leader's brother": a patient noun's "of" is its patient
        mention.recipients.extend(_prep_objects(noun, ("of",)))
    between = _prep_objects(noun, _between_preps(entry, rules))
    if between:
        mention.participants = between
    mention.modifiers.extend(m for m in _left_modifiers(noun) if m.pos_ in ("PROPN", "ADJ", "NOUN"))
    mention.fallback_recipients = [o for r in mention.recipients for o in _owners(r, rules)] + \
        _prep_objects(noun, rules.target_preps - {"with"}) + _object_targets(noun, rules)
    support = _is_support_noun(noun, lexicon)
    governor = support or _participation_verb(noun, rules) or _entry_governor(noun, entry)
    if governor is not None:
        mention.clause = governor
        if moved_things and not any(_owned(m) for m in moved_things):
            # "Kenya accelerated the withdrawal of a few units": whose forces the words do not say, the one who
            # carries the withdrawal out does
            mention.actors = []
        if not mention.actors:
            mention.actors, passive = _subject(governor)
            if passive and not _word_forms(governor) & rules.passive_participation_verbs:
                # "talks were held": no one named, but "a blockade was imposed by X" names X; "were engaged in"
                # names the doers
                mention.actors = _agents(governor)
            # "were imposed by orders of X": the owner of a thing that acts stands for the doer
            mention.fallback_actors = [o for a in mention.actors if a.pos_ == "NOUN" for o in _owners(a, rules)] + \
                _outer_subject(governor)
        if not mention.recipients:
            mention.recipients.extend(_prep_objects(governor, entry.recipient_preps))
        # "imposed a ban on X"; but "came to Geneva for talks": where a participant went, not whom the talks face
        preps = rules.target_preps - ({"with"} if support is not None else {"with", "to"})
        mention.fallback_recipients.extend(_prep_objects(governor, preps))
        if mention.event_type.lower() in rules.place_recipient_types:  # "opened fire to disperse the crowd"
            mention.fallback_recipients.extend(_purpose_objects(governor))
    mention.fallback_recipients.extend(
        o for t in list(mention.fallback_recipients) if t.pos_ == "NOUN" for o in _owners(t, rules))
    _noun_agent_participle(mention, noun, lexicon)
    _undergone(mention, noun, rules)
    _doer_with_hung_target(mention, noun, entry)
    mention.anaphoric = _anaphoric(noun, rules)


def _undergoing_verb(noun: Token, rules: ArgumentRules) -> Token | None:
    """The verb whose subject undergoes the noun event: "faced criticism", "came under fire", "met with protests"."""
    verb = noun.head
    if noun.dep_ == "dobj" and _word_forms(verb) & rules.undergoing_verbs:
        return verb
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.i != verb.i:
        governor = verb.head
        # "came in for criticism": the particle is part of the phrase ("came to Geneva for talks" undergoes nothing)
        links = [verb.lower_] + [f"{c.lower_} {verb.lower_}" for c in governor.children if c.dep_ == "prt"]
        if any(f"{form} {link}" in rules.undergoing_phrases for form in _word_forms(governor) for link in links):
            return governor
    return None


def _undergone(mention: Mention, noun: Token, rules: ArgumentRules) -> None:
    """The subject of a verb of undergoing is the noun event's recipient, the verb's "from"/"by" phrase its doer
    ("the minister faced sharp criticism from the opposition": the opposition criticised the minister)."""
    verb = _undergoing_verb(noun, rules)
    if verb is None:
        return
    if _word_forms(verb) & rules.risk_verbs and _word_forms(noun) & rules.patient_possessive_nouns:
        return  # "they face imprisonment": a risk, not an act done
    subject, passive = _subject(verb)
    if passive or not subject:
        return
    taken = {t.i for t in subject}
    mention.actors = [a for a in mention.actors if a.i not in taken]
    mention.fallback_actors = [a for a in mention.fallback_actors if a.i not in taken]
    if not mention.actors:
        mention.actors = _prep_objects(verb, rules.agent_preps)
    mention.recipients = subject + [r for r in mention.recipients if r.i not in taken]


def _doer_with_hung_target(mention: Mention, noun: Token, entry: TriggerEntry) -> None:
    """"sanctions of the Security Council against X": the parser hangs the target on the "of" phrase, which is then
    the doer (a patient's "of" phrase carries no target of the act)."""
    if mention.actors or mention.recipients or not entry.recipient_preps:
        return
    for owner in _prep_objects(noun, ("of",)):
        targets = _prep_objects(owner, entry.recipient_preps)
        if targets:
            mention.actors.append(owner)
            mention.recipients.extend(targets)


def _moved_doers(things: list[Token], place_left: bool) -> list[Token]:
    """The doers that the things moved by a deployment or withdrawal stand for ("the withdrawal of Russian troops").
    Leaving a place named in a "from" phrase ("the withdrawal of some forces from X"), things with no owner of their
    own are no one's that the words tell (X is the place left, and the only country in sight), and owned ones stand
    for their possessor ("its troops from X": "its", not the place in the phrase)."""
    out: list[Token] = []
    for thing in things:
        leaving = place_left or bool(_prep_objects(thing, ("from",)))
        if not leaving:
            out.append(thing)
        elif _owned(thing):
            out.extend(_children(thing, "poss") or [thing])
    return out


def _owned(thing: Token) -> bool:
    """Whether a noun's own words name its owner: a name ("Hamas fighters"), a nationality ("Russian troops"), a
    possessor ("its troops", "Russia's forces"), or itself a name."""
    return thing.pos_ == "PROPN" or bool(_children(thing, "poss")) or any(
        m.pos_ == "PROPN" or m.ent_type_ in ("NORP", "GPE", "ORG") for m in _left_modifiers(thing))


def _noun_agent_participle(mention: Mention, noun: Token, lexicon: TriggerLexicon) -> None:
    """"a blockade imposed by nationalists", "an attack carried out by the group": the agent of a support verb's
    participle is the noun event's doer when its own phrase names none ("an approval recorded by a pollster",
    "pleas for help ignored by X" name no doer)."""
    if mention.actors:
        return
    for participle in _children(noun, "acl"):
        if participle.tag_ == "VBN" and _verb_forms(participle) & set(lexicon.support_verbs):
            mention.actors.extend(_agents(participle))


def _agents(verb: Token) -> list[Token]:
    """The heads of a passive verb's "by" phrase."""
    return [c for agent in _children(verb, "agent") for c in agent.children if c.dep_ == "pobj"]


def _anaphoric(noun: Token, rules: ArgumentRules) -> bool:
    """Whether a noun event may tell an earlier event again: "such talks", "the meeting", and with a modifier that
    says only when ("the February talks", "today's discussions"); "the Apec forum", "the Astana meeting" name
    their own (a town's meeting is often another one: tried, it joined true events to earlier ones). Used only
    where the event's own words resolve to no side."""
    setting = ("DATE", "TIME")
    dated = any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in noun.children)
    if not dated and not any(c.lower_ in rules.anaphoric_modifiers for c in noun.children):
        return False
    return not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in setting for c in noun.children)


def _entry_governor(noun: Token, entry: TriggerEntry) -> Token | None:
    """The verb named in the entry's ``heads`` whose object the noun is: it carries the event's arguments as a
    support verb does ("troops exchanged fire": the troops fire). A head spelled with its preposition ("go on",
    "place under") governs the noun through it: "nurses went on strike", "troops remained on alert"."""
    if not entry.heads:
        return None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb, prep = noun.head.head, noun.head.lower_
        return verb if {f"{form} {prep}" for form in _verb_forms(verb)} & set(entry.heads) else None
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    return noun.head if _verb_forms(noun.head) & set(entry.heads) else None


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a token belongs to (a noun's governing verb, or the token itself if a verb)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _plover_type(cameo: str) -> str | None:
    """The PLOVER type of a CAMEO code a rule refined ("036" -> AGREE): the ontology decides, not the entry."""
    return Ontology.default().plover_type(cameo)


def _intent_head(verb: Token, lexicon: TriggerLexicon) -> tuple[Token, str] | None:
    """The word that puts ``verb`` under an intention, and its intent lemma: a verb or adjective ("hoped [to
    meet]", "is ready [to talk]") or a noun ("willingness [to reopen]", see ``intent.nouns`` in triggers.yaml)."""
    # "have sworn to fight until ...": the small model may attach the controlled verb as a purpose clause
    controlled = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and to_infinitive(verb)
                                          and not _children(verb, "nsubj", "nsubjpass"))
    if controlled:
        if any(c.dep_ == "auxpass" for c in verb.head.children):
            return None  # "is expected to attend": others expect it (a future event), no one declares an intent
        lemma = _is_intent_head(verb.head, lexicon)
        return (verb.head, lemma) if lemma else None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(c.lower_ == "to" for c in verb.children):
        lemma = lexicon.intent_nouns.get(verb.head.lemma_.lower()) or lexicon.intent_nouns.get(verb.head.lower_)
        return (verb.head, lemma) if lemma else None
    return None


def _make_mention(token: Token, entry: TriggerEntry, lexicon: TriggerLexicon) -> Mention:
    """A mention for a matched trigger, lifted to an intent event where a governing word expresses intent: the
    trigger's own verb, or the support verb of a noun event ("hopes to hold talks")."""
    first = last = token
    cameo, event_type = entry.cameo, entry.event_type
    verb = token if token.pos_ in ("VERB", "AUX") else (_is_support_noun(token, lexicon) if entry.pos == "NOUN" else None)
    found = _intent_head(verb, lexicon) if verb is not None else None
    code = lexicon.intent_code(entry.cameo, found[1]) if found else None
    if found and code and found[0].i < token.i:
        first, cameo = found[0], code
        event_type = _plover_type(code) or event_type
    particle = [c for c in token.children if c.dep_ == "prt"]
    if entry.particle and particle and particle[0].i > last.i:
        last = particle[0]
    return Mention(trigger=token, entry=entry, cameo=cameo, event_type=event_type, first=first, last=last)


def find_mentions(sent: Span, lexicon: TriggerLexicon, rules: ArgumentRules | None = None) -> list[Mention]:
    """Event mentions of one parsed sentence, with argument tokens, status and speaker."""
    rules = rules or ArgumentRules.default()
    mentions: list[Mention] = []
    for token in sent:
        entry = lexicon.match(token)
        if entry is None or _skip_trigger(token, entry, rules, lexicon):
            continue
        mention = _make_mention(token, entry, lexicon)
        if entry.pos == "NOUN":
            _noun_arguments(mention, lexicon, rules)
        else:
            _verb_arguments(mention, rules)
        mention.clause = mention.clause or _clause_verb(mention.first)
        mention.status = event_status(mention.first, presupposed_object=_presupposed_object(mention, lexicon))
        mention.speaker = _speaker(mention.first, rules, sent)
        mention.sent = sent
        _as_demand(mention, lexicon, rules)
        if entry.cameo in rules.area_codes:
            mention.area_targets = _area_places(mention, rules)
        mention.blamed = _blamed_doers(mention, lexicon, rules)
        if mention.event_type == "THREATEN":  # tried when the direct recipients name no actor
            mention.fallback_recipients = _condition_subjects(mention, rules) + mention.fallback_recipients
        mentions.append(mention)
    mentions.extend(_obligation_demands(sent, mentions, rules))
    mentions.extend(_wished_acts(sent, mentions, rules))
    mentions.sort(key=lambda m: m.trigger.i)  # stable: the mentions found above keep their order
    _obligation_content(mentions, lexicon, rules)
    mentions = _aim_protests(mentions, lexicon)
    return _drop_nested(_fold_demanded(mentions, lexicon), lexicon, rules)


def _presupposed_object(mention: Mention, lexicon: TriggerLexicon) -> bool:
    """Whether the mention is an event noun whose verb, if any, does not name it ("urged X to end [its attacks]":
    the attacks are given; "demanded that X hold [talks]": the talks are asked for)."""
    return mention.entry.pos == "NOUN" and mention.first.i == mention.trigger.i and \
        _is_support_noun(mention.trigger, lexicon) is None


def _obligation_content(mentions: list[Mention], lexicon: TriggerLexicon, rules: ArgumentRules) -> None:
    """"The rebels said the president must agree to reforms before they demobilize": where the modal is the coded
    demand, the acts inside what it asks for (its verb's conjuncts, infinitives and clauses of
    directive_clause_marks) are hypothetical, as a directive's content is (whodid.status)."""
    verbs = [m.first.head for m in mentions if m.event_type == "REQUEST" and m.first.dep_ == "aux"
             and m.first.lower_ in rules.obligation_modals]
    for mention in mentions:
        if mention.first.dep_ == "aux" or mention.status == HYPOTHETICAL:
            continue
        presupposed = _presupposed_object(mention, lexicon)
        if any(within_content(mention.first, verb, presupposed_object=presupposed) for verb in verbs):
            mention.status = HYPOTHETICAL


def _aim_protests(mentions: list[Mention], lexicon: TriggerLexicon) -> list[Mention]:
    """"held a sit-in to demand lower fares", "marched through the town, calling for a referendum": a
    protest whose own phrase names no target is aimed at the target of its purpose or participle clause (tried
    after its own candidates). A demand or a complaint made that way ("gathered for a rally to protest the tax")
    is the protest's content, not an event of its own (CAMEO codes the protest, 14x): it is dropped."""
    content: set[int] = set()
    for protest in (m for m in mentions if m.event_type == "PROTEST"):
        anchors = {protest.trigger.i} | ({protest.clause.i} if protest.clause is not None else set())
        for act in mentions:
            if act is protest or not _purpose_of(act.trigger, anchors, lexicon):
                continue
            protest.fallback_recipients = protest.fallback_recipients + act.recipients + act.fallback_recipients
            if act.event_type in _PROTEST_CONTENT and act.entry.pos != "NOUN" and \
                    not _children(act.trigger, "nsubj", "nsubjpass"):  # "after police demanded": not theirs
                content.add(id(act))
                if act.event_type == "REQUEST":
                    protest.cameo = _protest_for(protest.cameo, act.cameo)
    # and so is what the demand asks for ("calling on the president to step down"): it has not happened
    asked = {t.i for m in mentions if id(m) in content for t in m.trigger.subtree}
    return [m for m in mentions if id(m) not in content and (m.event_type == "PROTEST" or m.trigger.i not in asked)]


# what protesters say in a purpose or participle clause of their protest, or the protest named again ("gathered
# to protest"): its content, not an event of its own
_PROTEST_CONTENT = ("REQUEST", "ACCUSE", "PROTEST")


def _purpose_of(act: Token, anchors: set[int], lexicon: TriggerLexicon) -> bool:
    """Whether ``act`` is a purpose or participle clause of the protest at ``anchors``: on its trigger or clause
    ("marched to demand"), or on a demonstration noun the protest verb governs ("gathered for a rally to
    protest the law")."""
    if act.dep_ not in ("xcomp", "advcl", "acl", "relcl"):
        return False
    head = act.head
    if head.i in anchors:
        return act.dep_ != "relcl"
    governed = head.head.head if head.dep_ == "pobj" else head.head
    entry = lexicon.match(head) if head.pos_ == "NOUN" and governed.i in anchors else None
    return entry is not None and _plover_type(entry.cameo) == "PROTEST"


def _is_criticism(mention: Mention, rules: ArgumentRules) -> bool:
    return any(mention.cameo.startswith(code) for code in rules.criticism_codes)


def _is_act_noun(noun: Token, lexicon: TriggerLexicon, rules: ArgumentRules) -> bool:
    """Whether a noun names a thing done (an event noun of the lexicon, or ``criticised_acts``), not a party."""
    if noun.pos_ != "NOUN":
        return False
    if _one_of(noun, rules.criticised_acts):
        return True
    return any(True for _ in lexicon.candidates(noun))


def _act_doers(noun: Token, rules: ArgumentRules) -> list[Token]:
    """Who did an act, as its own phrase names it, in this order: its possessor ("Uganda's crackdown"; not "his
    arrest"), its "by" phrase or that of a participle on it ("raids carried out by X"), a name or nationality
    before it ("Indian air raids", "US strikes"). The first found is the doer: a "by" phrase after a possessor
    belongs to another word ("a complaint against Japan's ban by the millers")."""
    patient = _one_of(noun, rules.patient_possessive_nouns) and not _prep_objects(noun, ("of",))
    owners = [] if patient else _children(noun, "poss")
    agents = _prep_objects(noun, ("by",)) + [a for p in _children(noun, "acl") for a in _prep_objects(p, ("by",))]
    named = [m for m in _left_modifiers(noun) if m.ent_type_ == "NORP" or m.pos_ == "PROPN"]
    return owners or agents or named


def _blamed_doers(mention: Mention, lexicon: TriggerLexicon, rules: ArgumentRules) -> list[Token]:
    """The doers of the act a criticism or protest is about (its object, or the object of "over", "about",
    "against" ... on its word or its support verb), for when they name someone: the target of "complained to the
    UN over two Indian air raids" is India. None where the words name a target that is no act (the object of
    "accused Norway of ...", "criticised Kenya for ...") or the act's phrase names no doer."""
    if not _is_criticism(mention, rules):
        return []
    word = mention.trigger
    hosts = [word]
    if mention.entry.pos == "NOUN":
        governor = _is_support_noun(word, lexicon) or _entry_governor(word, mention.entry)
        hosts.extend([governor] if governor is not None else [])
        acts = _prep_objects(word, rules.criticised_act_preps | {"of"})
    else:
        acts = [o for c in _children(word, "dobj") for o in _with_conjuncts(c)]
    acts.extend(o for host in hosts for o in _prep_objects(host, rules.criticised_act_preps))
    acts.extend(p for a in list(acts) for p in _children(a, "appos"))  # "denounced as a crime [X's crackdown]"
    acts = [a for a in {a.i: a for a in acts}.values() if _is_act_noun(a, lexicon, rules)]
    addressees = {t.i for host in hosts for t in _prep_objects(host, rules.addressee_preps)}
    named = [r for r in mention.recipients if r.i not in addressees and all(r.i != a.i for a in acts)]
    if not acts or named:
        return []
    return [d for act in acts for d in _act_doers(act, rules)]


def _protest_for(protest: str, demand: str) -> str:
    """A protest made specific by what it demands: a march for a leader's removal (demand 1041, appeal 0241) is
    1411, a hunger strike for rights (1043) 1423 (CAMEO's 14x subcodes share those codes' last digit)."""
    if len(protest) == 3 and len(demand) == 4 and demand[:3] in ("104", "024"):
        specific = protest + demand[3]
        if _plover_type(specific) is not None:
            return specific
    return protest


def _marked_clauses(word: Token, deps: tuple[str, ...], marks: frozenset[str]) -> list[Token]:
    """The clauses ``word`` governs under ``deps`` that open with one of ``marks`` ("that", "unless", "if")."""
    return [clause for clause in _children(word, *deps)
            if any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)]


def _condition_subjects(mention: Mention, rules: ArgumentRules) -> list[Token]:
    """Whom a threat is aimed at: the subject of its condition ("threatened to attack unless Baghdad accepted",
    "... if the United States goes ahead"), on the threat or on the act threatened."""
    words = [mention.first, mention.trigger, *_children(mention.first, "xcomp")]
    for word in words:
        for clause in _marked_clauses(word, ("advcl",), rules.threat_conditions):
            subject, passive = _subject(clause)
            if subject and not passive:
                return subject
    return []


def _fold_demanded(mentions: list[Mention], lexicon: TriggerLexicon) -> list[Mention]:
    """"demanded that the government release the prisoners", "its demand that Ruritania scrap its missiles", "called
    for X to withdraw": the act in the clause has not happened; the request is the event, made specific by the act
    (the demand or appeal table of triggers.yaml: 1041 ...), and the clause's subject is its recipient."""
    by_head: dict[int, Mention] = {m.trigger.i: m for m in mentions if m.event_type == "REQUEST"}
    folded: set[int] = set()
    for act in mentions:
        if act.entry.pos == "NOUN" or act.first.i != act.trigger.i:
            continue
        request = _asking_request(act.trigger, by_head)
        if request is None or act is request:
            continue
        table = "demand" if request.cameo.startswith("10") else "appeal"
        code = lexicon.intent_code(act.cameo, table)
        if code:
            request.cameo, request.event_type = code, _plover_type(code) or request.event_type
        if not request.recipients:
            subject, passive = _subject(act.trigger)
            request.recipients = [] if passive else subject
        folded.add(id(act))
    for request in by_head.values():  # the clause's act need not be a trigger: "demand that X give up ..."
        if request.recipients or request.sent is None:
            continue
        clauses = [c for c in _marked_clauses(request.trigger, ("ccomp", "acl"), frozenset({"that"}))
                   if c.pos_ in ("VERB", "AUX")]
        clauses += [c for c in request.sent if c.pos_ in ("VERB", "AUX") and _children(c, "nsubj")
                    and _same_token(clause_directive(c), request.trigger)]
        if clauses:
            subject, passive = _subject(clauses[0])
            request.recipients = [] if passive else subject
    return [m for m in mentions if id(m) not in folded]


def _asking_request(verb: Token, by_head: dict[int, Mention]) -> Mention | None:
    """The request whose clause ``verb`` heads: a that-clause or relative of the request's word ("demanded that X
    [withdraw]"), or a clause with a subject of its own that a directive asks of that subject ("called for X to
    [withdraw]", "repeated its demand on Monday that X [ease] ...": whodid.status.clause_directive)."""
    if verb.dep_ in ("ccomp", "acl") and verb.head.i in by_head:
        return by_head[verb.head.i]
    if not _children(verb, "nsubj"):
        return None
    word = clause_directive(verb)
    return by_head.get(word.i) if word is not None else None


def _same_token(token: Token | None, other: Token) -> bool:
    """Whether two tokens of one doc are the same word (spaCy makes a new Token object on every access)."""
    return token is not None and token.i == other.i


def _obligation(verb: Token, rules: ArgumentRules, sent: Span) -> tuple[Token, Token, list[Token]] | None:
    """(modal, speaker, subject) when ``verb``'s clause puts an obligation on someone other than its speaker:
    "Greece said Turkey must withdraw", "addressed a note to Chad that it must comply"; else None. Not "we
    must" (a resolve), not a passive ("must be punished": no one named to act), not "must not" (left to the act),
    nor a bare "it/they must" with no one addressed (the speaker speaks of itself)."""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "must be willing to reopen talks": the modal is on the copula
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in rules.obligation_modals), None)
    if modal is None or modal.i > verb.i or any(c.dep_ in ("nsubjpass", "auxpass", "neg") for c in verb.children):
        return None
    speaker = _speaker(verb, rules, sent) or _that_clause_owner(verb)
    subject, passive = _subject(verb)
    if speaker is None or not subject or passive:
        return None
    if verb.lemma_.lower() in rules.obligation_state_verbs or subject[0].lemma_.lower() in rules.non_agent_subjects:
        return None  # "support should depend on spending", "the deficit should start to decline": no one to act
    pronoun = subject[0].pos_ == "PRON"  # "US" is no "us"
    if pronoun and subject[0].lower_ in rules.speaker_pronouns:
        return None
    if pronoun and subject[0].lower_ in rules.pronouns and not _addressed(_statement_verb(verb)):
        return None
    return modal, speaker, subject


def _statement_verb(clause: Token) -> Token:
    """The verb that states a clause: its head ("said that ..."), or the verb of the noun it completes ("addressed a
    note that ...")."""
    head = clause.head
    if clause.dep_ == "acl" and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return head


def _that_clause_owner(verb: Token) -> Token | None:
    """The subject of the verb stating a that-clause ("concluded that ...", "addressed a note that ..."): the
    one who states it, where the verb is no reporting verb."""
    if verb.dep_ not in ("ccomp", "acl") or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    stating = _statement_verb(verb)
    if stating.pos_ not in ("VERB", "AUX"):
        return None
    subject, passive = _subject(stating)
    return subject[0] if subject and not passive else None


def _addressed(verb: Token) -> bool:
    """Whether a statement verb names whom it is told to ("told Chad", "a note to Chad", "a message to
    Serbia"; not "said to reporters"): a pronoun in its clause then stands for that addressee, not the speaker."""
    def named(token: Token) -> bool:
        return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")

    return any(c.dep_ == "dative" for c in verb.children) or any(
        named(c) for c in verb.children if c.dep_ == "dobj") or any(named(o) for o in _prep_objects(verb, ("to",)))


def _as_demand(mention: Mention, lexicon: TriggerLexicon, rules: ArgumentRules) -> None:
    """"Russia said Sudan must return the helicopter": what happened is the speaker's demand of the act's subject
    (CAMEO 10x; "should": an appeal, 02x), not the act, which may never happen."""
    verb: Token | None = mention.first
    if mention.entry.pos == "NOUN":  # "must reach an agreement": the noun's support verb; not "must respect it"
        verb = _is_support_noun(mention.trigger, lexicon) or _participation_verb(mention.trigger, rules)
    if verb is None or mention.sent is None or mention.status == "negated":
        return
    found = _obligation(verb, rules, mention.sent)
    if found is None:
        return
    modal, speaker, subject = found
    table, generic = rules.obligation_modals[modal.lower_]
    code = lexicon.intent_code(mention.cameo, table) or generic
    event_type = _plover_type(code) if code else None
    if not code or not event_type:
        return
    mention.cameo, mention.event_type, mention.first = code, event_type, modal
    mention.recipients, mention.actors = list(mention.actors or subject), [speaker]
    mention.speaker, mention.participants, mention.fallback_recipients = None, [], []
    mention.status = "asserted"
    mention.needs_recipient = True  # "said the new law should provide relief": no one is asked


def _obligation_demands(sent: Span, mentions: list[Mention], rules: ArgumentRules) -> list[Mention]:
    """"The envoy stated that Chad must dismantle its roadblocks": an obligation put on another whose act is no
    trigger is the speaker's generic demand (or appeal, for "should") of the clause's subject."""
    taken = {m.trigger.i for m in mentions} | {m.first.i for m in mentions}
    out: list[Mention] = []
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.i in taken:
            continue
        found = _obligation(verb, rules, sent)
        if found is None or found[0].i in taken:
            continue
        modal, speaker, subject = found
        code = rules.obligation_modals[modal.lower_][1]
        event_type = _plover_type(code)
        if event_type is None:
            continue
        # no act named: a lower confidence than a trigger's (0.7 by default)
        entry = TriggerEntry(lemma=modal.lower_, pos="VERB", cameo=code, event_type=event_type, confidence=0.6)
        out.append(Mention(trigger=verb, entry=entry, cameo=code, event_type=event_type, first=modal, last=verb,
                           actors=[speaker], recipients=list(subject), clause=verb, sent=sent, needs_recipient=True))
    return out


def _wished_acts(sent: Span, mentions: list[Mention], rules: ArgumentRules) -> list[Mention]:
    """"Ruritania wants Borduria to release the prisoners": a wish of another's act (wish_verbs) is the wisher's
    appeal to the one who is to act (the act itself is folded into it by ``_fold_demanded``). Not "wants to visit"
    (the subject's own intent), not a negated or passive wish, nor one of a speaker's pronoun ("I want you to")."""
    taken = {m.trigger.i for m in mentions} | {m.first.i for m in mentions}
    out: list[Mention] = []
    for verb in sent:
        generic = rules.wish_verbs.get(verb.lemma_.lower())
        if generic is None or verb.pos_ != "VERB" or verb.i in taken or _children(verb, "neg", "auxpass"):
            continue
        subject, passive = _subject(verb)
        clause = next((c for c in _children(verb, "ccomp", "xcomp")
                       if to_infinitive(c)), None)
        if clause is None or passive or not subject or subject[0].lower_ in rules.speaker_pronouns:
            continue
        asked = _children(clause, "nsubj") or _children(verb, "dobj")
        if not asked or asked[0].lower_ in rules.speaker_pronouns or asked[0].i == subject[0].i:
            continue
        code = generic[1]
        event_type = _plover_type(code)
        if event_type is None:
            continue
        entry = TriggerEntry(lemma=verb.lemma_.lower(), pos="VERB", cameo=code, event_type=event_type, confidence=0.5)
        out.append(Mention(trigger=verb, entry=entry, cameo=code, event_type=event_type, first=verb, last=verb,
                           actors=list(subject), recipients=list(asked), clause=verb, sent=sent,
                           speaker=_speaker(verb, rules, sent), needs_recipient=True))
    return out


def _skip_trigger(token: Token, entry: TriggerEntry, rules: ArgumentRules, lexicon: TriggerLexicon) -> bool:
    """Words that match a trigger but do not name an event here."""
    if entry.pos == "NOUN":
        if token.dep_ == "compound" and not _container_head(token, lexicon):  # "sanctions relief", "summit venue"
            return True
        if _is_venue(token, rules):
            return True
        if any(c.dep_ in ("amod", "compound") and c.i < token.i and c.lower_ in rules.attributive_non_events
               for c in token.children):
            return True  # "the proposed deal", "an alleged attack": a plan or a claim, not an event
        if token.dep_ == "dobj" and token.head.lemma_.lower() in rules.descriptive_heads:
            return True  # "poses a threat to democracy": what something is, not an act
    if token.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "LAW") and token.pos_ == "PROPN":
        return True
    if _in_a_name(token):
        return True  # "the Defend Democracy Rally", "the old British Concession": a word of a name
    if entry.pos != "NOUN" and _non_agent_subject(token, rules):
        return True  # "the storm struck", "the scandal hit the party": no one did it
    if entry.pos != "NOUN" and _legal_text_subject(token, rules):
        return True  # "the constitution bars a third term", "the lawsuit asks the court": a text's content
    if entry.pos != "NOUN" and _imperative(token):
        return True  # "Meet the candidates", "Thank God": a headline's or a speaker's imperative, no event
    if entry.pos != "NOUN" and not entry.particle and _asserts(token, rules):
        return True  # "insisted that he would stay in the race", "suggested that it may work": a claim
    if entry.event_type == "REQUEST" and _asks_a_question(token, rules):
        return True  # "Merkel asked.", "I asked one of the guards"
    if entry.event_type == "REQUEST" and _asks_anonymity(token, rules):
        return True  # "an official who asked not to be named": a source's condition, no request to anyone
    if entry.event_type.lower() in rules.measure_blind_types and _describes_a_measure(token, rules):
        return True  # "executive orders targeting drug cartels", "a law hitting small firms": no one is attacked
    if entry.pos != "NOUN" and token.dep_ == "amod" and token.tag_ in ("VBG", "JJ"):
        return True  # "pressing questions", "the surrounding hills": a verb's present participle used as an adjective
    if entry.event_type == "AGREE" and _agrees_with_a_view(token, rules):
        return True  # "agreed that the number is no problem", "I agree with him": an opinion shared, no accord
    if entry.event_type == "THREATEN" and _warns_of_a_danger(token, rules):
        return True  # "warned that the law violates the constitution": a claim about a danger, no threat
    if entry.event_type.lower() in rules.figure_blind_types and _figure_object(token, rules):
        return True  # "cut 5 percent", "slashed its forecast": numbers, not a party
    if entry.event_type == "ASSAULT" and _labour_strike(token, rules):
        return True  # "we strike for our patients", "nurses who cannot strike": a labour strike, no attack
    if entry.event_type == "AGREE" and _vows_vengeance(token, rules):
        return True  # "vowed to avenge their leader": a threat of revenge, no promise of cooperation
    if entry.particle and _particle_is_a_preposition(token, entry.particle, rules):
        return True  # "was given a warm welcome in Canberra" is no "give in"
    if entry.pos == "NOUN" and token.lower_ in rules.homograph_nouns:
        return True  # "the senator's aides": assistants, not aid
    cues = StatusCues.default()
    if token.lemma_.lower() in cues.negated_possibility and any(c.dep_ == "neg" for c in token.children):
        return True  # "cannot be ruled out" speaks of a possibility; it is not a rejection
    return False


# Nouns of time after "for" ("strike for the third time", "for two days"): no aim of a strike
_TIME_NOUNS = frozenset({"time", "times", "day", "days", "hour", "hours", "week", "weeks", "month", "months", "year",
                         "years", "night", "nights"})


def _labour_strike(verb: Token, rules: ArgumentRules) -> bool:
    """Whether the verb "strike" (labour_strike_verbs) with no object tells of a labour strike: it strikes "for" or
    "over" an aim ("we strike for our patients", "strike over pay"), or its subject is of labour_strikers (a
    relative pronoun stands for the noun it follows: "nurses who cannot strike"). An attack strikes something or
    at/on something ("jets struck rebel positions", "struck at dawn"). The noun with a length in time ("an
    18-month strike", "a week-long strike") is a labour strike: attacks are not told by their months."""
    if verb.lemma_.lower() not in rules.labour_strike_verbs:
        return False
    if verb.pos_ == "NOUN":
        return any(set(re.split(r"[-\s]", c.lower_)) & _TIME_NOUNS or c.lower_.endswith("-long")
                   for c in verb.children if c.dep_ in ("amod", "compound", "nmod"))
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if _children(verb, "dobj", "nsubjpass") or _prep_objects(verb, ("at", "on", "in")):
        return False
    if any(o.lower_ not in _TIME_NOUNS for o in _prep_objects(verb, ("for", "over"))):
        return True
    subjects = _children(verb, "nsubj") or _controller_subjects(verb)
    if verb.dep_ == "relcl" and _relative_subject(verb):
        subjects.append(verb.head)
    return any(_one_of(s, rules.labour_strikers) for s in subjects)


def _controller_subjects(verb: Token) -> list[Token]:
    """The subjects of the clause an infinitive with no subject of its own hangs from: "workers want to strike"
    (xcomp), "workers have the right to strike" (acl of the verb's object)."""
    if verb.dep_ not in ("xcomp", "acl"):
        return []
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ in ("dobj", "attr"):
        head = head.head
    return _children(head, "nsubj") if head.pos_ in ("VERB", "AUX") else []


def _vows_vengeance(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a promise is one of revenge: the verb it controls is of vengeance_verbs ("vowed to avenge", "pledged
    to retaliate"); a threat, not an offer to cooperate."""
    return any(c.lemma_.lower() in rules.vengeance_verbs for c in _children(verb, "xcomp"))


def _particle_is_a_preposition(verb: Token, particle: str, rules: ArgumentRules) -> bool:
    """Whether the particle of a phrasal verb that takes no object (adverb_phrasal_verbs: "give in") is a
    preposition with its own object here ("given a welcome in Canberra"): the phrasal sense does not hold. Verbs
    whose particle is a preposition ("arrive in", "call on") are not listed."""
    if f"{verb.lemma_.lower()} {particle}" not in rules.adverb_phrasal_verbs:
        return False
    tok = particle_child(verb, particle)
    return tok is not None and bool(_children(tok, "pobj"))


def _lend_doers(noun_mention: "Mention", verb_mention: "Mention") -> None:
    """The verb telling the same act as a noun takes the noun's doers and its place ("an attack by X killed"); a
    noun that names none leaves the verb its subject, the noun phrase itself, which may stand for its owner ("the
    deployment of NATO troops arrived")."""
    verb_mention.modifiers = list(noun_mention.modifiers)
    if noun_mention.actors:
        verb_mention.actors = list(noun_mention.actors)
    verb_mention.fallback_actors = list(noun_mention.fallback_actors) or verb_mention.fallback_actors
    verb_mention.subject_event = noun_mention.trigger


def _relative_subject(verb: Token) -> bool:
    """Whether a relative clause's subject is its relative pronoun ("... that killed 20")."""
    return any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children)


# Links walked up from an act to the object phrase it sits in ("a call [for peacekeepers [to be deployed]]")
_OBJECT_PHRASE_DEPS = frozenset({"acl", "prep", "pobj", "pcomp", "xcomp", "ccomp", "auxpass", "nsubjpass", "nsubj",
                                 "dobj"})


def _inside_refused_object(token: Token, mention: "Mention", by_trigger: dict[int, "Mention"],
                           rules: ArgumentRules) -> bool:
    """Whether the act sits inside the object of a rejection ("rejected a Chilean offer to hold talks", "rejected
    a call for peacekeepers to be deployed"): what was offered or asked for and refused has not happened."""
    for _ in range(8):
        if token.dep_ in ("dobj", "pobj") and token.head.i in by_trigger:
            governor = by_trigger[token.head.i]
            return governor is not mention and governor.event_type.lower() in rules.refused_object_types
        infinitive = token.dep_ == "relcl" and to_infinitive(token)
        if token.head.i == token.i or not (token.dep_ in _OBJECT_PHRASE_DEPS or infinitive):
            return False
        token = token.head
    return False


def _in_a_name(token: Token) -> bool:
    """A capitalised word inside a name, not at the start of its sentence: part of an organisation's, a work's or a
    place's name ("the Defend Democracy Rally"), or a proper noun after a capitalised modifier ("the old
    British Concession"). Named events ("the Paris Agreement", "the Six-Day War") are events."""
    if not token.text[:1].isupper() or token.is_sent_start or token.i == token.sent.start or token.text.isupper():
        return False
    if token.ent_type_ in ("ORG", "WORK_OF_ART", "LAW", "FAC", "PRODUCT", "PERSON"):
        return True
    prev = token.nbor(-1)
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "GPE", "LOC", "FAC") and \
        prev.pos_ in ("PROPN", "ADJ") and prev.text[:1].isupper() and not prev.is_sent_start


def _non_agent_subject(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb's subject (or passive agent) is a force of nature or a situation ("the storm", "the
    scandal"): non_agent_subjects in arguments.yaml. A relative pronoun stands for the noun it follows ("the
    epidemic, which killed 300"); a passive with no agent that happened "in" such a thing has none either
    ("two workers were killed in a fire")."""
    subjects = _subject_nouns(verb) + [o for a in _children(verb, "agent") for o in _children(a, "pobj")]
    if _children(verb, "auxpass") and not _children(verb, "agent"):
        subjects += _prep_objects(verb, ("in",))
    if verb.dep_ == "xcomp" and not subjects:  # "exports are expected to rise": the governing verb's subject
        subjects += _children(verb.head, "nsubj", "nsubjpass")
    return any(_one_of(s, rules.non_agent_subjects) for s in subjects)


def _subject_nouns(verb: Token) -> list[Token]:
    """A verb's subjects, a relative pronoun standing for the noun it follows ("the clause, which bars"), a verb
    coordinated with no subject of its own taking its first conjunct's ("a scandal that has rocked X and threatens
    to topple Y")."""
    for _ in range(4):
        subjects = _children(verb, "nsubj")
        if verb.dep_ == "relcl" and _relative_subject(verb):
            return [s for s in subjects if s.tag_ not in ("WDT", "WP")] + [verb.head]
        if subjects or verb.dep_ != "conj" or _children(verb, "nsubjpass") or verb.head.pos_ not in ("VERB", "AUX"):
            return subjects
        verb = verb.head
    return []


def _legal_text_subject(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb's subject is a standing text of law or a lawsuit (legal_text_subjects in arguments.yaml):
    what it bars, requires or asks is its content, not an act of anyone."""
    return any(_one_of(s, rules.legal_text_subjects) for s in _subject_nouns(verb))


def _imperative(verb: Token) -> bool:
    """A bare verb opening its sentence with no subject or auxiliary: an imperative ("Meet the new candidates")."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    return all(t.is_punct or t.is_space for t in verb.sent[: verb.i - verb.sent.start])


def _asserts(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb of assertive_demand_verbs asserts rather than demands: no clause, or a clause in the
    indicative or with a modal of future or possibility ("insisted that he would fight", "insist she is
    innocent"); a base-form clause or one of obligation demands ("insisted that X withdraw / must withdraw")."""
    if verb.lemma_.lower() not in rules.assertive_demand_verbs and verb.lower_ not in rules.assertive_demand_verbs:
        return False
    if any(o.pos_ in ("NOUN", "PROPN") for o in _children(verb, "dobj")):
        return False  # "suggested a meeting", "insisted on the release": something proposed or demanded
    clauses = _children(verb, "ccomp")
    if not clauses:
        return True
    clause = clauses[0]
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if modals & {"should", "must", "shall"}:
        return False
    return bool(modals) or clause.tag_ in ("VBD", "VBZ", "VBP", "VBN")


def _asks_a_question(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb of asking asks a question rather than for an act: no one asked to do anything ("asked X to
    ..."), nothing asked for ("asked for", "asked X for"), no that-clause."""
    if verb.pos_ not in ("VERB", "AUX") or (verb.lemma_.lower() not in rules.question_verbs
                                           and verb.lower_ not in rules.question_verbs):
        return False
    if _children(verb, "xcomp") or _prep_objects(verb, ("for",)) or any(c.lower_ == "for" for c in verb.children):
        return False
    if _marked_clauses(verb, ("ccomp",), frozenset({"that"})):
        return False
    # "asked Israel's help": something asked for as the object
    return not any(o.lemma_.lower() in ("help", "permission", "support", "aid", "assistance")
                   for o in _children(verb, "dobj"))


def _asks_anonymity(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb of asking asks only not to be named ("an official, who asked not to be identified, said"):
    the passive infinitive it controls is negated and one of anonymity_verbs."""
    return any(c.lemma_.lower() in rules.anonymity_verbs and _children(c, "neg") and _children(c, "auxpass")
               for c in _children(verb, "xcomp"))


def _describes_a_measure(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb trigger is a participle or relative clause describing a measure or a campaign noun
    (measure_heads: "orders targeting cartels", "a tax that hits small firms"), or has one as its subject: what
    the measure aims at, not an act of force."""
    heads: list[Token] = []
    if verb.dep_ == "acl" or (verb.dep_ == "relcl" and _relative_subject(verb)):
        heads.append(verb.head)
    heads += _children(verb, "nsubj")
    return any(_one_of(h, rules.measure_heads) for h in heads)


def _agrees_with_a_view(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb of agreeing (opinion_agree_verbs) shares a view rather than makes an accord: no act agreed to
    ("agreed to withdraw"), nothing agreed on or agreed ("agreed on a truce", "agreed a deal"), and either a
    that-clause or quote ("agreed that the figures were weak"; '"It is weak," agreed Jones') or only a person
    agreed with ("I agree with him"); a clause of what shall be done is agreed ("agreed that troops would leave")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in rules.opinion_agree_verbs:
        return False
    if _children(verb, "xcomp", "dobj") or _prep_objects(verb, ("on", "to", "over", "upon")):
        return False
    clauses = _children(verb, "ccomp", "parataxis")
    # several who agree on what should be done make an accord ("ministers agreed that the plan should be
    # expanded", "Chile agreed with Peru that the dispute should go to court"); one who agrees that something should
    # be is of an opinion ("the senator agreed that aid should ...")
    several = any(s.tag_ in ("NNS", "NNPS") or _children(s, "conj") for s in _children(verb, "nsubj")) or \
        any(p.pos_ == "PROPN" for p in _prep_objects(verb, ("with",)))  # "X agreed with Y that ... should"
    accord_modals = ("will", "would", "shall", "'ll") + (("should", "must") if several else ())
    for clause in clauses:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in accord_modals for c in clause.children):
            return False  # "agreed that the troops would leave by May"
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.pos_ in ("VERB", "AUX"):
        clauses.append(verb.head)  # '"The figures are weak," agreed Jones': the quote heads the sentence
    partners = _prep_objects(verb, ("with",))
    return bool(clauses) or (bool(partners) and all(p.pos_ == "PRON" or p.lemma_.lower() in rules.view_nouns
                                                     for p in partners))


def _warns_of_a_danger(word: Token, rules: ArgumentRules) -> bool:
    """Whether a warning (claim_warning_verbs, verb or noun) tells of a danger rather than threatens: it has a
    that-clause, with no object naming whom it is aimed at, and the clause says nothing that the warner will do
    (no modal of future with a pronoun doer, a passive or "there": "warned that they would retaliate" threatens; "warned that the
    law violates the charter", "warning that there is a risk" do not)."""
    if word.lemma_.lower() not in rules.claim_warning_verbs and word.lower_ not in rules.claim_warning_verbs:
        return False
    if any(o.pos_ in ("NOUN", "PROPN") for o in _children(word, "dobj")):
        return False  # "warned Moscow that ...": aimed at someone
    clauses = _children(word, "ccomp", "acl") if word.pos_ == "NOUN" else _children(word, "ccomp")
    clauses = [c for c in clauses if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               or word.pos_ != "NOUN"]
    if not clauses:
        return False
    clause = clauses[0]
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in clause.children):
        return False  # "warning that the conflict should not be brought here": a demand
    modal = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "'ll", "shall")
                for c in clause.children)
    # what someone will do: a doer that is a pronoun, a name or forces ("it would retaliate", "the armed forces
    # would respond"), a passive ("any attack would be met with force") or "there will be consequences"
    act = any((c.dep_ == "nsubj" and ((c.pos_ == "PRON" and c.lower_ not in ("this", "that"))
                                      or c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                                      or c.lemma_.lower() in rules.threat_doers))
              or c.dep_ in ("auxpass", "expl") for c in clause.children)
    return not (modal and act)


def _is_figure(noun: Token, rules: ArgumentRules) -> bool:
    """An amount-like noun ("5 percent", "its forecast", "interest rates", "40%"); a bare number counts people or
    things as often as amounts ("killed 25"), so it is none."""
    return noun.lower_ in rules.figure_nouns or noun.lemma_.lower() in rules.figure_nouns


def _figure_object(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb trigger acts on a figure: its direct object or passive subject is one, or, with neither, a
    "by"/"to" phrase is ("cut by 5 percent", "slashed to 2 percent")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    objects = _children(verb, "dobj", "nsubjpass")
    if objects:
        return _is_figure(objects[0], rules)
    return any(_is_figure(o, rules) for o in _prep_objects(verb, ("by", "to")))


def _drop_nested(mentions: list[Mention], lexicon: TriggerLexicon, rules: ArgumentRules) -> list[Mention]:
    """One event per act: a noun event under a verb event of the same type ("met for talks"); an intent verb
    already folded into an intent event ("agreed" of "agreed to meet"); an act requested, threatened or refused
    by a governing trigger ("urged X to settle": the settling has not happened)."""
    verbs = {m.trigger.i: m for m in mentions if m.entry.pos != "NOUN"}
    by_trigger = {m.trigger.i: m for m in mentions}
    lifted = {m.first.i for m in mentions if m.first.i != m.trigger.i}
    kept = []
    for m in mentions:
        if m.trigger.i in lifted and m.first.i == m.trigger.i:
            continue
        if m.first.i == m.trigger.i and m.trigger.dep_ == "xcomp" and m.trigger.head.i in by_trigger:
            continue
        # "demanded that X withdraw", "its demand that X ease the restrictions": the act asked for has not happened
        clause = m.first if m.first.i != m.trigger.i else m.trigger  # "refuse" of "refuse to recognise"
        asker = by_trigger.get(clause.head.i) if clause.dep_ in ("ccomp", "acl") else None
        if asker is not None and asker is not m and asker.event_type.lower() in rules.unrealised_clause_types:
            continue
        if _inside_refused_object(clause, m, by_trigger, rules):
            continue
        # "threatened to launch an offensive": the offensive is the threatened act, named by a support verb's object
        governor = _is_support_noun(m.trigger, lexicon) if m.entry.pos == "NOUN" else None
        if m.first.i == m.trigger.i and governor is not None and governor.dep_ == "xcomp" and \
                governor.head.i in by_trigger:
            continue
        if m.entry.pos == "NOUN":
            noun = _phrase_head(m.trigger)  # "earmarked 3 million euros in aid": the amount stands for the aid
            head = noun.head if noun.dep_ != "pobj" else noun.head.head
            if noun.dep_ == "pobj" and noun.head.lower_ in rules.separate_event_preps:
                head = noun  # "set fire to offices following the killing of X": an act of its own
            other = verbs.get(head.i)
            if other is not None and other is not m and other.event_type.lower() in rules.unrealised_object_types \
                    and noun.dep_ in ("dobj", "pobj", "conj"):
                continue  # "demanded the release of X", "called for a ceasefire": asked for, not done
            if other is not None and other.event_type == m.event_type:
                if not other.recipients:  # the noun's phrase may name the recipient ("aid for Malawi")
                    other.recipients = list(m.recipients)
                    other.fallback_recipients = other.fallback_recipients + m.fallback_recipients
                # "an attack by X killed nine", "the country was hit by jihadist attacks": the noun's doers did it
                if noun.dep_ == "nsubj" or (noun.dep_ == "pobj" and noun.head.dep_ == "agent"):
                    _lend_doers(m, other)
                continue
            # "the attack by militants that killed 20 soldiers": the relative clause tells the same act
            told = next((verbs[c.i] for c in noun.children if c.dep_ == "relcl" and c.i in verbs
                         and verbs[c.i].event_type == m.event_type and _relative_subject(c)), None)
            if told is not None and told is not m:
                _lend_doers(m, told)
                continue
        kept.append(m)
    return kept


# ---------------------------------------------------------------------------------------------------------------
# Step 2: tokens -> actors, with story memory
# ---------------------------------------------------------------------------------------------------------------

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
    subject, _ = _subject(verb) if verb.pos_ in ("VERB", "AUX") else ([], False)
    if len(subject) != 1 or subject[0].pos_ != "NOUN" or subject[0].i > pronoun.i or \
            pronoun in subject[0].subtree:
        return None  # a name ("Kenya ... its"), a pronoun, or one inside the subject ("the impact of its") as before
    plural = subject[0].tag_ == "NNS"
    return subject[0] if plural == (low in rules.plural_pronouns) else None


def _names_venue(token: Token, rules: ArgumentRules) -> bool:
    """Whether a modifier is part of the name of a gathering or an accord ("the Doha meeting", "the Paris
    climate agreement", "the Geneva talks"): venue_named_nouns of arguments.yaml."""
    noun = token
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    return noun is not token and (noun.lemma_.lower() in rules.venue_named_nouns
                                  or noun.lower_ in rules.venue_named_nouns)


def _venue_noun(token: Token, rules: ArgumentRules) -> bool:
    return _one_of(token, rules.venue_named_nouns)


def _is_city(actor: Actor) -> bool:
    """An actor that stands for a town: a seat of government ("Doha" -> QATGOV) or a place named as a side (not a
    country: "US drone attacks" were the United States')."""
    return actor.why == "capital" or ((actor.kb_id or "").startswith("place:") and actor.why != "country named as a side")


def is_armed(actor: Actor, rules: ArgumentRules) -> bool:
    """A side that can fight: a state (a country code with no sector, not a person), or forces, rebels, police or
    militants (``armed_struggle`` sectors in arguments.yaml)."""
    code = actor.code or ""
    return (bool(actor.country) and not actor.sector and not (actor.kb_id or "").startswith("person:")) or \
        (actor.sector or "").upper() in rules.armed_sectors or any(code.endswith(s) for s in rules.armed_sectors)


def unarmed_fight(lemma: str, event_type: str, actors: list[Actor], recipients: list[Actor],
                  rules: ArgumentRules) -> bool:
    """Whether a fighting word ("fight", "battle", "clash") has no armed side: no state (a country with no sector),
    no forces, rebels, police or militants (``armed_struggle`` in arguments.yaml): a figure of speech, not an
    attack ("fought the claims", "a tight battle with her rival"), nor a siege ("the aides who surround her")."""
    if event_type not in ("ASSAULT", "COERCE") or lemma not in rules.armed_lemmas:
        return False
    return not any(is_armed(a, rules) for a in actors + recipients)


def unarmed_flight(lemma: str, event_type: str, actors: list[Actor], rules: ArgumentRules) -> bool:
    """Whether a fleeing word names no military retreat: no one who flees is armed or a state ("the novelist fled
    Austria", "fled the war as a child", "fled to Venezuela"); the place fled from or to does not arm the flight."""
    if event_type != "RETREAT" or lemma not in rules.flight_lemmas:
        return False
    return not any(is_armed(a, rules) for a in actors)


def is_business(actor: Actor, rules: ArgumentRules) -> bool:
    """A company: an actor of a business sector ("the company", a firm known as one), or a name the knowledge
    lacks that ends like a company's ("Acme Corp", "Zorgan Holdings Ltd")."""
    if actor.sector and actor.sector.upper() in rules.firm_sectors:
        return True
    if actor.code:
        return False
    words = re.findall(r"[A-Za-z]+", actor.name or actor.text or "")
    return bool(words) and words[-1].lower() in rules.firm_suffixes


def private_act(event_type: str, actors: list[Actor], recipients: list[Actor], rules: ArgumentRules) -> bool:
    """Whether every side of an event is a private person named by a plain noun ("the man tried to flee", "a man
    sued him"): news of private lives, not political events. "Soldiers killed a man" keeps its political side, and
    an arrest is the state's act ("a man was arrested")."""
    if event_type.lower() in rules.private_act_exempt_types:
        return False
    sides = actors + recipients
    return bool(sides) and all((a.kb_id or "").split(":", 1)[-1] in rules.private_person_nouns
                               and (a.kb_id or "").startswith("agent:") for a in sides)


def commercial_act(event_type: str, actors: list[Actor], recipients: list[Actor], rules: ArgumentRules) -> bool:
    """Whether an event is a business's commercial act, not political news: a cooperative type (``firms`` in
    arguments.yaml) done by businesses to no one else with a code ("Acme Corp agreed to buy a stake in
    Zorgan", "the firm promised a new logo"). "Acme agreed to sell jets to Iran" stays, and so does a deal
    between firms of two countries (international economic cooperation: "a Kenyan firm's licence deal with a German
    firm") and one whose doer is no business ("the state water board signed a contract with Acme Corp")."""
    if event_type not in rules.firm_event_types:
        return False
    if not actors:  # "new subsidies granted to shipping firms", "offering small firms loans": to businesses only
        return bool(recipients) and all(is_business(r, rules) for r in recipients) and \
            len({r.country for r in recipients if r.country}) <= 1
    if not all(is_business(a, rules) for a in actors):
        return False
    if not all(is_business(r, rules) or not r.code for r in recipients):
        return False
    countries = {a.country for a in actors + recipients if a.country}
    return len(countries) <= 1


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
        self._last_by_type: dict[str, tuple[list[Actor], list[Actor]]] = {}
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
            if root.lower_ in self.rules.pronouns or _in_dateline(root):
                continue
            owner = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
            if owner is not None and root.text in named.get(owner.i, ""):
                continue  # "Chad" in "Rebels in Chad said they ...": the rebels are meant, not the place in their phrase
            self._note_apposition(root, candidates[index])
            actor = self.actors.resolve(candidates[index], self.published)
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
        if _in_dateline(token):
            return []  # "LONDON (Reuters) -": where the story was filed, never a side
        if token.dep_ in ("amod", "compound", "nmod") and self._after_stance_prefix(token):
            return []  # "anti-Iran" in "an anti-Iran columnist": a stance, never a side
        low = token.lower_ if not _capital_name(token) else token.text  # "US" is no "us"
        if low in self.rules.reflexive_pronouns:
            return []  # "blew themselves up": the doer again, never someone else (nor the speaker)
        if low in self.rules.speaker_pronouns:
            return [speaker] if speaker else []
        if low in self.rules.plural_pronouns and self._last_pair and self._sentences - self._pair_sentence <= 1:
            return list(self._last_pair)  # "A and B met ..., when they pledged": they are the pair just named
        if low in self.rules.person_pronouns and speaker is not None and _is_person(speaker) and \
                fits(low, speaker.text or "", speaker.name):
            # "Mr Justice X said he was asked": he is the one who says so (a copy: the speaker stays the attribution)
            return [replace(speaker)]
        bound = _bound_subject(token, low, self.rules) if low in self.rules.pronouns else None
        if bound is not None:  # "students marched to denounce the arrest of their teacher": the students' own
            return self._resolve_token(bound, date, speaker)
        if low in self.rules.pronouns:
            phrase = self._antecedent(token)
            actor = self.actors.resolve(phrase, date) if phrase else None
            self._note_subject_pronoun(token, phrase)
            if actor is None and speaker is not None and fits(low, speaker.text or "", speaker.name):
                return [speaker]  # "Militants said they attempted ...": no one else named, the speaker speaks of itself
            return [actor] if actor else []
        if low in self.rules.pair_words or token.lemma_.lower() in self.rules.pair_words or \
                self._definite_pair(token):
            pair = self._pair(token, date) if any(c.lower_ in ("the", "both", "two") for c in token.subtree) else []
            if pair:
                return pair
        phrase = phrase_text(token, self.rules)
        post = self._organisation_post(token, phrase, date)
        if post is not None:
            return [post]
        whole = self.actors.resolve(phrase, date)
        if whole is not None:
            whole = self._shared_modifiers(token, whole, date) or whole
            return [whole, *self._coordinated_modifiers(token, whole, date)]
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
        return [f"{phrase}, {phrase_text(appos, self.rules)}" for appos in _children(name, "appos")]

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

    def _modifier_sides(self, token: Token, date: str | None) -> list[Actor]:
        """A side named by a common noun the knowledge lacks, with a known modifier: "Chilean vintners" -> CHL,
        "the Turkish and Greek sides" -> TUR, GRC, "the Islamic Jihad movement" -> the group (CAMEO's fallback to
        what is known of a phrase). An organisation or person named in the modifiers wins over a country."""
        if token.pos_ != "NOUN":
            return []
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
        tokens = {t.idx: t for t in _subtree_without(token, ("relcl", "acl", "conj"))}
        for place in self._places:
            if place.start in tokens and place.country:
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
                if modifier and not (actor.country or actor.sector == "IGO"):
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
        if not actors and not recipients and mention.anaphoric:
            actors, recipients = self._last_by_type.get(mention.event_type, ([], []))
            actors, recipients = list(actors), list(recipients)
        if speaker is not None and any(a is speaker for a in actors):
            speaker = None  # "we will attack" said by X: X is the actor through "we", not a separate source
        complete = len(actors) + len(recipients) > 1
        if not actors:
            actors = self._unresolved(mention.participants or mention.actors)
        if not recipients and not mention.participants:
            recipients = self._unresolved(mention.recipients)
        if complete:  # only a complete event is a good antecedent for "such talks"
            self._last_by_type[mention.event_type] = (actors, recipients)
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
                return _others(self._resolve_all(_with_conjuncts(token), date, speaker), actors)
        return []

    def _unresolved(self, tokens: list[Token]) -> list[Actor]:
        """A side named by a name the knowledge lacks ("the Zorgan navy", "Acme Corp"): kept as words with no
        code, so the event is not lost; its codes stay empty rather than guessed. Common nouns ("their
        relationship hit the rocks") name no one and are not kept."""
        found: list[Actor] = []
        for token in tokens:
            if token.ent_type_ in _NO_SIDE_ENTITIES or not any(ch.isalpha() for ch in token.text):
                continue  # "eased the measures on Wednesday", "(07.02.2017)": a time or a number, no side
            named = token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            if named and token.dep_ in ("compound", "amod", "nmod") and _names_venue(token, self.rules):
                continue  # "the Minsk agreement": a name, no side
            if named and token.lower_ not in self.rules.pronouns:
                found.append(Actor(text=phrase_text(token, self.rules), why="unresolved"))
        return found  # every name, so that "a meeting between A and B" keeps both


def phrase_text(head: Token, rules: ArgumentRules | None = None) -> str:
    """The noun phrase of a head token without its clauses and coordinated phrases."""
    rules = rules or ArgumentRules.default()
    keep = [head]
    stack = [head]
    dateline = _dateline_limit(head.doc)  # "DENVER, Colo., May 2 - Acme Corp": the dateline is cut
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
