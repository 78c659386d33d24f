"""Importer of PETRARCH 2 / TABARI verb dictionaries: their verbs and patterns become whodid trigger entries.

Users migrating from PETRARCH keep their verb dictionary (``CAMEO.2.0.txt`` or their own):
``Coder(verbs_files=["my.verbs.txt"])`` or ``whodid eval petrarch --verbs my.verbs.txt``. The syntax read::

    &CURRENCY                         # a synonym set: "&NAME" then "+WORD" lines (a member may be another &SET)
    +DOLLAR
    +SWISS_FRANC                      # "_" joins the words of a phrase; a trailing "_" marks an exact word

    --- GIVE  [070]  ---              # a verb family: a name and its default code
    GIVE  {GAVE GIVEN GIVING}         # the verbs of the family, with irregular forms in braces
    DONATE [071]                      # a verb with its own default code
    +HAND_OVER {+HANDED_OVER}         # a phrasal verb: "+" marks the verb, the word after it is its particle
    - * &CURRENCY  [0711]             # a pattern: words after ("* WORDS") or before ("WORDS *") the verb
    - * (TO +) AID [0712]             # "(PREP ... +)": the target is the object of that preposition
    - % * [0713:0713]                 # "%": source and target are the compound subject ("A and B met")

Each verb (and each irregular form) gets one entry with the family's (or its own) code, plus one entry per
pattern, whose words must appear in order (other words between allowed): the words after "*" in the verb's phrase
(its dependency subtree, less conjoined and adverbial clauses), the words before "*" earlier in the sentence.
The longest fitting pattern wins, as in PETRARCH. Codes:

* ``[---]``: no event; the entry still wins its match and so blocks a less specific one ("approved the budget").
* ``[042:043]``: an event and its reverse (the visitor visits, the host receives the visit): the coder emits the
  second event with the sides swapped (``TriggerEntry.reverse_cameo``).
* codes outside CAMEO (test dictionaries' "075A", "1951", "345") are kept as written; the PLOVER type is that
  of the longest CAMEO prefix with one ("1951" -> 195 -> ASSAULT), else ``OTHER`` (CAMEO 01x statements have no
  PLOVER type). Goldstein scores and quad classes exist only for CAMEO codes.

Not supported (read as noted, listed in ``VerbDictionary.skipped`` where a line is dropped): the placement of
``$`` (source) and ``+`` (target) other than "(PREP +)" (roles come from whodid's argument rules), ``^`` (skip a
phrase: ignored), adjacency of "_"-joined words (read as words in order), TABARI's prefix (stem) matching, codes
with only a reverse part (``[:173]``) and codes that are neither digits (with one optional letter) nor ``---``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from whodid.ontology import Ontology
from whodid.petrarch_dict import _lines
from whodid.triggers import NO_EVENT, TriggerEntry

# PLOVER type of an event whose code has none (CAMEO 01x statements, codes outside CAMEO): the event is kept so a
# migrated dictionary codes what it coded.
UNTYPED_EVENT = "OTHER"

# "--- NAME [code] ---"; old files may name a phrase ("LASH OUT") or leave out the closing dashes
_HEADER = re.compile(r"^-{3}\s*(?P<name>[^\[]+?)\s*(?P<codes>(?:\[[^\]]*\]\s*)*)(?:-{3})?\s*$")
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")
_PATTERN_TOKEN = re.compile(r"[()]|[^\s()]+")

Slots = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Pattern:
    """One pattern line of a family: words before and after the verb, its raw code, and what it says of roles."""

    before: tuple[str, ...]  # words or "&SET" names, in order
    after: tuple[str, ...]
    code: str
    compound: bool = False  # "%": source and target both in the subject
    target_preps: tuple[str, ...] = ()  # "(PREP ... +)": the target is that preposition's object


@dataclass(frozen=True)
class Verb:
    """One verb of a family: its word (the "+"-marked one of a phrase), irregular forms, particle and own code."""

    word: str
    forms: tuple[str, ...] = ()
    code: str | None = None
    particle: str | None = None
    before: tuple[str, ...] = ()  # words of the phrase before the verb ("WIRE_+TAP")
    after: tuple[str, ...] = ()  # words of the phrase after the particle


@dataclass
class Family:
    """A ``--- NAME [code] ---`` block: its verbs share its code and patterns."""

    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """What a verb dictionary says: synonym sets (expanded to words and phrases), families, lines not read."""

    synsets: dict[str, tuple[str, ...]]
    families: list[Family]
    skipped: list[str] = field(default_factory=list)


def _phrase(raw: str) -> str:
    """A dictionary word or phrase as lower-case words: "ARMED_FORCES" -> "armed forces", "CASH_" -> "cash"."""
    return " ".join(raw.replace("_", " ").replace("(", " ").replace(")", " ").lower().split())


def _verb(raw: str, forms: list[str], code: str | None) -> Verb | None:
    """A verb line's head ("SAY", "+BREAK_DOWN", "WIRE_+TAP") and its forms as a Verb."""
    def split(text: str) -> tuple[list[str], str | None, list[str]]:
        parts = [p for p in text.strip().split("_") if p]
        marked = next((i for i, p in enumerate(parts) if p.startswith("+")), None)
        at = marked if marked is not None else 0
        if not parts:
            return [], None, []
        return ([p.lower() for p in parts[:at]], parts[at].lstrip("+").lower() or None,
                [p.lower() for p in parts[at + 1:]])

    before, word, after = split(raw)
    if not word:
        return None
    others = tuple(dict.fromkeys(w for w in (split(f)[1] for f in forms) if w and w != word))
    return Verb(word, others, code, after[0] if after else None, tuple(before), tuple(after[1:]))


