"""An event mention's status: asserted, negated, hypothetical, future or alleged.

The cues (data/status.yaml) are read on the trigger and on the words that govern it inside its own clause: a
noun trigger's verb ("such talks *could take place*"), a verb's auxiliaries ("*will* visit"), governing verbs
("is *expected* to attend"), negation ("did *not* meet", "*no* talks") and negated possibility ("*cannot be ruled
out*"). The walk stops at a clause boundary so that a reporting verb's own tense never leaks into the report.
An act told as the content of an accusation ("accused Togo of *shelling* villages", "blamed the rebels for the
*bombing*") is ``alleged``: the accuser says so; the story does not, and so are the acts coordinated with it ("of
violating rights, *ignoring* the law"). An act told as what a directive asks for ("demanded that X *withdraw*",
"urged X to *free* the prisoners", "its demand that X *ease* the restrictions") is ``hypothetical``: it has not
happened; the directive is the event.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

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
    future_copulas: frozenset[str]
    purpose_nouns: frozenset[str]
    circumstantial_preps: frozenset[str]
    clause_boundaries: frozenset[str]
    topic_preps: frozenset[str]
    topic_heads: frozenset[str]
    topic_object_heads: frozenset[str]
    alleging_words: frozenset[str]
    allegation_deps: frozenset[str]
    alleging_modifiers: frozenset[str]
    negating_phrasal_verbs: frozenset[str]
    pending_adverbs: frozenset[str]
    capacity_nouns: frozenset[str]
    directive_verbs: dict[str, frozenset[str]]  # word -> the complements that carry what it asks for
    directive_nouns: dict[str, frozenset[str]]
    subjunctive_directives: frozenset[str]
    non_directive_modifiers: frozenset[str]
    directive_clause_marks: frozenset[str]
    means_preps: frozenset[str]
    presupposing_verbs: frozenset[str]
    consequence_verbs: frozenset[str]
    judging_verbs: frozenset[str]
    anticipating_phrases: frozenset[str]
    verb_only_alleging_words: frozenset[str]
    averting_verbs: frozenset[str]
    capacity_adjectives: frozenset[str]
    pending_marks: frozenset[str]
    aiming_words: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "StatusCues":
        raw = load_yaml("status.yaml")
        fields = {}
        for name in cls.__dataclass_fields__:
            value = raw[name]
            if isinstance(value, dict):  # word -> kinds
                fields[name] = {str(k).lower(): frozenset(str(v).lower() for v in kinds) for k, kinds in value.items()}
            else:  # dependency labels keep their case ("ROOT"); words are lowercased
                fields[name] = frozenset(str(w) if name == "clause_boundaries" else str(w).lower() for w in value)
        return cls(**fields)


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
    subject = _subject_phrase_head(chain)
    if subject is not None and chain[subject + 1].lemma_.lower() in cues.consequence_verbs:
        return chain[:subject + 1]  # "the raids may mark", "the number of attacks could indicate"
    if _judged(trigger, cues):
        return chain[:1]
    return chain


def _subject_phrase_head(chain: list[Token]) -> int | None:
    """Where an event noun's chain reaches its verb's subject, when the noun is that subject or sits in its "of"
    phrase ("the attacks", "the number of attacks", "a wave of strikes"); None when it is neither."""
    for k, token in enumerate(chain[:-1]):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return k
        if not (token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj") and not (
                token.dep_ == "prep" and token.lower_ == "of"):
            return None
    return None


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
    return words + _shared_marks(chain[-1])


def _shared_marks(top: Token) -> list[Token]:
    """The subordinator of the clause a coordinated clause joins, when it has none of its own: "until the crisis is
    addressed and the budget [is agreed]", "if Iran attacks and Israel [responds]"."""
    marks: list[Token] = []
    while top.dep_ == "conj" and top.head.i != top.i and not any(c.dep_ == "mark" for c in top.children):
        top = top.head
        marks.extend(c for c in top.children if c.dep_ == "mark")
    return marks


