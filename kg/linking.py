"""Entity linking: one canonical entity per name, however papers write it.

Mentions resolve, in order, to: the gazetteer entry they matched; a gazetteer
entry with the same normalised key (:func:`extractors.keys.name_key`); the
long form an acronym was defined with in the same paper; the single long form
the acronym has been defined with elsewhere (ambiguous acronyms stay apart
and are reported); else a new entity keyed by the normalised name. Keys keep
digits and "+", so CIFAR-10/CIFAR-100 and T5/CodeT5 never merge.

The registry (id -> name, aliases, type votes, paper count) is the only state
that grows with the corpus.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractors.keys import name_key, singular_key
from ontology import EntityType
from ontology.gazetteer import GazetteerEntry, default_entries


def key_to_id(key: str) -> str:
    """IRI-safe, readable entity id from a normalised key."""
    return key.replace("+", "plus").replace(".", "_") or "x"


@dataclass(slots=True)
class EntityInfo:
    """What the linker knows of a canonical entity across the corpus."""

    id: str
    name: str
    fixed_type: EntityType | None = None  # from the gazetteer
    type_votes: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    variant_of: str | None = None
    part_of: str | None = None
    papers: int = 0

    @property
    def type(self) -> EntityType:
        if self.fixed_type is not None:
            return self.fixed_type
        if not self.type_votes:
            return EntityType.METHOD
        # majority; ties broken by enum order for determinism
        order = list(EntityType)
        return max(self.type_votes, key=lambda t: (self.type_votes[t], -order.index(t)))


class Linker:
    """Maps surface forms to canonical entity ids and keeps the registry."""

    def __init__(self, entries: tuple[GazetteerEntry, ...] | None = None):
        self.entries = entries if entries is not None else default_entries()
        self.by_key: dict[str, GazetteerEntry] = {}
        self.by_name: dict[str, GazetteerEntry] = {}
        for e in self.entries:
            self.by_name[e.name] = e
            for s in e.surfaces:
                if not e.case_sensitive:
                    self.by_key.setdefault(name_key(s), e)
            self.by_key.setdefault(name_key(e.name), e)
        self.registry: dict[str, EntityInfo] = {}
        self.acronyms: dict[str, set[str]] = {}  # short-form key -> ids of long forms
        self.ambiguous: dict[str, set[str]] = {}

    # -- ids ---------------------------------------------------------------
    def gazetteer_id(self, entry: GazetteerEntry) -> str:
        return key_to_id(name_key(entry.name))

    def _entry_for(self, text: str) -> GazetteerEntry | None:
        key = name_key(text)
        entry = self.by_key.get(key)
        if entry is None and (sing := singular_key(key)) is not None:
            entry = self.by_key.get(sing)
        return entry

    def resolve(self, text: str, gazetteer_name: str = "", local_abbr: dict[str, str] | None = None) -> str:
        """Canonical id of a mention (does not register it)."""
        if gazetteer_name and gazetteer_name in self.by_name:
            return self.gazetteer_id(self.by_name[gazetteer_name])
        entry = self._entry_for(text)
        if entry is not None:
            return self.gazetteer_id(entry)
        key = name_key(text)
        if local_abbr and key in local_abbr:
            return self.resolve(local_abbr[key])
        known = self.acronyms.get(key)
        if known and len(known) == 1:
            return next(iter(known))
        sing = singular_key(key)
        if sing is not None:
            key = sing
        return key_to_id(key)

    # -- registry ----------------------------------------------------------
    def register_abbreviation(self, long_form: str, short_form: str) -> str:
        """Record "Long Form (SF)"; returns the id both forms link to."""
        entity_id = self.resolve(long_form)
        short_entry = self._entry_for(short_form)
        if short_entry is not None:
            return self.gazetteer_id(short_entry)
        skey = name_key(short_form)
        ids = self.acronyms.setdefault(skey, set())
        ids.add(entity_id)
        if len(ids) > 1:
            self.ambiguous[short_form] = set(ids)
        return entity_id

    def observe(self, entity_id: str, surface: str, label: EntityType, name_hint: str | None = None) -> EntityInfo:
        """Register a mention of ``entity_id`` (type vote and alias)."""
        info = self.registry.get(entity_id)
        if info is None:
            info = self._new_info(entity_id, name_hint or surface)
            self.registry[entity_id] = info
        info.type_votes[label] += 1
        if surface != info.name:
            info.aliases.add(surface)
        return info

    def _new_info(self, entity_id: str, surface: str) -> EntityInfo:
        entry = self._entry_for(surface)
        if entry is not None and self.gazetteer_id(entry) == entity_id:
            info = EntityInfo(entity_id, entry.name, fixed_type=entry.type, aliases=set(entry.aliases))
            if entry.variant_of and entry.variant_of in self.by_name:
                info.variant_of = self.gazetteer_id(self.by_name[entry.variant_of])
                self.ensure_gazetteer(entry.variant_of)
            if entry.part_of and entry.part_of in self.by_name:
                info.part_of = self.gazetteer_id(self.by_name[entry.part_of])
                self.ensure_gazetteer(entry.part_of)
            return info
        return EntityInfo(entity_id, surface)

    def ensure_gazetteer(self, name: str) -> EntityInfo:
        """Make sure a gazetteer entity (e.g. a family or a suite) is registered."""
        entry = self.by_name[name]
        eid = self.gazetteer_id(entry)
        if eid not in self.registry:
            self.registry[eid] = self._new_info(eid, entry.name)
        return self.registry[eid]

    def type_conflicts(self) -> list[EntityInfo]:
        """Entities whose mentions were typed differently (for reports)."""
        return [i for i in self.registry.values() if len(i.type_votes) > 1]
