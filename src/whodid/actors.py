"""Actor knowledge base and mention -> actor resolution at a date.

Knowledge lives in data files (``countries.tsv``, ``igos.tsv``, ``groups.tsv`` (peoples, faiths, world regions),
``agents.yaml``, ``people.yaml`` and the compact office lists ``people/*.yaml``, one per region); users add YAML/TSV/CSV files or PETRARCH ``.txt`` dictionaries
(``whodid.petrarch_dict``), whose entries win over the built-ins. This module only indexes it and applies the rules:

* a phrase from a parse ("South Korea's Foreign Ministry", "US President Donald Trump") is tokenised and scanned for
  the longest known names (people, named groups, IGOs, countries, demonyms, capitals, agent nouns);
* the *head* (the last word, after cutting relative clauses and prepositional tails) decides what the phrase is:
  a person, a group, an IGO, a country, or a generic agent whose sector comes from its noun and whose country comes
  from a modifier ("Israeli troops" -> ISRMIL, "police in Nairobi" -> KENCOP); anything else is not an actor;
* people carry date-bounded roles, so "Donald Trump" is USAGOV in 2019 and USAELI (a former official) in 2022;
* a head that is no actor but something an actor does, owns or is part of ("the Kenyan offer", "an army outpost",
  "members of X"; ``owned_heads`` in agents.yaml) stands for that owner.

Codes: country ISO3 + sector ("PRKGOV"), bare ISO3 for a country named as a whole, IGO codes from ``igos.tsv``
("IGOUNO", "IGOUNOSC"), sector-only codes for agents with no country ("CVL", "REB").
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date as Day
from functools import lru_cache
from pathlib import Path
from typing import Any


from whodid.model import Actor
from whodid.resources import data_path, load_tsv, parse_yaml, read_tsv

PACKAGED_FILES = ("countries.tsv", "igos.tsv", "groups.tsv", "agents.yaml", "people.yaml")
PEOPLE_DIR = "people"  # data/people/*.yaml: offices held since 2000, one file per region (compact format)

# An office line in data/people/*.yaml: "Name START..END" (either date may be empty: open).
_OFFICE_LINE = re.compile(r"^(?P<name>.+?)\s+(?P<start>\d{4}(?:-\d\d){0,2})?\.\.(?P<end>\d{4}(?:-\d\d){0,2})?$")
_ROMAN = re.compile(r"^[IVX]+$")

# Kinds of knowledge entries, in the order that wins when one key names several things ("UK": country and adjective).
_KIND_ORDER = {"person": 0, "named": 1, "igo": 2, "country": 3, "capital": 4, "adj": 5, "group": 6, "noun": 7,
               "honorific": 8}

_TOKEN_RE = re.compile(r"[\w.'&+]+|,")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": " ", "”": " ", '"': " ", "«": " ", "»": " "})
_DASHES = re.compile(r"[-‐‑‒–—/]")
_ASIDE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")  # a bracketed aside: an acronym, a party and state


# --------------------------------------------------------------------------------------------------------- tokens
@dataclass(frozen=True)
class Tok:
    """One word of a phrase: ``cased`` as written (dots removed), ``key`` folded for matching."""

    cased: str
    key: str


def _fold(word: str) -> str:
    """Lower case without accents ("Élysée" -> "elysee")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def tokenize(text: str) -> tuple[Tok, ...]:
    """Words of a phrase: quotes and possessives dropped, hyphens split, abbreviation dots removed ("U.S." -> "US")."""
    text = _DASHES.sub(" ", text.translate(_QUOTES))
    out: list[Tok] = []
    for raw in _TOKEN_RE.findall(text):
        if raw == ",":
            out.append(Tok(",", ","))
            continue
        word = raw.strip("'.")
        if raw.endswith("'s") or raw.endswith("'S"):  # possessive: "North Korea's" -> "North Korea"
            word = raw[:-2].strip("'.")
        word = word.replace(".", "")
        if word:
            out.append(Tok(word, _fold(word)))
    return tuple(out)


def _is_acronym(alias: str) -> bool:
    """Short all-capital aliases (US, UN, WHO, IS) match only in capitals: "us" and "who" are common words."""
    letters = alias.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 3


def _plurals(noun: str, adjective: bool = False) -> list[str]:
    """Regular English plurals of the last word ("official" -> "officials", "Israeli" -> "Israelis").

    Demonyms in -ese, -ish, -ch, -ss have no plural of their own ("the Chinese", "the British").
    """
    head, _, last = noun.rpartition(" ")
    prefix = head + " " if head else ""
    low = last.lower()
    if adjective:
        return [] if low.endswith(("ese", "ish", "ch", "ss", "sh", "s", "x")) else [prefix + last + "s"]
    if low.endswith(("people", "police", "media", "staff", "s")):
        return []
    if low.endswith(("sh", "ch", "x")):
        return [prefix + last + "es"]
    if low.endswith("man"):
        return [prefix + last[:-3] + "men"]
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return [prefix + last[:-1] + "ies"]
    return [prefix + last + "s"]


# ------------------------------------------------------------------------------------------------ knowledge entries
_STANCE_BEFORE = re.compile(r"(\w+)-\s*$")


def after_stance_prefix(text: str, start: int, prefixes: "set[str] | frozenset[str]") -> bool:
    """Whether the word at ``start`` in ``text`` follows a stance prefix and its hyphen ("anti-Iran", "pro-
    Russia"): what a side is for or against, not whose it is."""
    found = _STANCE_BEFORE.search(text[max(0, start - 12):start])
    return found is not None and found.group(1).lower() in prefixes


# A bare surname names a known person only within these years before and after one of the person's terms.
SURNAME_YEARS = (3, 12)


@dataclass
class Role:
    """A post held between two dates (start inclusive, end exclusive; None = open)."""

    title: str
    country: str | None = None
    sector: str = "GOV"
    leader: bool = False
    org: str | None = None
    start: str | None = None
    end: str | None = None
    code: str | None = None  # an explicit actor code for this period (PETRARCH-style date restrictions)

    def holds(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)

    def near(self, date: str, before: int, after: int) -> bool:
        """Whether ``date`` falls in the role's term widened by ``before`` years before it and ``after`` after."""
        year = int(date[:4])
        return (self.start is None or int(self.start[:4]) - before <= year) and \
            (self.end is None or year <= int(self.end[:4]) + after)


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    priority: int = 0  # 1 for entries from a user's file: they win over built-in entries with the same name
    nationality: str | None = None  # ISO3, for people whose roles name no country (posts in an organisation)


@dataclass
class Named:
    """A named group, agency, medium or seat of power with a fixed (or date-bounded) code."""

    id: str
    name: str
    country: str | None
    sector: str | None
    code: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    priority: int = 0  # 1 for entries from a user's file
    whole: bool = False  # not after an unknown capitalised word: "Social Democrats" are not the US Democrats


@dataclass
class Country:
    iso3: str
    iso2: str
    name: str


@dataclass
class Igo:
    id: str
    code: str
    sector: str
    name: str


@dataclass(frozen=True)
class Group:
    """An ethnic or religious group or a world region (groups.tsv): a CAMEO code that stands where a country's
    would ("KUR", "MOSSHI", "EUR"); ``country`` for the six-letter codes tied to one country ("NGAHAU")."""

    code: str
    kind: str
    name: str
    country: str | None = None

    @property
    def own(self) -> str:
        """The code without its country: the part that follows a country and a role ("HAU" of "NGAHAU")."""
        return self.code[3:] if self.country and self.code.startswith(self.country) else self.code


@dataclass(frozen=True)
class Noun:
    """A generic agent noun: its canonical words, sector and whether it is a weak (person/role) noun."""

    words: str
    sector: str
    weak: bool
    plural: bool = False


@dataclass(frozen=True)
class Entry:
    kind: str  # person named igo country capital adj group noun honorific
    ref: Any  # the Person / Named / Igo / Country / Noun, or None
    cased: tuple[str, ...] | None = None  # required spelling for acronyms
    plural: bool = False
    capitals: bool = False  # a longer all-capital alias ("NATO", "SADR"): also spelt as a word, but not in a name


@dataclass
class Span:
    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def kind(self) -> str:
        return self.entries[0].kind

    @property
    def entry(self) -> Entry:
        return self.entries[0]


def _iso(value: Any) -> str | None:
    """A YAML date (parsed or string) as an ISO string."""
    return None if value is None else str(value)


def _norm_date(date: str | None) -> str | None:
    """An ISO date, possibly partial ("2019-06", "2019"), as a comparable day string."""
    if not date:
        return None
    date = str(date)[:10]
    if len(date) == 4:
        return date + "-01-01"
    if len(date) == 7:
        return date + "-01"
    return date


def _role_from(data: dict[str, Any], default_sector: str = "GOV") -> Role:
    return Role(
        title=str(data.get("title") or "").lower(),
        country=data.get("country"),
        sector=data.get("sector") or ("IGO" if data.get("org") else default_sector),
        leader=bool(data.get("leader")),
        org=data.get("org"),
        start=_norm_date(_iso(data.get("start"))),
        end=_norm_date(_iso(data.get("end"))),
        code=data.get("code"),
    )