def _is_reported(chain: list[Token]) -> bool:
    """Whether the clause is the complement of a reporting verb ("said it would ...")."""
    top = chain[-1]
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in _REPORTING_LEMMAS


def _is_topic(trigger: Token, cues: StatusCues) -> bool:
    """An event noun or gerund (or one coordinated with it) in an "over"/"about"/"on" phrase of a dispute or of
    talks: the matter at stake ("collapsed over sanctions relief and nuclear concessions", "resumed negotiations on a
    withdrawal", "talks on lifting the embargo"); or the object of a verb of talking it over ("discussed sanctions
    against Iran")."""
    noun = trigger
    while noun.dep_ in ("conj", "compound") and noun.head.i != noun.i:
        noun = noun.head  # "a deportation deal": the deal's place is the deportation's
    prep = noun.head
    if noun.pos_ == "NOUN" and noun.dep_ == "dobj" and prep.lemma_.lower() in cues.topic_object_heads:
        return not _judged(noun, cues)
    topical = (noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj") or (noun.pos_ == "VERB" and noun.dep_ == "pcomp")
    if not topical or prep.lower_ not in cues.topic_preps:
        return False
    return _topic_word(prep.head, cues) or (prep.head.pos_ == "VERB" and any(
        obj.dep_ == "dobj" and _topic_word(obj, cues) for obj in prep.head.children))  # "resumed talks on X"


def _topic_word(word: Token, cues: StatusCues) -> bool:
    return word.lemma_.lower() in cues.topic_heads or word.lower_ in cues.topic_heads


def _object_negated(trigger: Token, cues: StatusCues) -> bool:
    """A verb whose direct object is determined by a negation: "gave no support", "made no concessions", "offered no
    aid" tell that the act was not done."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    return any(det.dep_ == "det" and det.lower_ in cues.negation
               for obj in trigger.children if obj.dep_ == "dobj" for det in obj.children)


def _pending(chain: list[Token], cues: StatusCues) -> bool:
    """An act in the to-infinitive of a verb with a pending adverb ("her office has yet to agree", "is yet to
    sign"): not done so far."""
    return any(lower.dep_ == "xcomp" and to_infinitive(lower)
               and any(c.dep_ == "advmod" and c.lower_ in cues.pending_adverbs for c in upper.children)
               for lower, upper in zip(chain, chain[1:]))


def _arranged(chain: list[Token], cues: StatusCues) -> bool:
    """An act in the to-infinitive right under a verb of arrangement whose subject is the doer ("the president is to
    meet X", "were to sign the deal"; not an aim: "the goal is to meet"): to come."""
    return any(lower.dep_ == "xcomp" and to_infinitive(lower) and upper.lemma_.lower() in cues.future_copulas
               and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() not in cues.purpose_nouns
                       for c in upper.children)
               for lower, upper in zip(chain, chain[1:]))


def _capacity(trigger: Token, cues: StatusCues) -> str | None:
    """The status of an act in the to-infinitive of a capacity noun: possible ("have the right to withdraw", "a
    chance to meet"), or denied when the noun is ("no right to demand"); None for other acts."""
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" and trigger.head.pos_ in ("VERB", "AUX"):
        verb = trigger.head  # "an invitation to attend [the summit]", "the right to hold [talks]": the noun's verb
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "the right to meet and negotiate", "the power to try to stop"
    noun = verb.head
    # "the right for landlords to ban posters": the infinitive with its own subject hangs on the noun as a clause
    on_noun = verb.dep_ == "acl" or (verb.dep_ == "advcl" and noun.pos_ == "NOUN")
    if not on_noun or noun.i == verb.i or not to_infinitive(verb):
        return None
    if noun.lemma_.lower() not in cues.capacity_nouns and noun.lower_ not in cues.capacity_nouns:
        return None
    denied = any(c.dep_ in ("det", "neg") and c.lower_ in cues.negation for c in noun.children)
    return NEGATED if denied else HYPOTHETICAL


# Steps from a word up to the verb or adjective whose complement it names ("prevent [a war]", "capable of [launching]
# attacks]"): objects, prepositional phrases and gerunds, infinitives and coordinated objects.
_COMPLEMENT_DEPS = frozenset({"dobj", "pobj", "pcomp", "prep", "xcomp", "conj", "nsubjpass"})


def _complement_heads(trigger: Token, cues: StatusCues) -> Iterator[Token]:
    """The words above ``trigger`` whose complement it is part of, nearest first, while the path stays inside
    complements (an object, a preposition's phrase, a gerund or infinitive)."""
    token = trigger
    while (token.dep_ in _COMPLEMENT_DEPS or _noun_infinitive(token)) and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in cues.circumstantial_preps:
            return  # "to forestall violence after a week of unrest": the unrest is a given
        if token.i != trigger.i and token.lemma_.lower() in cues.presupposing_verbs:
            return  # "efforts to end the fighting": the fighting goes on
        token = token.head
        yield token


def _noun_infinitive(verb: Token) -> bool:
    """A to-infinitive completing a noun ("efforts to forge a settlement", "their bid to overthrow the government")."""
    return verb.dep_ == "acl" and to_infinitive(verb)


def _averted(trigger: Token, cues: StatusCues) -> str | None:
    """The status of an act named as what is warded off or wished for ("to prevent a civil war", "advocates the
    overthrow of the government", "hackers capable of launching attacks"): hypothetical; asserted where the warding
    off is itself negated or failed ("failed to prevent the bombing"); None for other acts."""
    for head in _complement_heads(trigger, cues):
        if head.pos_ == "ADJ" and head.lemma_.lower() in cues.capacity_adjectives:
            return HYPOTHETICAL
        if head.lemma_.lower() in cues.aiming_words:
            return HYPOTHETICAL  # "efforts for settling the conflict": striven for
        if head.pos_ in ("VERB", "AUX") and (head.lemma_.lower() in cues.averting_verbs
                                           or _phrasal(head) in cues.averting_verbs):
            return ASSERTED if event_status(head, cues) == NEGATED else HYPOTHETICAL
    return None


def _pending_limit(words: list[Token], cues: StatusCues) -> bool:
    """A clause of a time limit told in the present ("until their demands are met", "till the talks end"): it has
    not happened yet."""
    for mark in words:
        if mark.dep_ == "mark" and mark.lower_ in cues.pending_marks:
            verb = mark.head
            if verb.tag_ in ("VBP", "VBZ") or any(
                    c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in verb.children):
                return True
    return False


def _phrasal(token: Token) -> str:
    """The verb with its particle ("call off"), or the bare lemma."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{token.lemma_.lower()} {particle}" if particle else token.lemma_.lower()


def alleging_word(trigger: Token, cues: StatusCues | None = None) -> Token | None:
    """The accusation whose content the trigger names ("accused X of [shelling]", "blamed X for the [bombing]",
    "allegations that X [armed] the rebels"), walking up through complements and prepositions only, and from a
    conjunct to the act it is coordinated with ("of violating rights and [ignoring] the law"; not from a conjunct
    of the accusation itself: "accused X of shelling and [withdrew]")."""
    cues = cues or StatusCues.default()
    token = trigger
    while token.head.i != token.i:
        if _gerund_continuation(token, cues):
            return token.head  # "accused X of violating rights, [ignoring] the law": a misparsed conjunct
        if token.dep_ not in cues.allegation_deps and (token.dep_ != "conj" or not same_verb_form(token, token.head)):
            return None
        came_by = token.dep_
        token = token.head
        if token.lemma_.lower() in cues.verb_only_alleging_words and token.pos_ not in ("VERB", "AUX"):
            continue  # "a suspect detained in connection with the murder": a detainee, no allegation
        if token.lemma_.lower() in cues.alleging_words and came_by != "conj":
            return token
    return None


def same_verb_form(conjunct: Token, head: Token) -> bool:
    """Whether a conjunct shares its head's verb form, as coordinated parts of one clause do ("of shelling villages
    and looting homes", "to release ... and to end ..."); "accused X of shelling villages and recalled its envoy":
    a new clause of the subject's. Words other than verbs always do."""
    if conjunct.pos_ not in ("VERB", "AUX") or head.pos_ not in ("VERB", "AUX"):
        return True
    base = {"VB", "VBP"}  # the bare form and the present are often confused by the tagger
    return conjunct.tag_ == head.tag_ or (conjunct.tag_ in base and head.tag_ in base)


def _gerund_continuation(token: Token, cues: StatusCues) -> bool:
    """Whether an -ing clause with no subject of its own, after an accusation's "of/for/with [doing]" complement,
    continues that complement ("accused X of violating rights, ignoring the law": parsed as a clause of "accused")."""
    head = token.head
    if token.dep_ != "advcl" or token.tag_ != "VBG" or head.lemma_.lower() not in cues.alleging_words:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children):
        return False
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" and c.i < token.i
               for prep in head.children if prep.dep_ == "prep" and prep.i < token.i for c in prep.children)


