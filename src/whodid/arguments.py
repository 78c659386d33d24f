"""The participants of one event mention, read from the dependency parse.

:class:`Mention` holds the tokens of a matched trigger: the actors' and recipients' phrase heads, the speaker, the
clause. ``verb_arguments`` and ``noun_arguments`` fill them for verb triggers (active, passive, controlled verbs,
coordination, support verbs: "held talks with") and noun triggers ("a meeting between A and B", "Russia's invasion of
Ukraine"). :class:`ArgumentRules` holds the word lists of ``data/arguments.yaml`` these rules read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from whodid.geo import dateline_end
from whodid.ontology import Ontology
from whodid.resources import load_yaml
from whodid.status import alleging_word, to_infinitive
from whodid.triggers import (TriggerEntry, TriggerLexicon, comma_participle_root, counted_participle,
                             interposed_participle, phrase_after, raised_objects, reduced_relative)


@dataclass(frozen=True)
class ArgumentRules:
    """Word lists of data/arguments.yaml, as sets."""

    reporting_verbs: frozenset[str]
    participation_verbs: frozenset[str]
    between_preps: frozenset[str]
    partner_preps: frozenset[str]
    between_places: frozenset[str]
    giving_verbs: frozenset[str]
    ending_verbs: frozenset[str]
    answered_types: frozenset[str]
    pressure_preps: frozenset[str]
    pressure_nouns: frozenset[str]
    counterpart_preps: frozenset[str]
    counterpart_nouns: frozenset[str]
    affiliation_participles: frozenset[str]
    affiliation_participle_preps: frozenset[str]
    aim_frame_preps: frozenset[str]
    aim_verbs: frozenset[str]
    aim_nouns: frozenset[str]
    aim_target_preps: frozenset[str]
    agent_preps: frozenset[str]
    person_pronouns: frozenset[str]
    body_nouns: frozenset[str]
    unreferred_sectors: frozenset[str]
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
    small_clause_verbs: frozenset[str]
    undergone_participle_codes: frozenset[str]
    object_control_verbs: frozenset[str]
    prepositional_control: dict[str, tuple[str, ...]]  # "call on X to V": X does V
    unrealised_object_types: frozenset[str]
    unrealised_clause_types: frozenset[str]
    refused_object_types: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    obligation_modals: dict[str, tuple[str, str]]  # modal -> (intent table for its reported act, generic code)
    home_codes: dict[str, str]  # code of an act for another actor -> code of the act when it reaches no other country
    armed_lemmas: frozenset[str] = frozenset()  # fighting words that need an armed side (``armed_struggle``)
    armed_sectors: frozenset[str] = frozenset()
    flight_lemmas: frozenset[str] = frozenset()  # fleeing words that need an armed one who flees (``armed_struggle``)
    verbal_attack_lemmas: frozenset[str] = frozenset()  # ``senses.verbal_attack`` (``armed_struggle``)
    verbal_attack_sectors: frozenset[str] = frozenset()
    verbal_attack_code: str = "111"
    firm_event_types: frozenset[str] = frozenset()  # PLOVER types that businesses alone do not make (``firms``)
    firm_doer_needed_types: frozenset[str] = frozenset()  # ... only when a firm does them
    firm_sectors: frozenset[str] = frozenset()
    firm_suffixes: frozenset[str] = frozenset()
    unshared_modifier_sectors: frozenset[str] = frozenset()  # lower-case, like the other word sets
    role_country_preps: frozenset[str] = frozenset()  # resolver._coordinated_owners
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
    wish_verbs: dict[str, tuple[str, str]] = field(default_factory=dict)  # ``wished_acts``: verb -> (table, code)
    undergoing_verbs: frozenset[str] = frozenset()  # ``_undergoing_verb``
    undergoing_phrases: frozenset[str] = frozenset()
    risk_verbs: frozenset[str] = frozenset()
    separate_event_preps: frozenset[str] = frozenset()
    criticism_codes: frozenset[str] = frozenset()  # ``blamed_doers``: code prefixes of criticism and protest
    criticised_act_preps: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    criticised_acts: frozenset[str] = frozenset()
    undoing_codes: frozenset[str] = frozenset()  # events._undone_state: CAMEO prefixes of acts that undo a state
    content_holders: frozenset[str] = frozenset()  # senses.skip_trigger: "a note of protest"
    wrong_needing_accuse_verbs: frozenset[str] = frozenset()  # ``senses._claims_no_wrong``
    wrong_words: frozenset[str] = frozenset()
    cause_nouns: frozenset[str] = frozenset()  # ``cause_phrase``: "at the request of X" names no venue
    relation_heads: frozenset[str] = frozenset()  # agents.yaml: "Russia's allies" are not Russia's own
    sequence_preps: frozenset[str] = frozenset()  # ``sequence_subjects``: "said after talks with X"
    sequence_types: frozenset[str] = frozenset()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "ArgumentRules":
        raw = load_yaml("arguments.yaml")
        special = ("according_to", "obligation_modals", "home_codes", "firms", "armed_struggle", "wish_verbs",
                   "prepositional_control")
        sets = {k: frozenset(str(w).lower() for w in v) for k, v in raw.items() if k not in special}
        firms = raw.get("firms") or {}
        armed = raw.get("armed_struggle") or {}
        return cls(**sets, according_to=tuple(tuple(p) for p in raw["according_to"]),
                   obligation_modals={str(k).lower(): (str(v["table"]), str(v["code"]))
                                      for k, v in raw["obligation_modals"].items()},
                   wish_verbs={str(k).lower(): (str(v["table"]), str(v["code"]))
                               for k, v in (raw.get("wish_verbs") or {}).items()},
                   home_codes={str(k): str(v) for k, v in raw["home_codes"].items()},
                   prepositional_control={str(k).lower(): tuple(str(p).lower() for p in v)
                                          for k, v in (raw.get("prepositional_control") or {}).items()},
                   armed_lemmas=frozenset(str(t).lower() for t in (raw.get("armed_struggle") or {}).get("lemmas") or []),
                   armed_sectors=frozenset(str(t).upper() for t in (raw.get("armed_struggle") or {}).get("sectors") or []),
                   flight_lemmas=frozenset(str(t).lower()
                                           for t in (raw.get("armed_struggle") or {}).get("flight_lemmas") or []),
                   verbal_attack_lemmas=frozenset(str(t).lower() for t in armed.get("verbal_attack_lemmas") or []),
                   verbal_attack_sectors=frozenset(str(t).upper() for t in armed.get("verbal_attack_sectors") or []),
                   verbal_attack_code=str(armed.get("verbal_attack_code") or "111"),
                   firm_event_types=frozenset(str(t).upper() for t in firms.get("event_types") or []),
                   firm_doer_needed_types=frozenset(str(t).upper() for t in firms.get("doer_needed_types") or []),
                   firm_sectors=frozenset(str(t).upper() for t in firms.get("sectors") or []),
                   firm_suffixes=frozenset(str(t).lower() for t in firms.get("name_suffixes") or []),
                   relation_heads=frozenset(str(t).lower()
                                            for t in load_yaml("agents.yaml").get("relation_heads") or []))

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
    support: Token | None = None  # a noun trigger's support verb ("held" of "held talks"), found once by events.py
    sent: Span | None = None  # the sentence (``Token.sent`` walks the doc's sentences on every call)
    needs_recipient: bool = False  # an obligation put on someone with no act named: no one named, no event
    # An act done to a whole area ("imposed a curfew in X", "bombs exploded in X"): the places of its locative
    # phrases, whose country is its recipient when no one else is named (see ``area_codes`` in arguments.yaml).
    area_targets: list[Token] = field(default_factory=list)
    # Criticism and protest: the doers of the act criticised ("complained over Indian air raids"), the recipients
    # when they name anyone (see ``blamed_doers``).
    blamed: list[Token] = field(default_factory=list)

    @property
    def char_span(self) -> tuple[int, int]:
        return self.first.idx, self.last.idx + len(self.last.text)

    @property
    def trigger_text(self) -> str:
        doc = self.trigger.doc
        return doc.text[self.char_span[0]:self.char_span[1]]


def one_of(token: Token, words: frozenset[str]) -> bool:
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


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def with_conjuncts(token: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Mr Trump and Mr Kim")."""
    out = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(conj)
    return out


