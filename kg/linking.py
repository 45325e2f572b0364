"""Entity linking: one canonical entity per name, however papers write it.

Mentions resolve, in order, to: the entity of an abbreviation pair defined in
the same paper (both forms, singular or plural: "Prototype-Based Networks
(PBNs)" makes PBN, PBNs and the long form one node, and the paper's own
definition wins over the gazetteer: "Image Aesthetic Assessment (IAA)" is not
inter-annotator agreement); the gazetteer entry they matched; a gazetteer
entry with the same normalised key (:func:`extractors.keys.name_key`); else a
new entity keyed by the normalised name. Keys keep digits and "+", so
CIFAR-10/CIFAR-100 and T5/CodeT5 never merge.

A bare acronym is never expanded with a long form another paper defined: the
paper did not say it ("EP" for Expectation Propagation became "edit
probability", "AL" active learning, "AraBERT" a phrase another abstract put
before it: 31 such links on 3,000 real abstracts, several wrong), and the
link would depend on which papers share the batch. The corpus acronym table
(:meth:`Linker.register_abbreviation`) only reports ambiguous acronyms.

Linking never changes the words: there is no free fuzzy matching (on the
seeds, 4 of its 6 joins were wrong: "machine learning" -> machine
unlearning, "deep learning" -> Deep Q-Network, ProtoPNet -> Prototypical
Networks). Two spellings join only when their keys are equal, when the
gazetteer lists both, or when the paper defines one as the other.

The registry (id -> name, aliases, type votes, paper count) is the only state
that grows with the corpus.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from extractors.keys import exact_key, name_key, singular_key
from ontology import EntityType
from ontology.gazetteer import GazetteerEntry, default_entries, exact_case, word_name
from ontology.metrics import FAMILY as METRIC_FAMILY, SCORE_CONTEXT

from .name_agreement import GENERIC_HEADS, agrees  # noqa: F401  (moved out; importable from here)


_SIZE = r"(?:\d+(?:\.\d+)?[BMKbmk]|\d+x\d+[BMb]|base|large|small|tiny|mini|medium|huge|giant|xl|xxl|[SMLBH](?:/\d+)?|instruct|chat|it|hf)"
_VARIANT_PATTERNS = [
    re.compile(r"^(?P<family>.+?)[-_ ]" + _SIZE + r"$", re.I),  # BERT-large, Llama-2-7B, ViT-B/16
    re.compile(r"^(?P<family>.*?[A-Za-z])[-_ ]?[vV]?(?P<version>\d+(?:\.\d+)?)$"),  # ResNet-50, GPT-3, CBNetV2
    re.compile(r"^[A-Za-z0-9]*\d[A-Za-z0-9]*-(?P<family>[A-Z][\w+]*)$"),  # I2P-MAE (a coined prefix on a name)
]
_DIGITS = re.compile(r"\d+")
_MARKUP = re.compile(r"[$\\{}]")  # TeX left in a mention
_AUTOMATIC = re.compile(r"^(?:automatic|automated)[\s-]+(?=\S+\s+\S)", re.I)
#: What "automatic"/"automated" does rename: AutoML is no machine learning, and
#: "Automatic Content Extraction" (ACE) is a programme's name.
_AUTOMATIC_KEEPS = frozenset({"machinelearning", "contentextraction"})


def unmodified(name: str) -> str | None:
    """``name`` less a leading "automatic"/"automated" that names nothing
    new, or None: "Automatic Question Generation" is question generation, as
    "automatic speech recognition" is speech recognition (issue 28: acl
    P19-1481 gave two Task nodes). Only before two words or more: alone the
    modifier makes a concept of its own word ("automatic differentiation",
    "automatic evaluation" against human evaluation), and a gazetteer entry
    of its own ("Automatic Post-Editing", "automated machine learning")
    wins, since :meth:`Linker._entry_for` looks up the whole name first.
    ``kg extract`` (standard) on draw_sample(3000, 4018): 12 papers write
    both forms as two nodes, 11 one task (the twelfth, Automatic
    Post-Editing, is its own gazetteer entry). 120k abstracts: "automatic/
    automated X (ACRONYM)" defined 346 times (106 phrases); of the 45
    commonest (285 definitions) read, 41 name X, 2 do not (AutoML 13, kept
    apart here; automated guided vehicle 9, a vehicle that no node names),
    2 are unclear (automatic relevance determination 7, a method's name).
    """
    m = _AUTOMATIC.match(name.strip())
    if m is None:
        return None
    rest = name.strip()[m.end():]
    return rest if name_key(rest) not in _AUTOMATIC_KEEPS else None


def family_name(name: str) -> str | None:
    """The family a sized or versioned name belongs to, or None.

    "Llama-2-7B" -> "Llama-2", "Llama-2" -> "Llama", "BERT-large" -> "BERT",
    "ResNet-50" -> "ResNet", "CBNetV2" -> "CBNet", "Gemma 2B-2B" -> "Gemma 2B",
    "I2P-MAE" -> "MAE" (derived: a prefix with a digit coined on a name). Names that are all digits
    after the family, or families shorter than two letters, are not split.
    """
    for rx in _VARIANT_PATTERNS:
        m = rx.match(name.strip())
        if m:
            fam = m.group("family").rstrip("-_ ")
            if sum(c.isalpha() for c in fam) >= 2:
                return fam
    return None


def _unlisted_acronym(surface: str, listed: set[str]) -> bool:
    """An all-capitals short form (up to 5 letters, plural "s" aside) that a
    gazetteer entry does not list among its names: one paper's abbreviation
    ("text-to-speech synthesis (SS)"), which :meth:`Linker.display_names`
    shows as the node's name only when nothing else is written (issue 28:
    "SS" shown for text-to-speech synthesis). ``kg build`` on the seeds: no
    name changes; on 3,000 real abstracts (``draw_sample(3000, 28090907)``):
    one, rightly ("TSG", a paper's acronym for the video moment retrieval
    node, -> "Temporal Sentence Grounding", also written)."""
    core = surface[:-1] if surface.endswith("s") else surface
    return 2 <= len(core) <= 5 and core.isupper() and " " not in core and name_key(surface) not in listed \
        and name_key(core) not in listed


_MIXED_CASE = re.compile(r"^.+[A-Z]")  # an upper-case letter after the first: "mIoU", "mIOU", not "Adam"
_ACRONYM_PLURAL = re.compile(r"^[A-Z0-9][A-Z0-9-]*[A-Z0-9]s$")
#: A name of two words or more whose last word is a plural written in lower case after its first letter
_NAMED_PLURAL = re.compile(r"\s[A-Za-z][a-z]+s$")


def _coined(short_form: str) -> bool:
    """Mixed case, lower-case letters after the first: "RoBERTa", "iCaRL", "PixelCNN"."""
    letters = [c for c in short_form if c.isalpha()]
    return any(c.isupper() for c in letters) and any(c.islower() for c in letters[1:])


_SPACES = re.compile(r"\s+")


def single_spaced(text: str) -> str:
    """``text`` with each run of whitespace one space, none at its ends."""
    return text if "  " not in text and text == text.strip() and "\n" not in text and "\t" not in text \
        else _SPACES.sub(" ", text).strip()


def key_to_id(key: str) -> str:
    """IRI-safe, readable entity id from a normalised key."""
    return key.replace("+", "plus").replace(".", "_") or "x"


#: Node kinds, strongest evidence first (kg.nodes).
KINDS = ("gazetteer", "defined", "name", "term", "task")


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
    subclass_of: str | None = None  # a metric's family (ontology.metrics.FAMILY): top-1 accuracy -> accuracy
    papers: int = 0
    external_id: str | None = None  # Papers with Code URL, from the gazetteer
    kind: str | None = None  # why it is a node (kg.nodes.node_kind)
    written: Counter = field(default_factory=Counter)  # mention surfaces across the graph

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
        self.as_written: dict[str, GazetteerEntry] = {}  # short names papers seldom write: only as written
        for e in self.entries:
            self.by_name[e.name] = e
            for s in e.surfaces:
                if e.label and s == e.name:
                    # "T-D" (PwC's name for Transformer Decoder, which papers write 50 times to its 0) keyed
                    # folded is "TD", which papers write for temporal difference: it links only as written
                    self.as_written.setdefault(s, e)
                elif e.case_sensitive and exact_case(s):
                    if s in SCORE_CONTEXT and e.type is EntityType.METRIC:
                        continue  # "EM" is the metric only where the matcher saw a score (extractors/score_context.py)
                    self.by_exact.setdefault(exact_key(s), e)
                else:
                    self.by_key.setdefault(name_key(s), e)
        self.gaz_ids: dict[str, str] = {}
        taken: set[str] = set()
        for e in self.entries:  # file order decides who keeps the plain id
            shown = e.label or e.name  # "transformerdecoder", not "td", which a plain "TD" would take
            eid = key_to_id(name_key(shown))
            if eid in taken:
                eid = f"{eid}-{e.type.value.lower()}"
                n = 2
                while eid in taken:
                    eid, n = f"{key_to_id(name_key(shown))}-{n}", n + 1
            taken.add(eid)
            self.gaz_ids[e.name] = eid
        self.gazetteer_ids = frozenset(self.gaz_ids.values())
        self.entry_by_id = {eid: self.by_name[name] for name, eid in self.gaz_ids.items()}
        # case variants of mixed-case acronyms ("mIOU" for "mIoU"): only
        # surfaces that are unique once folded
        folded: dict[str, list[GazetteerEntry]] = {}
        for k, e in self.by_exact.items():
            folded.setdefault(k.casefold(), []).append(e)
        self.by_exact_folded = {k: v[0] for k, v in folded.items() if len({id(x) for x in v}) == 1}
        self.registry: dict[str, EntityInfo] = {}
        self.acronyms: dict[str, set[str]] = {}  # short-form key -> ids of long forms
        self.ambiguous: dict[str, set[str]] = {}

    # -- ids ---------------------------------------------------------------
    def gazetteer_id(self, entry: GazetteerEntry) -> str:
        return self.gaz_ids[entry.name]

    def _entry_for(self, text: str) -> GazetteerEntry | None:
        if (entry := self.as_written.get(text.strip())) is not None:
            return entry
        exact = exact_key(text)
        entry = self.by_exact.get(exact)
        key = name_key(text)
        if entry is None:
            entry = self.by_key.get(key)
        if entry is None and exact.endswith("s"):
            entry = self.by_exact.get(exact[:-1])
            if entry is not None and word_name(entry):
                entry = None  # "Whispers" is the word, not Whisper
        if entry is None and (sing := singular_key(key)) is not None:
            entry = self.by_key.get(sing)
        if entry is None and sing is None:
            entry = self._plural_entry(key)
        if entry is None and _MIXED_CASE.search(exact) and exact not in SCORE_CONTEXT:
            # ("MAP" is mean average precision only in score context: kg/weak_links.CONTEXT_SENSE)
            entry = self.by_exact_folded.get(exact.casefold())
        if entry is None and (rest := unmodified(text)) is not None:
            entry = self._entry_for(rest)  # "automated program repair": program repair
        return entry

    def _plural_entry(self, key: str) -> GazetteerEntry | None:
        """The gazetteer entry a singular name is the singular of, where the
        entry is named in the plural: "word embedding" is Papers with Code's
        "Word Embeddings", "Knowledge graph" its "Knowledge Graphs" (the
        plural's singular was already joined, :func:`singular_key`; this is
        the other way round). Only an entry whose own name, of two words or
        more, ends in a lower-case plural word, and which matches without
        regard to case: a name that merely ends in "s" ("DeiT-S", "DARTS",
        "Incidents", "L-BFGS") is no plural of anything. 931 real and audit
        abstracts (standard tier): 12 nodes were split off their entry this
        way ("word embedding" 7, "Knowledge graph" 2, "topic model",
        "multi-armed bandit", "Universal Dependency Treebank"), one of them
        (Edge, acl 2021.naacl-main.221: "Knowledge Graph" in the title beside "Knowledge graphs") a
        second node for one concept in one paper (issue 28). Not a Task entry: Papers
        with Code names areas in the plural whose singular is an object ("an autonomous
        vehicle" is no task "Autonomous Vehicles", judged wrong_type on the audit;
        "Real-Time Strategy Games", "Transparent objects"): of the 4 Task nodes the
        rule made on draw_sample(1000, 17171742) and fresh part P7 (3 and 1), 2 were vehicles
        and 2 Multi-Armed Bandits (right)."""
        for plural in (key + "s", key + "es"):
            entry = self.by_key.get(plural)
            if entry is not None and not entry.case_sensitive and name_key(entry.name) == plural \
                    and entry.type != EntityType.TASK and _NAMED_PLURAL.search(entry.name):
                return entry
        return None

    def pair_id(self, long_form: str, short_form: str) -> str:
        """The id of a "Long Form (SF)" pair a paper defines: the long form's
        gazetteer entry; else the short form's entry when the short form is
        that entry's own coined name, case-exactly, or the paper's long form agrees
        with one of its names ("test-time adaptive (TTA)" and test-time
        adaptation); else the paper's own long form (IAA defined as Image
        Aesthetic Assessment is not inter-annotator agreement). Measured on
        605 definitions of gazetteer acronyms in 30,000 real abstracts."""
        long_entry = self._entry_for(long_form)
        if long_entry is not None:
            return self.gazetteer_id(long_entry)
        short_entry = self._entry_for(short_form)
        if short_entry is not None and (_coined(short_form) and exact_key(short_form) == exact_key(short_entry.name)
                                        or agrees(long_form, short_entry.surfaces)):
            # a coined mixed-case name the paper spells out ("Robustly
            # Optimized BERT Pretraining Approach (RoBERTa)"), or the
            # gazetteer's own long form; an all-capitals name may be anyone's
            # acronym (SHAP, APPS, ESM defined otherwise in real abstracts)
            return self.gazetteer_id(short_entry)
        return self._plain_id(long_form)

    def define_locally(self, pairs: Iterable[tuple[str, str]], mentions: Iterable[str] = ()) -> dict[str, str]:
        """One paper's abbreviation pairs as a key -> id table: both forms,
        singular and plural, map to :meth:`pair_id` (first definition wins).
        ``mentions``: the paper's other mention texts."""
        local: dict[str, str] = {}
        known = [(m, self._entry_for(m)) for m in dict.fromkeys(mentions)]
        for long_form, short_form in pairs:
            eid = self.pair_id(long_form, short_form)
            if self._entry_for(long_form) is None:
                # the paper writes the long form another way elsewhere, as a
                # known name: "test-time adaptive (TTA)" and "test-time adaptation"
                # (word for word: a defined "Multi-Head Self-Attention Network
                # (MHSAN)" is the paper's own network, not the multi-head
                # self-attention it also mentions)
                same = [e for m, e in known if e is not None and agrees(long_form, (m,), extra_word=False)]
                if same:
                    eid = self.gazetteer_id(same[0])
            keys = [name_key(short_form), name_key(long_form)]
            if _ACRONYM_PLURAL.match(short_form):
                keys.append(name_key(short_form[:-1]))  # "RSs", "GPs", "DDIs": the plural of RS, GP, DDI
            for k in keys:
                local.setdefault(k, eid)
                if (sing := singular_key(k)) is not None:
                    local.setdefault(sing, eid)
        return local

    def resolve(self, text: str, gazetteer_name: str = "", local_abbr: dict[str, str] | None = None,
                local_ids: dict[str, str] | None = None) -> str:
        """Canonical id of a mention (does not register it). ``local_ids``:
        the paper's :meth:`define_locally` table; ``local_abbr``: short-form
        key -> long form, for callers that only have the definitions."""
        key = name_key(text)
        if local_ids:
            eid = local_ids.get(key)
            if eid is None and (sing := singular_key(key)) is not None:
                eid = local_ids.get(sing)
            if eid is not None:
                return eid
        if local_abbr and key in local_abbr and name_key(local_abbr[key]) != key:
            return self.pair_id(local_abbr[key], text)
        if gazetteer_name and gazetteer_name in self.by_name:
            return self.gazetteer_id(self.by_name[gazetteer_name])
        entry = self._entry_for(text)
        if entry is not None:
            return self.gazetteer_id(entry)
        return self._plain_id(text)

    def _plain_id(self, text: str) -> str:
        """Id of a name no table knows: its key, singular (or its gazetteer entry)."""
        entry = self._entry_for(text)
        if entry is not None:
            return self.gazetteer_id(entry)
        key = name_key(unmodified(text) or text)
        sing = singular_key(key)
        if sing is not None and key_to_id(sing) in self.gazetteer_ids:
            return key_to_id(key)  # the gazetteer refused the plural ("Whispers"): not its entry's id by the back door
        return key_to_id(sing if sing is not None else key)

    # -- registry ----------------------------------------------------------
    def register_abbreviation(self, long_form: str, short_form: str) -> str:
        """Record "Long Form (SF)"; returns the id both forms link to."""
        entity_id = self.pair_id(long_form, short_form)
        if self._entry_for(short_form) is not None:
            return entity_id  # a gazetteer acronym keeps its meaning in other papers
        skey = name_key(short_form)
        ids = self.acronyms.setdefault(skey, set())
        ids.add(entity_id)
        if len(ids) > 1:
            self.ambiguous[short_form] = set(ids)
        return entity_id

    def observe(self, entity_id: str, surface: str, label: EntityType, name_hint: str | None = None,
                kind: str | None = None) -> EntityInfo:
        """Register a mention of ``entity_id`` (type vote, alias, node kind).
        A name or alias is written with single spaces ("attention  module"
        of a PDF's text is "attention module"): whitespace is no word, so
        this changes none of the words (the mention keeps the source text)."""
        surface = single_spaced(surface)
        if name_hint is not None:
            name_hint = single_spaced(name_hint)
        info = self.registry.get(entity_id)
        if info is None:
            info = self._new_info(entity_id, name_hint or surface)
            self.registry[entity_id] = info
        if kind is not None and (info.kind is None or KINDS.index(kind) < KINDS.index(info.kind)):
            info.kind = kind
        info.type_votes[label] += 1
        info.written[surface] += 1
        if surface != info.name:
            info.aliases.add(surface)
        return info

    def display_names(self) -> None:
        """Name each node by words its papers write: a gazetteer name that no
        mention in the graph writes (up to case, spacing, hyphens and plural:
        :func:`extractors.keys.name_key`) gives way to the commonest mention
        (the spelling group written most, then its commonest spelling; ties:
        the first in sorted order), and stays an alias. A
        researcher reads "T-D", "GBO" or "JLA" as no name (issue 28); the id
        is unchanged, so links and stores keep their keys. Run once, at the end.

        Seeds graph (standard): 34 nodes renamed, all read: 32 right (mean intersection over union ->
        mIoU, Fréchet Inception Distance -> FID, two-tower model -> dual-encoder...), 2 worse (VSE∞ ->
        "VSEinfty", a dataset XNLI shown as "cross-lingual natural language inference": a link the
        name now exposes). draw_sample(3000, 28090907): 68 renamed, 40 read at random: 34 right, 1
        wrong ("SS" for Text-To-Speech Synthesis, again a wrong link exposed), 5 TeX surfaces
        ("k$-medoids"), since never chosen. Names no paper writes (up to case and spacing, as
        substrings): seeds 71 -> 39, 3,000 abstracts 136 -> 80; up to name_key, 36 -> 2 and 80 -> 10
        (the rest written only with TeX)."""
        for info in self.registry.values():
            if not info.written:
                continue  # a family or suite registered without a mention keeps its name
            group = {s: singular_key(k := name_key(s)) or k for s in info.written}
            if (singular_key(k := name_key(info.name)) or k) in group.values():
                continue
            plain = [s for s in info.written if not _MARKUP.search(s)]  # "k$-medoids", "\\textit{UTBP}": no name
            if not plain:
                continue
            entry = self.entry_by_id.get(info.id)
            listed = {name_key(x) for x in entry.surfaces} if entry is not None else set()
            # a paper's own acronym that the entry does not list ("SS" a paper defined for
            # text-to-speech synthesis, "MRC") names the node only when nothing else is written
            plain = [s for s in plain if not _unlisted_acronym(s, listed)] or plain
            size = Counter()
            for s in plain:
                size[group[s]] += info.written[s]
            best = min(plain, key=lambda s: (-size[group[s]], -info.written[s], s))
            info.aliases.discard(best)
            info.aliases.add(info.name)
            info.name = best

    def _new_info(self, entity_id: str, surface: str) -> EntityInfo:
        # a gazetteer id reached through the paper's own words ("test-time
        # adaptive (TTA)") is still the entry: its name, type and PwC id
        entry = self.entry_by_id.get(entity_id) or self._entry_for(surface)
        if entry is not None and self.gazetteer_id(entry) == entity_id:
            # a node shows the words papers write: PwC's long name where its short one is rare (entry.label)
            name = entry.label or entry.name
            info = EntityInfo(entity_id, name, fixed_type=entry.type, aliases=set(entry.aliases) if name == entry.name else {*entry.aliases, entry.name} - {name},
                              external_id=entry.external_id, kind="gazetteer")
            if entry.variant_of and entry.variant_of in self.by_name:
                info.variant_of = self.gazetteer_id(self.by_name[entry.variant_of])
                self.ensure_gazetteer(entry.variant_of)
            if entry.part_of and entry.part_of in self.by_name:
                info.part_of = self.gazetteer_id(self.by_name[entry.part_of])
                self.ensure_gazetteer(entry.part_of)
            family = METRIC_FAMILY.get(entry.name) if entry.type is EntityType.METRIC else None
            if family and family in self.by_name:
                info.subclass_of = self.gazetteer_id(self.by_name[family])
                self.ensure_gazetteer(family)
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
