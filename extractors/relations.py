"""Relations between the paper, its entities and its results, per sentence.

Proposal cues give PROPOSES; the other paper-level relations come only from
sentences about the paper's own work (:mod:`extractors.paper_relations`);
entity-to-entity relations (SciER's nine types and OUTPERFORMS) from cue
patterns between two mentions (:mod:`extractors.entity_relations`). Each
relation keeps its evidence sentence, both ends' spans, the rule name and a
confidence. ``doc._.relations`` is the contract a later component (a
learned pair classifier) may extend.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ontology import EntityType, RelationType

from .anaphora import own_anaphors
from .components import component_relations
from .batching import batch_component
from .doctext import Ent, doc_ents, doc_text, drop_scratch, get_ext, lower_text, set_ext
from .entity_relations import own_outperforms, own_parts, pair_relations
from .relation_lists import spread_pattern_pairs
from .paper_relations import drop_technique_addresses, kept_proposals, own_zone, paper_relations
from .result_kinds import ABSOLUTE, BASELINE, DELTA
from .result_counts import may_rank, ranks
from .result_subjects import one_proposal
from .results import LocalResult, sentence_results
from .sentences import sentence_bounds
from .verb_objects import has_object_verb, subject_evaluations, verb_objects

PAPER = "PAPER"
_DATASET_TYPES = {EntityType.DATASET.value, EntityType.BENCHMARK.value}
#: Label strings, read once (an enum's ``.value`` is a property call).
_METHOD, _METRIC, _TASK = EntityType.METHOD.value, EntityType.METRIC.value, EntityType.TASK.value


@dataclass(slots=True)
class LocalRelation:
    """A relation in one doc: ends are ``PAPER`` or (start_char, end_char) of an ent."""

    type: RelationType
    source: str | tuple[int, int]
    target: str | tuple[int, int]
    evidence: tuple[int, int]
    extractor: str
    confidence: float
    #: where an end is named by an anaphor ("our model": :mod:`extractors.anaphora`), the
    #: anaphor's own offsets; the end itself (``source``/``target``) is the entity it resolves to
    source_mention: tuple[int, int] | None = None
    target_mention: tuple[int, int] | None = None


def _span(ent: Ent) -> tuple[int, int]:
    return (ent.start_char, ent.end_char)


def sentence_relations(sent: tuple[int, int], text: str, ents: list[Ent], proposed_names: set[str],
                       low: str | None = None, in_title: bool = False, own: Ent | None = None,
                       defined_own: Ent | None = None, after_own: bool = False) -> list[LocalRelation]:
    """Paper-level and entity-level relations stated in one sentence
    (``sent``: its char span; ``text``: the sentence's text; ``low``: that
    lower-cased, if it keeps offsets; ``in_title``: the sentence is the
    title; ``own``: the paper's one proposed entity, if one;
    ``defined_own``: that entity where the title names it ("Name: ...") or
    the abstract defines it with a short form ("... network (DSRG)"), the
    antecedent of "our model" in :func:`anaphor_relations` and
    :func:`anaphor_evaluations`).
    Paper-level: :func:`extractors.paper_relations.paper_relations` (only
    the paper's own work); entity-to-entity: the cue patterns of
    :mod:`extractors.entity_relations`, and "our method outperforms X"
    (:func:`extractors.entity_relations.own_outperforms`: the source
    mention is the proposal's, in another sentence)."""
    lowered = low if low is not None else text.lower()  # (the rules below read the sentence lower-cased)
    out = [LocalRelation(rtype, PAPER, span, sent, rule, conf)
           for rtype, span, rule, conf in paper_relations(sent, text, ents, proposed_names, in_title, low, after_own)]
    if len(ents) > 1:
        found = pair_relations(sent[0], text, ents, low, in_title=in_title)
        for p, src, tgt in found:
            out.append(LocalRelation(p.type, _span(src), _span(tgt), sent, "pattern:" + p.name, p.confidence))
        for p, src, tgt in spread_pattern_pairs(text, sent[0], ents, found):
            out.append(LocalRelation(p.type, _span(src), _span(tgt), sent, "pattern:" + p.name + "+list", round(p.confidence - 0.05, 3)))
        out.extend(object_relations(sent, lowered, ents))
    if own is not None and ents:
        for ref, tgt in own_outperforms(sent[0], lowered, ents, own):
            out.append(LocalRelation(RelationType.OUTPERFORMS, _span(own), _span(tgt), sent, "pattern:own-outperforms", 0.7,
                                     source_mention=ref))
        for ref, part in own_parts(sent[0], text, lowered, ents, own):
            out.append(LocalRelation(RelationType.PART_OF, _span(part), _span(own), sent, "pattern:own-parts", 0.7,
                                     target_mention=ref))
        if defined_own is not None:
            out.extend(anaphor_relations(sent, text, ents, low, in_title, defined_own, out))
            out.extend(anaphor_evaluations(sent, ents, lowered, defined_own, out))
    return out


def object_relations(sent: tuple[int, int], low: str, ents: list[Ent]) -> list[LocalRelation]:
    """"We evaluate the Pivot CorrNN on FCVID and YouTube-8M": a method named
    as the object of an evaluation or training verb, EVALUATED_WITH /
    TRAINED_WITH the data after it (:func:`extractors.verb_objects.verb_objects`)."""
    if not has_object_verb(low):
        return []
    out = []
    for m in ents:
        if m.label_ != _METHOD:
            continue
        kind, objects = verb_objects(sent[0], low, ents, m)
        rtype = RelationType.EVALUATED_WITH if kind == "eval" else RelationType.TRAINED_WITH
        out.extend(LocalRelation(rtype, _span(m), _span(e), sent, f"pattern:{kind}-object", 0.7) for e in objects)
    return out


#: The patterns an anaphor of the paper's own method may start (as the pair's source): what the
#: method is trained with, used for, evaluated with, outperforms. Not the naming patterns (synonym,
#: subclass: "our model, a variant of BERT" names no second name of the method), and not "compare"
#: (5 firings on real abstracts, 2 right: "performs better against MIA attacks", "compared with the
#: ICP-based approach" with ICP cut). BENCHMARK_FOR from "our dataset" ("evaluate ... question answering
#: systems on our dataset") was tried: 3 firings, 3 right, on the 395 abstracts of draw_sample(60000,
#: 7070707) whose title names a data set and whose abstract says "our dataset": too few to vouch for.
_ANAPHOR_TYPES = frozenset((RelationType.TRAINED_WITH, RelationType.USED_FOR, RelationType.EVALUATED_WITH,
                            RelationType.OUTPERFORMS))


def anaphor_relations(sent: tuple[int, int], text: str, ents: list[Ent], low: str | None, in_title: bool,
                      own: Ent, found: list[LocalRelation]) -> list[LocalRelation]:
    """Relations the cue patterns read from the paper's own method named by
    an anaphor ("Our model is trained on SQuAD", "the proposed approach for
    relation extraction"; :func:`extractors.anaphora.own_anaphors`): the
    source is ``own``, the source mention the anaphor. ``found``: the
    sentence's relations so far (an edge found another way is not repeated)."""
    low = low if low is not None else text.lower()
    stand_ins = own_anaphors(sent[0], low, ents, own)
    if not stand_ins:
        return []
    have = {(r.type, r.target) for r in found if r.source == _span(own)}
    out = []
    if has_object_verb(low):
        for ana in stand_ins:
            kind, objects = verb_objects(sent[0], low, ents, ana)
            rtype = RelationType.EVALUATED_WITH if kind == "eval" else RelationType.TRAINED_WITH
            for e in objects:
                if (rtype, _span(e)) not in have:
                    have.add((rtype, _span(e)))
                    out.append(LocalRelation(rtype, _span(own), _span(e), sent, f"anaphor:{kind}-object", 0.7,
                                             source_mention=_span(ana)))
    merged = sorted((*ents, *stand_ins), key=lambda e: e.start_char)
    for p, src, tgt in pair_relations(sent[0], text, merged, low, in_title=in_title):
        if src.start != -1 or tgt.start == -1 or p.type not in _ANAPHOR_TYPES or tgt.text == own.text:
            continue
        if (p.type, _span(tgt)) in have:
            continue
        have.add((p.type, _span(tgt)))
        out.append(LocalRelation(p.type, _span(own), _span(tgt), sent, "anaphor:" + p.name, round(p.confidence - 0.05, 3),
                                 source_mention=_span(src)))
    return out


def anaphor_evaluations(sent: tuple[int, int], ents: list[Ent], low: str, own: Ent,
                        found: list[LocalRelation]) -> list[LocalRelation]:
    """"Our proposed method obtains state of the art results ... on the MUSE
    dataset": the paper's one proposed method, named by an anaphor that is the
    subject of a score or evaluation verb, EVALUATED_WITH the data sets (and
    the metric) the clause names (:func:`extractors.verb_objects.subject_evaluations`;
    the labelling guide, parts H and J). The antecedent ``own`` is the one
    proposal of the paper where the title names it or the abstract defines
    it with a short form (:func:`mlkg_relations`). Counts in
    :mod:`extractors.verb_objects`. ``found``: the sentence's relations so
    far (an edge found another way, "Our model is evaluated on D" by
    :func:`anaphor_relations`, is not repeated)."""
    if "on" not in low and "across" not in low and _METRIC not in {e.label_ for e in ents}:
        return []
    have = {r.target for r in found if r.type == RelationType.EVALUATED_WITH and r.source == _span(own)}
    out = []
    for ana in own_anaphors(sent[0], low, ents, own):
        for e in subject_evaluations(sent[0], low, ents, ana):
            if _span(e) in have:
                continue
            have.add(_span(e))
            out.append(LocalRelation(RelationType.EVALUATED_WITH, _span(own), _span(e), sent, "anaphor:subject-eval", 0.7,
                                     source_mention=_span(ana)))
    return out


#: The kinds of result that are a score of their method (not a cost, setting or count).
_SCORE_KINDS = frozenset((ABSOLUTE, DELTA, BASELINE))


#: After the method of a score: a verb of scoring, so that the method is the subject of the statement
#: ("CPN achieves an AP of 49.2%", "BERT+ was the top performing model with", "our BERT model, which
#: achieved"), not a backbone or a tool inside it ("with ViT-B backbone", "employs Wav2Vec 2.0 for").
_SCORE_VERB = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?!(?:datasets?|corpus|corpora|benchmarks?)\b)[\w-]+\s+){0,2}?"
                         r"(?:(?:[\w-]+)?\s*,\s*which\s+)?(?:(?:also|further|only|still|consistently|significantly)\s+)?"
                         r"(?:achiev|obtain|reach|yield|get|gets|got|score|attain|record|improv|outperform|reduc|gain|perform|"
                         r"was|is|has|had|set)", re.I)


