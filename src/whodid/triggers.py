"""The trigger lexicon: which words name which events (CAMEO code, PLOVER type and mode).

Entries live in ``data/triggers.yaml``; this module loads them and matches spaCy tokens against them. A match
looks at the token's lemma *and* its surface form (small models mislemmatise: "hoped" -> "hop", "staged" -> "stag"),
its part of speech, phrasal-verb particles, and constraints on its objects, subject or governing word.
The most specific entry that fits wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator


from whodid.ontology import Ontology
from whodid.resources import data_path, parse_yaml

if TYPE_CHECKING:  # spaCy is only needed to call match(); keep import-time cheap
    from spacy.tokens import Token

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Named entities that a capitalised event noun is not: "March" (a month) is no protest march.
_PROPN_BLOCKING_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "NORP", "CARDINAL", "ORDINAL"})
# Dependency labels whose words count as a verb's objects (passive subjects too: "troops were sent").
_VERB_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "dative"})
# Prepositions whose objects also count ("supplied the rebels with arms").
_VERB_OBJECT_PREPS = frozenset({"with"})
# Modifiers that act as a noun's "object": "troop deployment", "arms deliveries", "military build-up".
_NOUN_OBJECT_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Prepositions introducing a noun's "object": "deployment of troops", "probe into corruption", "fight against graft".
_NOUN_OBJECT_PREPS = frozenset({"of", "on", "into", "against"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "agent", "dative"})
# The code of an entry that matches like any other but names no event (PETRARCH's "[---]": "approved the budget"
# is no event although "approved" is): match() returns None when such an entry wins.
NO_EVENT = "---"
# Clauses a trigger's phrase stops at when word patterns look after it: a conjoined or adverbial clause is its own.
_PHRASE_STOP_DEPS = frozenset({"conj", "advcl", "cc"})


@dataclass(frozen=True)
class TriggerEntry:
    """One sense of one trigger word."""

    lemma: str  # "meet", "talks", "send", "sit-in"
    pos: str  # "VERB" or "NOUN"
    cameo: str
    event_type: str  # PLOVER type (from the ontology unless overridden)
    mode: str | None = None
    particle: str | None = None  # phrasal verbs: "call off", "carry out", "pull out"
    objects: tuple[str, ...] = ()  # counts only with one of these object lemmas ("send troops/arms/aid")
    exclude_objects: tuple[str, ...] = ()
    recipient_preps: tuple[str, ...] = ()  # prepositions introducing the recipient ("with" for meet)
    reciprocal: bool = False  # participants are symmetric ("A and B met")
    confidence: float = 0.7
    # Extensions: the subject must (not) be one of these lemmas ("protesters marched", "workers struck");
    # the governing word must be one of these ("went on strike" -> "go on", "opened fire" -> "open").
    subjects: tuple[str, ...] = ()
    exclude_subjects: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()
    exclude_heads: tuple[str, ...] = ()  # the governing word must not be one of these
    # A preposition or complementiser that gives the word another sense: "asked about the talks" is a question.
    exclude_preps: tuple[str, ...] = ()
    # Word patterns (imported PETRARCH/TABARI verb patterns, see whodid.petrarch_verbs): words that must come
    # before the trigger in its sentence / after it in its phrase, in this order, other words between allowed. Each
    # slot lists alternatives; an alternative of several words ("armed forces") must appear as consecutive words.
    before: tuple[tuple[str, ...], ...] = ()
    after: tuple[tuple[str, ...], ...] = ()
    # A paired code ("042:043", visitor visits host, host receives the visit): the same act read the other way
    # round, coded as a second event with the sides swapped.
    reverse_cameo: str | None = None
    compound: bool = False  # the subject must be conjoined actors ("A and B met"): PETRARCH's "%"
    # A passive counts only with its "by" agent: "families were forced from their homes" is mostly told of a war's
    # displacement, "were forced from their homes by militiamen" of an expulsion.
    agent: bool = False
    # When no direct recipient names an actor, the recipient is the first actor named in the verb's phrase, with
    # those conjoined to it (PETRARCH's target: "welcomed the resumption of ties with A and B" -> A, B).
    phrase_targets: bool = False
    # The object words name people the act is done to, so they are its recipients ("released 12 hostages").
    object_recipients: bool = False
    # an exchange needs a partner: a recipient or two actors ("discussed transgender rights" is no meeting)
    partnered: bool = False
    note: str | None = field(default=None, compare=False)

    @property
    def specificity(self) -> float:
        """How constrained the entry is: the most specific fitting entry wins a match."""
        # Exclusions only filter; they do not make an entry more specific. A word pattern counts like an object,
        # plus one per word, so that the longest fitting pattern wins (as in PETRARCH).
        slots = len(self.before) + len(self.after) + self.compound
        return (4.0 * bool(self.particle) + 4.0 * bool(self.heads) + 4.0 * bool(self.objects)
                + 3.0 * bool(self.subjects) + (4.0 + slots if slots else 0.0))


# --- surface forms -------------------------------------------------------------------------------------------
_VOWELS = set("aeiou")


def surface_lemmas(word: str) -> list[str]:
    """Candidate base forms of an inflected English word, by suffix rules (a fallback for lemmatiser errors).

    "hoped" -> ["hop", "hope"], "staged" -> ["stag", "stage"], "shipped" -> ["shipp", "ship"], "allies" -> ["ally"].
    Over-generates on purpose: a candidate only matters when the lexicon has it.
    """
    w = word.lower()
    out: list[str] = []

    def add(stem: str) -> None:
        if len(stem) >= 2 and stem not in out and stem != w:
            out.append(stem)

    if w.endswith("ies") or w.endswith("ied"):
        add(w[:-3] + "y")
    if w.endswith("es"):
        add(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        add(w[:-1])
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            add(stem)
            add(stem + "e")
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                add(stem[:-1])  # doubled consonant: "banned" -> "ban"
    if w.endswith("d") and w[-2:-1] == "e":
        add(w[:-1])  # "hoped" -> "hope"
    return out


def _token_keys(token: "Token") -> list[tuple[str, bool]]:
    """Lookup keys for a token with a flag: True when from the parser's lemma or the word itself."""
    keys: list[tuple[str, bool]] = []

    def add(key: str, primary: bool) -> None:
        if key and all(k != key for k, _ in keys):
            keys.append((key, primary))

    lemma, lower = token.lemma_.lower(), token.lower_
    doc = token.doc
    # Hyphenated compounds are split by the tokenizer and headed by their last part: "sit - in", "build - up".
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ \
            and not doc[token.i - 1].whitespace_:
        first = doc[token.i - 2].lower_
        add(f"{first}-{lower}", True)
        add(f"{first}-{lemma}", True)
        add(f"{first}{lower}", True)
    add(lemma, True)
    add(lower, True)
    for cand in surface_lemmas(lower):
        add(cand, False)
    return keys