def dateline_limit(doc) -> int:
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


def in_dateline(token: Token) -> bool:
    """Whether a token belongs to the story's dateline: the place it was filed from is never a side."""
    return token.idx < dateline_limit(token.doc)


def _subject_heads(child: Token) -> list[Token]:
    """A subject's heads; a dateline the parser made the subject ("TOKYO, May 5 - French Minister X praised")
    gives way to its apposition after the dateline, if any."""
    if in_dateline(child):
        return [a for a in child.children if a.dep_ == "appos" and not in_dateline(a)][:1]
    return with_conjuncts(child)


def _subject_on_auxiliary(verb: Token) -> tuple[list[Token], bool] | None:
    """The subject the parser hung on the verb's auxiliary ("Poland is opposed to ...": "Poland" under "is"), and
    whether it is passive (an auxiliary of the passive makes it so)."""
    for aux in verb.children:
        if aux.dep_ not in ("aux", "auxpass") or aux.i > verb.i:
            continue
        for child in aux.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not in_dateline(child):
                return with_conjuncts(child), child.dep_ == "nsubjpass" or aux.dep_ == "auxpass"
    return None


def subject_of(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Heads of a verb's subject, and whether it is a passive subject; borrowed from the governing verb for
    controlled and coordinated verbs ("Trump hoped to meet", "Kim ... and sent")."""
    undergoer = comma_participle_root(verb)
    if undergoer is not None:
        return with_conjuncts(undergoer), True  # "The farmer, shot in the leg, is recovering", "shot" parsed as verb
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "nsubjpass") and in_dateline(child):
            heads = _subject_heads(child)  # "MOSCOW (Reuters) - Russia accused": the next subject, else the apposition
            if heads and not any(c.dep_ in ("nsubj", "nsubjpass") and not in_dateline(c) for c in verb.children):
                return heads, child.dep_ == "nsubjpass"
            continue
        if child.dep_ in ("nsubj", "nsubjpass") and child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" \
                and verb.head.pos_ in ("NOUN", "PROPN"):
            # "militants who/that attacked": the relative pronoun stands for the noun the clause modifies
            return with_conjuncts(verb.head), child.dep_ == "nsubjpass"
        if child.dep_ in ("nsubj", "csubj"):
            # "hundreds wounded": a bare participle with no auxiliary and no object is passive
            reduced = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
            return with_conjuncts(child), reduced or _small_clause_participle(verb)
        if child.dep_ == "nsubjpass":
            return with_conjuncts(child), True
    hung = _subject_on_auxiliary(verb)
    if hung is not None:
        return hung
    if depth < 4 and verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ in ("VERB", "AUX"):
        # a participle clause shares its main clause's subject: "blocked roads, demanding reforms" (active);
        # "backed by Russia, the rebels ..." (passive: the subject undergoes it)
        subject, passive = subject_of(verb.head, depth + 1)
        if passive and verb.tag_ == "VBG":
            # "the camp was attacked by militiamen, killing 156": the attackers kill, not the camp attacked
            return [a for c in verb.head.children if c.dep_ == "agent" for a in _pobjs(c)], False
        return subject, passive or verb.tag_ == "VBN"
    if depth < 4 and verb.dep_ == "acomp" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head, depth + 1)  # "he is prepared to lift": the copula's subject
    if depth < 4 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and _gerund_governor(verb) is not None:
        # a gerund after a preposition of a verb: "resorted to throwing stones", "protested by blocking roads";
        # with an object, the object does it: "accused Moscow of targeting civilians"
        governor = _gerund_governor(verb)
        # but a gerund of time is the subject's: "ended the strike after concluding a pay deal"
        timed = verb.head.lower_ in ArgumentRules.default().separate_event_preps
        objects = children(governor, "dobj") if not timed else []
        return (with_conjuncts(objects[0]) if objects else subject_of(governor, depth + 1)[0]), False
    if interposed_participle(verb):
        return [verb.head], True  # "The protester, shot in the leg, is recovering": the noun undergoes it
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "agent" for c in verb.children) \
            and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.head.dep_ == "ROOT")):
        # a finite past verb parsed as a modifier of its subject ("..., a rights group protested"); in a sentence
        # whose root is a noun, a past participle too ("Youths resorted to ...")
        return with_conjuncts(verb.head), False
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head], False  # "protesters demanding reforms" (see _outer_subject when it names no actor)
    if depth < 4 and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and not to_infinitive(verb):
            return [], False
        # "to be arrested": the controlled subject undergoes a passive infinitive
        own_passive = verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children)
        rules = ArgumentRules.default()
        head_lemma = verb.head.lemma_.lower()
        if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and head_lemma in rules.object_control_verbs):
            objects = [o for o in verb.head.children if o.dep_ in ("dobj", "dative")]
            if objects:  # object control: "urged Venezuela to settle" -> Venezuela settles
                return with_conjuncts(objects[0]), own_passive
        if verb.dep_ in ("xcomp", "advcl") and head_lemma in rules.prepositional_control:
            objects = prep_objects(verb.head, rules.prepositional_control[head_lemma])
            if objects:  # "called on Chad to free the reporter" -> Chad frees
                return with_conjuncts(objects[0]), own_passive
        subject, passive = subject_of(verb.head, depth + 1)
        # "Trump is expected to attend": the raised subject of a passive governor does the controlled verb
        return subject, (passive and verb.dep_ == "conj") or own_passive
    verbless = _verbless_sentence_subject(verb)
    if verbless is not None:
        return with_conjuncts(verbless), False
    if counted_participle(verb):
        return [verb.head], True  # "three hostages released by Syria", "12 bombers downed": the noun undergoes it
    if reduced_relative(verb):
        return [verb.head], True  # "honoured a commando killed in the raid": the commando undergoes it
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head], False
    if depth < 4 and verb.dep_ == "acl" and any(c.lower_ == "to" for c in verb.children):
        # "showed willingness to restart talks": the subject of the verb the noun depends on
        noun = verb.head
        if noun.head.i != noun.i and noun.head.pos_ in ("VERB", "AUX"):
            return subject_of(noun.head, depth + 1)
    return [], False


def _small_clause_participle(verb: Token) -> bool:
    """A participle in the small clause of a verb like "see" or "have", which its subject undergoes: "saw President
    X impeached" (the tagger may read "impeached" as a past tense heading a clause of its own)."""
    return (verb.dep_ == "ccomp" and verb.tag_ in ("VBD", "VBN") and verb.head.i < verb.i
            and verb.head.lemma_.lower() in ArgumentRules.default().small_clause_verbs
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "mark") for c in verb.children))


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
    return root if any(children(v, "dobj", "dative") for v in verbs) else None


