"""An event mention's status: asserted, negated, hypothetical, future or alleged.

The cues (data/status.yaml) are read on the trigger and on the words that govern it inside its own clause: a
noun trigger's verb ("such talks *could take place*"), a verb's auxiliaries ("*will* visit"), governing verbs
("is *expected* to attend"), negation ("did *not* meet", "*no* talks") and negated possibility ("*cannot be ruled
out*"). The walk stops at a clause boundary so that a reporting verb's own tense never leaks into the report.
An act told as the content of an accusation ("accused Togo of *shelling* villages", "blamed the rebels for the
*bombing*") is ``alleged``: the accuser says so; the story does not.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from whodid.model import STATUSES
from whodid.resources import load_yaml

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE, ALLEGED = STATUSES

_CUE_DEPS = {"aux", "auxpass", "neg", "det", "amod", "advmod", "mark", "prt", "nummod", "acomp"}
_REPORTING_LEMMAS = {"say", "tell", "announce", "report", "add", "state", "claim", "insist", "note"}


@dataclass(frozen=True)
class StatusCues:
    negation: frozenset[str]
    negating_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_words: frozenset[str]
    conditional_marks: frozenset[str]
    negated_possibility: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    circumstantial_preps: frozenset[str]
    clause_boundaries: frozenset[str]
    topic_preps: frozenset[str]
    topic_heads: frozenset[str]
    topic_object_heads: frozenset[str]
    alleging_words: frozenset[str]
    allegation_deps: frozenset[str]
    alleging_modifiers: frozenset[str]
    negating_phrasal_verbs: frozenset[str]
    consequence_verbs: frozenset[str]
    judging_verbs: frozenset[str]
    anticipating_phrases: frozenset[str]
    verb_only_alleging_words: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "StatusCues":
        raw = load_yaml("status.yaml")
        # dependency labels keep their case ("ROOT"); words are lowercased
        return cls(**{name: frozenset(str(w) if name == "clause_boundaries" else str(w).lower() for w in raw[name])
                      for name in cls.__dataclass_fields__})


def governing_chain(trigger: Token, boundaries: frozenset[str] | None = None) -> list[Token]:
    """The trigger and the words above it in its own clause (a noun's verb, a verb's governing verbs); the walk
    also stops under a preposition of circumstance ("with backing from X, ...")."""
    cues = StatusCues.default()
    boundaries = cues.clause_boundaries if boundaries is None else boundaries
    chain = [trigger]
    token = trigger
    while token.dep_ not in boundaries and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in cues.circumstantial_preps:
            break
        token = token.head
        chain.append(token)
    return chain


def _own_clause(trigger: Token, chain: list[Token], cues: StatusCues) -> list[Token]:
    """The chain cut at the trigger when the verb above it only tells what the event did or how it is judged: an
    event noun subject of a verb of consequence ("the deployment *may result* in risks") or the object of a verb
    of judgement with an "as" phrase or predicate ("*considers* the deployment as a threat")."""
    if len(chain) < 2 or trigger.pos_ not in ("NOUN", "PROPN"):
        return chain
    verb = chain[1]
    lemma = verb.lemma_.lower()
    if trigger.dep_ in ("nsubj", "nsubjpass") and lemma in cues.consequence_verbs:
        return chain[:1]
    if _judged(trigger, cues):
        return chain[:1]
    return chain


def _judged(noun: Token, cues: StatusCues) -> bool:
    """An event noun judged by its verb: "considers the deployment as a threat", "sees the sanctions as unjust",
    "the sanctions should be viewed as an impetus"."""
    verb = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in cues.judging_verbs and any(
        (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "oprd" for c in (*verb.children, *noun.children))


def _anticipated(trigger: Token, cues: StatusCues) -> bool:
    """An event noun after a phrase that puts it ahead ("in the lead-up to his meetings", "ahead of the forum"), with
    only its own noun phrase between them, in a clause not told in the simple past."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    words = [t.lower_ for t in trigger.doc[trigger.sent.start:trigger.i]]
    for phrase in cues.anticipating_phrases:
        parts = phrase.split()
        for start in range(len(words) - len(parts), -1, -1):
            if words[start:start + len(parts)] == parts:
                first = trigger.doc[trigger.sent.start + start]
                between = trigger.doc[first.i + len(parts):trigger.i]
                if any(t.pos_ in ("VERB", "AUX") for t in between):
                    break
                verb = first
                while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                    verb = verb.head
                return verb.tag_ != "VBD"
    return False