def _pos_class(token: "Token") -> str | None:
    """'VERB' or 'NOUN' for matching purposes, else None."""
    if token.pos_ in VERB_POS:
        return "VERB"
    if token.pos_ == "NOUN":
        return "NOUN"
    if token.pos_ == "PROPN" and token.ent_type_ not in _PROPN_BLOCKING_ENTS:
        # Capitalised event nouns are often tagged PROPN: "G20 Summit", sentence-initial "Airstrikes".
        return "NOUN"
    return None


# --- dependency helpers --------------------------------------------------------------------------------------
# The word a name of a person stands for in object, subject and head lists ("received Putin", "greeted Mr Abe"):
# names are no words a list can hold, so an entry writes this anchor instead.
NAMED_PERSON = "named-person"


def _words(tok: "Token") -> set[str]:
    words = {tok.lemma_.lower(), tok.lower_}
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        words.add(NAMED_PERSON)
    return words


def _expand(tokens: Iterable["Token"]) -> set[str]:
    """Words of tokens plus their conjuncts, compounds/adjectives and of/for complements ("a unit of soldiers")."""
    out: set[str] = set()
    seen: set[int] = set()
    stack = list(tokens)
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        out |= _words(tok)
        for child in tok.children:
            if child.dep_ in ("conj", "compound", "amod", "appos"):
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "for"):  # "calls for talks"
                stack.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _time_phrase(prep: "Token") -> bool:
    """A preposition whose objects are all dates or times ("on Monday", "in May"): it says when, it is no particle
    ("called off the strike on Monday" is no "call on")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def particle_child(token: "Token", particle: str) -> "Token | None":
    """The child after ``token`` that spells its particle ("pulled *out*", "called *on*")."""
    for child in token.children:
        if child.i > token.i and child.lower_ == particle and child.dep_ in _PARTICLE_DEPS \
                and not _time_phrase(child):
            return child
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == particle and nxt.head.i == token.i and not _time_phrase(nxt):
        return nxt
    # "called for X to resign": the preposition marks the verb's clause
    for child in token.children:
        if child.dep_ in ("advcl", "ccomp", "xcomp") and child.i > token.i:
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ == particle and mark.i > token.i:
                    return mark
    # "accused the government of corruption": the parser often hangs the preposition on the object.
    for child in token.children:
        if child.dep_ in ("dobj", "obj"):
            for grandchild in child.children:
                if grandchild.dep_ == "prep" and grandchild.lower_ == particle:
                    return grandchild
    return None


def counted_participle(token: "Token") -> bool:
    """A past participle after a counted noun, as in a tally of losses or releases ("12 bombers downed",
    "three hostages released by X"): the noun undergoes the act. Uncounted ones are mostly states ("US troops
    stationed in the country", "the listings approved by ministers") and are left alone."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN") and \
        any(c.dep_ == "nummod" for c in token.head.children)


def interposed_participle(token: "Token") -> bool:
    """A past participle set between a subject and the subject's own verb, with no subject of its own ("The
    protester, shot in the leg last week, is recovering"; the parser may tag it VBD): the noun undergoes the act.
    A finite verb cannot stand there without a relative pronoun, so the subject is no doer of it."""
    noun = token.head
    return token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and noun.pos_ in ("NOUN", "PROPN") \
        and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i > token.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in token.children)