def _gerund_governor(gerund: Token) -> Token | None:
    """The verb a gerund's preposition depends on: "resorted [to throwing]", "are guilty [of violating]"
    (through the predicate adjective), or None."""
    governor = gerund.head.head
    if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
        governor = governor.head
    return governor if governor.pos_ in ("VERB", "AUX") else None


def _outer_subject(verb: Token) -> list[Token]:
    """For a participle on a noun ("a statement demanding ...", "aircraft carrying supplies"): the subject of the
    verb the noun depends on, the actor to use when the noun itself names none. None for a participle the noun
    undergoes ("the protester, shot in the leg, is recovering": the protester is the outer subject, and the victim)."""
    if interposed_participle(verb) or reduced_relative(verb):
        return []
    if verb.dep_ == "acl" and verb.head.head.i != verb.head.i and verb.head.head.pos_ in ("VERB", "AUX"):
        subject, passive = subject_of(verb.head.head)
        return [] if passive else subject
    return []


def subtree_without(token: Token, cut_deps: tuple[str, ...]) -> list[Token]:
    """The token's subtree less the subtrees of its dependents labelled ``cut_deps`` (clauses, conjuncts)."""
    out = [token]
    for child in token.children:
        if child.dep_ not in cut_deps:
            out.extend(subtree_without(child, cut_deps))
    return out