def _cue_words(chain: list[Token]) -> list[Token]:
    """Tokens that may carry a status cue: the chain itself and its modifier children."""
    words: list[Token] = []
    for token in chain:
        words.append(token)
        words.extend(child for child in token.children if child.dep_ in _CUE_DEPS)
    return words


def _is_reported(chain: list[Token]) -> bool:
    """Whether the clause is the complement of a reporting verb ("said it would ...")."""
    top = chain[-1]
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in _REPORTING_LEMMAS


def _is_topic(trigger: Token, cues: StatusCues) -> bool:
    """An event noun (or one coordinated with it) in an "over"/"about" phrase of a dispute or of talks that
    failed: the matter at stake ("collapsed over sanctions relief and nuclear concessions"); or the object of a
    verb of talking it over ("discussed sanctions against Iran")."""
    noun = trigger
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.pos_ == "NOUN" and noun.dep_ == "dobj" and prep.lemma_.lower() in cues.topic_object_heads:
        return not _judged(noun, cues)
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj" or prep.lower_ not in cues.topic_preps:
        return False
    return prep.head.lemma_.lower() in cues.topic_heads or prep.head.lower_ in cues.topic_heads


def _object_negated(trigger: Token, cues: StatusCues) -> bool:
    """A verb whose direct object is determined by a negation: "gave no support", "made no concessions", "offered no
    aid" tell that the act was not done."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    return any(det.dep_ == "det" and det.lower_ in cues.negation
               for obj in trigger.children if obj.dep_ == "dobj" for det in obj.children)


def _phrasal(token: Token) -> str:
    """The verb with its particle ("call off"), or the bare lemma."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{token.lemma_.lower()} {particle}" if particle else token.lemma_.lower()


def alleging_word(trigger: Token, cues: StatusCues | None = None) -> Token | None:
    """The accusation whose content the trigger names ("accused X of [shelling]", "blamed X for the [bombing]",
    "allegations that X [armed] the rebels"), walking up through complements and prepositions only."""
    cues = cues or StatusCues.default()
    token = trigger
    while token.dep_ in cues.allegation_deps and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in cues.verb_only_alleging_words and token.pos_ not in ("VERB", "AUX"):
            continue  # "a suspect detained in connection with the murder": a detainee, no allegation
        if token.lemma_.lower() in cues.alleging_words:
            return token
    return None


def event_status(trigger: Token, cues: StatusCues | None = None) -> str:
    """asserted, negated, hypothetical, future or alleged for the event named by ``trigger``."""
    cues = cues or StatusCues.default()
    chain = _own_clause(trigger, governing_chain(trigger, cues.clause_boundaries), cues)
    words = _cue_words(chain)
    lemmas = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
    negated = any(w.dep_ == "neg" or w.lower_ in cues.negation for w in words if w.i != trigger.i) \
        or _object_negated(trigger, cues)

    if negated and any(t.lemma_.lower() in cues.negated_possibility for t in chain):
        return HYPOTHETICAL  # "cannot be ruled out"
    if _is_topic(trigger, cues):
        return HYPOTHETICAL  # "talks collapsed over concessions": what was at stake, not what was done
    if lemmas & cues.conditional_marks and any(w.dep_ == "mark" for w in words):
        return HYPOTHETICAL
    if negated or any(t.lemma_.lower() in cues.negating_verbs or _phrasal(t) in cues.negating_phrasal_verbs
                      for t in chain[1:]):
        return NEGATED
    if alleging_word(trigger, cues) is not None or any(w.lower_ in cues.alleging_modifiers for w in words):
        return ALLEGED
    modal = {w.lower_ for w in words if w.dep_ in ("aux", "auxpass")}
    if modal & cues.future_aux:
        return FUTURE
    if modal & cues.hypothetical_aux:
        return FUTURE if "would" in modal and _is_reported(chain) else HYPOTHETICAL
    if any(w.lower_ in cues.hypothetical_words for w in words if w.i != trigger.i):
        return HYPOTHETICAL
    if any(t.lemma_.lower() in cues.future_governors or t.lower_ in cues.future_governors for t in words[1:]):
        return FUTURE
    if _anticipated(trigger, cues):
        return FUTURE
    return ASSERTED