# -- directives --------------------------------------------------------------------------------------------------

def to_infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _content_step(token: Token, cues: StatusCues) -> tuple[Token, str] | None:
    """One step up from ``token`` to the word whose complement it is, with the kind of complement: "that" (a finite
    clause), "inf" (an infinitive), "object" (a direct object), a preposition's word ("for", "on": its object or
    clause), "conj" (a conjunct), "means" (an -ing clause of means_preps: "by releasing"), "clause" (a clause of
    directive_clause_marks); None for any other link."""
    head, dep = token.head, token.dep_
    if head.i == token.i:
        return None
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    if dep == "pcomp" and token.tag_ == "VBG" and head.lower_ in cues.means_preps and head.head.i != head.i:
        return head.head, "means"  # "to restore democracy by [releasing] prisoners": part of the act it serves
    if dep in ("pobj", "pcomp") and head.dep_ == "prep" and head.head.i != head.i:
        return head.head, head.lower_
    if dep == "conj":
        # "demanded that X withdraw and pay": shared; "..., and Y agreed", "... and recalled its envoy": a clause of
        # its own
        if not same_verb_form(token, head):
            return None
        shared = not (token.pos_ in ("VERB", "AUX") and _own_subject(token)) or "that" in marks
        return (head, "conj") if shared else None
    if dep == "dobj":
        return head, "object"
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if dep == "advcl" and "for" in marks and to_infinitive(token):
        return head, "for"  # "called for X to resign"
    if dep in ("xcomp", "ccomp", "acl", "advcl") and to_infinitive(token) and not marks - {"for"}:
        return head, "inf"
    if dep == "xcomp":
        return head, "inf"
    if dep in ("ccomp", "acl") and ("that" in marks or (not marks and _subjunctive(token))):
        return head, "that"  # "demanded that X withdraw", "demanded X withdraw"; not "quoted X as saying"
    if dep == "advcl" and marks & cues.directive_clause_marks:
        return head, "clause"
    return None


