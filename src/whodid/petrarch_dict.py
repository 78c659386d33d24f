"""Importer of PETRARCH / Phoenix / TABARI actor and agent dictionaries (and of simple CSV actor tables).

Users keep their existing dictionaries: ``ActorKB.load("Phoenix.Countries.actors.txt", "my.agents.txt")`` reads them
directly. The readers return the mapping ``ActorKB._add_agents`` takes (the shape of ``agents.yaml``):

* an **actors** dictionary becomes ``named`` entries. Its syntax::

      SAM_GAMGEE [HOB]                        # name (underscores join words) and default code
      +SMEAGOL                                # a synonym of the entry above
          [HOBCIV <20080120]                  # dated codes: before, after, or between two dates
          [HOBMIL 20080120-20121109]          # (YYMMDD or YYYYMMDD; ranges inclusive, the first match wins)
          [HOBELI >20130119]

  A dated code becomes a role ``{code, start, end}`` with whodid's conventions (start inclusive, end exclusive).
* an **agents** dictionary (codes ``[~GOV]`` or ``[NGO~]``) becomes ``weak_nouns`` by sector, with
  ``!MACRO! = A, B`` substitutions expanded and ``{PLURAL, ...}`` forms added.

Not supported: TABARI's prefix (stem) matching of names without a trailing underscore ("ARGENTIN" matches only the
word "Argentin"), and the discard and ontology dictionaries (verb dictionaries: ``whodid.petrarch_verbs``).
"""
from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

_COMMENT_BLOCK = re.compile(r"<!--.*?-->|<!\s*--.*?-->", re.S)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_RANGE = re.compile(r"^(?P<code>\S+)?\s*(?:(?P<op>[<>])\s*(?P<d>\d{6,8})|(?P<a>\d{6,8})\s*-\s*(?P<b>\d{6,8}))\s*$")
_MACRO = re.compile(r"^(!\w+!)\s*=\s*(.+)$")
_PLURALS = re.compile(r"\{([^}]*)\}")


def _day(raw: str) -> date:
    """A PETRARCH date: YYYYMMDD, or YYMMDD with years 00-29 read as 20xx and 30-99 as 19xx."""
    if len(raw) == 6:
        year = int(raw[:2])
        raw = str(2000 + year if year < 30 else 1900 + year) + raw[2:]
    return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))


def _name(raw: str) -> str:
    """A dictionary phrase as words: "SAM_GAMGEE_" -> "Sam Gamgee" (case is ignored when matching)."""
    words = raw.replace("_", " ").split()
    return " ".join(w if any(c.islower() for c in w) else w.capitalize() if len(w) > 3 else w for w in words)


def parse_code(block: str) -> dict[str, Any]:
    """One bracketed code: "HOBGOV 19950601 - 19990815" -> {code, start, end} in whodid's date conventions."""
    block = block.strip()
    match = _RANGE.match(block)
    if match is None:
        return {"code": block.split()[0].upper() if block.split() else None, "start": None, "end": None}
    code = (match["code"] or "").upper() or None
    if match["op"] == "<":  # strictly before the date
        return {"code": code, "start": None, "end": _day(match["d"]).isoformat()}
    if match["op"] == ">":  # strictly after the date
        return {"code": code, "start": (_day(match["d"]) + timedelta(days=1)).isoformat(), "end": None}
    return {"code": code, "start": _day(match["a"]).isoformat(),
            "end": (_day(match["b"]) + timedelta(days=1)).isoformat()}  # an inclusive last day


def _lines(text: str) -> list[str]:
    """Dictionary lines without comments (``<!-- -->`` blocks, ``#`` to the end of the line) or blank lines."""
    text = _COMMENT_BLOCK.sub("\n", text)
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line)
    return out


def _split_code(code: str | None) -> tuple[str | None, str | None]:
    """Country and sector blocks of a code ("HOBGOV" -> HOB, GOV); IGO/NGO/IMG codes and "---" have no country."""
    if not code or code.startswith(("IGO", "NGO", "IMG", "---", "+++")) or len(code) < 3:
        return None, (code[:3] if code and code.startswith(("IGO", "NGO")) else None)
    return code[:3], code[3:6] or None