def reduced_relative(verb: "Token") -> bool:
    """A past participle on a noun with no subject, auxiliary or object of its own: a passive the noun undergoes
    ("a commando killed in the raid", "the village shelled overnight"); its doer is only its "by" agent."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children))


def comma_participle_root(token: "Token") -> "Token | None":
    """The subject of a past participle the parser made the sentence's verb, set off by commas right after that
    subject, with the true predicate parsed as its conjunct ("The farmer, shot in the leg during the clashes, is
    recovering"): the subject undergoes the act. None for other verbs ("The soldiers, however, shot two farmers")."""
    if token.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("dobj", "nsubjpass", "agent") for c in token.children):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if subject is None or token.doc[token.i - 1].text != "," or subject.right_edge.i not in (token.i - 2, token.i - 1):
        return None
    for conj in token.children:
        if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and token.doc[conj.left_edge.i - 1].text == "," \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) \
                and any(c.dep_ in ("aux", "auxpass") for c in conj.children):
            return subject
    return None


def raised_objects(verb: "Token") -> list["Token"]:
    """Subjects of a verb's infinitival complement clause, which are its objects in meaning: the parser reads
    "allowed aid convoys to enter" and "let the protesters march" as a clause ("convoys to enter") under the verb,
    the convoys being who is allowed."""
    out: list[Token] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i or clause.pos_ not in VERB_POS:
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) or (
            clause.tag_ == "VB" and not any(c.dep_ in ("aux", "mark") for c in clause.children))
        if infinitive:
            out.extend(c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i)
    return out


def _true_particle(prt: "Token", entries: Iterable[tuple[TriggerEntry, bool]]) -> bool:
    """Whether a word the parse labels a particle makes a phrasal verb: not when it takes an object of its own and no
    entry of the verb spells it ("nurses want to strike [over pay]": a preposition, the parse's "prt" notwithstanding;
    "walked out", "called off the strike" stay phrasal)."""
    if not any(c.dep_ == "pobj" for c in prt.children):
        return True
    return any(entry.particle == prt.lower_ for entry, _ in entries)


def _complements(token: "Token") -> set[str]:
    """Adjective complements of a verb, for exclusions only ("pleaded guilty"): they say what the subject is or
    claims to be, never what the act is done to."""
    return {c.lemma_.lower() for c in token.children if c.dep_ == "acomp"}


def _objects(token: "Token", pos: str, particle: "Token | None") -> set[str]:
    """Object words of a trigger: verb objects, or a noun's modifiers and 'of' complements."""
    heads: list[Token] = []
    if pos == "VERB":
        for child in token.children:
            if child.dep_ in _VERB_OBJECT_DEPS:
                heads.append(child)
            elif child.dep_ == "prep" and (child.lower_ in _VERB_OBJECT_PREPS
                                           or (particle is not None and child.i == particle.i)):
                heads.extend(c for c in child.children if c.dep_ == "pobj")
        heads.extend(raised_objects(token))  # "allowed aid convoys to enter"
        if counted_participle(token) or interposed_participle(token):
            heads.append(token.head)  # a participle after a counted noun acts on it: "12 bombers downed"
        undergoer = comma_participle_root(token)
        if undergoer is not None:
            heads.append(undergoer)
        if particle is not None:
            # "pulled out of the deal", "walked out of the talks": the object hangs on the particle.
            for child in particle.children:
                if child.dep_ == "pobj" and particle.dep_ != "prep":
                    heads.append(child)
                elif child.dep_ == "prep":
                    heads.extend(c for c in child.children if c.dep_ == "pobj")
        return _expand(heads)
    for child in token.children:
        if child.dep_ in _NOUN_OBJECT_DEPS:
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in _NOUN_OBJECT_PREPS:
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    out = _expand(heads)
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":  # "troop build-up": the modifier hangs on the first part
        out |= _expand(c for c in doc[token.i - 2].children if c.dep_ in _NOUN_OBJECT_DEPS)
    return out


