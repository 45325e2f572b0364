"""From paper records to linked :class:`~kg.model.PaperGraph` s.

Records are grouped by paper identity in a first, cheap pass (ids and source
references only), so that a paper seen in several inputs is extracted once
and carries all its sources; the second pass streams the distinct papers
through the spaCy pipeline and the linker. Pass 1 is
:mod:`kg.paper_groups`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from extractors.cue_typing import retyped_names
from extractors.gazetteer import lowercase_collection
from extractors.math_spans import formula_regions, normalized_regions
from extractors.normalize import OffsetMap, normalize
from extractors.relations import PAPER
from ontology import EntityType, RelationType
from ontology.cut_prefixes import never_alone

from .linking import Linker, single_spaced
from .pwc_links import benchmark_for
from .result_evaluations import scored_datasets, scored_metrics
from .result_links import result_tuple, settled_results
from .nodes import (NAME_MODIFIED_HEADS, named_before_head, short_type, follows_name_word, modifies_glued_head, modifies_next, names_a_team,
                    modifies_task_head,
                    names_a_campaign, names_an_organisation, outside_ml, takes_part_in_title,
                    names_a_venue, node_kind, weak_kind)
from .name_runs import content_word_before, cut_from_name, device_after
from .same_thing import one_thing
from .head_names import name_before_head_node
from .collection_lists import in_collection_list, listed_dataset
from .tagger_acronyms import near_collection_word, tagger_dataset_guess, tagger_guess, tagger_only_keys
from extractors.doctext import TAGGER_KEY
from .weak_links import acronym_definitions, context_senses, own_id, weak_acronyms
from .model import Entity, PaperGraph, Relation, Result, Span
from .records import PaperRecord

# Pass 1 (paper identity and grouping) moved to kg/paper_groups.py; its names stay importable from here.
from .paper_groups import (  # noqa: F401
    PaperGroup, Scan, _Extra, content_hash, distinct_records, group_sources, paper_id, text_hash,
)

#: A dataset already evaluated or trained on takes no EVALUATES_ON from a score.
_EVALUATED_OR_TRAINED = frozenset((RelationType.EVALUATES_ON, RelationType.TRAINS_ON))

SEP = "\n\n"


# -- plain, picklable results of the pipeline ------------------------------

AbbrT = tuple  # (long, long_start, long_end, short, short_start, short_end)


@dataclass(slots=True)
class DocData:
    """What :class:`PaperBuilder` needs from a processed Doc, as plain data
    (tuples, strings, numbers): picklable across processes and machines.

    ents: (text, kb_id, label, id, start_char, end_char);
    relations: (type value, source, target, evidence, extractor, confidence[, source mention, target mention]:
    the anaphor's offsets where an anaphor names an end, extractors/anaphora.py);
    results: (value, unit, kind, start, end, qualifier, metric, dataset, method,
    measure, direction, scale, own, over, subset) (:func:`kg.result_links.result_tuple`);
    result_inputs: what each result sentence's results were attached from
    (``doc._.result_inputs``), to attach them again on the graph's types;
    retyped: the names of Task picks the paper only applies, retyped Method
    (extractors/cue_typing.py): their node keeps the evidence it had as a Task;
    tagger: "encoder" where the accurate tier's encoder wrote the statistical
    candidates (kg/tagger_acronyms.py reads the CNN's alone).
    """

    abbreviations: list[tuple]
    ents: list[tuple]
    relations: list[tuple]
    results: list[tuple]
    result_inputs: list[tuple] = field(default_factory=list)
    retyped: list[str] = field(default_factory=list)
    tagger: str = ""


def _anaphor_mentions(r) -> tuple:
    """The mentions of a relation whose end an anaphor names ("our model":
    extractors/anaphora.py), as two more items of its tuple; none otherwise
    (and none from a component that does not set them)."""
    sm, tm = getattr(r, "source_mention", None), getattr(r, "target_mention", None)
    return () if sm is None and tm is None else (sm and tuple(sm), tm and tuple(tm))


def doc_data(doc: Doc) -> DocData:
    """Plain data of a processed Doc (runs where the pipeline ran)."""
    def span(x):
        return tuple(x) if isinstance(x, tuple | list) else x

    return DocData(
        [(a.long, a.long_start, a.long_end, a.short, a.short_start, a.short_end) for a in doc._.abbreviations],
        [(e.text, e.kb_id_, e.label_, e.id_, e.start_char, e.end_char) for e in doc.ents],
        [(r.type.value, span(r.source), span(r.target), tuple(r.evidence), r.extractor, float(r.confidence),
          *_anaphor_mentions(r)) for r in doc._.relations],
        [result_tuple(lr) for lr in doc._.results],
        list(doc._.result_inputs),
        retyped_names(doc),
        doc.user_data.get(TAGGER_KEY, ""),
    )


ABBREVIATIONS_PIPE = "mlkg_abbreviations_v1"


def run_pipeline(nlp: Language, items: list[tuple[str, int, list | None]], batch_size: int = 64) -> list[DocData]:
    """Process ``(text, title_end, abbreviations)`` items to DocData, in order.

    Abbreviations found in pass 1 (tuples) are set on the doc and the
    abbreviation component is skipped: same result, computed once."""
    from extractors.abbreviations import Abbreviation

    with_abbr, without = [], []
    for i, (text, title_end, abbrs, *formulas) in enumerate(items):
        doc = nlp.make_doc(text)
        doc.user_data["title_end"] = title_end
        if formulas and formulas[0]:
            doc.user_data["formulas"] = formulas[0]  # see extractors.math_spans
        if abbrs is not None and ABBREVIATIONS_PIPE in nlp.pipe_names:
            doc._.abbreviations = [Abbreviation(*a) for a in abbrs]
            with_abbr.append((doc, i))
        else:
            without.append((doc, i))
    out: list[DocData | None] = [None] * len(items)
    if with_abbr:
        with nlp.select_pipes(disable=[ABBREVIATIONS_PIPE]):
            for doc, i in nlp.pipe(with_abbr, as_tuples=True, batch_size=batch_size):
                out[i] = doc_data(doc)
    if without:
        for doc, i in nlp.pipe(without, as_tuples=True, batch_size=batch_size):
            out[i] = doc_data(doc)
    return out  # type: ignore[return-value]


def extract_chunk(items: list[tuple[str, int, list | None]], fast: bool = False) -> list[DocData]:
    """Worker entry point (process pool or Dask): pipeline of this process,
    loaded on the first call, when the process's objects are frozen for the
    garbage collector (:func:`extractors.pipeline.freeze_loaded`)."""
    from extractors.pipeline import freeze_loaded, get_nlp

    if get_nlp.cache_info().currsize == 0:
        get_nlp(fast)
        freeze_loaded()
    return run_pipeline(get_nlp(fast), items)


@dataclass(slots=True)
class Prepared:
    """Normalised text for the pipeline and the maps back to raw fields."""

    text: str
    title_end: int
    abstract_start: int
    title_map: OffsetMap
    abstract_map: OffsetMap
    #: (start, end) of the abstract's LaTeX formulas in the combined text (extractors.math_spans)
    formulas: tuple[tuple[int, int], ...] = ()

    def to_raw(self, start: int, end: int) -> tuple[str, int, int]:
        """(field, raw start, raw end) of a span of the combined text."""
        if start < self.title_end:
            a, b = self.title_map.to_raw(start, min(end, self.title_end))
            return "title", a, b
        a, b = self.abstract_map.to_raw(start - self.abstract_start, end - self.abstract_start)
        return "abstract", a, b


#: Extractors read at most this much of a field (the raw text is stored whole):
#: far beyond any real abstract, well under spaCy's ``nlp.max_length``.
MAX_EXTRACT_CHARS = 100_000


def prepare(record: PaperRecord) -> Prepared:
    """Title and abstract normalised and joined by a blank line.

    A field longer than :data:`MAX_EXTRACT_CHARS` is read up to that length;
    offsets still point into the raw text, of which it is a prefix.
    """
    title, tmap = normalize(record.title[:MAX_EXTRACT_CHARS])
    abstract, amap = normalize(record.abstract[:MAX_EXTRACT_CHARS])
    start = len(title) + len(SEP)
    formulas = tuple((start + a, start + b) for a, b in normalized_regions(formula_regions(record.abstract), amap))
    return Prepared(title + SEP + abstract, len(title), start, tmap, amap, formulas)


def make_doc(nlp: Language, prep: Prepared) -> Doc:
    doc = nlp.make_doc(prep.text)
    doc.user_data["title_end"] = prep.title_end
    doc.user_data["mlkg_text"] = prep.text  # see extractors.doctext
    if prep.formulas:
        doc.user_data["formulas"] = prep.formulas  # see extractors.math_spans
    return doc


class PaperBuilder:
    """Turns a processed Doc (or its :class:`DocData`) into a linked PaperGraph.

    Runs in the parent process only (the linker is stateful). After each
    :meth:`build`, ``observations`` holds the paper's contributions to the
    registry, in order ((entity id, surface, label, name hint) per mention):
    what an incremental build persists per paper. A paper's links depend on
    its own text and the gazetteer only (a bare acronym is never expanded with
    another paper's definition), so nothing else is recorded.
    """

    def __init__(self, linker: Linker, register_abbreviations: bool = True):
        self.linker = linker
        self.register_abbreviations = register_abbreviations
        self.observations: list[tuple[str, str, str, str | None, str]] = []

    def _span(self, record: PaperRecord, prep: Prepared, start: int, end: int) -> Span:
        fld, a, b = prep.to_raw(start, end)
        raw = record.title if fld == "title" else record.abstract
        return Span(fld, a, b, raw[a:b])

    def _named_before_head(self, text: str, label: str, doc_text: str, start: int, local_ids: dict[str, str],
                           titled: set[str]) -> tuple[str, str, str, str, str] | None:
        """(name, id, key, kind, label) of the words before a generic head, or None.

        "simulated annealing approach": the node is what the words before the
        generic head name, where those words alone have the evidence of a name
        (kg/nodes.py, named_before_head); the mention starts at ``start`` of ``doc_text``.
        """
        from extractors.keys import name_key, singular_key

        linker = self.linker
        short = named_before_head(text)
        if short is None or not doc_text.startswith(short, start):
            return None
        s_eid = linker.resolve(short, "", local_ids=local_ids)
        s_key = name_key(short)
        s_label = short_type(short, text, label)
        s_entry = linker.entry_by_id.get(s_eid)
        if not s_label and s_entry is not None and s_entry.type is EntityType.TASK:
            s_label = "Task"  # "sensor fusion problem": the gazetteer knows the task
        if not s_label:
            return None
        s_kind = node_kind(short, s_eid in linker.gazetteer_ids, s_key in local_ids or singular_key(s_key) in local_ids,
                           s_label, s_key in titled)
        if s_kind == "gazetteer" and short.islower() and " " not in short and s_entry is not None \
                and not any(x.islower() for x in s_entry.surfaces):
            return None  # "coverage problem" is no COVERAGE: a lower-case word for a name always
            # written with capitals, as extractors.gazetteer's matcher decides
        if s_kind not in ("gazetteer", "defined", "term"):
            return None
        return short, s_eid, s_key, s_kind, s_label

    def build(self, record: PaperRecord, group: PaperGroup, prep: Prepared, doc: Doc | DocData) -> PaperGraph:
        from extractors.keys import name_key, singular_key

        data = doc if isinstance(doc, DocData) else doc_data(doc)
        linker = self.linker
        pid = paper_id(record.key)
        local_abbr: dict[str, str] = {}
        obs: list[tuple[str, str, str, str | None, str]] = []
        for long_form, _, _, short, _, _ in data.abbreviations:
            if self.register_abbreviations:
                linker.register_abbreviation(long_form, short)
            local_abbr[name_key(short)] = long_form
        entities: dict[str, Entity] = {}
        span_ids: dict[tuple[int, int], str] = {}
        local_ids = linker.define_locally([(a[0], a[3]) for a in data.abbreviations], [e[0] for e in data.ents])
        concepts: list[dict] = []
        # the paper names what it defines with an abbreviation and what its title names ("Name: subtitle")
        titled = {name_key(e[0]) for e in data.ents if e[3] == "title"}
        keys = [name_key(e[0]) for e in data.ents]
        after = [prep.text[e[5]:e[5] + 30] for e in data.ents]  # the words after each mention
        standalone = {k for k, a, e in zip(keys, after, data.ents)
                      if not modifies_next(a)
                      and not (e[4] >= prep.abstract_start and follows_name_word(prep.text[max(0, e[4] - 30):e[4]]))}
        standalone_name = {k for k, a in zip(keys, after) if not modifies_next(a, NAME_MODIFIED_HEADS)}

        # a phrase only ever written as a venue's subject ("machine translation evaluation workshop"),
        # or as the modifier of a "-based" compound's noun ("GAN inversion-based"): no name of its own
        def only_ever(test) -> set[str]:
            marks = [(k, test(a)) for k, a in zip(keys, after)]
            return {k for k, t in marks if t} - {k for k, t in marks if not t}

        in_venue = only_ever(names_a_venue)
        glued = only_ever(modifies_glued_head)
        devices = only_ever(device_after)  # "GTX" of "GTX 1080Ti GPU", "RGB-D" of "RGB-D sensors"
        # a task phrase real abstracts write only inside longer ones, here too after a word of its own:
        # the front of its name is cut off ("point detection" of "interest point detection")
        front_cut = {k for k, e in zip(keys, data.ents) if never_alone(e[0])}
        front_cut -= {k for k, e in zip(keys, data.ents) if not content_word_before(prep.text[max(0, e[4] - 30):e[4]])}
        task_objects = only_ever(modifies_task_head)  # "HOI detection", "Diabetic Retinopathy (DR) grading"
        # ... and the abbreviation of such a long form names the same object ("HOI representations")
        task_objects |= {name_key(a[3]) for a in data.abbreviations if name_key(a[0]) in task_objects}
        abstract = prep.text[prep.abstract_start:]
        teams = {k for k, e in zip(keys, data.ents)
                 if names_a_team(prep.text[max(0, e[4] - 16):e[4]], prep.text[e[5]:e[5] + 100], e[0])
                 or takes_part_in_title(e[4], prep.text[e[5]:e[5] + 80], abstract, e[0])}
        teams |= {name_key(x) for a in data.abbreviations
                  if names_an_organisation(a[0]) or names_a_team(prep.text[max(0, a[1] - 20):a[1]], "")
                  for x in (a[0], a[3])}  # "the team of Information Retrieval Lab. Universitas Indonesia (3218IR)"
        teams |= {k for a in data.abbreviations if outside_ml(a[0])  # "autonomous underwater vehicles (AUVs)", "the AUV"
                  for k in (name_key(a[3]), singular_key(name_key(a[3])))}
        # only ever the first words of a longer capitalised name ("HVGA ATIS Corner Dataset", "CMU Panoptic Hand")
        runs_on, in_organisation, inside_name = cut_from_name(data.ents, prep.text, prep.abstract_start, keys)
        campaigns = {k for k, e in zip(keys, data.ents)
                     if names_a_campaign(e[0], prep.text[max(0, e[4] - 30):e[4]], prep.text[e[5]:e[5] + 60])}
        defined_types = acronym_definitions(data.abbreviations, prep.text)
        weak_keys = weak_acronyms(linker, data.ents, local_ids, prep.text)
        senses = context_senses(linker, data.ents, local_ids, prep.text)
        retyped = set(data.retyped)
        task_ids = {local_ids[k] for e in data.ents if e[2] == "Task" and (k := name_key(e[0])) in local_ids}
        lone_methods = {name_key(e[0]) for e in data.ents if e[2] == "Method"}
        # kg/tagger_acronyms.py: the CNN's acronyms only (the encoder's are right 7 times in 9 on A-L)
        tagger_only = tagger_only_keys(keys, [e[3] for e in data.ents]) if data.tagger != "encoder" else set()
        # (asked only of the tagger's keys, the only ones tagger_dataset_guess reads it for; any of them may end
        # up a Dataset: by its mention, a link, a definition or a collection list)
        near_collection = {k for k, e in zip(keys, data.ents)
                           if k in tagger_only and near_collection_word(prep.text, e[4], e[5])}
        listed = {k for k, e in zip(keys, data.ents)  # kg/collection_lists.py: "datasets such as A, B and C"
                  if e[2] == "Method" and in_collection_list(prep.text, e[4])}
        for text, kb_id, label_, ent_id, start, end in data.ents:
            eid = linker.resolve(text, kb_id, local_ids=local_ids)
            key = name_key(text)
            if key in weak_keys and not kb_id:
                eid = own_id(text, linker.gazetteer_ids)  # "GPS" is no PwC page of those letters (kg/weak_links.py)
            if key in senses and not kb_id:
                eid = senses[key]  # "variational EM": expectation-maximization (kg/weak_links.context_senses)
            if kb_id and kb_id in linker.by_name and eid != linker.gazetteer_id(linker.by_name[kb_id]):
                # the paper defines the acronym the gazetteer matched as something else ("Product quantization
                # (PQ)", "electromagnetic (EM)"): the entry's type is no evidence, the definition's is
                label_ = defined_types.get(key) or defined_types.get(singular_key(key) or key) or label_
            # a technique retyped Method by its cue keeps the evidence its Task label gave ("slot alignment")
            kind_label = "Task" if label_ == "Method" and text in retyped and ent_id != "proposal" else label_
            kind = node_kind(text, eid in linker.gazetteer_ids, key in local_ids or singular_key(key) in local_ids,
                             kind_label, key in titled, ent_id)
            if kind == "gazetteer" and (entry := linker.entry_by_id.get(eid)) is not None \
                    and lowercase_collection(text, entry):
                kind = None  # "generating natural questions": a collection's words in lower case, not its name
            if listed_dataset(label_, kind, key, listed):
                label_ = "Dataset"  # a coined name listed after "N datasets:" (kg/collection_lists.py)
            if key in campaigns and kind != "gazetteer":
                label_ = "Benchmark"  # "the WMT20 Chat Translation Task": the campaign, whatever the tagger read
            if (weak_kind(kind, text) and (key not in standalone or kind == "name" and key not in standalone_name)
                    or key in glued or key in devices and kind != "gazetteer" or key in front_cut and kind == "task"
                    or key in task_objects and kind in ("defined", "name", "task") and label_ in ("Method", "Task")
                    or key in in_venue and text[:1].islower() and " " in text or key in teams and kind != "gazetteer"
                    or tagger_guess(text, key, kind, tagger_only) and label_ != "Benchmark"  # a campaign read so: "X at MRP 2019"
                    or tagger_dataset_guess(key, kind, label_, tagger_only, near_collection)
                    or label_ != "Benchmark" and (key in in_organisation or key in (inside_name if kind == "gazetteer" else runs_on))):
                kind = None  # only ever a modifier ("cross-lingual alignment supervision"): no name of its own
            named = self._named_before_head(text, label_, prep.text, start, local_ids, titled) if kind is None \
                else name_before_head_node(linker, text, label_, local_ids, task_ids, lone_methods, titled, weak_keys, senses)
            if named is not None:
                span_ids[(start, end)] = named[1]  # what the whole phrase relates, its name relates
                text, eid, key, kind, label_ = named
                end = start + len(text)
            if kind is None:  # a generic description or a fragment: a mention on its paper, no node (kg/nodes.py)
                concepts.append({"text": text, "type": label_, **self._span(record, prep, start, end).to_dict()})
                continue
            label = EntityType(label_)
            name_hint = local_abbr.get(name_key(text)) if ent_id == "abbreviation" else None
            hint = None if name_hint is None else text
            info = linker.observe(eid, text, label, hint, kind)
            obs.append((eid, text, label.value, hint, kind))
            span_ids[(start, end)] = eid
            e = entities.get(eid)
            if e is None:
                e = entities[eid] = Entity(eid, info.type, info.name, variant_of=info.variant_of, part_of=info.part_of,
                                           kind=kind, external_id=info.external_id, subclass_of=info.subclass_of)
            e.mentions.append(self._span(record, prep, start, end))
            if (alias := single_spaced(text)) != info.name and alias not in e.aliases:
                e.aliases.append(alias)  # names and aliases single-spaced; the mention keeps the source's text
        for eid in entities:
            linker.registry[eid].papers += 1
        self.observations = obs

        def ent_at(span: tuple[int, int]) -> str | None:
            span = tuple(span)
            if span in span_ids:
                return span_ids[span]
            for (a, b), eid in span_ids.items():
                if a < span[1] and span[0] < b:
                    return eid
            return None

        relations: dict[tuple, Relation] = {}
        for rtype, source, target, evidence, extractor, confidence, *anaphor in data.relations:
            rtype = RelationType(rtype)
            src = pid if source == PAPER else ent_at(source)
            tgt = ent_at(target) if isinstance(target, tuple | list) else pid
            if src is None or tgt is None or src == tgt:
                continue
            if src != pid and tgt != pid and one_thing(entities[src], entities[tgt]):
                continue  # "PBN > Prototype-Based Network": one method under two ids
            if rtype is RelationType.PROPOSES:
                entities[tgt].proposed = True
            key = (rtype, src, tgt)
            old = relations.get(key)
            if old is None or confidence > old.confidence:
                ev = self._span(record, prep, *evidence)
                relations[key] = Relation(
                    rtype, src, tgt, ev, extractor, confidence,
                    None if source == PAPER else self._span(record, prep, *(anaphor and anaphor[0] or source)),
                    self._span(record, prep, *(anaphor and anaphor[1] or target)) if isinstance(target, tuple | list) else None,
                )  # (an end an anaphor names: the anaphor's offsets as its mention, the entity it resolves to as the end)
        # a proposed entity is not also "used"
        proposed = {e.id for e in entities.values() if e.proposed}
        rels = [r for r in relations.values() if not (r.type is RelationType.USES and r.target in proposed)]
        for e in entities.values():
            e.type = linker.registry[e.id].type
        # results attach on the graph's settled types, not the sentence NER's (kg/result_links.py)
        results = []
        scored = settled_results(prep.text, data.ents, data.results, data.result_inputs,
                                 lambda span: entities[span_ids[span]].type.value if span in span_ids else None)
        for value, unit, kind, qstart, qend, qualifier, metric, dataset, method, measure, direction, scale, own, over, \
                subset in scored:
            results.append(
                Result(
                    value, unit, kind, self._span(record, prep, qstart, qend),
                    metric=ent_at(metric) if metric else None,
                    dataset=ent_at(dataset) if dataset else None,
                    method=ent_at(method) if method else None,
                    qualifier=qualifier, measure=measure, direction=direction, scale=scale, own=bool(own),
                    over=ent_at(over) if over else None, subset=subset,
                )
            )
        # a dataset the paper reports its own score on is one it evaluates on (kg/result_evaluations.py)
        related = {r.target for r in rels if r.source == pid and r.type in _EVALUATED_OR_TRAINED} | proposed
        for eid, span, sent in scored_datasets(prep.text, scored, data.result_inputs, ent_at, lambda i: entities[i].type.value,
                                               related):
            rels.append(Relation(RelationType.EVALUATES_ON, pid, eid, self._span(record, prep, *sent), "result:dataset",
                                 0.7, None, self._span(record, prep, *span)))
        # a metric the paper states its own score in is one it measures (kg/result_evaluations.py)
        measured = {r.target for r in rels if r.source == pid and r.type is RelationType.MEASURES}
        for eid, span, sent in scored_metrics(scored, data.result_inputs, ent_at, lambda i: entities[i].type.value, measured):
            rels.append(Relation(RelationType.MEASURES, pid, eid, self._span(record, prep, *sent), "result:metric",
                                 0.7, None, self._span(record, prep, *span)))
        # Papers with Code's top datasets per task (kg/pwc_links.py), where the paper names both
        rels.extend(r for r in benchmark_for(entities, linker, {"title": record.title, "abstract": record.abstract})
                    if (r.type, r.source, r.target) not in relations)
        return PaperGraph(
            id=pid, key=record.key, title=record.title, abstract=record.abstract,
            date=group.date or record.date, sources=group.sources, meta=dict(group.meta),
            entities=list(entities.values()), relations=rels, results=results, concepts=concepts,
        )


def replay(linker: Linker, observations: Iterable[tuple[str, str, str, str | None]]) -> None:
    """Apply one paper's recorded observations to a linker's registry, exactly
    as :meth:`PaperBuilder.build` did (rebuilds the registry without the pipeline)."""
    seen: dict[str, None] = {}
    for eid, surface, label, hint, *kind in observations:
        linker.observe(eid, surface, EntityType(label), hint, kind[0] if kind else None)
        seen[eid] = None
    for eid in seen:
        linker.registry[eid].papers += 1


def extract(
    pairs: Iterable[tuple[PaperRecord, PaperGroup]],
    nlp: Language,
    linker: Linker,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[PaperGraph]:
    """Run the pipeline over distinct papers, in order, yielding PaperGraphs.

    Abbreviations are registered as papers stream (order-dependent for bare
    acronyms); :func:`kg.build.papers_from_inputs` collects them first instead."""
    builder = PaperBuilder(linker)

    def docs_with_context() -> Iterator[tuple[Doc, tuple[PaperRecord, PaperGroup, Prepared]]]:
        for record, group in pairs:
            prep = prepare(record)
            yield make_doc(nlp, prep), (record, group, prep)

    for doc, (record, group, prep) in nlp.pipe(docs_with_context(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield builder.build(record, group, prep, doc)