def _pobjs(prep: Token) -> list[Token]:
    out: list[Token] = []
    for obj in children(prep, "pobj"):
        out.extend(with_conjuncts(obj))
    return out


def prep_objects(token: Token, preps: frozenset[str] | tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for prep in children(token, "prep", "agent"):
        if prep.lower_ in preps:
            out.extend(_pobjs(prep))
    return out


def is_intent_head(verb: Token, lexicon: TriggerLexicon) -> str | None:
    """The intent lemma if ``verb`` expresses intent ("hoped", "plans", "is ready") to do its complement."""
    forms = _word_forms(verb)
    hit = forms & set(lexicon.intent_verbs)
    if hit:
        return sorted(hit)[0]
    return None


def phrase_head(noun: Token) -> Token:
    """The noun that stands for an event noun in its clause: "two days of drills" -> "days", "$5 million in aid"
    -> "million" (an amount of it)."""
    while noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "NUM", "SYM"):
        prep, owner = noun.head, noun.head.head
        amount = prep.lower_ == "in" and (owner.pos_ in ("NUM", "SYM") or any(c.dep_ == "nummod" for c in owner.children))
        if prep.lower_ != "of" and not amount:
            break
        noun = owner
    return noun


def is_support_noun(noun: Token, lexicon: TriggerLexicon) -> Token | None:
    """The support verb whose object names the event ("held talks", "made a trip", "imposed sanctions"), or whose
    object the event noun is conjoined to ("launched artillery and rocket fire")."""
    noun = phrase_head(noun)
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        if lexicon.supports(_verb_forms(noun.head), noun):
            return noun.head
    for clause in noun.children:  # "the sanctions (that) the US imposed on Iran": the noun is the verb's object
        if clause.dep_ == "relcl" and lexicon.supports(_verb_forms(clause), noun) \
                and not any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in clause.children) \
                and any(c.dep_ == "nsubj" for c in clause.children):
            return clause
    return None


def participation_verb(noun: Token, rules: ArgumentRules) -> Token | None:
    """The verb whose subject takes part in a noun event ("took part in talks", "attended the summit")."""
    noun = phrase_head(noun)
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


def cause_phrase(noun: Token, rules: ArgumentRules) -> bool:
    """"at the request of X", "at Germany's invitation": the noun says why the clause's act was done, not where."""
    return noun.dep_ == "pobj" and noun.head.lower_ in rules.venue_preps and one_of(noun, rules.cause_nouns)


def is_venue(noun: Token, rules: ArgumentRules) -> bool:
    """"on the sidelines of the summit": the summit is where another event happens."""
    if noun.dep_ != "pobj" or cause_phrase(noun, rules):
        return False
    prep = noun.head
    return prep.lower_ in rules.venue_preps or (prep.lower_ == "of" and prep.head.lower_ in rules.venue_heads)


def speaker_of(trigger: Token, rules: ArgumentRules, sent: Span) -> Token | None:
    """The subject of the reporting verb whose complement holds the trigger, the accuser of an alleged act
    ("Ghana accused Togo of shelling villages": Ghana says so), or the X of "according to X"."""
    accusation = alleging_word(trigger)
    if accusation is not None:
        verb = accusation if accusation.pos_ in ("VERB", "AUX") else accusation.head
        subject, passive = subject_of(verb)
        if subject and not passive:
            return subject[0]
    token = trigger
    inner: Token | None = None
    while token.head.i != token.i:
        head = token.head
        if token.dep_ in ("ccomp", "parataxis", "xcomp") and _word_forms(head) & rules.reporting_verbs:
            subject, passive = subject_of(head)
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