# The object word of an entry whose verb takes a finite content clause: "protested that the vote was rigged",
# "'The vote was rigged,' they protested".
CLAUSE_OBJECT = "clause"


def content_clause(verb: "Token") -> bool:
    """Whether a verb governs a finite clause with a subject of its own, before or after it."""
    return any(c.dep_ == "ccomp" and c.pos_ in VERB_POS and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
               for c in verb.children)


def _relative_antecedent(token: "Token") -> set[str]:
    """Words of the noun a relative clause hangs on when its relative pronoun is the verb's object ("the Games,
    which were hosted by X" -> games), or that a participle on it acts on ("crimes committed by X"). Only exclusions
    use it: an antecedent that is a party sent or freed is often the recipient too, and an object word would make
    new events ("troops stationed abroad" tell of no deployment)."""
    if reduced_relative(token):
        return _words(token.head)
    if token.dep_ != "relcl":
        return set()
    if any(c.dep_ in _VERB_OBJECT_DEPS and c.tag_ in ("WDT", "WP") for c in token.children):
        return _words(token.head)
    return set()


def _subjects(token: "Token") -> set[str]:
    """Subject words of a verb trigger, climbing through conjoined or controlled verbs."""
    tok = token
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            return _expand(subj)
        if tok.dep_ in ("acl", "relcl"):  # "protesters marching through the city"
            return _expand([tok.head])
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return set()


def _noun_subjects(token: "Token") -> set[str]:
    """Who a noun trigger is by: its possessor/modifiers, a 'by' phrase, or the subject of its verb
    ("workers went on strike", "the union's strike", "a strike by teachers")."""
    heads = [c for c in token.children if c.dep_ in ("poss", "compound", "amod")]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    out = _expand(heads)
    verb = token.head
    if token.dep_ == "pobj" and verb.head.i != verb.i:
        verb = verb.head
    if token.dep_ in ("dobj", "pobj", "attr") and verb.pos_ in VERB_POS:
        out |= _subjects(verb)
    return out


def _head_keys(token: "Token") -> set[str]:
    """The governing word(s): "went on strike" -> {"on", "go on", "go"}; "opened fire" -> {"open"}."""
    head = token.head
    if head.i == token.i:
        return set()
    keys = _words(head)
    if token.dep_ == "pobj" and head.head.i != head.i:
        for word in _words(head.head):
            keys.add(f"{word} {head.lower_}")
            keys.add(word)
    return keys


def _word_forms(word: str) -> set[str]:
    """A pattern word and its candidate base forms ("ties" -> {"ties", "tie", "ti"}), met by a token's word or lemma:
    "TIES" matches "tie" and "ties", "MEET" does not match the noun "meeting"."""
    return {word, *surface_lemmas(word)}


def _token_forms(token: "Token") -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def phrase_after(token: "Token") -> list["Token"]:
    """The words of a trigger's phrase after it, in order: its dependency subtree, less conjoined and adverbial
    clauses (they tell their own events)."""
    stop: set[int] = set()
    for child in token.children:
        if child.dep_ in _PHRASE_STOP_DEPS and child.i > token.i:
            stop.update(t.i for t in child.subtree)
    return [t for t in token.subtree if t.i > token.i and t.i not in stop]


def _in_order(slots: tuple[tuple[str, ...], ...], words: list[set[str]]) -> bool:
    """Whether each slot has an alternative among ``words`` (forms of consecutive tokens), slots in order."""
    pos = 0
    for slot in slots:
        found = None
        for alt in slot:
            parts = alt.split()
            for start in range(pos, len(words) - len(parts) + 1):
                if all(_word_forms(p) & words[start + k] for k, p in enumerate(parts)):
                    found = start + len(parts) if found is None else min(found, start + len(parts))
                    break
        if found is None:
            return False
        pos = found
    return True


def _pattern_fits(entry: TriggerEntry, token: "Token") -> bool:
    """Whether the entry's word patterns fit: ``before`` in the sentence before the trigger, ``after`` in its phrase."""
    if entry.after and not _in_order(entry.after, [_token_forms(t) for t in phrase_after(token)]):
        return False
    if entry.before:
        if not _in_order(entry.before, [_token_forms(t) for t in token.doc[token.sent.start:token.i]]):
            return False
    return True


