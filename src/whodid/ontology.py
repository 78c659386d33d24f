"""The event ontology: CAMEO codes (names, Goldstein scores, quad classes) and PLOVER types and modes.

Knowledge lives in ``data/cameo_codes.tsv`` (one row per CAMEO code) and ``data/plover.yaml`` (the 16 PLOVER types);
this module only indexes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from whodid.resources import load_tsv, load_yaml


@dataclass(frozen=True)
class CameoCode:
    """One row of ``cameo_codes.tsv``."""

    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    plover_type: str | None
    plover_mode: str | None


def _blank_to_none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


class Ontology:
    """CAMEO codes and PLOVER types, read once from the package's data files."""

    def __init__(self, codes: dict[str, CameoCode], plover: dict[str, dict[str, Any]],
                 renamed: dict[str, str] | None = None) -> None:
        self._codes = codes
        self._plover = plover
        self._renamed = dict(renamed or {})

    @classmethod
    def from_rows(cls, rows: tuple[dict[str, str], ...] | list[dict[str, str]],
                  plover_doc: dict[str, Any]) -> "Ontology":
        """Build from TSV rows and the parsed ``plover.yaml`` document."""
        codes: dict[str, CameoCode] = {}
        for row in rows:
            code = row["code"].strip()
            goldstein = _blank_to_none(row.get("goldstein"))
            quad = _blank_to_none(row.get("quad_class"))
            codes[code] = CameoCode(
                code=code,
                name=row["name"].strip(),
                goldstein=float(goldstein) if goldstein is not None else None,
                quad_class=int(quad) if quad is not None else None,
                plover_type=_blank_to_none(row.get("plover_type")),
                plover_mode=_blank_to_none(row.get("plover_mode")),
            )
        return cls(codes, dict(plover_doc["types"]), plover_doc.get("renamed") or {})

    @classmethod
    def default(cls) -> "Ontology":
        """The ontology shipped with whodid (cached: built once per process)."""
        return _default_ontology()

    # --- CAMEO ---------------------------------------------------------------------------------------------
    def _row(self, code: str) -> CameoCode | None:
        return self._codes.get(str(code).strip())

    def is_code(self, code: str) -> bool:
        """Whether ``code`` is a known CAMEO event code (2, 3 or 4 digits, as a string)."""
        return self._row(code) is not None

    def codes(self) -> list[str]:
        """All known CAMEO codes, in table order."""
        return list(self._codes)

    def cameo_name(self, code: str) -> str | None:
        """Short name of a CAMEO code."""
        row = self._row(code)
        return row.name if row else None

    def goldstein(self, code: str) -> float | None:
        """Goldstein conflict-cooperation score (-10..+10) of a CAMEO code."""
        row = self._row(code)
        return row.goldstein if row else None

    def quad_class(self, code: str) -> int | None:
        """1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
        4 material conflict (14-20)."""
        row = self._row(code)
        return row.quad_class if row else None

    def parent(self, code: str) -> str | None:
        """The code one level up ("0341" -> "034" -> "03"); None for a root code or an unknown one."""
        code = str(code).strip()
        if len(code) <= 2 or not self.is_code(code):
            return None
        return code[:-1] if len(code) == 4 else code[:2]

    # --- PLOVER --------------------------------------------------------------------------------------------
    def plover_type(self, code: str) -> str | None:
        """PLOVER event type of a CAMEO code; None for codes PLOVER does not cover (most 01x statements)."""
        row = self._row(code)
        return row.plover_type if row else None

    def plover_mode(self, code: str) -> str | None:
        """PLOVER mode implied by a CAMEO code, where one applies."""
        row = self._row(code)
        return row.plover_mode if row else None

    def plover_types(self) -> list[str]:
        """The 16 PLOVER event types, in codebook order (cooperation to conflict)."""
        return list(self._plover)

    def modes(self, event_type: str) -> list[str]:
        """Modes of a PLOVER type ([] for a type without modes or an unknown type)."""
        entry = self._plover.get(self.normalize_type(event_type) or "")
        return list((entry or {}).get("modes") or [])

    def definition(self, event_type: str) -> str | None:
        """One-line definition of a PLOVER type."""
        entry = self._plover.get(self.normalize_type(event_type) or "")
        return entry.get("definition") if entry else None

    def normalize_type(self, name: str | None) -> str | None:
        """Current PLOVER name for a type, mapping old names (DEMAND -> REQUEST, FIGHT -> ASSAULT ...)."""
        if not name:
            return None
        upper = name.strip().upper()
        upper = self._renamed.get(upper, upper)
        return upper if upper in self._plover else None

    def codes_for_type(self, event_type: str) -> list[str]:
        """CAMEO codes whose PLOVER type is ``event_type``."""
        wanted = self.normalize_type(event_type)
        return [c.code for c in self._codes.values() if wanted and c.plover_type == wanted]


@lru_cache(maxsize=1)
def _default_ontology() -> Ontology:
    return Ontology.from_rows(load_tsv("cameo_codes.tsv"), load_yaml("plover.yaml"))