def left_modifiers(noun: Token) -> list[Token]:
    """Modifiers before a noun that may name its participants ("US sanctions", "Israeli strikes")."""
    return [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod") and c.i < noun.i]


def verb_arguments(mention: Mention, rules: ArgumentRules) -> None:
    if reduced_relative(mention.first) and not counted_participle(mention.first) \
            and not mention.cameo.startswith(tuple(rules.undergone_participle_codes)):
        return  # "the plan proposed by Japan": a description of the plan, no act of the story (no sides)
    verb, entry = mention.trigger, mention.entry
    # the subject of the intent word that leads the mention ("hoped" of "hoped to meet"); an intent noun has none
    # ("readiness to meet"): the verb's own, through its noun
    subject, passive = subject_of(mention.first if mention.first.pos_ != "NOUN" else verb)
    if mention.first.pos_ == "NOUN":  # "Uganda's offer to mediate", "a proposal from Uganda to reopen": the noun's
        own = children(mention.first, "poss") or prep_objects(mention.first, rules.agent_preps)  # own doer, not
        if own:  # the subject of the verb the noun hangs on ("Kenya accepted ...")
            subject, passive = own, False
    objects = [o for c in children(verb, "dobj") for o in with_conjuncts(c)]
    if not objects:  # "allowed the opposition leader to hold a rally", parsed as a clause under the verb
        objects = [o for c in raised_objects(verb) for o in with_conjuncts(c)]
    # "host a meeting between A and B", "condemned the fighting between A and B": the sides it is between (not
    # those of a place: "reopened the border crossing between Kenya and Somalia")
    objects = [p for o in objects for p in (prep_objects(o, rules.between_preps) if o.pos_ == "NOUN"
                                            and o.lemma_.lower() not in rules.between_places else []) or [o]]
    # "sent Ukraine arms" (a noun) or "sent arms to Ukraine" parsed as a dative preposition
    datives = [o for c in children(verb, "dative") for o in (_pobjs(c) if c.pos_ == "ADP" else [c])]
    agents = (prep_objects(verb, ("by",)) or _detached_agents(verb)) if passive else []
    if passive and not agents and verb.lower_ in rules.stative_participles:
        passive = False  # "Israel is opposed to the plan", "the government was committed to a deal": a stance held
    if passive:
        mention.actors = agents
        mention.recipients = subject
    else:
        mention.actors = subject
        if entry.objects and not entry.object_recipients:
            # "sent arms to X": the object is the thing moved; "sent Moscow arms": Moscow is the recipient
            if prep_objects(verb, ("with",)):  # "provided Egypt with aid": the object receives the "with" phrase
                mention.recipients.extend(objects)
            for obj in objects:
                if obj.pos_ == "PROPN":  # "left the European Union", "quit NATO": the body named is the recipient
                    mention.recipients.append(obj)
                    continue
                mention.recipients.extend(c for c in obj.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN")
                mention.recipients.extend(prep_objects(obj, entry.recipient_preps))
        elif verb.lemma_.lower() not in rules.topic_object_verbs and not _given_to(verb, rules):
            mention.recipients.extend(objects)  # not "discussed the deployment" (a topic), "offered troops to X"
        mention.recipients.extend(datives)
    mention.recipients.extend(prep_objects(verb, entry.recipient_preps))
    if not mention.recipients and entry.reciprocal and "with" in entry.recipient_preps:
        # "discussed trade with Macron": the parser hangs the partner on the topic
        mention.recipients.extend(o for obj in objects for o in prep_objects(obj, ("with",)))
    if not mention.recipients and not passive:
        mention.recipients.extend(_shared_recipients(verb, entry))
    if not mention.recipients:  # "threatened to attack Taiwan": the act's target is the threat's ("refused to allow
        for xcomp in children(verb, "xcomp"):  # UN planes to land": the object raised from the act's clause)
            mention.recipients.extend(o for c in children(xcomp, "dobj") or raised_objects(xcomp)
                                      for o in with_conjuncts(c))
    between = prep_objects(verb, _between_preps(entry, rules))
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
        mention.fallback_recipients.extend(o for r in mention.recipients for o in prep_objects(r, rules.occupant_preps))
        mention.fallback_recipients.extend(_purpose_objects(verb))
    if not passive:
        mention.fallback_recipients.extend(_answered_sides(mention, rules))
    mention.fallback_actors = _outer_subject(mention.first)
    if passive and not mention.actors:  # "Egypt's ambassador was recalled": by the country whose envoy it is
        mention.fallback_actors += [c for e in _recalled_envoys(verb, rules) for c in e.children if c.dep_ == "poss"]
    _commanded_restriction(mention, rules)


def _answered_sides(mention: Mention, rules: ArgumentRules) -> list[Token]:
    """Whom a yielding or refusing act answers when it names no recipient (``answered_types``): the doer of the
    pressure it withstood ("refused to resign despite pressure from parliament") or the other side of the talks
    it followed ("called off the strike after talks with the government")."""
    if mention.event_type.lower() not in rules.answered_types:
        return []
    out: list[Token] = []
    for word in {mention.first.i: mention.first, mention.trigger.i: mention.trigger}.values():
        for noun in prep_objects(word, rules.pressure_preps):
            if one_of(noun, rules.pressure_nouns):
                out += children(noun, "poss") + prep_objects(noun, rules.owner_preps)
        for noun in prep_objects(word, rules.counterpart_preps):
            if one_of(noun, rules.counterpart_nouns):
                out += prep_objects(noun, ("with",))
    return out


def _given_to(verb: Token, rules: ArgumentRules) -> bool:
    """Whether the verb's object is a thing given to the object of its "to" ("offered its troops to the AU",
    "promised support to Kyiv"): for verbs of giving (``giving_verbs``) the "to" phrase names the recipient."""
    return verb.lemma_.lower() in rules.giving_verbs and bool(prep_objects(verb, ("to",)))


def _shared_recipients(verb: Token, entry: TriggerEntry) -> list[Token]:
    """"donated and delivered medicine to a hospital": a verb with no complement of its own shares the recipient
    phrase of the verb coordinated right after it."""
    if any(c.dep_ in ("dobj", "dative", "prep", "agent", "ccomp", "xcomp") for c in verb.children):
        return []
    for conj in children(verb, "conj"):
        if conj.pos_ in ("VERB", "AUX") and not children(conj, "nsubj", "nsubjpass"):
            datives = [o for c in children(conj, "dative") for o in (_pobjs(c) if c.pos_ == "ADP" else [c])]
            return prep_objects(conj, entry.recipient_preps) + datives
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
    objects = [o for c in children(head, "dobj") for o in with_conjuncts(c)]
    if head.lemma_.lower() not in rules.command_verbs or not objects:
        return
    subject, passive = subject_of(head)
    mention.actors = [] if passive else subject
    mention.recipients = objects
    mention.fallback_actors = _outer_subject(head)


def _owners(noun: Token, rules: ArgumentRules) -> list[Token]:
    """Who a non-actor noun belongs to: "the Indian proposal", "Iran's plan", "the plan of Iran", "towns of X";
    no one for a relation ("Russia's allies" are others)."""
    if noun.lower_ in rules.relation_heads:
        return []
    out = [c for c in noun.children if c.dep_ == "poss"]
    out.extend(c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
               and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")))
    out.extend(prep_objects(noun, rules.owner_preps))
    for participle in children(noun, "acl"):  # "a truce plan put forward by X", "the proposal drafted by X"
        out.extend(prep_objects(participle, ("by",)))
    return out


def _fallback_targets(verb: Token, recipients: list[Token], rules: ArgumentRules) -> list[Token]:
    """Candidate recipients, in order, for when the direct ones name no actor (see Mention.fallback_recipients)."""
    out: list[Token] = []
    for noun in recipients:
        out.extend(_owners(noun, rules))
    verbs = [verb]
    for _ in range(3):  # "agreed to resume deliveries to X", "threatened to try to cut ties with X"
        nxt = [c for c in children(verbs[-1], "xcomp") if c.pos_ in ("VERB", "AUX")]
        if not nxt:
            break
        verbs.append(nxt[0])
    for index, current in enumerate(verbs):
        objects = [o for c in children(current, "dobj") for o in with_conjuncts(c)] \
            if current.lemma_.lower() not in rules.topic_object_verbs else []  # a topic's parties are not the event's
        if index:  # a controlled verb's object is a target of the whole act
            out.extend(objects)
        for obj in objects:
            targets = prep_objects(obj, rules.target_preps)
            out.extend(targets)
            out.extend(_owners(obj, rules))  # "rejected the Indian proposal": the proposal's owner
        out.extend(prep_objects(current, rules.target_preps))
    for noun in list(out):
        if noun.pos_ == "NOUN":
            out.extend(_owners(noun, rules))
    return out


def _recalled_envoys(verb: Token, rules: ArgumentRules) -> list[Token]:
    """The envoys an act calls home or withdraws ("recalled its ambassador", "Egypt's envoy was recalled"): envoy
    nouns as object or passive subject of envoy_recall_verbs; [] for any other act."""
    if verb.lemma_.lower() not in rules.envoy_recall_verbs:
        return []
    return [n for n in children(verb, "dobj", "nsubjpass")
            if one_of(n, rules.envoy_nouns)]


def _envoy_post_countries(verb: Token, envoys: list[Token], rules: ArgumentRules) -> list[Token]:
    """Where a recalled envoy was posted ("its ambassador to Qatar", "recalled its envoy from Doha"): the
    recipient of the recall; the envoy's owner is the one recalling, so it is never one."""
    out = [o for r in envoys for o in prep_objects(r, rules.envoy_post_preps)]
    return out + prep_objects(verb, rules.envoy_post_preps)


def _purpose_objects(verb: Token) -> list[Token]:
    """Objects of a purpose clause of the act ("opened fire to disperse the demonstrators": they were fired on)."""
    purposes = [c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > verb.i
                and to_infinitive(c)]
    return [o for p in purposes for c in children(p, "dobj") for o in with_conjuncts(c)]


def _object_targets(noun: Token, rules: ArgumentRules) -> list[Token]:
    """Target phrases on what an event noun acts on, its "of" phrase: "a suspension of flights with X", "a halt of
    arms deliveries to X" (the flights and deliveries are no one; the one they go to or are shared with is)."""
    return [t for o in prep_objects(noun, ("of",)) if o.pos_ == "NOUN" for t in prep_objects(o, rules.target_preps)]


def area_places(mention: Mention, rules: ArgumentRules) -> list[Token]:
    """Objects of the locative phrases ("in X", "across X") of an area-wide act: on the trigger, the words between it
    and its clause's verb ("declared a state of siege in X") and that verb's objects ("imposed a curfew in X")."""
    words = [mention.trigger]
    while words[-1].i != words[-1].head.i and words[-1] is not mention.clause and len(words) < 6:
        words.append(words[-1].head)
        if words[-1].pos_ in ("VERB", "AUX"):
            break
    words.extend(o for w in list(words) if w.pos_ in ("VERB", "AUX") for o in children(w, "dobj"))
    return [o for w in dict.fromkeys(words) for o in prep_objects(w, rules.area_preps)]


def _between_preps(entry: TriggerEntry, rules: ArgumentRules) -> frozenset[str]:
    """Prepositions naming both sides of the event: "a meeting between A and B"; not where a one-sided entry takes
    them for its recipients ("mediated between A and B": the mediator acts on A and B)."""
    if entry.reciprocal:
        return rules.between_preps
    return rules.between_preps - frozenset(entry.recipient_preps)


def container_head(noun: Token, lexicon: TriggerLexicon) -> Token | None:
    """The container noun an event noun modifies ("a mediation effort", "an aid convoy"), which carries the
    event's arguments; None when the noun is no modifier of one."""
    head = noun.head
    if noun.dep_ == "compound" and head.i != noun.i and head.lemma_.lower() in lexicon.compound_heads:
        return head
    return None


def noun_arguments(mention: Mention, lexicon: TriggerLexicon, rules: ArgumentRules) -> None:
    noun, entry = mention.trigger, mention.entry
    container = container_head(noun, lexicon)
    if container is not None:  # "launched a mediation effort between A and B": the arguments hang on "effort"
        noun = container
        mention.last = container if container.i > mention.last.i else mention.last
    # "Russia's invasion": the doer; "his arrest": the one it was done to (but "Israel's arrest of X": the doer)
    owners = children(noun, "poss")
    patient_noun = one_of(noun, rules.patient_possessive_nouns)
    patient = patient_noun and not prep_objects(noun, ("of",))
    (mention.recipients if patient else mention.actors).extend(owners)
    cause = cause_phrase(noun, rules)
    if cause:
        # "France intervened at the request of Mali": Mali asked, France (the clause's doer) was asked
        mention.actors.extend(prep_objects(noun, ("of",)))
        mention.fallback_recipients.extend(_clause_doers(clause_verb(noun)))
    departure = (entry.mode or "") in rules.departure_modes
    # "a demand from X" names the demander, but "a withdrawal from Syria" the place left, and "of" who leaves
    mention.actors.extend(prep_objects(noun, rules.agent_preps - {"from"} if departure else rules.agent_preps))
    moved = departure or (entry.mode or "") in rules.moved_of_modes
    moved_things: list[Token] = []  # "the withdrawal of some forces": what is moved, standing for its owner
    if moved and not mention.actors:
        # "the withdrawal of Russian troops", "the deployment of US missiles": the forces moved stand for the doer
        moved_things = prep_objects(noun, ("of",))
        mention.actors.extend(_moved_doers(moved_things, departure and bool(prep_objects(noun, ("from",)))))
    mention.recipients.extend(prep_objects(noun, entry.recipient_preps))
    if departure and not mention.recipients:  # "the withdrawal of some forces from X": X is the place left
        mention.recipients.extend(o for m in moved_things for o in prep_objects(m, ("from",)))
    if (mention.actors or patient_noun) and "of" not in entry.recipient_preps and not moved and not cause:
        # "Russia's invasion of Ukraine"; "the murder of the leader's brother": a patient noun's "of" is its patient
        mention.recipients.extend(prep_objects(noun, ("of",)))
    between = prep_objects(noun, _between_preps(entry, rules))
    if between:
        mention.participants = between
    mention.modifiers.extend(m for m in left_modifiers(noun) if m.pos_ in ("PROPN", "ADJ", "NOUN"))
    if entry.reciprocal and not mention.recipients and not between:
        # "talks in the two-plus-two format with Japan", "talks in Geneva with Iran": "with" hung on the post-modifier
        mention.recipients.extend(o for p in children(noun, "prep") if p.lower_ not in ("with", "between")
                                  for t in _pobjs(p) for o in prep_objects(t, ("with",)))
    mention.fallback_recipients = mention.fallback_recipients + \
        [o for r in mention.recipients for o in _owners(r, rules)] + \
        prep_objects(noun, rules.target_preps - {"with"}) + _object_targets(noun, rules)
    support = is_support_noun(noun, lexicon)
    governor = support or participation_verb(noun, rules) or entry_governor(noun, entry)
    if cause:
        governor = None  # "entered Mali at the request of X": the request is no part of the entering
    if governor is not None:
        mention.clause = governor
        if moved_things and not any(_owned(m) for m in moved_things):
            # "Kenya accelerated the withdrawal of a few units": whose forces the words do not say, the one who
            # carries the withdrawal out does
            mention.actors = []
        # "sought to end the unrest": who ends an event did it only when it is theirs ("ended its strike")
        ended_by_other = support is not None and support.lemma_.lower() in rules.ending_verbs and \
            not any(c.lower_ in rules.bound_possessives for c in children(noun, "poss"))
        if not mention.actors and not ended_by_other:
            mention.actors, passive = subject_of(governor)
            if passive and not _word_forms(governor) & rules.passive_participation_verbs:
                # "talks were held": no one named, but "a blockade was imposed by X" names X; "were engaged in"
                # names the doers
                mention.actors = _agents(governor)
            # "were imposed by orders of X": the owner of a thing that acts stands for the doer
            mention.fallback_actors = [o for a in mention.actors if a.pos_ == "NOUN" for o in _owners(a, rules)] + \
                _outer_subject(governor)
        if not mention.recipients:
            mention.recipients.extend(prep_objects(governor, entry.recipient_preps))
        if not mention.recipients and noun.dep_ == "pobj" and noun.head.head.i == governor.i:
            mention.recipients.extend(_held(governor))
        # "imposed a ban on X"; but "came to Geneva for talks": where a participant went, not whom the talks face
        preps = rules.target_preps - ({"with"} if support is not None else {"with", "to"})
        mention.fallback_recipients.extend(prep_objects(governor, preps))
        if mention.event_type.lower() in rules.place_recipient_types:  # "opened fire to disperse the crowd"
            mention.fallback_recipients.extend(_purpose_objects(governor))
    mention.fallback_recipients.extend(
        o for t in list(mention.fallback_recipients) if t.pos_ == "NOUN" for o in _owners(t, rules))
    if entry.reciprocal and mention.event_type.lower() in rules.sequence_types and mention.recipients \
            and not mention.actors and not between:
        # "Lavrov said after talks with Japan": who speaks or acts after a meeting with X held it (a meeting: a visit
        # "to" a place is no side's, "spoke during a visit to the museum")
        mention.fallback_actors = mention.fallback_actors + sequence_subjects(noun, rules)
    _noun_agent_participle(mention, noun, lexicon)
    _undergone(mention, noun, rules)
    _doer_with_hung_target(mention, noun, entry)
    mention.anaphoric = _anaphoric(noun, rules)


def _held(governor: Token) -> list[Token]:
    """Whom a verb puts into the state its prepositional noun names ("placed the editor under house arrest", "the
    editor was taken into custody"): its object, or the subject of its passive."""
    objects = children(governor, "dobj")
    if objects:
        return with_conjuncts(objects[0])
    subject, passive = subject_of(governor)
    return subject if passive else []


def _clause_doers(verb: Token) -> list[Token]:
    """Who does a verb's act: its subject, or the "by" agent of a passive; none when ``verb`` is no verb."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subject, passive = subject_of(verb)
    return _agents(verb) if passive else subject


def sequence_subjects(noun: Token, rules: ArgumentRules) -> list[Token]:
    """The doers of the verb a meeting noun is dated by ("told reporters after talks with X", "flew home following a
    meeting with X"): the meeting's other side. None for other phrases."""
    noun = phrase_head(noun)
    if noun.dep_ != "pobj" or noun.head.lower_ not in rules.sequence_preps:
        return []
    return _clause_doers(noun.head.head)


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
    subject, passive = subject_of(verb)
    if passive or not subject:
        return
    taken = {t.i for t in subject}
    mention.actors = [a for a in mention.actors if a.i not in taken]
    mention.fallback_actors = [a for a in mention.fallback_actors if a.i not in taken]
    if not mention.actors:
        mention.actors = prep_objects(verb, rules.agent_preps)
    mention.recipients = subject + [r for r in mention.recipients if r.i not in taken]


def _doer_with_hung_target(mention: Mention, noun: Token, entry: TriggerEntry) -> None:
    """"sanctions of the Security Council against X": the parser hangs the target on the "of" phrase, which is then
    the doer (a patient's "of" phrase carries no target of the act)."""
    if mention.actors or mention.recipients or not entry.recipient_preps:
        return
    for owner in prep_objects(noun, ("of",)):
        targets = prep_objects(owner, entry.recipient_preps)
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
        leaving = place_left or bool(prep_objects(thing, ("from",)))
        if not leaving:
            out.append(thing)
        elif _owned(thing):
            out.extend(children(thing, "poss") or [thing])
    return out


def _owned(thing: Token) -> bool:
    """Whether a noun's own words name its owner: a name ("Hamas fighters"), a nationality ("Russian troops"), a
    possessor ("its troops", "Russia's forces"), or itself a name."""
    return thing.pos_ == "PROPN" or bool(children(thing, "poss")) or any(
        m.pos_ == "PROPN" or m.ent_type_ in ("NORP", "GPE", "ORG") for m in left_modifiers(thing))


def _noun_agent_participle(mention: Mention, noun: Token, lexicon: TriggerLexicon) -> None:
    """"a blockade imposed by nationalists", "an attack carried out by the group": the agent of a support verb's
    participle is the noun event's doer when its own phrase names none ("an approval recorded by a pollster",
    "pleas for help ignored by X" name no doer)."""
    if mention.actors:
        return
    for participle in children(noun, "acl"):
        if participle.tag_ == "VBN" and lexicon.supports(_verb_forms(participle), noun):
            mention.actors.extend(_agents(participle))


def _agents(verb: Token) -> list[Token]:
    """The heads of a passive verb's "by" phrase."""
    return [c for agent in children(verb, "agent") for c in agent.children if c.dep_ == "pobj"]


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


def entry_governor(noun: Token, entry: TriggerEntry) -> Token | None:
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


def clause_verb(token: Token) -> Token:
    """The verb of the clause a token belongs to (a noun's governing verb, or the token itself if a verb)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def plover_type(cameo: str) -> str | None:
    """The PLOVER type of a CAMEO code a rule refined ("036" -> AGREE): the ontology decides, not the entry."""
    return Ontology.default().plover_type(cameo)


def marked_clauses(word: Token, deps: tuple[str, ...], marks: frozenset[str]) -> list[Token]:
    """The clauses ``word`` governs under ``deps`` that open with one of ``marks`` ("that", "unless", "if")."""
    return [clause for clause in children(word, *deps)
            if any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)]