# ----------------------------------------------------------------------------------------------------- the KB
class ActorKB:
    """Indexed actor knowledge: countries, IGOs, agent nouns, named groups and people with dated roles."""

    def __init__(self) -> None:
        self._priority = 0  # priority given to entries read now (user files: 1)
        self.countries: dict[str, Country] = {}
        self.igos: dict[str, Igo] = {}
        self.groups: dict[str, Group] = {}
        self.people: dict[str, Person] = {}
        self.named: dict[str, Named] = {}
        self.titles: dict[str, tuple[str, ...]] = {}
        self.dominant: set[str] = set()
        self.determiners: set[str] = set()
        self.crowd_counts: set[str] = set()  # "Thousands marched": a count alone stands for people (CVL)
        self.relation_heads: set[str] = set()  # "Russia's allies": someone else than Russia
        self.cut_words: set[str] = set()
        self.name_particles: set[str] = set()
        self.membership_preps: set[str] = set()
        self.affiliation_preps: set[str] = set()
        self.owned_heads: set[str] = set()  # "decision", "base", "members": they stand for their owner
        self.kin_heads: set[str] = set()  # "wife", "brother": they stand for their relative's country
        self.kin_elite_sectors: set[str] = set()  # a relative of these sectors makes the kin an elite (ELI)
        self.owner_preps: set[str] = set()
        self.clause_adjectives: set[str] = set()
        self.stance_prefixes: set[str] = set()
        self.past_markers: set[str] = set()  # an apposition's post is a past one: former_markers and "then"
        self.former_markers: set[str] = set()  # "the former president": no holder of the post now
        self.former_elite_sectors: set[str] = set()
        self.organisation_words: dict[str, str] = {}  # "force" -> "MIL", "party" -> "" (no sector)
        self._collectives: dict[str, tuple[str, ...]] = {}  # "two koreas" -> ("KOR", "PRK")
        self._index: dict[tuple[str, ...], list[Entry]] = {}
        self._surnames: dict[str, list[Person]] = {}
        self._codes: dict[str, str] = {}  # ISO2/ISO3 code -> ISO3 (country_of only)
        self._maxlen = 1
        self._cached = lru_cache(maxsize=100_000)(self._lookup_uncached)
        self._title_countries: dict[str, frozenset[str]] = {}  # title -> countries whose posts it names
        # "the Commission" -> European Commission: short names that hold only in a story naming the body or its parent
        self._story_aliases: dict[tuple[str, ...], list[Igo]] = {}
        self._misspelt: dict[str, set[str]] | None = None  # ``_misspelt_country``: deletion variants -> country keys

    # ---- loading
    @classmethod
    def load(cls, *extra_files: str | Path) -> "ActorKB":
        """The packaged knowledge plus user files of the same formats (later files add to or replace entries).

        A ``.tsv`` with an ``iso3`` column is read as countries, one with a ``code`` column as IGOs; a YAML list as
        people; a YAML mapping as agents (``nouns``, ``weak_nouns``, ``titles``, ``named`` ...).
        """
        kb = cls()
        for name in PACKAGED_FILES:
            kb.add_file(data_path(name))
        for path in sorted(data_path(PEOPLE_DIR).glob("*.yaml")):
            kb.add_file(path)
        kb._priority = 1  # what users add wins over the built-ins
        for path in extra_files:
            kb.add_file(Path(path))
        kb._build_index()
        return kb

    @classmethod
    def default(cls) -> "ActorKB":
        """The packaged knowledge, loaded once per process."""
        return _default_kb()

    def add_file(self, path: Path) -> None:
        """Read one knowledge file (format chosen by suffix and shape); call ``_build_index`` afterwards."""
        path = Path(path)
        self._title_countries.clear()
        if path.suffix.lower() == ".txt":  # a PETRARCH / Phoenix / TABARI dictionary
            from whodid.petrarch_dict import read_dictionary
            self._add_agents(read_dictionary(path))
            return
        if path.suffix.lower() == ".csv":  # a user's actors table: name, code, aliases, start, end
            from whodid.petrarch_dict import read_actor_csv
            self._add_agents(read_actor_csv(path))
            return
        if path.suffix.lower() == ".tsv":
            rows = read_tsv(path)
            if rows and "iso3" in rows[0]:
                self._add_countries(rows)
            elif rows and "kind" in rows[0] and "nouns" in rows[0]:
                self._add_groups(rows)
            elif rows and "code" in rows[0]:
                self._add_igos(rows)
            else:
                raise ValueError(f"{path}: a TSV needs an 'iso3' (countries), 'kind' and 'nouns' (groups) or "
                                 "'code' (IGOs) column")
            return
        with path.open(encoding="utf-8") as handle:
            data = parse_yaml(handle)
        if isinstance(data, list):
            self._add_people(data)
        elif isinstance(data, dict) and "offices" in data:
            self._add_offices(data)
        elif isinstance(data, dict):
            self._add_agents(data)
        else:
            raise ValueError(f"{path}: expected a YAML list (people) or mapping (agents)")

    def _add_countries(self, rows: list[dict[str, str]]) -> None:
        self._country_rows = getattr(self, "_country_rows", {})
        for row in rows:
            iso3 = row["iso3"].strip()
            self.countries[iso3] = Country(iso3, (row.get("iso2") or "").strip(), row["name"].strip())
            self._country_rows[iso3] = row

    def _add_igos(self, rows: list[dict[str, str]]) -> None:
        self._igo_rows = getattr(self, "_igo_rows", {})
        for row in rows:
            igo = Igo(row["id"].strip(), row["code"].strip(), (row.get("sector") or "IGO").strip(), row["name"].strip())
            self.igos[igo.id] = igo
            self._igo_rows[igo.id] = row

    def _add_groups(self, rows: list[dict[str, str]]) -> None:
        self._group_rows = getattr(self, "_group_rows", {})
        for row in rows:
            code = row["code"].strip()
            self.groups[code] = Group(code, row["kind"].strip(), row["name"].strip(), (row.get("country") or "").strip()
                                      or None)
            self._group_rows[code] = row

    def _add_people(self, items: list[dict[str, Any]]) -> None:
        for item in items:
            person = Person(
                id=str(item["id"]),
                name=str(item["name"]),
                aliases=[str(a) for a in item.get("aliases") or []],
                surnames=[str(s) for s in item.get("surnames") or []],
                roles=[_role_from(r) for r in item.get("roles") or []],
                priority=self._priority,
                nationality=item.get("nationality") or None,
            )
            self.people[person.id] = person

    def _add_offices(self, data: dict[str, Any]) -> None:
        """Compact office lists (data/people/*.yaml): country -> title -> ["Name START..END", ...].

        One person may appear under several offices and files: their roles are merged (a role already known with
        the same country, title and start is not added twice). ``people`` gives aliases and surnames by name.
        """
        sectors = {str(k).lower(): str(v) for k, v in (data.get("title_sectors") or {}).items()}
        details = data.get("people") or {}
        for where, block in (data.get("offices") or {}).items():
            block = dict(block or {})
            org = str(where)[4:] if str(where).startswith("org:") else None
            country = None if org else str(where)
            leaders = block.pop("leader", None)
            leaders = {str(t).lower() for t in ([leaders] if isinstance(leaders, str) else leaders or [])}
            family_first = bool(block.pop("family_name_first", False))
            for title, lines in block.items():
                title = str(title).lower()
                for line in lines or []:
                    match = _OFFICE_LINE.match(str(line).strip())
                    if match is None:
                        raise ValueError(f"office line {line!r} ({where}, {title}): expected 'Name START..END'")
                    name = match["name"].strip()
                    role = Role(title=title, country=country, sector="IGO" if org else sectors.get(title, "GOV"),
                                leader=title in leaders, org=org, start=_norm_date(match["start"]),
                                end=_norm_date(match["end"]))
                    self._merge_person(name, role, details.get(name) or {}, family_first)

    def _merge_person(self, name: str, role: Role, extra: dict[str, Any], family_first: bool) -> None:
        """Add ``role`` to the person called ``name`` (created with derived surnames when new)."""
        pid = str(extra.get("id") or _slug(name))
        person = self.people.get(pid)
        if person is None:
            surnames = extra.get("surnames")
            if surnames is None:
                surnames = _default_surnames(name, family_first)
            person = Person(pid, name, [str(a) for a in extra.get("aliases") or []], [str(s) for s in surnames],
                            priority=self._priority)
            self.people[pid] = person
        if extra.get("nationality") and not person.nationality:
            person.nationality = str(extra["nationality"])
        if not any(r.country == role.country and r.org == role.org and r.title == role.title
                   and r.start == role.start for r in person.roles):
            person.roles.append(role)

    def _add_agents(self, data: dict[str, Any]) -> None:
        self._nouns = getattr(self, "_nouns", {})
        for weak, key in ((False, "nouns"), (True, "weak_nouns")):
            for sector, words in (data.get(key) or {}).items():
                for word in words or []:
                    self._nouns[str(word).lower()] = Noun(str(word).lower(), str(sector), weak)
        for title, targets in (data.get("titles") or {}).items():
            self.titles[str(title).lower()] = tuple(str(t).lower() for t in targets)
        self.dominant |= set(data.get("dominant") or [])
        self._honorifics = getattr(self, "_honorifics", set()) | {str(h).lower() for h in data.get("honorifics") or []}
        self.determiners |= {str(d).lower() for d in data.get("determiners") or []}
        self.crowd_counts |= {str(d).lower() for d in data.get("crowd_counts") or []}
        self.relation_heads |= {str(d).lower() for d in data.get("relation_heads") or []}
        self.cut_words |= {str(w).lower() for w in data.get("cut_words") or []}
        self.name_particles |= {str(w).lower() for w in data.get("name_particles") or []}
        self.membership_preps |= {str(w).lower() for w in data.get("membership_preps") or []}
        self.affiliation_preps |= {str(w).lower() for w in data.get("affiliation_preps") or []}
        for words in (data.get("owned_heads") or {}).values():
            for word in words or []:
                self.owned_heads |= {_fold(str(word)), *(_fold(p) for p in _plurals(str(word)))}
        self.owner_preps |= {str(w).lower() for w in data.get("owner_preps") or []}
        for word in data.get("kin_heads") or []:
            key = _fold(str(word).split("-")[-1])  # "half-brother", "in-law": the words are split when matched
            self.kin_heads |= {key, *(_fold(p) for p in _plurals(key))}
        self.kin_elite_sectors |= {str(w).upper() for w in data.get("kin_elite_sectors") or []}
        self.clause_adjectives |= {str(w).lower() for w in data.get("clause_adjectives") or []}
        self.stance_prefixes |= {str(w).lower() for w in data.get("stance_prefixes") or []}
        self.former_markers |= {str(w).lower() for w in data.get("former_markers") or []}
        self.former_elite_sectors |= {str(w).upper() for w in data.get("former_elite_sectors") or []}
        self.past_markers |= self.former_markers | {str(w).lower() for w in data.get("past_markers") or []}
        for sector, words in (data.get("organisation_words") or {}).items():
            for word in words or []:
                self.organisation_words[_fold(str(word))] = "" if sector == "none" else str(sector)
        for item in data.get("named") or []:
            sector = item.get("sector")
            named = Named(
                id=str(item["id"]),
                name=str(item["name"]),
                country=item.get("country"),
                sector=sector,
                code=item.get("code"),
                aliases=[str(a) for a in item.get("aliases") or []],
                roles=[_role_from(r, sector or "GOV") for r in item.get("roles") or []],
                priority=self._priority,
                whole=bool(item.get("whole")),
            )
            self.named[named.id] = named
        for phrase, codes in (data.get("collectives") or {}).items():
            self._collectives[" ".join(self._key(str(phrase))[0])] = tuple(str(c) for c in codes)

    # ---- indexing
    def _key(self, alias: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
        """The folded words an alias is indexed under, and the spelling it must have: an acronym's, or the one
        written after a leading "=" in the data ("=the States", "=West": "member states" and "the west of the
        country" are no such names)."""
        exact = alias.startswith("=")
        toks = list(tokenize(alias.lstrip("=")))
        while toks and toks[0].key in self.determiners and len(toks) > 1:
            toks = toks[1:]  # "the US" is indexed as "US": phrases lose their determiners too
        cased = tuple(t.cased for t in toks)
        return tuple(t.key for t in toks), (cased if exact or _is_acronym(" ".join(cased)) else None)

    def _add(self, alias: str, kind: str, ref: Any, plural: bool = False) -> None:
        if not alias or not alias.strip():
            return
        key, cased = self._key(alias)
        if not key:
            return
        letters = alias.lstrip("=").replace(".", "").replace(" ", "")
        entry = Entry(kind, ref, cased, plural, capitals=cased is None and letters.isalpha() and letters.isupper())
        bucket = self._index.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self._maxlen = max(self._maxlen, len(key))

    def _build_index(self) -> None:
        """Precompute the phrase index (all names, lower-cased and accent-folded) once."""
        self._index.clear()
        self._misspelt = None
        self._surnames.clear()
        self._family_first = None  # recomputed from the new index (family_first_surnames)
        self._codes.clear()
        for iso3, row in getattr(self, "_country_rows", {}).items():
            country = self.countries[iso3]
            self._codes[iso3] = iso3
            if country.iso2:
                self._codes[country.iso2] = iso3
            for alias in [row["name"], *_split(row.get("aliases"))]:
                self._add(alias, "country", country)
            for adj in _split(row.get("adjectives")):
                self._add(adj, "adj", country)
                for plural in _plurals(adj, adjective=True):
                    self._add(plural, "adj", country, plural=True)
            for capital in _split(row.get("capitals")):
                self._add(capital, "capital", country)
        for igo_id, row in getattr(self, "_igo_rows", {}).items():
            igo = self.igos[igo_id]
            for alias in [row["name"], *_split(row.get("aliases"))]:
                self._add(alias, "igo", igo)
        self._story_aliases = {}
        for igo_id, row in getattr(self, "_igo_rows", {}).items():
            for alias in _split(row.get("story_aliases")):
                key, _ = self._key(alias)
                self._story_aliases.setdefault(key, []).append(self.igos[igo_id])
        for code, row in getattr(self, "_group_rows", {}).items():
            for alias in [*_split(row.get("nouns")), *_split(row.get("adjectives"))]:
                self._add(alias, "group", self.groups[code])
        for noun in getattr(self, "_nouns", {}).values():
            self._add(noun.words, "noun", noun)
            for plural in _plurals(noun.words):
                if tuple(plural.split()) not in self._index:
                    self._add(plural, "noun", dataclasses.replace(noun, plural=True))
        for word in getattr(self, "_honorifics", set()):
            self._add(word, "honorific", None)
        for named in self.named.values():
            for alias in [named.name, *named.aliases]:
                self._add(alias, "named", named)
        for person in self.people.values():
            # a one-word canonical name ("Francis", "Philippe") is a common first name: only its aliases are indexed
            names = [person.name] if len(tokenize(person.name)) > 1 else []
            for alias in [*names, *person.aliases]:
                self._add(alias, "person", person)
            for surname in person.surnames:
                key, _ = self._key(surname)
                bucket = self._surnames.setdefault(" ".join(key), [])
                if person not in bucket:  # "Orban" and "Orbán" fold to one key
                    bucket.append(person)
        for bucket in self._index.values():
            # a user's entry first, then by kind
            bucket.sort(key=lambda e: (-getattr(e.ref, "priority", 0), _KIND_ORDER[e.kind]))
        self._cached.cache_clear()

    # ---- public API
    def lookup(self, phrase: str, date: str | None = None) -> Actor | None:
        """The actor a noun phrase names at ``date`` (ISO), or None when it names no actor."""
        actor = self._cached(phrase, _norm_date(date))
        return dataclasses.replace(actor) if actor else None  # a copy: callers may edit it

    def lookup_all(self, phrase: str, date: str | None = None) -> list[Actor]:
        """Every actor a phrase names: one for most phrases, several for collectives ("the two Koreas" -> KOR, PRK)
        and coordinations ("the US and South Korea"); [] when it names none."""
        when = _norm_date(date)
        toks = self._strip(tokenize(_trim(phrase)))
        codes = self._collectives.get(" ".join(t.key for t in toks))
        if codes:
            out = []
            for code in codes:
                country = self.countries.get(code)
                if country is not None:
                    out.append(dataclasses.replace(self._country_actor(country, None, "collective"), text=phrase))
            return out
        parts = self._coordinated(toks)
        if len(parts) > 1:
            found = [self._cached(" ".join(t.cased for t in part), when) for part in parts]
            actors = [dataclasses.replace(a) for a in found if a is not None]
            if len(actors) > 1:
                return actors
        actor = self.lookup(phrase, date)
        return [actor] if actor is not None else []

    def _coordinated(self, toks: tuple[Tok, ...]) -> list[tuple[Tok, ...]]:
        """Split at "and", "&" and commas that are not inside a known name ("Trinidad and Tobago" stays whole).
        Commas with no "and" are an apposition, not a list: "his Lebanese counterpart, Michel Aoun" is one actor."""
        parts: list[tuple[Tok, ...]] = []
        start = 0
        joined = False
        for item in self._scan(toks):
            if isinstance(item, int) and toks[item].key in ("and", "&", ","):
                joined = joined or toks[item].key != ","
                if item > start:
                    parts.append(toks[start:item])
                start = item + 1
        if start < len(toks):
            parts.append(toks[start:])
        return parts if joined else [toks]

    def explain(self, phrase: str, date: str | None = None) -> dict[str, Any] | None:
        """The lookup as a plain dict: code, country, sector, name, kb_id and why (for the CLI and users)."""
        actor = self.lookup(phrase, date)
        if actor is None:
            return None
        return {**actor.to_dict(), "why": actor.why, "date": _norm_date(date)}

    def country_of(self, phrase: str) -> str | None:
        """ISO3 for a country name, short name, demonym, ISO2/ISO3 code or capital ("Seoul" -> "KOR")."""
        toks = self._strip(tokenize(phrase))
        if not toks:
            return None
        if len(toks) == 1 and toks[0].cased in self._codes:
            return self._codes[toks[0].cased]
        for entry in self._entries(toks):
            if entry.kind in ("country", "adj", "capital"):
                return entry.ref.iso3
        return None

    def person(self, person_id: str) -> Person | None:
        """A person entry by id ("kim-jong-un")."""
        return self.people.get(person_id)

    def story_alias_igos(self, phrase: str) -> list[Igo]:
        """The organisations a short common-noun name ("the Commission") may stand for (igos.tsv story_aliases)."""
        key = tuple(t.key for t in self._strip(tokenize(_trim(phrase))))
        return self._story_aliases.get(key, [])

    def igo_family_pattern(self, igo: Igo) -> re.Pattern[str]:
        """Any full name of ``igo`` or of a parent (an IGO whose code begins its code: IGOEU for IGOEUEC), as
        whole words; acronyms in capitals only."""
        names: list[str] = []
        for other_id, row in getattr(self, "_igo_rows", {}).items():
            if igo.code.startswith(self.igos[other_id].code):
                names += [row["name"], *_split(row.get("aliases"))]
        cased = [re.escape(n.lstrip("=")) for n in names if _is_acronym(n)]
        folded = [re.escape(n.lstrip("=")) for n in names if not _is_acronym(n)]
        parts = ([f"(?-i:{'|'.join(cased)})"] if cased else []) + folded
        return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)

    # ---- resolution
    def _lookup_uncached(self, phrase: str, date: str | None) -> Actor | None:
        return self._resolve(phrase, date, None)

    def _entries(self, toks: tuple[Tok, ...], before: Tok | None = None) -> list[Entry]:
        """Entries whose key is exactly these tokens (spelling checked for acronyms). ``before``: the word in
        front of them; after a capitalised word or a name particle, a long acronym spelt as a word ("Nato" is
        NATO, but "al-Sadr" is no SADR) is the end of someone's name."""
        bucket = self._index.get(tuple(t.key for t in toks), []) or self._misspelt_country(toks)
        cased = tuple(t.cased for t in toks)
        in_name = before is not None and (before.cased[:1].isupper() or before.key in self.name_particles) \
            and not all(c.isupper() for c in cased)
        return [e for e in bucket if (e.cased is None or e.cased == cased) and not (e.capitals and in_name)]

    def _misspelt_country(self, toks: tuple[Tok, ...]) -> list[Entry]:
        """The country a capitalised word of at least ``_MISSPELT_MIN`` letters misspells by one letter added,
        dropped, changed or swapped ("Afganistan", "Ethopia", "Quatar"), when it misspells exactly one and is no
        given name ("Frances" is no France). Adjectives are left out: common words lie one letter from them
        ("Trench"). Else no entries."""
        if len(toks) != 1 or len(toks[0].key) < _MISSPELT_MIN or not toks[0].cased[:1].isupper() or \
                not toks[0].key.isalpha() or toks[0].key in _given_names():
            return []
        if self._misspelt is None:
            self._misspelt = {}
            for key, bucket in self._index.items():
                if len(key) == 1 and len(key[0]) >= _MISSPELT_MIN - 1 and any(e.kind == "country" for e in bucket):
                    for variant in _deletions(key[0]):
                        self._misspelt.setdefault(variant, set()).add(key[0])
        word = toks[0].key
        if word.endswith("s") and (word[:-1],) in self._index:
            return []  # "the two Koreas", "Sudans": a plural, no misspelling
        found = {k for v in _deletions(word) for k in self._misspelt.get(v, ()) if _one_edit(word, k)}
        if len(found) != 1:
            return []
        return [e for e in self._index[(found.pop(),)] if e.kind == "country"]

    def _strip(self, toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
        """Drop leading determiners and stray commas."""
        start = 0
        while start < len(toks) and (toks[start].key in self.determiners or toks[start].key == ","
                                     or toks[start].key.replace(",", "").isdigit()):
            start += 1
        end = len(toks)
        while end > start and toks[end - 1].key == ",":
            end -= 1
        return toks[start:end]

    def _scan(self, toks: tuple[Tok, ...]) -> list[Span | int]:
        """Greedy longest-match scan: a Span for each known name, the token index for other words."""
        out: list[Span | int] = []
        i = 0
        while i < len(toks):
            for j in range(min(len(toks), i + self._maxlen), i, -1):
                entries = self._entries(toks[i:j], toks[i - 1] if i else None)
                if entries and self._not_here(entries, out, i, j, toks):
                    out.extend(range(i, j))  # "Salih Muslim", "Social Democrats", "pro-Iranian": not this entry
                    i = j
                    break
                if entries:
                    out.append(Span(i, j, tuple(entries)))
                    i = j
                    break
            else:
                out.append(i)
                i += 1
        return out

    def _not_here(self, entries: list[Entry], before: list[Span | int], start: int, end: int,
                  toks: tuple[Tok, ...]) -> bool:
        """Whether a match does not name its entry here: a group's name inside a longer proper name, a named entry
        marked ``whole`` after an unknown capitalised word ("Social Democrats"), or a country or organisation after
        a stance prefix ("pro-Iranian", "anti-American": an attitude, not whose the agent is)."""
        if start > 0 and toks[start - 1].key in self.stance_prefixes and \
                all(e.kind in ("country", "adj", "capital", "named", "igo") for e in entries):
            return True
        if all(e.kind == "group" for e in entries):
            return self._in_name(before, end, toks)
        if all(e.kind == "named" and e.ref.whole for e in entries) and before:
            last = before[-1]
            return isinstance(last, int) and toks[last].cased[:1].isupper()
        return False

    def _in_name(self, before: list[Span | int], end: int, toks: tuple[Tok, ...]) -> bool:
        """Whether a group's name is part of a longer proper name: after an unknown capitalised word, an honorific or
        a title (a person's name), or before an unknown capitalised word ("West Bengal", "Muslim League")."""
        if before:
            last = before[-1]
            if isinstance(last, int) and toks[last].cased[:1].isupper():
                return True
            if isinstance(last, Span) and (last.kind == "honorific" or (last.kind == "noun" and last.entry.ref.weak)):
                return True
        return end < len(toks) and toks[end].cased[:1].isupper() and (toks[end].key,) not in self._index

    def _resolve(self, phrase: str, date: str | None, memory: "StoryActors | None") -> Actor | None:
        text = _trim(phrase)
        all_toks = tokenize(text)
        lead = 0
        while lead < len(all_toks) and (all_toks[lead].key in self.determiners
                                        or all_toks[lead].key.replace(",", "").isdigit()):
            lead += 1
        indefinite = lead > 0 and all_toks[0].key in ("a", "an")
        toks = self._strip(all_toks)
        if not toks:
            crowd = self._crowd(all_toks)
            if crowd is not None:
                crowd.text = text
            return crowd
        items = self._scan(toks)
        core, tail, rest = self._split_items(items, toks)
        name = self._personal_name(core, toks) if rest else None
        actor = self._interpret(core, tail, toks, date, memory, indefinite)
        if actor is None and rest:  # apposition: "Dr Lee, a visiting scholar" -> try after the comma
            after = " ".join(t.cased for t in toks[rest:])
            actor = self._resolve(after, date, memory)
            if actor is not None and name and (actor.kb_id or "").startswith(("agent:", "country:", "igo:")):
                actor.name = name  # the unknown person named before the comma is this agent
                actor.why = f"name+apposition ({actor.why})"
        elif rest and (actor.kb_id or "").startswith("person:") and actor.sector not in ("IGO", "NGO"):
            actor = self._organisation_post(actor, toks[rest:], date, memory)
        if actor is None:  # "the Kenyan offer"; after the apposition: "his Zambian counterpart, Hakainde Hichilema"
            actor = self._owner(core, toks, date, memory)
        if actor is not None:
            actor.text = text
        return actor

    def _crowd(self, toks: tuple[Tok, ...]) -> Actor | None:
        """A count with no noun after it ("Thousands marched", "killed dozens"): people, as CAMEO codes a crowd
        (CVL); a count of nothing in particular ("two", "more than 20") names no one."""
        if not toks or toks[-1].key not in self.crowd_counts:
            return None
        return Actor(text="", name=None, code="CVL", country=None, sector="CVL", kb_id="agent:crowd", why="crowd")

    def _organisation_post(self, person: Actor, after: tuple[Tok, ...], date: str | None,
                           memory: "StoryActors | None") -> Actor:
        """A known person with an apposition naming a post in an organisation ("X, the UN relief coordinator"): the
        text says in which capacity they act, so the organisation's code replaces their national one (CAMEO codes a
        UN official as the UN whatever their nationality)."""
        if any(t.key in self.past_markers for t in after):
            return person  # "X, the former UN chief": no longer acting for it
        post = self._resolve(" ".join(t.cased for t in after), date, memory)
        if post is None or post.sector not in ("IGO", "NGO") or (post.kb_id or "").startswith("person:"):
            return person
        return dataclasses.replace(post, name=person.name, kb_id=person.kb_id,
                                   why=f"person+apposition ({post.why})")

    def _personal_name(self, core: list, toks: tuple[Tok, ...]) -> str | None:
        """The capitalised words of a bare (optionally honorific) name ("Dr Lee Seong-hyon" -> "Lee Seong hyon")."""
        words = [i for i in core if isinstance(i, int)]
        spans = [s for s in core if isinstance(s, Span)]
        # hyphenated given names split into a lower-case part ("Seong-hyon"): only the first word must be capitalised
        if not words or any(s.kind != "honorific" for s in spans) or not toks[words[0]].cased[:1].isupper():
            return None
        return " ".join(toks[i].cased for i in words)

    def _split_items(self, items: list[Span | int], toks: tuple[Tok, ...]) -> tuple[list, list, int | None]:
        """Core (before the first cut word), affiliation tail ("in Nairobi"), and where an apposition starts."""
        core: list[Span | int] = []
        tail: list[Span | int] = []
        rest: int | None = None
        state = "core"
        for item in items:
            if isinstance(item, int):
                key = toks[item].key
                if key == ",":
                    rest = item + 1 if state == "core" else rest
                    break
                if state == "core" and core and self._opens_clause(item, toks):
                    break
                if key in self.affiliation_preps and state == "core" and core:
                    state = "tail"
                    continue
                if key in self.cut_words or (key in self.affiliation_preps and state == "tail"):
                    break
            (core if state == "core" else tail).append(item)
        return core, tail, rest

    def _organisation(self, last: int, core: list, tail: list, toks: tuple[Tok, ...]) -> Actor | None:
        """An organisation the knowledge lacks, named with a country ("the Lesotho Defence Force", "the Communist
        Party of Nepal"): its last word says it is an organisation (``organisation_words``), the country comes from
        the name or its of-phrase, the sector from the word (MIL for a Force; none for a Party)."""
        sector = self.organisation_words.get(toks[last].key)
        if sector is None:
            return None
        spans = [s for s in core if isinstance(s, Span)] + [s for s in tail if isinstance(s, Span)]
        place = next((s for s in spans if s.kind in ("country", "adj", "capital")), None)
        if place is None:
            return None
        return self._country_actor(place.entry.ref, sector or None, f"{place.kind}+organisation:{toks[last].key}")

    def _opens_clause(self, i: int, toks: tuple[Tok, ...]) -> bool:
        """A lower-case participle or clause adjective followed by a preposition: "troops [stationed in X]",
        "warplanes [supported by Y]", "rebels [loyal to Z]" (not before "of": "a group [composed of]" is left)."""
        word = toks[i]
        if word.cased[:1].isupper() or i + 1 >= len(toks):
            return False
        if not (word.key.endswith(("ed", "ing")) or word.key in self.clause_adjectives):
            return False
        after = toks[i + 1].key
        return after != "of" and (after in self.cut_words or after in self.affiliation_preps)

    def _owner(self, core: list, toks: tuple[Tok, ...], date: str | None,
               memory: "StoryActors | None") -> Actor | None:
        """The actor a possessed head stands for (``owned_heads`` in agents.yaml): the words before the head, less
        its own lower-case modifiers ("the Afghan government's dialogue offer" -> the Afghan government), else the
        phrase after an owner preposition ("a request from the UN", "missiles fired by the army"). The owner must be
        someone in particular: a bare sector ("military aircraft" -> MIL) is no owner."""
        if not core or not isinstance(core[-1], int) or toks[core[-1]].key not in self.owned_heads | self.kin_heads:
            return None
        head = core[-1]
        j = len(core) - 2
        while j >= 0 and isinstance(core[j], int) and not toks[core[j]].cased[:1].isupper():
            j -= 1
        related = toks[head].key in self.relation_heads  # "Russia's allies" are others than Russia
        if related and (j < 0 or any(isinstance(s, Span) and s.kind in _RELATED_KINDS for s in core[:-1])):
            return None
        if j >= 0:
            end = core[j].end if isinstance(core[j], Span) else core[j] + 1
            words = toks[:end] + toks[head + 1:]  # the head's tail stays: "a base in Syria" -> "... in Syria"
        else:
            after = head + 1
            if after < len(toks) and toks[after].key.endswith(("ed", "en")) and not toks[after].cased[:1].isupper():
                after += 1  # "missiles fired by", "the plan drawn up by" is left
            if after + 1 >= len(toks) or toks[after].key not in self.owner_preps:
                return None
            words = toks[after + 1:]
        actor = self._resolve(" ".join(t.cased for t in words), date, memory)
        if actor is not None and toks[head].key in self.kin_heads:
            return self._kin(actor, toks[head].key)
        if actor is None or (actor.country is None and (actor.kb_id or "").startswith("agent:")):
            return None  # a bare sector ("two military aircraft" -> MIL) would hide who sent them
        if related and (actor.kb_id or "").startswith("person:"):
            return None  # "Lavrov's counterpart": someone else than Lavrov
        actor.why = f"owner-of:{toks[head].key} ({actor.why})"
        return actor

    def _kin(self, relative: Actor, head: str) -> Actor | None:
        """A relative's kin ("the president's wife", "the half-brother of North Korea's leader"): the relative's
        country, an elite if the relative holds a post (``kin_elite_sectors``), else the relative's sector; with no
        country (a role only: "the president's wife") it is left to the context like the role."""
        if relative.sector == "IGO" or (relative.country is None and relative.sector is None):
            return None  # "the wife of a UN official": no country to give
        sector = "ELI" if relative.sector in self.kin_elite_sectors or (relative.kb_id or "").startswith("person:") \
            else relative.sector
        why = f"kin:{head} ({relative.why})"
        if relative.country is None:
            return Actor("", None, sector, None, sector, f"agent:{head}", why=why)
        country = self.countries.get(relative.country)
        return self._country_actor(country, sector, why) if country is not None else None

    def _interpret(self, core: list, tail: list, toks: tuple[Tok, ...], date: str | None,
                   memory: "StoryActors | None", indefinite: bool) -> Actor | None:
        """Apply the head rule to the scanned core (see the module docstring)."""
        if not core:
            return None
        # Trailing capitalised unknown words: a name ("President Trump", "Mr Kim", "Malian President Assimi Goita").
        core = list(core)  # the caller's list stays whole (an owned head is looked at after this)
        names: list[int] = []
        while core and isinstance(core[-1], int) and toks[core[-1]].cased[:1].isupper():
            names.insert(0, core.pop())
        if names:
            return self._organisation(names[-1], core, tail, toks) or \
                self._named_person(names, core, tail, toks, date, memory)
        head = core[-1]
        if isinstance(head, int):
            return None  # the head word is not an agent ("sanctions relief", "the meeting")
        before = [s for s in core[:-1] if isinstance(s, Span)]
        kind = head.kind
        if kind == "person":
            return self._person_actor(head.entry.ref, date, "person")
        if kind == "named":
            named: Named = head.entry.ref
            national = before[-1] if before and before[-1].end == head.start else None
            if national is not None and national.kind in ("country", "adj") and named.country \
                    and national.entry.ref.iso3 != named.country:
                # "Swedish Democrats", "Pakistani Taliban": another country's namesake
                return self._country_actor(national.entry.ref, named.sector, f"{national.kind}+named:{named.id}")
            return self._named_actor(named, date)
        if kind == "igo" and head.end - head.start == 1 and not head.entry.capitals and (
                _capitalised_unknown(core[:-1][-1:], toks) or _capitalised_unknown(tail, toks)):
            # "the State Pricing Commission", "a Commission of Inquiry": one word of another, longer name, which
            # with a country is that country's body ("the British High Commission" -> GBRGOV)
            return self._organisation(head.start, core[:-1], tail, toks)
        if kind == "igo":
            national = before[-1] if before and before[-1].end == head.start else None
            if national is not None and national.kind in ("country", "adj"):
                # "the Ukrainian Security Council", "the American Red Cross": a national body of that name
                igo: Igo = head.entry.ref
                return self._country_actor(national.entry.ref, "GOV" if igo.sector == "IGO" else igo.sector,
                                           f"{national.kind}+igo-name:{igo.id}")
            return _igo_actor(head.entry.ref)
        place = self._group_place(head, tail, toks)
        if kind == "group":
            return self._group_actor(head.entry.ref, before, [place] if place else [], None,
                                     "group+place" if place else "group")
        if kind in ("country", "capital", "adj"):
            if place is not None:  # "the Albanians of southern Serbia": a people within the country named after
                return self._group_actor(_group_reading(head), [], [place], None, "group+place")
            if any(s.kind in ("country", "capital", "adj") for s in before):
                group = _group_reading(head)
                if group is not None:  # "Bosnian Serbs": a people within the country named before
                    return self._group_actor(group, before, [], None, "country+group")
                return None  # "US-North Korea": several countries and no agent
            country = head.entry.ref
            if kind == "capital":  # a seat of government stands for the government ("Pyongyang" -> PRKGOV)
                return self._country_actor(country, "GOV", "capital")
            return self._country_actor(country, None, kind)
        if kind == "noun":
            return self._agent(head, core[:-1], tail, toks, date, memory, indefinite)
        return None

    # ---- generic agents
    def _agent(self, head: Span, mods: list, tail: list, toks: tuple[Tok, ...], date: str | None,
               memory: "StoryActors | None", indefinite: bool) -> Actor | None:
        """A generic agent noun at the head: sector from the nouns, country or organisation from the modifiers."""
        noun: Noun = head.entry.ref
        before = [s for s in mods if isinstance(s, Span)]
        tail_spans = [s for s in tail if isinstance(s, Span)]
        if any(isinstance(t, int) and toks[t].key in self.relation_heads for t in tail):
            # "a commander of Turkey's militia ally": of someone else than Turkey
            tail_spans = [s for s in tail_spans if s.kind not in _RELATED_KINDS]
        sector = self._sector(noun, before, tail_spans)
        # "the former president", "ex-minister": out of office, so no holder and no one the story named for the post
        former = any(isinstance(m, int) and toks[m].key in self.former_markers for m in mods)
        if former and sector in self.former_elite_sectors:
            sector = "ELI"
        owner = _affiliation(before) or _affiliation(tail_spans)
        group = self._group_modifier(before)
        if group is not None and (owner is None or owner.kind in ("country", "adj", "capital")):
            # "Kurdish fighters" KURREB, "Iraqi Kurdish fighters" IRQREBKUR, "Bosnian Serb police" BIHCOPSER
            rest = [s for s in before if s is not group]
            return self._group_actor(_group_reading(group), rest, tail_spans, sector, f"group+noun:{noun.words}")
        if owner is None:  # "the Trump administration": a known surname as a modifier
            # a surname is capitalised: "young men" is no one's ("Young" is a prime minister's surname)
            for i in reversed([m for m in mods if isinstance(m, int) and toks[m].cased[:1].isupper()]):
                person = (memory._recall_surname(self, toks[i].key, date) if memory is not None else None) \
                    or self._by_surname(toks[i].key, date)
                if person is not None:
                    owner = Span(i, i + 1, (Entry("person", person),))
                    break
        title = " ".join(t.key for t in toks[head.start:head.end])
        # "his party leader", "the union chief": the head of an organisation the words name, no one the story named
        # for the title (wave 11: a party leader recalled as the last head of state)
        of_organisation = any(isinstance(m, int) and toks[m].key in self.organisation_words for m in mods)
        if owner is None and noun.weak and not noun.plural and not indefinite and not of_organisation and not former:
            # "the North Korean leader" / "the official": someone this story already named
            if memory is not None:
                found = memory._recall_title(self, title, None, date) or memory._recall_head(title)
                if found is not None:
                    return found
        if owner is not None:
            if owner.kind in ("named", "igo"):
                if owner.kind == "igo" and former:  # "a former UN official" no longer acts for the UN
                    return Actor(text="", name=None, code="ELI", country=None, sector="ELI",
                                 kb_id=f"agent:{noun.words}", why=f"former+igo+noun:{noun.words}")
                if owner.kind == "igo" and not noun.plural and not indefinite:
                    person = self._holder(title, None, owner.entry.ref.id, date, memory)
                    if person is not None:
                        return person
                if owner.kind == "igo":
                    return _igo_actor(owner.entry.ref)
                base = self._named_actor(owner.entry.ref, date)
                own_sector = sector if not noun.weak or sector != noun.sector else None
                if owner not in before and own_sector and base.sector and own_sector != base.sector \
                        and base.country in self.countries and _tail_prep(tail, toks) not in self.membership_preps:
                    # "business leaders at the White House": the place where they are gives the country only
                    return self._country_actor(self.countries[base.country], own_sector,
                                               f"named-place+noun:{noun.words}")
                if base.code and len(base.code) == 3 and base.sector is None:
                    # a country-like dictionary entry ("ARN" from a PETRARCH file) plus an agent: ARN + GOV
                    return dataclasses.replace(base, code=base.code + sector, country=base.code, sector=sector,
                                               why=f"{base.why}+noun:{noun.words}")
                return base
            if owner.kind == "person":
                if memory is not None and owner.end - owner.start == 1 and \
                        memory.surname_of_unknown(self, toks[owner.start].key):
                    # "Hernandez's lawyers" after "Aaron Hernandez": the story's own Hernandez, no known namesake
                    return Actor(text="", name=None, code=sector, country=None, sector=sector,
                                 kb_id=f"agent:{noun.words}", why=f"unknown-person-modifier+noun:{noun.words}")
                base = self._person_actor(owner.entry.ref, date, "person")
                country = self.countries.get(base.country) if base.country else None
                if country is None:
                    return base
                return self._country_actor(country, sector, f"person-modifier+noun:{noun.words}")
            country = owner.entry.ref
            if not noun.plural and not indefinite and not former and title in self.titles:
                person = self._holder(title, country.iso3, None, date, memory)
                if person is not None:
                    return person
            return self._country_actor(country, sector, f"{owner.kind}+noun:{noun.words}")
        if not noun.plural and not indefinite and not former and title in self.titles:
            # a title only one country's posts bear ("the Taoiseach") names that country's holder
            only = self._title_country(title)
            person = self._holder(title, only, None, date, memory) if only else None
            if person is not None:
                return person
        return Actor(text="", name=None, code=sector, country=None, sector=sector, kb_id=f"agent:{noun.words}",
                     why=f"noun:{noun.words}")

    def _title_country(self, title: str) -> str | None:
        """The one country whose posts ``title`` names, if only one country's do ("taoiseach" -> IRL)."""
        if title not in self._title_countries:
            targets = set(self.titles.get(title, ()))
            # "@leader": every country's paramount leader bears the title ("the leader"), whatever the post is called
            self._title_countries[title] = frozenset(
                r.country for p in self.people.values() for r in p.roles
                if (r.title in targets or ("@leader" in targets and r.leader)) and r.country)
        countries = self._title_countries[title]
        return next(iter(countries)) if len(countries) == 1 else None

    def _group_place(self, head: Span, tail: list, toks: tuple[Tok, ...]) -> Span | None:
        """The country a people or faith at the head is placed in by its tail ("ethnic Albanians in south Serbia",
        "the Kurds of northern Iraq"): CAMEO puts the group code first only when the group is tied to no place;
        tied to one, the country comes first (SRBABN). A demonym that is no group ("Americans in Iraq") has none,
        nor has a people placed in its own country ("the Albanians of Albania")."""
        if _group_reading(head) is None or _tail_prep(tail, toks) not in self.affiliation_preps:
            return None
        place = next((s for s in tail if isinstance(s, Span) and s.kind in ("country", "capital")), None)
        if place is None or (head.kind != "group" and place.entry.ref is head.entry.ref):
            return None
        return place

    def _group_modifier(self, before: list[Span]) -> Span | None:
        """The modifier naming a people, faith or region: a group ("Kurdish"), or a demonym that is also one,
        after another country ("Bosnian Serb")."""
        for i in range(len(before) - 1, -1, -1):
            span = before[i]
            if span.kind == "group":
                return span
            if _group_reading(span) is not None and any(s.kind in ("country", "adj", "capital") for s in before[:i]):
                return span
        return None

    def _group_actor(self, group: Group, before: list[Span], tail: list[Span], sector: str | None,
                     why: str) -> Actor:
        """A group's actor: the group code first when no country is named ("KUR", "KURREB"), else the country,
        the role and the group ("IRQKUR", "IRQREBKUR"), as CAMEO orders them."""
        place = next((s for s in reversed(before) if s.kind in ("country", "adj", "capital")), None) \
            or next((s for s in tail if s.kind in ("country", "adj", "capital")), None)
        country = place.entry.ref.iso3 if place is not None else group.country
        if country is None:
            code = group.code + (sector or "")
        else:
            code = country + (sector or "") + group.own
        return Actor("", group.name, code, country, sector, f"group:{group.code}", why=why)

    def _sector(self, noun: Noun, before: list[Span], tail: list[Span]) -> str:
        """The head noun's sector; a weak head defers to an organisational noun; dominant modifiers win."""
        mods = [s.entry.ref for s in before if s.kind == "noun"]
        for mod in mods:
            if mod.sector in self.dominant and mod.sector != noun.sector:
                return mod.sector
        if noun.weak:
            for mod in reversed(mods + [s.entry.ref for s in tail if s.kind == "noun"]):
                if not mod.weak:
                    return mod.sector
        return noun.sector

    # ---- people
    def _named_person(self, names: list[int], core: list, tail: list, toks: tuple[Tok, ...], date: str | None,
                      memory: "StoryActors | None") -> Actor | None:
        """A trailing name: a known surname, or an unknown person coded from the title before it."""
        words = [toks[i] for i in names]
        # The whole trailing name must be a known short form: "Mr Kim", "President Xi", "Le Drian"; an unknown
        # "Ivanka Trump" is not Donald Trump.
        key = " ".join(t.key for t in words)
        spans = [s for s in core if isinstance(s, Span)]
        titled = any(s.kind != "honorific" for s in spans)
        if memory is not None and not titled and memory.surname_of_unknown(self, key):
            return None  # "Hernandez" after "Juan Hernandez": the story's own unknown person, not a known namesake
        titled_as = next((" ".join(t.key for t in toks[s.start:s.end]) for s in reversed(spans) if s.kind == "noun"),
                         None)
        person = (memory._recall_surname(self, key, date) if memory is not None else None) \
            or self._by_surname(key, date, titled_as)
        if person is not None:
            return self._person_actor(person, date, "surname")
        if not spans:
            return None  # capitalised words with no title: a place, a month, an unknown organisation
        head = spans[-1]
        if head.kind == "igo":  # "UN aid chief Tom Fletcher": an unknown official of a known organisation
            actor = _igo_actor(head.entry.ref)
            actor.name = " ".join(t.cased for t in words)
            actor.why = f"igo+name ({actor.why})"
            return actor
        if head.kind == "noun" and head.entry.ref.weak:  # a person's title: "President", "Judge"
            actor = self._agent(head, spans[:-1], tail, toks, date, None, True)
        elif head.kind == "honorific":
            inner = spans[:-1]
            if not inner or inner[-1].kind != "noun" or not inner[-1].entry.ref.weak:
                return None
            actor = self._agent(inner[-1], inner[:-1], tail, toks, date, None, True)
        else:
            return None
        if actor is not None and not (actor.kb_id or "").startswith(("person:", "named:", "igo:")):
            actor.name = " ".join(t.cased for t in words)
            actor.why = f"title+name ({actor.why})"
        return actor

    def family_first_surnames(self) -> frozenset[str]:
        """Surnames that known people write first ("Kim" of Kim Jong Un, "Xi" of Xi Jinping): in an unknown name
        that starts with one, the family name comes first too."""
        cached = getattr(self, "_family_first", None)
        if cached is None:
            cached = frozenset(key for key, people in self._surnames.items()
                               if any(tokenize(p.name)[:1] and tokenize(p.name)[0].key == key for p in people))
            self._family_first = cached
        return cached

    def _by_surname(self, key: str, date: str | None, title: str | None = None) -> Person | None:
        """A unique person with this surname: among those in office at ``date`` first, then among all.

        ``title``: the title written before the name ("President Carter"); when several people share the surname
        and none is in office at the date, one who ever held that office is meant (Jimmy, not Ash Carter)."""
        people = self._surnames.get(key, [])
        if len(people) > 1:  # a user's entries first
            top = max(p.priority for p in people)
            people = [p for p in people if p.priority == top]
        if len(people) == 1:
            person = people[0]
            # a bare surname is someone news of that time would call so: "Santos" in a 1987 story is not a president
            # of the 2010s (nor "Mr Santos"); a title says who is meant whatever the date
            if title is None and date and person.roles and not any(r.near(date, *SURNAME_YEARS) for r in person.roles):
                return None
            return person
        if people:  # with no date, "in office now" (an open-ended role)
            active = [p for p in people if any(r.holds(date) if date else r.end is None for r in p.roles)]
            if len(active) == 1:
                return active[0]
            # several in office: a country's paramount leader is who news means by a bare surname ("Mr Kim")
            leaders = [p for p in active if any(r.leader and (r.holds(date) if date else r.end is None)
                                                for r in p.roles)]
            if len(leaders) == 1:
                return leaders[0]
            if not active and date is not None:
                return self._out_of_office_namesake(people, date, title)
        return None

    def _out_of_office_namesake(self, people: list[Person], date: str, title: str | None) -> Person | None:
        """Among namesakes none of whom is in office at ``date``: the one who held the office ``title`` names, if
        only one did; else, when all served one country (the Bushes, the Gandhis), the one whose term is nearest
        the date: their code (that country's elite) is the same whichever is meant."""
        targets = self.titles.get(title or "")
        if targets:
            held = [p for p in people if any(r.title in targets or ("@leader" in targets and r.leader)
                                             for r in p.roles)]
            if len(held) == 1:
                return held[0]
            people = held or people
        countries = {r.country for p in people for r in p.roles}
        if len(countries) != 1 or None in countries:
            return None
        return min(people, key=lambda p: min(_days_apart(r, date) for r in p.roles))

    def _holder(self, title: str, iso3: str | None, org: str | None, date: str | None,
                memory: "StoryActors | None") -> Actor | None:
        """The person holding the role a title names at ``date`` ("the North Korean leader" -> Kim Jong Un)."""
        if memory is not None:
            found = memory._recall_title(self, title, iso3 or org, date)
            if found is not None:
                return found
        targets = self.titles.get(title)
        if not targets or (iso3 is None and org is None):
            return None
        hits = [p for p in self.people.values() if self._role_matching(p, targets, iso3, org, date)]
        if hits:  # a user's entry replaces the built-in holder of the same post
            top = max(p.priority for p in hits)
            hits = [p for p in hits if p.priority == top]
        if len(hits) != 1:
            return None
        return self._person_actor(hits[0], date, f"title-holder:{title}")

    def _role_matching(self, person: Person, targets: tuple[str, ...], where: str | None, org: str | None,
                       date: str | None) -> Role | None:
        for role in person.roles:
            if where is not None and role.country != where and role.org != where:
                continue
            if org is not None and role.org != org:
                continue
            if date is not None and not role.holds(date):
                continue
            if date is None and role.end is not None:
                continue
            if role.title in targets or ("@leader" in targets and role.leader):
                return role
        return None

    def _role_at(self, person: Person | Named, date: str | None) -> Role | None:
        """The role held at ``date`` (a leader role first); with no date the latest role."""
        if not person.roles:
            return None
        if date is None:
            return max(person.roles, key=lambda r: (r.end is None, r.end or "", r.leader, r.start or ""))
        held = [r for r in person.roles if r.holds(date)]
        if not held:
            return None
        return sorted(held, key=lambda r: not r.leader)[0]

    def _person_actor(self, person: Person, date: str | None, why: str) -> Actor:
        role = self._role_at(person, date)
        kb_id = f"person:{person.id}"
        if role is not None and role.org:
            igo = self.igos.get(role.org)
            code = igo.code if igo else "IGO"
            return Actor("", person.name, code, None, igo.sector if igo else "IGO", kb_id, why=f"{why}:{role.title}")
        if role is not None:
            code = (role.country or "") + role.sector
            return Actor("", person.name, code, role.country, role.sector, kb_id, why=f"{why}:{role.title}")
        # Out of office at the date: a national elite (CAMEO ELI) of the country of their nearest role.
        national = [r for r in person.roles if r.country]
        if date is not None:
            past = [r for r in national if r.start is None or r.start <= date]
            national = past or national
        # Someone whose posts were all in organisations keeps their own country (a former UN chief: KORELI).
        country = max(national, key=lambda r: r.start or "").country if national else person.nationality
        return Actor("", person.name, (country or "") + "ELI", country, "ELI", kb_id, why=f"{why}:out-of-office")

    def _named_actor(self, named: Named, date: str | None) -> Actor:
        sector = named.sector
        role = self._role_at(named, date) if named.roles and date is not None else None
        if named.roles and date is None and not any(r.code for r in named.roles):
            role = self._role_at(named, None)
        if role is not None and role.code:  # a dated code (imported PETRARCH restriction)
            return Actor("", named.name, role.code, *_code_parts(role.code), f"named:{named.id}",
                         why=f"named:{named.id}:{role.start or ''}..{role.end or ''}")
        if role is not None:
            sector = role.sector
        if named.code and any(r.code for r in named.roles):
            role = None  # outside every dated code: the entry's default code
        code = named.code if named.code and role is None else (named.country or "") + (sector or "")
        return Actor("", named.name, code or None, named.country, sector, f"named:{named.id}", why=f"named:{named.id}")

    def _country_actor(self, country: Country, sector: str | None, why: str) -> Actor:
        return Actor("", country.name, country.iso3 + (sector or ""), country.iso3, sector, f"country:{country.iso3}",
                     why=why)


# --------------------------------------------------------------------------------------------- helpers
def _capitalised_unknown(items: list, toks: tuple[Tok, ...]) -> bool:
    """Whether scanned items hold a capitalised word the knowledge does not know (part of a proper name)."""
    return any(isinstance(i, int) and toks[i].cased[:1].isupper() and toks[i].key != "," for i in items)


def _trim(phrase: str) -> str:
    """The phrase without outer spaces, quotes, punctuation and bracketed asides ("the Nigerian Air Force (NAF)");
    an abbreviation's final dot stays ("U.S.")."""
    text = " ".join(_ASIDE.sub(" ", phrase).split()).strip(" ,;:!?\"'“”‘’()[]")
    if text.endswith(".") and "." not in text.rsplit(" ", 1)[-1][:-1]:
        text = text.rstrip(". ").strip(" ,;:!?\"'“”‘’()[]")
    return text


def _slug(name: str) -> str:
    """A stable id from a name ("Kim Jong-un" -> "kim-jong-un")."""
    return "-".join(t.key for t in tokenize(name) if t.key != ",")


def _default_surnames(name: str, family_first: bool) -> list[str]:
    """The short form news uses after a first mention: the last word, or the first where the family name comes
    first (Chinese, Korean, Vietnamese names). None for one-word names and regnal names ("Abdullah II")."""
    words = name.split()
    if len(words) < 2 or _ROMAN.match(words[-1]):
        return []
    return [words[0] if family_first else words[-1]]


def _days_apart(role: Role, date: str) -> int:
    """Days between ``date`` and the nearest day of a role's term (0 inside it, or for a date that is no day)."""
    try:
        when = Day.fromisoformat(_norm_date(date) or "")
    except ValueError:
        return 0
    if role.start and when < Day.fromisoformat(role.start):
        return (Day.fromisoformat(role.start) - when).days
    if role.end and when >= Day.fromisoformat(role.end):
        return (when - Day.fromisoformat(role.end)).days + 1
    return 0


def _split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def _tail_prep(tail: list[Span | int], toks: tuple[Tok, ...]) -> str | None:
    """The preposition that opens an affiliation tail ("at" of "leaders at the White House")."""
    if not tail:
        return None
    first = tail[0].start if isinstance(tail[0], Span) else tail[0]
    return toks[first - 1].key if first > 0 else None


def _group_reading(span: Span) -> Group | None:
    """The group a span's words also name ("Serbs": the country's people, or ethnic Serbs), if any."""
    return next((e.ref for e in span.entries if e.kind == "group"), None)


# Owners that a relation head (``relation_heads``) is someone else than: "US allies", "Lavrov's counterpart"
_RELATED_KINDS = ("country", "capital", "person")


def _affiliation(spans: list[Span]) -> Span | None:
    """The nearest span saying whose agent this is: a named group, IGO, person, country, demonym or capital."""
    for span in reversed(spans):
        if span.kind in ("named", "igo", "person", "country", "adj", "capital"):
            return span
    return None


def _code_parts(code: str) -> tuple[str | None, str | None]:
    """Country and sector of a CAMEO-style code: "HOBGOV" -> ("HOB", "GOV"); IGO/NGO/IMG codes have no country."""
    code = code.upper()
    if len(code) < 3 or code.startswith(("IGO", "NGO", "IMG", "---")):
        return None, code[:3] if code[:3] in ("IGO", "NGO") else None
    return code[:3], (code[3:6] or None)


def _igo_actor(igo: Igo) -> Actor:
    return Actor("", igo.name, igo.code, None, igo.sector, f"igo:{igo.id}", why=f"igo:{igo.id}")


@lru_cache(maxsize=1)
def _default_kb() -> ActorKB:
    return ActorKB.load()


# Misspelt country names (``ActorKB._misspelt_country``): words this long or longer only, misspelling names at most
# one letter shorter ("Quatar" for Qatar), as shorter ones are one letter from too many others ("Iran", "Iraq").
_MISSPELT_MIN = 6


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words differ by one letter added, dropped, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names (data/given_names.tsv), folded: a name one letter from a country is the name."""
    return frozenset(_fold(row["name"]) for row in load_tsv("given_names.tsv"))


# ------------------------------------------------------------------------------------------ story memory
# Kinds of knowledge-base names that, right before a surname, do not make it a titled name (``_names_unknown_person``).
_UNTITLING_KINDS = frozenset({"honorific", "named", "igo", "person"})


class StoryActors:
    """Per-story memory: people seen earlier in the story resolve later short mentions.

    After "North Korean leader Kim Jong Un", the mentions "Mr Kim", "Kim" and "the North Korean leader" resolve to him;
    after "a Seoul Foreign Ministry official", "the official" resolves to the same KORGOV actor.
    """

    def __init__(self, kb: ActorKB | None = None, date: str | None = None):
        self.kb = kb or ActorKB.default()
        self.date = date
        self.seen: list[tuple[Person, Actor]] = []  # people in order of mention
        self.heads: dict[str, Actor] = {}  # last generic actor per head noun ("official")
        # people the knowledge base does not know, met with a title ("Guyanese President Irfaan Ali"), by surname
        self.titled: dict[str, Actor] = {}
        # surnames of full names the knowledge base does not know ("Juan Hernandez"), and of known people, with the
        # order in which the story last named them: a bare surname is the latest of them
        self._unknown_surnames: dict[str, int] = {}
        self._unknown_full: set[tuple[str, ...]] = set()  # their full names, as token keys
        self._known_order: dict[str, int] = {}  # person id -> order
        self._order = 0
        self._text: list[str] = []  # the story's text so far (observe_text)

    def observe_text(self, text: str) -> None:
        """Text of the story read so far: a short name ("the Commission") holds only after its body is named."""
        self._text.append(text)

    def _story_alias(self, phrase: str) -> Actor | None:
        """The organisation a short common-noun name stands for, when the story so far names it or its parent
        ("the Commission" after "the European Union"); None otherwise ("the election commission" never)."""
        text = "\n".join(self._text)
        for igo in self.kb.story_alias_igos(phrase):
            if self.kb.igo_family_pattern(igo).search(text):
                return dataclasses.replace(_igo_actor(igo), text=_trim(phrase))
        return None

    def resolve(self, phrase: str, date: str | None = None) -> Actor | None:
        """Resolve with the story's memory; remember what was found."""
        when = _norm_date(date or self.date)
        titled = self._recall_titled(phrase)
        if titled is not None:  # "Dr Lee" after "Dr Lee Seong-hyon, a visiting scholar": the story's own Lee first
            return titled
        unknown = self._names_unknown_person(phrase)
        if unknown == "bare":
            return None  # "Hussein" after "Omar Hussein": the story's own unknown person, not Saddam Hussein
        story_alias = self._story_alias(phrase)
        if story_alias is not None:
            return story_alias
        actor = self.kb._resolve(phrase, when, self)
        if actor is None:
            return None
        if actor.why in ("capital", "country", "adj") and (unknown or self._contains_unknown_name(phrase)):
            return None  # "Deputy (Rosa) de Quito": a person, never the place her name ends in
        self._remember_titled(actor)
        if actor.kb_id and actor.kb_id.startswith("person:"):
            person = self.kb.people.get(actor.kb_id.split(":", 1)[1])
            if person is not None:
                self._order += 1
                self._known_order[person.id] = self._order
                self.seen = [(p, a) for p, a in self.seen if p.id != person.id] + [(person, dataclasses.replace(actor))]
        elif actor.country is not None and actor.kb_id and actor.kb_id.startswith("country:"):
            toks = self.kb._strip(tokenize(phrase))
            items = self.kb._scan(toks)
            core, _, _ = self.kb._split_items(items, toks)
            spans = [s for s in core if isinstance(s, Span)]
            if spans and spans[-1].kind == "noun" and spans[-1].entry.ref.weak:
                self.heads[spans[-1].entry.ref.words] = dataclasses.replace(actor)
        return actor

    def note_person_name(self, name: str, date: str | None = None) -> bool:
        """Remember a full personal name ("Juan Hernandez", "Rosa de Quito", a PERSON the parser found) the knowledge
        base does not know, so that its surname alone later means this person, not a known namesake or a place
        ("Hernandez" is not a president called Hernandez, "de Quito" not Ecuador's capital). Returns whether it was
        unknown. A variant of a known person's name (the same first name: "Donald J. Trump") is no other person."""
        words = [w.strip(".,;:'\"’") for w in re.sub(r"[’']s$", "", name.strip()).split()]
        words = [w for w in words if w]
        if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
            return False
        if not all(w[:1].isupper() or w.lower() in self.kb.name_particles for w in words):
            return False
        known = self.kb._resolve(name, _norm_date(date or self.date), None)
        if known is not None and (known.kb_id or "").startswith(("person:", "named:", "igo:")):
            return False
        if known is not None and known.name and _fold(known.name) == _fold(name):
            return False  # the name is a country's or a place's own, mislabelled as a person
        first = tokenize(words[0])
        surname_words = [words[-1]]
        for w in reversed(words[1:-1]):  # "de Quito", "van der Berg": the particles belong to the surname
            if w.lower() not in self.kb.name_particles:
                break
            surname_words.insert(0, w)
        if first and first[0].key in self.kb.family_first_surnames() and len(surname_words) == 1:
            surname_words = [words[0]]  # "Kim Song Chol", "Lee Min-ho": the family name comes first
            first = tokenize(words[1])
        surname = " ".join(t.key for w in surname_words for t in tokenize(w))
        if not surname or any(first and tokenize(p.name)[:1] and tokenize(p.name)[0].key == first[0].key
                              for p in self.kb._surnames.get(surname, [])):
            return False
        self._order += 1
        self._unknown_surnames[surname] = self._order
        if first and first[0].key != surname and first[0].key in self.kb._surnames:
            # "blamed Paul" after "Paul Hughes": his given name, not a known person called Paul
            self._unknown_surnames[first[0].key] = self._order
        self._unknown_full.add(tuple(t.key for t in tokenize(" ".join(words))))
        return True

    def surname_of_unknown(self, kb: ActorKB, key: str) -> bool:
        """Whether a bare surname stands for the unknown person the story named last with it (see
        ``note_person_name``), rather than a known person of that surname named since."""
        order = self._unknown_surnames.get(key)
        if order is None:
            return False
        for person in kb._surnames.get(key, []):
            if self._known_order.get(person.id, 0) > order:
                return False
        return True

    def names_unknown_person(self, phrase: str) -> bool:
        """Whether a phrase names a person of the story the knowledge base does not know, by full name or by
        surname ("Rosa de Quito", "de Quito's"): no place or country is to be read into it."""
        return self._names_unknown_person(phrase) is not None or self._contains_unknown_name(phrase)

    def _contains_unknown_name(self, phrase: str) -> bool:
        keys = tuple(t.key for t in tokenize(phrase))
        return any(keys[i:i + len(full)] == full for full in self._unknown_full for i in range(len(keys)))

    def _names_unknown_person(self, phrase: str) -> str | None:
        """Whether a phrase ends in the surname of an unknown person of the story: "bare" ("Hussein", "Mr
        Hussein"), "titled" ("Deputy de Quito", "President Trump": a title may still name a known person), or None
        (no such surname, or one inside a longer name: "President Donald Trump" after "Carlos Trump")."""
        if not self._unknown_surnames:
            return None
        toks = self.kb._strip(tokenize(phrase))
        for key in self._unknown_surnames:
            size = len(key.split())
            if len(toks) < size or " ".join(t.key for t in toks[-size:]) != key:
                continue
            if not toks[-size].cased[:1].isupper() and toks[-size].key not in self.kb.name_particles:
                continue
            start = len(toks) - size
            boundary, before = False, None
            for item in self.kb._scan(toks):
                lo = item.start if isinstance(item, Span) else item
                hi = item.end if isinstance(item, Span) else item + 1
                if lo == start:
                    boundary = True
                    break
                if lo < start < hi:
                    break
                before = item
            # an unknown capitalised word right before is a first name: "Carlos Trump" is this person's full name
            first_name = isinstance(before, int) and toks[before].cased[:1].isupper() \
                and toks[before].key not in self.kb._honorifics
            if boundary and not first_name and self.surname_of_unknown(self.kb, key):
                # a title or a country before the surname may name a known namesake ("North Korean leader Kim");
                # an organisation's or a person's name does not ("told Reuters Kim ...": the story's own Kim)
                titled = any(isinstance(item, Span) and any(e.kind not in _UNTITLING_KINDS for e in item.entries)
                             for item in self.kb._scan(toks[:start]))
                return "titled" if titled else "bare"
        return None

    def _remember_titled(self, actor: Actor) -> None:
        """A title with an unknown name gives a country and sector; later "Mr Ali" means the same actor."""
        if not (actor.kb_id or "").startswith(("country:", "agent:", "igo:")) or not actor.name:
            return
        if self.kb.country_of(actor.name) is not None or " " not in actor.name.strip():
            return  # the name is the country's own, or no personal name was given
        if actor.kb_id.startswith("igo:") and self.kb.igos.get(actor.kb_id[4:]) and \
                self.kb.igos[actor.kb_id[4:]].name == actor.name:
            return
        words = actor.name.split()
        # family name last ("Irfaan Ali" -> "Mr Ali") or first ("Lee Seong-hyon" -> "Dr Lee")
        self.titled[words[-1].casefold()] = dataclasses.replace(actor)
        self.titled.setdefault(words[0].casefold(), dataclasses.replace(actor))
        # the full name again, with no title ("Irfaan Ali said"): the same person, when the story gave a country or
        # an organisation (a bare post, "X, head of projects at ...", is too little to carry on)
        if len(words) > 1 and (actor.country or actor.sector == "IGO") and self._told_by_own_words(actor):
            self.titled[" ".join(w.casefold() for w in words)] = dataclasses.replace(actor)

    def _told_by_own_words(self, actor: Actor) -> bool:
        """Whether the actor's own words give its country without the story's memory: "X, the justice minister of
        a region" read as the justice minister the story named before (another country's) is not to be carried."""
        plain = self.kb._resolve(actor.text or "", _norm_date(self.date), None)
        return plain is not None and plain.country == actor.country and plain.sector == actor.sector

    def _recall_titled(self, phrase: str) -> Actor | None:
        words = [re.sub(r"[’']s$", "", w.strip(".,’'\"")) for w in phrase.split()]
        words = [w for w in words if w and w.casefold() not in self.kb._honorifics]
        if not words:
            return None
        actor = self.titled.get(" ".join(w.casefold() for w in words))
        return dataclasses.replace(actor, text=phrase, why="story-memory:titled name") if actor else None

    def _recall_surname(self, kb: ActorKB, key: str, date: str | None) -> Person | None:
        for person, _ in reversed(self.seen):
            keys = {" ".join(kb._key(s)[0]) for s in person.surnames}
            if key in keys:
                return person
        return None

    def _recall_title(self, kb: ActorKB, title: str, where: str | None, date: str | None) -> Actor | None:
        targets = kb.titles.get(title)
        if not targets:
            return None
        for person, _ in reversed(self.seen):
            if kb._role_matching(person, targets, where, None, date) is not None:
                return kb._person_actor(person, date, f"story-memory:{title}")
        if date is None:
            return None
        for person, found in reversed(self.seen):
            # "the US leader" may name the one the story named earlier even if it talks about his past term; one the
            # story only reached through the title at another date is not that person ("Chad's president" in 2015)
            if (found.why or "").startswith(("title-holder", "story-memory")):
                continue
            if any((where is None or r.country == where or r.org == where)
                   and (r.title in targets or ("@leader" in targets and r.leader)) for r in person.roles):
                return kb._person_actor(person, date, f"story-memory:{title}")
        return None

    def _recall_head(self, title: str) -> Actor | None:
        actor = self.heads.get(title)
        return dataclasses.replace(actor, why=f"story-memory:{title}") if actor else None


def resolve_actor(text: str, date: str | None = None) -> Actor | None:
    """The actor a phrase names at ``date``, from the packaged knowledge ("Kim Jong Un", "2019-06-30" -> PRKGOV)."""
    return ActorKB.default().lookup(text, date)