def result_evaluations(sent: tuple[int, int], found: list[LocalResult], text: str) -> list[LocalRelation]:
    """"BERT reaches 91.2 F1 on CoNLL-2003": a method named in a score's own
    sentence is EVALUATED_WITH the score's metric and data set (SciER's
    EVALUATED_WITH; the labelling guide, parts B, E and F: "entity-level
    EVALUATED_WITH of a named method with the dataset or metric of its result
    sentence"), read from the links the results step made
    (:func:`extractors.results.sentence_results`), where the method is the
    subject of the score (:data:`_SCORE_VERB`). Real (draw_sample(3000,
    606061), standard tier, every firing read): without the subject check 73
    firings, 40 read, 35 right (wrong: a backbone "with ViT-B backbone", a tool
    "employs pre-trained Wav2Vec 2.0 for", a language); audit parts A-E 5
    firings, 2 right (a data set typed Method "TreeDST datasets show our
    approach achieves", a generic "ground truth"); with it 32 firings, 31 right
    (wrong: "Our hybrid pipeline of an attention-based CNN ... was the best
    performing system ... with an F1 score of 0.51": the pipeline's score),
    audit A-E 2 firings, 2 right."""
    out, seen = [], set()
    for r in found:
        m = r.method
        if m is None or r.kind not in _SCORE_KINDS or not (sent[0] <= m[0] and m[1] <= r.quantity.start <= sent[1]) \
                or not _SCORE_VERB.match(text, m[1] - sent[0]):
            continue  # (the method named before the score in the sentence itself, its subject)
        for end in (r.metric, r.dataset):
            if end is not None and end != m and (m, end) not in seen:
                seen.add((m, end))
                out.append(LocalRelation(RelationType.EVALUATED_WITH, m, end, sent, "result:evaluated-with", 0.7))
    return out