def read_actors(text: str, source: str = "petrarch") -> dict[str, Any]:
    """Entries of an actors dictionary as ``{"named": [...]}`` for ``ActorKB._add_agents``."""
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in _lines(text):
        stripped = line.strip()
        codes = [parse_code(b) for b in _CODE_BLOCK.findall(stripped)]
        head = _CODE_BLOCK.sub(" ", stripped).strip()
        if stripped.startswith("+") and current is not None:
            current["aliases"].append(_name(head[1:]))
        elif head and not line[0].isspace():
            current = {"id": f"{source}:{head.strip('_').lower()}", "name": _name(head), "aliases": [], "codes": []}
            entries.append(current)
        if current is not None:
            current["codes"].extend(c for c in codes if c["code"])
    named = []
    for entry in entries:
        default = next((c["code"] for c in entry["codes"] if c["start"] is None and c["end"] is None), None)
        dated = [c for c in entry["codes"] if c["start"] is not None or c["end"] is not None]
        if default is None and not dated:
            continue  # a name with no code: nothing to code it as
        country, sector = _split_code(default or dated[0]["code"])
        roles = [{"code": c["code"], "start": c["start"], "end": c["end"], "sector": _split_code(c["code"])[1]}
                 for c in dated]
        named.append({"id": entry["id"], "name": entry["name"], "aliases": entry["aliases"], "code": default,
                      "country": country, "sector": sector, "roles": roles})
    return {"named": named}


def read_agents(text: str) -> dict[str, Any]:
    """Entries of an agents dictionary as ``{"weak_nouns": {sector: [phrases]}}``."""
    macros: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    for line in _lines(text):
        stripped = line.strip()
        macro = _MACRO.match(stripped)
        if macro:
            macros[macro[1]] = [w.strip() for w in macro[2].split(",") if w.strip()]
            continue
        blocks = _CODE_BLOCK.findall(stripped)
        if not blocks:
            continue
        sector = blocks[0].replace(" ", "").replace("~", "").upper()
        if not sector:
            continue
        head = _CODE_BLOCK.sub(" ", stripped)
        plurals = [p.strip() for found in _PLURALS.findall(head) for p in found.split(",") if p.strip()]
        phrase = _PLURALS.sub(" ", head).strip()
        for form in [phrase, *plurals]:
            for expanded in _expand(form, macros):
                nouns.setdefault(sector, []).append(_name(expanded).lower())
    return {"weak_nouns": nouns}


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    """Every spelling of a phrase with ``!MACRO!`` substitutions ("CONGRESS!PERSON!" -> "CONGRESSMAN", ...)."""
    for name, values in macros.items():
        if name in phrase:
            return [x for v in values for x in _expand(phrase.replace(name, v, 1), macros)]
    return [phrase]


def read_dictionary(path: str | Path) -> dict[str, Any]:
    """A PETRARCH/Phoenix/TABARI ``.txt`` dictionary: agents when its codes start or end with "~", else actors."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    codes = _CODE_BLOCK.findall(_COMMENT_BLOCK.sub(" ", text))
    agents = sum("~" in c for c in codes)
    if codes and agents > len(codes) / 2:
        return read_agents(text)
    return read_actors(text, source=path.stem.lower())


def read_actor_csv(path: str | Path) -> dict[str, Any]:
    """A user's actor table: columns ``name, code`` and optional ``aliases`` ("|"-separated), ``start``, ``end``
    (ISO dates; start inclusive, end exclusive). Rows with the same name are dated codes of one actor."""
    by_name: dict[str, dict[str, Any]] = {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            name = (row.get("name") or "").strip()
            code = (row.get("code") or "").strip().upper()
            if not name or not code:
                continue
            entry = by_name.setdefault(name, {"id": f"user:{name.lower()}", "name": name, "aliases": [], "code": None,
                                              "roles": []})
            entry["aliases"] += [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            start, end = (row.get("start") or "").strip() or None, (row.get("end") or "").strip() or None
            if start or end:
                entry["roles"].append({"code": code, "start": start, "end": end, "sector": _split_code(code)[1]})
            else:
                entry["code"] = code
    named = []
    for entry in by_name.values():
        country, sector = _split_code(entry["code"] or entry["roles"][0]["code"])
        named.append({**entry, "country": country, "sector": sector})
    return {"named": named}