def _pattern(text: str, code: str) -> Pattern | None:
    """A pattern line's words ("- * (TO &TREATY) [037]") as a Pattern; None when it has no "*"."""
    before: list[str] = []
    after: list[str] = []
    seen_verb = compound = False
    preps: list[str] = []
    group: list[str] | None = None  # words of the open "( ... )" group
    for token in _PATTERN_TOKEN.findall(text.replace("{", " ").replace("}", " ")):
        if token == "(":
            group = []
            continue
        if token == ")":
            group = None
            continue
        for part in (p for p in token.split("_") if p):
            if part == "*":
                seen_verb = True
            elif part == "%":
                compound = True
            elif part == "+" and seen_verb and (group or after):
                # the target is the object of the preposition of its group, "(WITH +)", or of the word before it,
                # "ABOUT +"
                preps.append((group or after)[0 if group else -1])
            elif part in ("$", "+", "^"):
                continue
            else:
                word = part if part.startswith("&") else part.lower()
                (after if seen_verb else before).append(word)
                if group is not None:
                    group.append(word)
    if not seen_verb:
        return None
    return Pattern(tuple(before), tuple(after), code, compound, tuple(dict.fromkeys(preps)))


def read_verbs(text: str) -> VerbDictionary:
    """The synonym sets, verb families and patterns of a PETRARCH 2 / TABARI verb dictionary."""
    raw_sets: dict[str, list[str]] = {}
    families: list[Family] = []
    skipped: list[str] = []
    current_set: list[str] | None = None
    family: Family | None = None
    for line in _lines(text):
        stripped = line.strip()
        header = _HEADER.match(stripped)
        if header:
            codes = _CODE_BLOCK.findall(header["codes"])
            family = Family(header["name"].strip("_ ").upper(), codes[0].strip() if codes else None)
            families.append(family)
            current_set = None
            continue
        if stripped.startswith("&"):
            current_set = raw_sets.setdefault(stripped.split()[0].upper(), [])
            continue
        if stripped.startswith("+") and current_set is not None:
            current_set.append(stripped[1:].strip())
            continue
        current_set = None
        if family is None:
            skipped.append(f"outside a verb family: {stripped}")
            continue
        codes = _CODE_BLOCK.findall(stripped)
        body = _CODE_BLOCK.sub(" ", stripped)
        if stripped.startswith("-") or "*" in body:
            found = _pattern(body.lstrip("-"), codes[-1].strip() if codes else "")
            if found is None or not codes:
                skipped.append(f"pattern without '*' or code: {stripped}")
            else:
                family.patterns.append(found)
            continue
        forms = [f for block in _FORMS.findall(body) for f in block.split()]
        verb = _verb(_FORMS.sub(" ", body).strip().split()[0] if _FORMS.sub(" ", body).strip() else "", forms,
                     codes[0].strip() if codes else None)
        if verb is None:
            skipped.append(f"verb line not read: {stripped}")
        else:
            family.verbs.append(verb)
    for fam in families:  # a family listing no verb is its own verb ("LASH OUT": a verb and its particle)
        verb = _verb(fam.name.replace(" ", "_"), [], None) if not fam.verbs else None
        if verb is not None:
            fam.verbs.append(verb)
    return VerbDictionary(_expand_sets(raw_sets), families, skipped)