def _agentless_passive(token: "Token") -> bool:
    """A passive verb with no "by" agent: "were forced out", "families driven from their homes"."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or (
        token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "amod"))
    return passive and not any(c.dep_ == "agent" for c in token.children)


def _compound_subject(token: "Token") -> bool:
    """Whether the verb's subject (or that of the verb it is conjoined to or controlled by) is conjoined ("A and B");
    for a noun, the subject of the verb it is the object of ("A and B held war games", "took part in drills")."""
    tok = token
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj"):
        tok = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
        if tok.pos_ not in ("VERB", "AUX"):
            return False
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return any(c.dep_ == "conj" for s in subj for c in s.children)
        if tok.dep_ not in ("conj", "xcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# --- the lexicon ---------------------------------------------------------------------------------------------
def _tuple(value: Any) -> tuple[str, ...]:
    """Lower-cased words of a YAML scalar or (nested: anchors inside lists) list, order kept, no repeats."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        return (str(value).lower(),)
    out: list[str] = []
    for item in value:
        for word in _tuple(item):
            if word not in out:
                out.append(word)
    return tuple(out)


_ITEM_KEYS = frozenset({"lemma", "pos", "cameo", "event_type", "mode", "particle", "objects", "exclude_objects",
                        "recipient_preps", "reciprocal", "confidence", "subjects", "exclude_subjects", "heads",
                        "exclude_heads",
                        "exclude_preps", "object_recipients", "note", "before", "after", "compound", "agent",
                        "partnered"})


def _slots(value: Any) -> tuple[tuple[str, ...], ...]:
    """A word pattern from YAML: a list of slots, each a word or a list of alternative words
    (``[[from, out], [home, village]]``: "from" or "out", later "home" or "village")."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise LexiconError(f"a word pattern must be a list of slots, not {value!r}")
    return tuple(_tuple(slot) for slot in value)


def _table_code(table: dict[str, Any], code: str) -> str | None:
    """The code an intent table maps ``code`` to, by its longest listed prefix (4, 3, then 2 digits), or None."""
    for size in (4, 3, 2):
        if len(code) >= size and code[:size] in table["map"]:
            return table["map"][code[:size]]
    return None


# Adverbs of direction the parser leaves as advmod that make a phrasal verb: "shot back", "pressed ahead" (went on)
_MARKER_ADVERBS = frozenset({"back", "ahead", "forward"})


def _marker_words(token: "Token") -> set[str]:
    """Prepositions and particles on a word and complementisers of its clausal complements ("asked about", "asked
    whether", "shot back")."""
    out = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt") or (c.dep_ == "advmod" and c.lower_ in
                                                                                   _MARKER_ADVERBS)}
    for clause in token.children:
        if clause.dep_ in ("ccomp", "advcl"):
            out.update(c.lower_ for c in clause.children if c.dep_ == "mark")
    return out


class LexiconError(ValueError):
    """A trigger file is inconsistent with the ontology."""


