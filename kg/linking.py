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

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from extractors.keys import exact_key, name_key, singular_key
from ontology import EntityType
from ontology.gazetteer import GazetteerEntry, default_entries, exact_case


_SIZE = r"(?:\d+(?:\.\d+)?[BMKbmk]|\d+x\d+[BMb]|base|large|small|tiny|mini|medium|huge|giant|xl|xxl|[SMLBH](?:/\d+)?|instruct|chat|it|hf)"
_VARIANT_PATTERNS = [
    re.compile(r"^(?P<family>.+?)[-_ ]" + _SIZE + r"$", re.I),  # BERT-large, Llama-2-7B, ViT-B/16
    re.compile(r"^(?P<family>.*?[A-Za-z])[-_ ]?[vV]?(?P<version>\d+(?:\.\d+)?)$"),  # ResNet-50, GPT-3, CBNetV2
]
_DIGITS = re.compile(r"\d+")


def family_name(name: str) -> str | None:
    """The family a sized or versioned name belongs to, or None.

    "Llama-2-7B" -> "Llama-2", "Llama-2" -> "Llama", "BERT-large" -> "BERT",
    "ResNet-50" -> "ResNet", "CBNetV2" -> "CBNet". Names that are all digits
    after the family, or families shorter than two letters, are not split.
    """
    for rx in _VARIANT_PATTERNS:
        m = rx.match(name.strip())
        if m:
            fam = m.group("family").rstrip("-_ ")
            if sum(c.isalpha() for c in fam) >= 2:
                return fam
    return None


def fuzzy_guard(a: str, b: str) -> bool:
    """Keys may fuzzy-match only with the same digits, same first character,
    similar length and neither being a prefix or suffix of the other
    (CIFAR-10/CIFAR-100, T5/CodeT5, ImageNet/Tiny ImageNet never pass)."""
    if _DIGITS.findall(a) != _DIGITS.findall(b) or a[:1] != b[:1] or abs(len(a) - len(b)) > 2:
        return False
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return False
    return min(len(a), len(b)) >= 6


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
        self.by_key: dict[str, GazetteerEntry] = {}  # folded keys
        self.by_exact: dict[str, GazetteerEntry] = {}  # case-exact keys of short acronyms
        self.by_name: dict[str, GazetteerEntry] = {}
        for e in self.entries:
            self.by_name[e.name] = e
            for s in e.surfaces:
                if e.case_sensitive and exact_case(s):
                    self.by_exact.setdefault(exact_key(s), e)
                else:
                    self.by_key.setdefault(name_key(s), e)
        self.gaz_ids: dict[str, str] = {}
        taken: set[str] = set()
        for e in self.entries:  # file order decides who keeps the plain id
            eid = key_to_id(name_key(e.name))
            if eid in taken:
                eid = f"{eid}-{e.type.value.lower()}"
                n = 2
                while eid in taken:
                    eid, n = f"{key_to_id(name_key(e.name))}-{n}", n + 1
            taken.add(eid)
            self.gaz_ids[e.name] = eid
        self._fuzzy_keys = sorted(k for k in self.by_key if len(k) >= 6)
        self._fuzzy_cache: dict[str, GazetteerEntry | None] = {}
        self.registry: dict[str, EntityInfo] = {}
        self.acronyms: dict[str, set[str]] = {}  # short-form key -> ids of long forms
        self.ambiguous: dict[str, set[str]] = {}

    # -- ids ---------------------------------------------------------------
    def gazetteer_id(self, entry: GazetteerEntry) -> str:
        return self.gaz_ids[entry.name]

    def _entry_for(self, text: str) -> GazetteerEntry | None:
        exact = exact_key(text)
        entry = self.by_exact.get(exact)
        key = name_key(text)
        if entry is None:
            entry = self.by_key.get(key)
        if entry is None and exact.endswith("s"):
            entry = self.by_exact.get(exact[:-1])
        if entry is None and (sing := singular_key(key)) is not None:
            entry = self.by_key.get(sing)
        if entry is None and len(key) >= 6:
            entry = self._fuzzy(key)
        return entry

    def _fuzzy(self, key: str) -> GazetteerEntry | None:
        """A gazetteer entry whose key is a near spelling of ``key`` (guarded)."""
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        hit = None
        for cand, score, _ in process.extract(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=92, limit=3):
            if fuzzy_guard(key, cand):
                hit = self.by_key[cand]
                break
        self._fuzzy_cache[key] = hit
        return hit

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

    def link_families(self) -> None:
        """Set VARIANT_OF for sized/versioned names whose family is known
        (in the gazetteer or seen in the corpus); run once, at the end."""
        for info in list(self.registry.values()):
            if info.variant_of or info.type is not EntityType.METHOD:
                continue
            fam = family_name(info.name)
            while fam:
                fid = self.resolve(fam)
                entry = self._entry_for(fam)
                if fid != info.id and (fid in self.registry or entry is not None):
                    if fid not in self.registry:
                        self.ensure_gazetteer(entry.name)
                    info.variant_of = fid
                    break
                fam = family_name(fam)

    def type_conflicts(self) -> list[EntityInfo]:
        """Entities whose mentions were typed differently (for reports)."""
        return [i for i in self.registry.values() if len(i.type_votes) > 1]