def _directive_kinds(word: Token, complement: Token, cues: StatusCues) -> frozenset[str]:
    """The complements through which ``word`` asks for an act (empty when it is no directive)."""
    lemma = word.lemma_.lower()
    if word.pos_ in ("VERB", "AUX"):
        particles = [c.lower_ for c in _particles(word, complement)]
        kinds: set[str] = set(cues.directive_verbs.get(lemma, ()))
        for particle in particles:
            kinds |= cues.directive_verbs.get(f"{lemma} {particle}", frozenset())
        if lemma in cues.subjunctive_directives and not _subjunctive(complement):
            kinds.discard("that")
        if not _addressed(word, complement):
            kinds.discard("inf")  # "the monitors want to revisit the camps": their own intent, asked of no one
        return frozenset(kinds)
    if word.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in cues.non_directive_modifiers for c in word.lefts):
            return frozenset()  # "a phone call to discuss trade"
        return cues.directive_nouns.get(lemma, cues.directive_nouns.get(word.lower_, frozenset()))
    return frozenset()


def _particles(verb: Token, complement: Token) -> list[Token]:
    """Particles and prepositions between a verb and its complement that may spell a phrasal verb ("called on X
    to"); not a phrase of time ("called Erdogan on Saturday to express ...", "On Monday, X called Y to ...")."""
    out = []
    for child in verb.children:
        if child.dep_ not in ("prt", "prep") or not verb.i < child.i < complement.i:
            continue
        objects = [o for o in child.children if o.dep_ == "pobj"]
        if objects and all(o.ent_type_ in ("DATE", "TIME") for o in objects):
            continue
        out.append(child)
    return out