class TriggerLexicon:
    """Trigger entries indexed by word, plus the support-verb, intent-verb and intent-code tables."""

    def __init__(self, entries: Iterable[TriggerEntry], support_verbs: Iterable[str] = (),
                 intent_verbs: Iterable[str] = (), intent_tables: list[dict[str, Any]] | None = None,
                 aliases: dict[str, str] | None = None, compound_heads: Iterable[str] = (),
                 announcement_table: str | None = None, intent_nouns: dict[str, str] | None = None,
                 refusal_table: str | None = None, threat_table: str | None = None,
                 threat_conditions: Iterable[str] = (), handing_verbs: Iterable[str] = (),
                 handed_nouns: Iterable[str] = ()) -> None:
        self.compound_heads: frozenset[str] = frozenset(compound_heads)
        self.intent_nouns = dict(intent_nouns or {})  # "willingness" -> "willing": nouns that govern an intended act
        self.announcement_table = announcement_table  # the intent table a plain future statement is coded by
        self.refusal_table = refusal_table  # the table a cooperative act declined is coded by ("will not lift")
        self.threat_table = threat_table  # the table a hostile act held out on a condition is coded by ("may halt")
        self.threat_conditions: frozenset[str] = frozenset(threat_conditions)  # "if", "unless"
        self.entries: tuple[TriggerEntry, ...] = tuple(entries)
        self.support_verbs: frozenset[str] = frozenset(support_verbs)
        self.handing_verbs: frozenset[str] = frozenset(handing_verbs)  # support verbs for handed_nouns only
        self.handed_nouns: frozenset[str] = frozenset(handed_nouns)  # "submitted a request", "tabled a motion"
        self.intent_verbs: frozenset[str] = frozenset(intent_verbs)
        self._intent_tables = list(intent_tables or [])
        self._aliases = dict(aliases or {})
        self._index: dict[tuple[str, str], list[TriggerEntry]] = {}
        for entry in self.entries:
            self._index.setdefault((entry.lemma, entry.pos), []).append(entry)

    # construction ----------------------------------------------------------------------------------------
    @classmethod
    def default(cls) -> "TriggerLexicon":
        """The lexicon shipped with whodid (cached)."""
        return _default_lexicon()

    def with_entries(self, entries: Iterable[TriggerEntry], only: bool = False) -> "TriggerLexicon":
        """This lexicon (its tables kept) with ``entries`` taking precedence: a verb they list keeps only their
        senses of it; with ``only``, they are the whole trigger list (the imported dictionary alone says what an
        event is, as in PETRARCH)."""
        added = list(entries)
        covered = {(e.lemma, e.pos) for e in added}
        kept = [] if only else [e for e in self.entries if (e.lemma, e.pos) not in covered]
        return TriggerLexicon(added + kept, self.support_verbs, self.intent_verbs, self._intent_tables,
                              self._aliases, self.compound_heads, self.announcement_table, self.intent_nouns,
                              self.refusal_table, self.threat_table, self.threat_conditions, self.handing_verbs,
                              self.handed_nouns)

    @classmethod
    def load(cls, *paths: str | Path, ontology: Ontology | None = None) -> "TriggerLexicon":
        """Load one or more trigger YAML files; later files add entries and extend the tables."""
        onto = ontology or Ontology.default()
        entries: list[TriggerEntry] = []
        support: set[str] = set()
        intents: set[str] = set()
        tables: list[dict[str, Any]] = []
        aliases: dict[str, str] = {}
        compound_heads: set[str] = set()
        announcement: str | None = None
        refusal: str | None = None
        threat: str | None = None
        conditions: set[str] = set()
        handing: set[str] = set()
        handed: set[str] = set()
        intent_nouns: dict[str, str] = {}
        for path in paths:
            with Path(path).open(encoding="utf-8") as handle:
                doc = parse_yaml(handle) or {}
            support |= {str(v).lower() for v in doc.get("support_verbs") or []}
            compound_heads |= {str(v).lower() for v in doc.get("compound_heads") or []}
            handing |= {str(v).lower() for v in doc.get("handing_verbs") or []}
            handed |= {str(v).lower() for v in doc.get("handed_nouns") or []}
            intent = doc.get("intent") or {}
            intents |= {str(v).lower() for v in intent.get("verbs") or []}
            aliases.update({str(k).lower(): str(v).lower() for k, v in (intent.get("aliases") or {}).items()})
            announcement = intent.get("announcement_table") or announcement
            refusal = intent.get("refusal_table") or refusal
            threat = intent.get("threat_table") or threat
            conditions |= {str(v).lower() for v in intent.get("threat_conditions") or []}
            intent_nouns.update({str(k).lower(): str(v).lower() for k, v in (intent.get("nouns") or {}).items()})
            for table in intent.get("tables") or []:
                tables.append({"name": table.get("name"),
                               "intents": frozenset(_tuple(table.get("intents"))),
                               "map": {str(k): str(v) for k, v in (table.get("map") or {}).items()}})
            for group, items in (doc.get("triggers") or {}).items():
                for item in items or []:
                    entries.extend(_entries_from_item(str(group), item, onto, path))
        return cls(entries, support, intents, tables, aliases, compound_heads, announcement, intent_nouns, refusal,
                   threat, conditions, handing, handed)

    # matching --------------------------------------------------------------------------------------------
    def candidates(self, token: "Token") -> Iterator[tuple[TriggerEntry, bool]]:
        """Entries indexed under any key of the token and its POS class, with the key's primary flag."""
        pos = _pos_class(token)
        if pos is None or self._compound_blocked(token, pos):
            return
        seen: set[int] = set()
        for key, primary in _token_keys(token):
            for entry in self._index.get((key, pos), ()):
                if id(entry) not in seen:
                    seen.add(id(entry))
                    yield entry, primary

    def match(self, token: "Token") -> TriggerEntry | None:
        """The most specific entry naming an event at ``token``, or None (also when the winner is a NO_EVENT one)."""
        best: tuple[float, float, bool, int] | None = None
        best_entry: TriggerEntry | None = None
        entries = list(self.candidates(token))
        has_prt = any(_true_particle(c, entries) for c in token.children if c.dep_ == "prt")
        for order, (entry, primary) in enumerate(entries):
            if not self._fits(entry, token, has_prt):
                continue
            # ties: an entry spelled as the word itself ("left") before one reached by its lemma ("leave")
            rank = (entry.specificity + (0.5 if primary else 0.0), entry.confidence, entry.lemma == token.lower_,
                    -order)
            if best is None or rank > best:
                best, best_entry = rank, entry
        return None if best_entry is None or best_entry.cameo == NO_EVENT else best_entry

    def matches(self, doc_or_span: Iterable["Token"]) -> list[tuple["Token", TriggerEntry]]:
        """Every (token, entry) match in a Doc or Span, in text order."""
        out = []
        for token in doc_or_span:
            entry = self.match(token)
            if entry is not None:
                out.append((token, entry))
        return out

    def _compound_blocked(self, token: "Token", pos: str | None) -> bool:
        """A noun used as a modifier names no event ("war crimes", "assault rifle", "protest leader"),
        unless its head is a container noun from triggers.yaml ("aid package", "bombing campaign")."""
        return (pos == "NOUN" and token.dep_ == "compound" and token.head.i != token.i
                and token.head.lemma_.lower() not in self.compound_heads
                and token.head.lower_ not in self.compound_heads)

    @staticmethod
    def _fits(entry: TriggerEntry, token: "Token", has_prt: bool) -> bool:
        """Whether the token satisfies the entry's particle, object, subject and head constraints."""
        particle_tok = None
        if entry.particle:
            particle_tok = particle_child(token, entry.particle)
            if particle_tok is None:
                return False
        elif has_prt and entry.pos == "VERB" and not entry.after:
            return False  # "back down" is not "back", "blow up" is not "blow" (a word pattern may spell the particle)
        if entry.objects or entry.exclude_objects:
            objs = _objects(token, entry.pos, particle_tok)
            if CLAUSE_OBJECT in entry.objects and content_clause(token):
                objs = objs | {CLAUSE_OBJECT}
            if entry.objects and not (objs.intersection(entry.objects) or ("*" in entry.objects and objs)):
                return False
            if objs.intersection(entry.exclude_objects) or ("*" in entry.exclude_objects and objs):
                return False
            if entry.exclude_objects and _relative_antecedent(token).intersection(entry.exclude_objects):
                return False  # "the Games, which X hosted": the object is the relative's antecedent
            if entry.exclude_objects and _complements(token).intersection(entry.exclude_objects):
                return False  # "pleaded not guilty": a plea in court, no request
        if entry.subjects or entry.exclude_subjects:
            subj = _subjects(token) if entry.pos == "VERB" else _noun_subjects(token)
            if entry.subjects and not subj.intersection(entry.subjects):
                return False
            if subj.intersection(entry.exclude_subjects):
                return False
        if entry.heads and not _head_keys(token).intersection(entry.heads):
            return False
        if entry.exclude_heads and _head_keys(token).intersection(entry.exclude_heads):
            return False
        if entry.exclude_preps and _marker_words(token).intersection(entry.exclude_preps):
            return False
        if (entry.before or entry.after) and not _pattern_fits(entry, token):
            return False
        if entry.compound and not _compound_subject(token):
            return False
        if entry.agent and _agentless_passive(token):
            return False
        return True

    # verbs around triggers -------------------------------------------------------------------------------
    def _normal_verb(self, word: str, vocabulary: frozenset[str] | set[str]) -> str | None:
        """``word`` as a member of ``vocabulary`` (via aliases or suffix rules), else None."""
        word = word.lower()
        for cand in (word, self._aliases.get(word, ""), *surface_lemmas(word)):
            cand = self._aliases.get(cand, cand)
            if cand in vocabulary:
                return cand
        return None

    def intent_lemma(self, token: "Token") -> str | None:
        """The intent verb or adjective a token stands for ("hoped" -> "hope", "ready" -> "ready"), or None."""
        return self._normal_verb(token.lemma_, self.intent_verbs) or self._normal_verb(token.lower_,
                                                                                        self.intent_verbs)

    def supports(self, verb_forms: set[str], noun: "Token") -> bool:
        """Whether a verb (its ``verb_forms``) makes its object ``noun`` the event its subject does: a support verb
        ("held talks"), or a verb of handing in with the words handed in ("submitted a request")."""
        return bool(verb_forms & self.support_verbs) or (
            bool(verb_forms & self.handing_verbs) and noun.lemma_.lower() in self.handed_nouns)

    def support_verb(self, token: "Token") -> str | None:
        """The support verb a token stands for ("carried out" -> "carry out", "held" -> "hold"), or None."""
        for key, _primary in _token_keys(token):
            for child in token.children:
                phrase = f"{key} {child.lower_}"
                if child.dep_ in ("prt", "prep") and child.i > token.i and phrase in self.support_verbs:
                    return phrase
        for key, _primary in _token_keys(token):
            if key in self.support_verbs:
                return key
        return None

    def intent_code(self, cameo: str, intent_lemma: str) -> str | None:
        """CAMEO code for an event governed by a complement-taking verb, from the tables in triggers.yaml.

        "hoped to meet" (04x, hope) -> "036"; "plans to attack" (19x, plan) -> "138";
        "agreed to provide aid" (07x, agree) -> "033"; "refused to free" (0841, refuse) -> "1243".
        None when the verb is unknown or the table has no entry for the code (keep the base code then).
        """
        code = str(cameo).strip()
        for table in self._intent_tables:
            if self._normal_verb(intent_lemma, table["intents"]) is not None:
                return _table_code(table, code)
        return None

    def announced_code(self, cameo: str) -> str | None:
        """CAMEO code of an act announced for the future, read as a statement of intent or a threat
        ("will give aid" 07x -> "033", "would blockade" 191 -> "1381"); None when the table has no entry."""
        return self._named_table_code(self.announcement_table, cameo)

    def refused_code(self, cameo: str) -> str | None:
        """CAMEO code of a cooperative act declined ("will not ease the curfew" 0813 -> "1241", "could not agree
        on a deal" 030 -> "120"), read as a rejection; None for acts the table lacks (hostile ones)."""
        return self._named_table_code(self.refusal_table, cameo)

    def threatened_code(self, cameo: str) -> str | None:
        """CAMEO code of a hostile act held out on a condition, read as a threat ("may halt mediation if ..." 165 ->
        "135"); None for acts the table lacks (cooperative ones)."""
        return self._named_table_code(self.threat_table, cameo)

    def _named_table_code(self, name: str | None, cameo: str) -> str | None:
        table = next((t for t in self._intent_tables if t["name"] == name), None)
        return _table_code(table, str(cameo).strip()) if table is not None else None

    def intent_tables(self) -> list[dict[str, Any]]:
        """The complement-verb tables: dicts with ``name``, ``intents`` (frozenset) and ``map`` (prefix -> code)."""
        return [dict(table, map=dict(table["map"])) for table in self._intent_tables]

    def by_type(self) -> dict[str, list[TriggerEntry]]:
        """Entries grouped by PLOVER type."""
        out: dict[str, list[TriggerEntry]] = {}
        for entry in self.entries:
            out.setdefault(entry.event_type, []).append(entry)
        return out


