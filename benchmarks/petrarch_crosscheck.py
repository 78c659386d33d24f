"""Cross-check whodid's packaged actor knowledge against PETRARCH actor dictionaries, at benchmark/test time only.

For every name (and synonym) of a PETRARCH actors dictionary that whodid's built-in knowledge resolves to a known
person, country, capital, IGO or named institution (not to a guess from an agent noun), the two codes are compared at
the dates where both define one: the middle of each of PETRARCH's dated ranges, and for its undated default code the
1st of January of every fifth year from 1995 to 2015 (the dictionaries were written up to about 2015) not inside one
of its dated ranges. Nothing is copied into the package: the dictionaries are read from ../shared/data here.

Codes agree "exactly" when equal, and "by country" when their first three letters are equal (PETRARCH's validation
dictionaries use old or invented country codes: JAP, INS, UAR, so country disagreements are mostly code vintage).

    .venv/bin/python benchmarks/petrarch_crosscheck.py [--list] [dictionary.txt ...]
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from whodid.actors import ActorKB
from whodid.petrarch_dict import read_dictionary

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DICTIONARIES = (SHARED / "petrarch-unittests" / "PETR.Validate.actors.txt",
                SHARED / "petrarch-validation" / "PETR_Validate_actors_2_02.txt")
UNDATED_DAYS = tuple(f"{year}-01-01" for year in range(1995, 2016, 5))
KINDS = ("person", "country", "igo", "named")  # what a whodid kb_id may start with to be compared


@dataclass(frozen=True)
class Comparison:
    """One name at one date: PETRARCH's code, whodid's code and what whodid matched."""

    name: str
    day: str
    theirs: str
    ours: str
    kind: str  # person / country / igo / named

    @property
    def exact(self) -> bool:
        return self.theirs == self.ours

    @property
    def same_country(self) -> bool:
        return self.theirs[:3] == self.ours[:3]


def _middle(start: str | None, end: str | None) -> str:
    """The middle day of a range; an open end is taken as a year past the other end (or 2015 for both open)."""
    last = date.fromisoformat(end) if end else None
    first = date.fromisoformat(start) if start else None
    if first is None:
        first = last - timedelta(days=365) if last else date(2015, 1, 1)
    if last is None:
        last = first + timedelta(days=365)
    return date.fromordinal((first.toordinal() + last.toordinal()) // 2).isoformat()


def _dated_codes(entry: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(day, code, dated) triples where the entry defines a code; ``dated`` is False for its undated default."""
    roles = entry.get("roles") or []
    out = [(_middle(r.get("start"), r.get("end")), r["code"], True) for r in roles if r.get("code")]
    if entry.get("code"):
        for day in UNDATED_DAYS:
            inside = any((r.get("start") or "") <= day < (r.get("end") or "9999") for r in roles)
            if not inside:
                out.append((day, entry["code"], False))
    return out


def crosscheck(kb: ActorKB, paths: tuple[Path, ...] | list[Path]) -> list[Comparison]:
    """Every comparison between the dictionaries at ``paths`` and ``kb`` (names looked up with the built-ins only).

    A person whodid knows out of office at a day (coded ELI) is not compared with an undated PETRARCH code: the
    undated code says what the person is when in the news, not that they held the post on every day."""
    out: list[Comparison] = []
    seen: set[tuple[str, str]] = set()
    for path in paths:
        for entry in read_dictionary(path).get("named", []):
            for name in [entry["name"], *entry.get("aliases", [])]:
                for day, code, dated in _dated_codes(entry):
                    if (name.lower(), day) in seen or code in ("---", "+++"):
                        continue
                    seen.add((name.lower(), day))
                    actor = kb.lookup(name, day)
                    kind = (actor.kb_id or "").split(":", 1)[0] if actor is not None else ""
                    if actor is None or not actor.code or kind not in KINDS:
                        continue
                    if not dated and (actor.why or "").endswith("out-of-office"):
                        continue
                    out.append(Comparison(name, day, code.upper(), actor.code, kind))
    return out


def summary(comparisons: list[Comparison]) -> dict[str, tuple[int, int, int]]:
    """Per kind: (comparisons, exact agreements, same-country agreements)."""
    out: dict[str, tuple[int, int, int]] = {}
    for kind in KINDS:
        rows = [c for c in comparisons if c.kind == kind]
        out[kind] = (len(rows), sum(c.exact for c in rows), sum(c.same_country for c in rows))
    return out


def main(argv: list[str]) -> int:
    paths = tuple(Path(a) for a in argv if not a.startswith("--")) or DICTIONARIES
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"missing: {', '.join(map(str, missing))}")
        return 1
    kb = ActorKB.load()
    comparisons = crosscheck(kb, paths)
    names = {c.name.lower() for c in comparisons}
    print(f"{len(comparisons)} name/date comparisons, {len(names)} names known to both")
    print(f"{'kind':8} {'n':>4} {'exact':>6} {'country':>8}")
    for kind, (n, exact, country) in summary(comparisons).items():
        print(f"{kind:8} {n:4} {exact:6} {country:8}")
    shown = comparisons if "--list" in argv else [c for c in comparisons if not c.exact]
    for c in sorted(shown, key=lambda c: (c.kind, c.name.lower(), c.day)):
        mark = "=" if c.exact else ("~" if c.same_country else "X")
        print(f"{mark} {c.kind:7} {c.name!r:34} {c.day}  petrarch {c.theirs:10} whodid {c.ours}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