def _addressed(verb: Token, complement: Token) -> bool:
    """Whether a directive verb asks its infinitive of someone: its object or passive subject ("urged Iran to",
    "Iran was urged to"), a "call on X to", or the infinitive's own subject ("wants Iran to release")."""
    if any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in verb.children):
        return True
    if any(c.dep_ == "prep" and any(o.dep_ == "pobj" for o in c.children) for c in _particles(verb, complement)):
        return True  # "called on Israel to lift"
    return _own_subject(complement)


def _subjunctive(clause: Token) -> bool:
    """A that-clause in the subjunctive ("that X withdraw") or with "should" ("that X should withdraw")."""
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in clause.children):
        return True
    return clause.tag_ == "VB" and not any(c.dep_ == "aux" for c in clause.children)


def _object_noun_directive(verb: Token, complement: Token, cues: StatusCues) -> Token | None:
    """The directive noun a clause belongs to when the parse hangs the clause on the noun's verb: "reiterated its
    demand today that X ease ...", "renewed calls to free ..." (the verb's object before the clause)."""
    for noun in verb.children:
        if noun.dep_ == "dobj" and noun.i < complement.i:
            kinds = _directive_kinds(noun, complement, cues)
            kind = _content_step(complement, cues)
            if kind is not None and kind[1] in kinds:
                return noun
    return None


def content_steps(start: Token, cues: StatusCues | None = None,
                  presupposed_object: bool = False) -> Iterator[tuple[Token, Token, str]]:
    """(complement, head, kind) for each step up from ``start`` while it stays inside what a clause says should be
    done: conjuncts, infinitives, objects, clauses of directive_clause_marks; the first step of another kind ends the
    walk, after it is given (a directive's own complement may be of a kind no inner step is). An object governed by
    a presupposing verb ("stop [shelling]") ends the walk, and so does an event noun that is the object of a verb
    other than a directive when ``presupposed_object`` ("urged X to end [its attacks]": the attacks are given)."""
    cues = cues or StatusCues.default()
    token = start
    for depth in range(12):
        step = _content_step(token, cues)
        if step is None:
            return
        head, kind = step
        yield token, head, kind
        if kind in ("inf", "object") and head.lemma_.lower() in cues.presupposing_verbs:
            return
        if kind not in ("conj", "means", "inf", "object", "clause"):
            return
        if depth == 0 and presupposed_object and kind == "object":
            return
        token = head


def directive_word(start: Token, cues: StatusCues | None = None, presupposed_object: bool = False) -> Token | None:
    """The directive whose content ``start`` names: "demanded that X [withdraw]", "urged X to [free] the prisoners
    and to [end] ...", "its demand that X [ease] ...", "demanding a force to [protect] them", "calls for X to
    [resign]" (see content_steps)."""
    cues = cues or StatusCues.default()
    for complement, head, kind in content_steps(start, cues, presupposed_object):
        if kind in ("conj", "means"):
            continue
        if kind in _directive_kinds(head, complement, cues):
            return head
        if head.pos_ in ("VERB", "AUX") and kind in ("that", "inf", "for"):
            noun = _object_noun_directive(head, complement, cues)
            if noun is not None:
                return noun
    return None


def clause_directive(clause: Token, cues: StatusCues | None = None) -> Token | None:
    """The directive whose own complement ``clause`` is: "demanded that X [withdraw]", "called for X to [withdraw]",
    "wants X to [go]", "repeated its demand on Monday that X [ease] ..." (a clause the parse hangs on the noun's verb)."""
    cues = cues or StatusCues.default()
    step = _content_step(clause, cues)
    if step is None or step[1] not in ("that", "inf", "for"):
        return None
    head, kind = step
    if kind in _directive_kinds(head, clause, cues):
        return head
    return _object_noun_directive(head, clause, cues) if head.pos_ in ("VERB", "AUX") else None