def _entries_from_item(group: str, item: dict[str, Any], onto: Ontology, path: str | Path) -> list[TriggerEntry]:
    """Entries for one YAML item; ``lemma`` may list synonyms sharing the sense."""
    unknown = set(item) - _ITEM_KEYS
    if unknown:
        raise LexiconError(f"{path}: unknown field(s) {sorted(unknown)} in {item}")
    cameo = str(item["cameo"]).strip()
    if not onto.is_code(cameo):
        raise LexiconError(f"{path}: unknown CAMEO code {cameo!r} in {item}")
    event_type = onto.normalize_type(item.get("event_type")) or onto.plover_type(cameo)
    if event_type != group:
        raise LexiconError(f"{path}: {item} is filed under {group} but codes as {event_type}; "
                           f"set event_type to override the ontology")
    mode = item["mode"] if "mode" in item else onto.plover_mode(cameo)
    if mode is not None and mode not in onto.modes(event_type):
        raise LexiconError(f"{path}: mode {mode!r} is not a mode of {event_type}")
    pos = str(item.get("pos", "VERB")).upper()
    if pos not in ("VERB", "NOUN"):
        raise LexiconError(f"{path}: pos must be VERB or NOUN in {item}")
    lemmas = _tuple(item["lemma"])
    return [
        TriggerEntry(
            lemma=lemma, pos=pos, cameo=cameo, event_type=event_type, mode=mode,
            particle=(str(item["particle"]).lower() if item.get("particle") else None),
            objects=_tuple(item.get("objects")), exclude_objects=_tuple(item.get("exclude_objects")),
            recipient_preps=_tuple(item.get("recipient_preps")), reciprocal=bool(item.get("reciprocal", False)),
            confidence=float(item.get("confidence", 0.7)), subjects=_tuple(item.get("subjects")),
            exclude_subjects=_tuple(item.get("exclude_subjects")), heads=_tuple(item.get("heads")),
            exclude_heads=_tuple(item.get("exclude_heads")),
            exclude_preps=_tuple(item.get("exclude_preps")), note=item.get("note"),
            object_recipients=bool(item.get("object_recipients", False)),
            before=_slots(item.get("before")), after=_slots(item.get("after")),
            compound=bool(item.get("compound", False)),
            agent=bool(item.get("agent", False)),
            partnered=bool(item.get("partnered", False)),
        )
        for lemma in lemmas
    ]


@lru_cache(maxsize=1)
def _default_lexicon() -> TriggerLexicon:
    return TriggerLexicon.load(data_path("triggers.yaml"))