def _expand_sets(raw: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Synonym sets with nested sets ("+&TIETYPES") replaced by their members."""
    def members(name: str, seen: frozenset[str]) -> list[str]:
        out: list[str] = []
        for item in raw.get(name, []):
            if item.startswith("&"):
                if item.upper() not in seen:
                    out.extend(members(item.upper(), seen | {item.upper()}))
            elif _phrase(item):
                out.append(_phrase(item))
        return out

    return {name: tuple(dict.fromkeys(members(name, frozenset({name})))) for name in raw}


def _slots(words: tuple[str, ...], synsets: dict[str, tuple[str, ...]]) -> Slots | None:
    """Pattern words as slots of alternatives; None when a synonym set is unknown (the pattern cannot match)."""
    out: list[tuple[str, ...]] = []
    for word in words:
        if word.startswith("&"):
            if word.upper() not in synsets:
                return None
            out.append(synsets[word.upper()])
        elif _phrase(word):
            out.append((_phrase(word),))
    return tuple(out)


def parse_verb_code(raw: str | None) -> tuple[str | None, str | None]:
    """(code, reverse code) of a code block: "042:043" -> ("042", "043"), "---" -> (NO_EVENT, None); (None, None)
    for a code whodid cannot represent ("+++", "xxy", ":173")."""
    raw = (raw or "").strip()
    if raw.startswith("---"):
        return NO_EVENT, None
    forward, _, reverse = raw.partition(":")
    forward, reverse = forward.strip(), reverse.strip()
    if not _CODE.match(forward) or (reverse and not _CODE.match(reverse)):
        return None, None
    return forward, reverse or None


def code_type(code: str, onto: Ontology) -> tuple[str, str | None]:
    """PLOVER type and mode of a code by its longest CAMEO prefix that has a type; UNTYPED_EVENT when none has."""
    digits = re.match(r"\d*", code)[0] if code != NO_EVENT else ""
    for size in range(len(digits), 1, -1):
        event_type = onto.plover_type(digits[:size])
        if event_type:
            return event_type, onto.plover_mode(digits[:size])
    return UNTYPED_EVENT, None


def verb_entries(dictionary: VerbDictionary, ontology: Ontology | None = None) -> list[TriggerEntry]:
    """Trigger entries of a read dictionary: each verb form with its default code, and with each pattern's."""
    onto = ontology or Ontology.default()
    out: list[TriggerEntry] = []

    def skip(reason: str) -> None:
        if reason not in dictionary.skipped:
            dictionary.skipped.append(reason)

    for fam in dictionary.families:
        for verb in fam.verbs:
            senses: list[tuple[str | None, Pattern | None]] = [(verb.code or fam.code, None)]
            senses += [(p.code, p) for p in fam.patterns]
            for raw_code, pattern in senses:
                code, reverse = parse_verb_code(raw_code)
                if code is None:
                    if pattern is not None or raw_code:
                        skip(f"{fam.name}: code [{raw_code}] not representable")
                    continue
                before = _slots(verb.before + (pattern.before if pattern else ()), dictionary.synsets)
                after = _slots(verb.after + (pattern.after if pattern else ()), dictionary.synsets)
                if before is None or after is None:
                    skip(f"{fam.name}: unknown synonym set in a pattern [{raw_code}]")
                    continue
                if pattern is not None and pattern.compound and reverse is None and code != NO_EVENT:
                    reverse = code  # "%": the members of the compound subject act on each other, both ways
                event_type, mode = code_type(code, onto)
                for lemma in (verb.word, *verb.forms):
                    out.append(TriggerEntry(
                        lemma=lemma, pos="VERB", cameo=code, event_type=event_type, mode=mode,
                        particle=verb.particle, before=before, after=after, reverse_cameo=reverse,
                        reciprocal=bool(pattern and pattern.compound), compound=bool(pattern and pattern.compound),
                        phrase_targets=True,
                        recipient_preps=pattern.target_preps if pattern else (),
                        note=f"petrarch verb family {fam.name}"))
    return out


def load_verbs(*paths: str | Path, ontology: Ontology | None = None) -> list[TriggerEntry]:
    """Trigger entries of one or more verb dictionary files, in file order."""
    out: list[TriggerEntry] = []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        out.extend(verb_entries(read_verbs(text), ontology))
    return out