if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=[])
if not Doc.has_extension("results"):
    Doc.set_extension("results", default=[])
if not Doc.has_extension("result_inputs"):
    Doc.set_extension("result_inputs", default=[])


def _quantity_tuple(q) -> tuple:
    return (q.value, q.unit, q.kind, q.start, q.end, q.qualifier)


def result_input(sent: tuple[int, int], n_results: int, ents: list[Ent], quantities, numbers, own: Ent | None) -> tuple:
    """What :func:`extractors.results.sentence_results` read in one sentence,
    as plain data (``doc._.result_inputs``): the graph re-attaches the
    sentence's results on its settled entity types where they differ from
    the sentence NER's (kg/result_links.py). ``n_results``: how many of
    ``doc._.results`` the sentence gave, in order."""
    return (sent[0], sent[1], n_results, tuple(_span(e) for e in ents), tuple(map(_quantity_tuple, quantities)),
            tuple(map(_quantity_tuple, numbers)), _span(own) if own is not None else None)


@batch_component("mlkg_relations_v1")
def mlkg_relations(doc: Doc) -> Doc:
    """Fill ``doc._.relations`` (incl. PROPOSES), ``doc._.results`` and
    ``doc._.result_inputs`` (what each sentence's results were attached from)."""
    text = doc_text(doc)
    proposed = kept_proposals(text, get_ext(doc, "proposed") or {})
    proposed_names = {text[a:b] for a, b in proposed}
    all_ents = doc_ents(doc)
    low = lower_text(doc)
    title_end = doc.user_data.get("title_end", 0)
    relations: list[LocalRelation] = []
    for (a, b), ev in proposed.items():
        ext = "cue:title" if ev[0] == 0 else "cue:propose"
        relations.append(LocalRelation(RelationType.PROPOSES, PAPER, (a, b), ev, ext, 0.85 if ext == "cue:title" else 0.8))
    results: list[LocalResult] = []
    inputs: list[tuple] = []
    quantities = list(get_ext(doc, "quantities"))
    numbers = list(get_ext(doc, "numbers") or [])
    own_ents = [e for e in all_ents if (e.start_char, e.end_char) in proposed or e.text in proposed_names] if proposed else []
    if len({e.text for e in own_ents}) > 1:  # a dataset and a model proposed ("release FiNER-139 ... propose"):
        own_ents = [e for e in own_ents if e.label_ == _METHOD] or own_ents  # the scores are the model's
    names = sorted({e.text for e in own_ents}, key=len)
    if len(names) == 2 and one_proposal(*(next(e for e in own_ents if e.text == n) for n in names), text,
                                        {a.short: a.long for a in get_ext(doc, "abbreviations") or ()}):
        own_ents = [e for e in own_ents if e.text == names[1]]  # "adaptive feature selection (AFS)": one proposal
    own = own_ents[0] if own_ents and len({e.text for e in own_ents}) == 1 else None
    proposals = list({e.text: e for e in reversed(own_ents)}.values()) if own is None else []  # two or more proposals
    # "our model" resolves to a proposal the title names ("SLSN: ...") or the abstract defines with a short
    # form ("a dual semantic-aware recurrent global-adaptive network (DSRG)": the defined name). Any proposal
    # the abstract's cue found read 30 of 37 anaphor edges right on real abstracts, the title's 62 of 67
    # (extractors/anaphora.py); the wrong antecedents were bare names the cue took ("BRDF", "E2E", "RE",
    # "AMR", "MRF"). The defined ones (entrel11, standard tier, every new edge read): draw_sample(3000,
    # 39110101) 2 new pattern edges, 2 right, and 4 of 4 on 2,487 cue-word abstracts of draw_sample(30000,
    # 39110102); the subject reading (anaphor_evaluations) 9 of 9 and 27 of 29 there
    named_own = own if own is not None and any(ev[0] == 0 and text[a:b] == own.text for (a, b), ev in proposed.items()) \
        else None
    defined_own = own if own is not None and (named_own is not None or any(
        own.text in (a.long, a.short) for a in get_ext(doc, "abbreviations") or ())) else None
    i = q = nq = 0
    after_own = False  # an earlier abstract sentence spoke of the paper's own work (paper_relations.own_zone)
    rank_cues = may_rank(text)  # (none in the abstract: none in any of its sentences)
    for start, end, start_char, end_char in sentence_bounds(doc):
        while i < len(all_ents) and all_ents[i].start < start:
            i += 1  # (an ent across a sentence start belongs to neither sentence)
        j = i
        while j < len(all_ents) and all_ents[j].end <= end:
            j += 1
        ents, i = all_ents[i:j], j
        while q < len(quantities) and quantities[q].start < start_char:
            q += 1
        k = q
        while k < len(quantities) and quantities[k].start < end_char:
            k += 1
        while nq < len(numbers) and numbers[nq].start < start_char:
            nq += 1
        nk = nq
        while nk < len(numbers) and numbers[nk].start < end_char:
            nk += 1
        sent_text = text[start_char:end_char]
        ranked = k == q and nk == nq and rank_cues and bool(ranks(sent_text, start_char))  # (a rank, "ranked 16th", is no number)
        sent_low = low[start_char:end_char] if low is not None else None
        in_title = start_char < title_end
        if ents or k > q or nk > nq or ranked:  # (else nothing to relate in this sentence)
            sent = (start_char, end_char)
            relations.extend(sentence_relations(sent, sent_text, ents, proposed_names, sent_low, in_title, own,
                                                defined_own, after_own))
            if k > q or nk > nq or ranked:
                found = sentence_results(sent, sent_text, ents, quantities[q:k], own, numbers[nq:nk], proposals)
                results.extend(found)
                relations.extend(result_evaluations(sent, found, sent_text))
                inputs.append(result_input(sent, len(found), ents, quantities[q:k], numbers[nq:nk], own))
        if not in_title and not after_own:  # (for the sentences after this one)
            after_own = own_zone(sent_low if sent_low is not None else sent_text.lower(), ents, proposed_names)
        q, nq = k, nk
    relations.extend(component_relations(doc, all_ents, own))  # the paper's named parts (extractors/components.py)
    relations = drop_technique_addresses(relations, text)
    set_ext(doc, "relations", relations)
    set_ext(doc, "results", results)
    set_ext(doc, "result_inputs", inputs)
    drop_scratch(doc)  # the last rule component
    return doc