def within_content(start: Token, verb: Token, cues: StatusCues | None = None, presupposed_object: bool = False) -> bool:
    """Whether ``start`` names part of what ``verb``'s clause asks for: the verb itself, its conjuncts, infinitives,
    objects and clauses of directive_clause_marks ("must agree to reforms before they [demobilize]")."""
    if start.i == verb.i:
        return False
    return any(head.i == verb.i and kind in ("conj", "means", "inf", "object", "clause")
               for _, head, kind in content_steps(start, cues, presupposed_object))


def event_status(trigger: Token, cues: StatusCues | None = None, presupposed_object: bool = False) -> str:
    """asserted, negated, hypothetical, future or alleged for the event named by ``trigger``. ``presupposed_object``:
    the trigger is an event noun that is not the object of a support verb ("end [its attacks]"), see content_steps."""
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
    averted = _averted(trigger, cues)
    if averted is not None:
        return averted  # "to prevent a civil war": warded off, not done; "failed to prevent the bombing": done
    capacity = _capacity(trigger, cues)
    if capacity is not None:
        return capacity  # "the right to protest", "no right to demand": a possible act, or a denied one
    if directive_word(trigger, cues, presupposed_object) is not None:
        return HYPOTHETICAL  # "demanded that X cancel its plans": asked for, neither done nor refused
    if lemmas & cues.conditional_marks and any(w.dep_ == "mark" for w in words):
        return HYPOTHETICAL
    if _pending_limit(words, cues):
        return HYPOTHETICAL  # "until their demands are met": not yet
    if negated or _pending(chain, cues) or any(
            t.lemma_.lower() in cues.negating_verbs or _phrasal(t) in cues.negating_phrasal_verbs for t in chain[1:]):
        return NEGATED
    if alleging_word(trigger, cues) is not None or any(w.lower_ in cues.alleging_modifiers for w in words):
        return ALLEGED
    modal = {w.lower_ for w in words if w.dep_ in ("aux", "auxpass")}
    if modal & cues.future_aux:
        return FUTURE
    if modal & cues.hypothetical_aux:
        return FUTURE if "would" in modal and _is_reported(chain) else HYPOTHETICAL
    # by lemma too: "is considering sanctions", "weighed a visit" ("considered", "weighs" as written are no entries)
    if any(w.lower_ in cues.hypothetical_words or w.lemma_.lower() in cues.hypothetical_words
           for w in words if w.i != trigger.i):
        return HYPOTHETICAL
    if any(t.lemma_.lower() in cues.future_governors or t.lower_ in cues.future_governors for t in words[1:]):
        return FUTURE
    if _arranged(chain, cues):
        return FUTURE
    if _anticipated(trigger, cues):
        return FUTURE
    # the aim itself, or what it acts on ("to join a rally"), not an event it presupposes ("to fund a wage deal")
    purposed = _purposed_act(chain[-1]) if len(chain) == 1 or (len(chain) == 2 and trigger.dep_ == "dobj") else None
    if purposed is not None:
        governing = event_status(purposed, cues)
        if governing in (FUTURE, HYPOTHETICAL):
            return governing  # "might leave their shifts to join a rally": an aim of an act not done, not done
    return ASSERTED


def _purposed_act(top: Token) -> Token | None:
    """The verb of the act whose aim a to-infinitive clause with no subject of its own tells: "leave their shifts [to
    join a rally]" (advcl of the verb), "form a commission [to investigate the death]" (an infinitive on the
    verb's object)."""
    if top.dep_ not in ("advcl", "acl", "relcl") or not to_infinitive(top) or _own_subject(top):
        return None
    head = top.head
    if top.dep_ == "advcl":
        return head if head.pos_ in ("VERB", "AUX") else None
    if head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None
