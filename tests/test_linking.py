"""The linker on the linking test set and on the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.linking import Linker, agrees, family_name
from ontology.gazetteer import GazetteerEntry
from kg.linking_eval import read_pairs, score_pairs
from ontology import EntityType

PAIRS = Path(__file__).parent / "data" / "linking_pairs.tsv"


def test_linking_test_set_precision_and_recall():
    pairs = read_pairs(PAIRS)
    assert len(pairs) >= 300
    score, wrong = score_pairs(pairs)
    print(f"linking pairs: {len(pairs)} precision={score.precision:.3f} recall={score.recall:.3f} wrong={wrong}")
    assert score.precision == 1.0, wrong
    assert score.recall >= 0.95, wrong


@pytest.mark.parametrize(
    "name,family",
    [("Llama-2-7B", "Llama-2"), ("Llama-2", "Llama"), ("BERT-large", "BERT"), ("ResNet-50", "ResNet"), ("CBNetV2", "CBNet"), ("T5", None),
     ("I2P-MAE", "MAE"), ("Gemma 2B-2B", "Gemma 2B")],
)
def test_family_names(name, family):
    assert family_name(name) == family


def test_no_fuzzy_joins_only_defined_variants():
    linker = Linker()
    assert linker.resolve("machine learning") != linker.resolve("machine unlearning")
    assert linker.resolve("ProtoPNet") != linker.resolve("Prototypical Networks")
    # a mixed-case acronym in other capitals is the same name; a plain word is not an acronym
    assert linker.resolve("mIOU") == linker.resolve("mIoU") == linker.resolve("mean intersection over union")


def test_paper_definition_wins_over_gazetteer():
    linker = Linker()
    local = linker.define_locally([("Image Aesthetic Assessment", "IAA")])
    assert linker.resolve("IAA", "inter-annotator agreement", local_ids=local) == linker.resolve("Image Aesthetic Assessment", local_ids=local)
    assert linker.resolve("IAA") == linker.resolve("inter-annotator agreement")  # other papers keep the gazetteer's
    # a long form that only differs in word endings is the gazetteer's entry
    local = linker.define_locally([("Generative Adversarial Nets", "GANs")])
    assert linker.resolve("GAN", local_ids=local) == linker.resolve("generative adversarial network")


def test_long_forms_agree_by_word_stems():
    assert agrees("test-time adaptive", ["test-time adaptation"])
    assert agrees("Long Short-Term Memory networks", ["long short-term memory"])
    assert not agrees("image aesthetic assessment", ["inter-annotator agreement"])
    assert not agrees("Recursive Neural Network", ["recurrent neural network"])
    assert not agrees("maximum a posteriori", ["mean average precision"])
    # one extra word only when it is generic: not a modifier or a head of its own
    assert agrees("graph convolutional neural networks", ["Graph Convolutional Network"])
    assert agrees("Positive and Unlabeled learning", ["positive-unlabeled learning"])
    assert not agrees("neural semantic parsers", ["semantic parsing"])
    assert not agrees("Recurrent Neural Network Grammars", ["recurrent neural network"])
    # two endings of one stem, or a typo; not two words sharing three letters
    assert agrees("Hidden Marlcov Models", ["hidden Markov model"])
    assert not agrees("query answering", ["question answering"])


def test_ambiguous_acronym_is_reported():
    linker = Linker()
    a = linker.register_abbreviation("Multi-head Self-Attention", "MSA")
    b = linker.register_abbreviation("Multi-scale Spatial Attention", "MSA")
    assert a != b
    assert "MSA" in linker.ambiguous
    assert linker.resolve("MSA") not in {a, b}


def test_bare_acronym_is_not_expanded_with_another_papers_definition():
    # "edit probability (EP)" in one abstract; "Expectation Propagation. EP offers ..." in another
    linker = Linker()
    eid = linker.register_abbreviation("edit probability", "EP")
    assert linker.resolve("EP") != eid
    # the defining paper links both forms, whatever other papers say
    local = linker.define_locally([("edit probability", "EP")])
    assert linker.resolve("EP", local_ids=local) == eid == linker.resolve("edit probability", local_ids=local)


def test_a_common_head_of_several_names_is_no_siblings_alias():
    from ontology.gazetteer import default_entries
    from ontology.general_names import general_aliases

    linker = Linker()
    # "Arabic text classification ... depend on ... word segmentation": not Chinese word segmentation
    assert linker.resolve("word segmentation") != linker.resolve("Chinese word segmentation")
    assert linker.resolve("super-resolution") != linker.resolve("image super-resolution")
    # the head is a node of its own, with Papers with Code's page of that name
    general = linker.registry.get(linker.resolve("super-resolution")) or linker.observe(
        linker.resolve("super-resolution"), "super-resolution", EntityType.TASK)
    assert general.name == "super-resolution" and general.external_id.endswith("task/super-resolution")
    specific = linker.observe(linker.resolve("image super-resolution"), "image super-resolution", EntityType.TASK)
    assert specific.variant_of == general.id  # VARIANT_OF the common head
    # a dropped head noun, or a short form with no sibling, stays an alias
    assert linker.resolve("optical flow") == linker.resolve("optical flow estimation")
    assert linker.resolve("VOC 2012") == linker.resolve("Pascal VOC 2012")
    assert not general_aliases(default_entries())  # the shipped gazetteer has none left


def _entity_papers(papers, name):
    return {p.id for p in papers for e in p.entities if e.name == name}


def test_seeds_one_imagenet_node(seed_papers):
    import re

    # ImageNet itself (ImageNet-1k is an alias), not Tiny/mini-ImageNet,
    # ImageNet-21k/22k or the distribution-shift sets ImageNet-R/-A/-C/-V2/-Sketch
    pattern = re.compile(r"(?<![\w-])ImageNet(?![\w]|-(?:2[12]|[A-Z]\b|[Vv]2|Sketch))")
    mentioning = {p.id for p in seed_papers if pattern.search(p.title + " " + p.abstract)}
    imagenet_ids = {e.id for p in seed_papers for e in p.entities if e.name == "ImageNet"}
    assert len(imagenet_ids) == 1
    assert mentioning and mentioning <= _entity_papers(seed_papers, "ImageNet")
    tiny = {e.id for p in seed_papers for e in p.entities if "tiny" in e.name.lower() and "imagenet" in e.name.lower()}
    assert tiny and not (tiny & imagenet_ids)


def test_seeds_one_bert_node(seed_papers):
    import re

    bert = {e.id for p in seed_papers for e in p.entities if e.name == "BERT"}
    assert len(bert) == 1
    mentioning = {p.id for p in seed_papers if re.search(r"(?<![\w-])BERT(?![\w-])", p.title + " " + p.abstract)}
    assert mentioning <= _entity_papers(seed_papers, "BERT")


def test_seeds_abbreviation_definitions_give_aliases(seed_papers):
    from extractors.abbreviations import find_abbreviations

    checked = 0
    for p in seed_papers:
        for a in find_abbreviations(p.abstract):
            ents = [e for e in p.entities if a.short in ([m.text for m in e.mentions])]
            if not ents:
                continue
            e = ents[0]
            surfaces = {m.text for m in e.mentions} | set(e.aliases) | {e.name}
            if a.long in {m.text for m in e.mentions}:
                assert a.short in surfaces and a.long in surfaces
                checked += 1
    assert checked >= 20


def test_seeds_machine_learning_is_not_unlearning(seed_papers):
    for p in seed_papers:
        for e in p.entities:
            if e.name == "machine unlearning":
                assert all("unlearning" in m.text.lower() for m in e.mentions), (p.id, [m.text for m in e.mentions])


def test_seeds_derived_names_are_nodes_of_their_own(seed_papers):
    by_name = {e.name: e for p in seed_papers for e in p.entities}
    assert "I2P-MAE" in by_name and "Gemma 2B-2B" in by_name
    mae = {e.id for p in seed_papers for e in p.entities if e.name == "Masked Autoencoders"}
    assert by_name["I2P-MAE"].id not in mae and by_name["Gemma 2B-2B"].id != by_name["Gemma-2B"].id
    for p in seed_papers:  # MAE inside "I2P-MAE" is no mention of MAE
        for e in p.entities:
            if e.id in mae:
                assert all(p.abstract[m.start - 1 : m.start] != "-" for m in e.mentions if m.field == "abstract")


def test_derived_names_are_variants_of_their_family():
    from ontology import EntityType

    linker = Linker()
    for name in ("I2P-MAE", "Gemma 2B-2B", "ResNet-50"):
        linker.observe(linker.resolve(name), name, EntityType.METHOD)
    linker.link_families()
    reg = linker.registry
    assert reg[linker.resolve("I2P-MAE")].variant_of == linker.resolve("MAE")
    assert reg[linker.resolve("Gemma 2B-2B")].variant_of == linker.resolve("Gemma 2B")
    assert reg[linker.resolve("ResNet-50")].variant_of == linker.resolve("ResNet")


def _extract_one(tmp_path, title: str, abstract: str, model: str = "fast") -> dict:
    import json

    from click.testing import CliRunner

    from kg.cli import main

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "x1", "title": title, "abstract": abstract}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "--model", model, "-q"])
    assert res.exit_code == 0, res.output
    return json.loads(out.read_text(encoding="utf-8").splitlines()[0])


def test_defined_long_form_around_a_known_name_is_the_papers_own_node(tmp_path):
    """A paper's "X Network (XN)" is its own network, neither cut to the known
    X inside it nor linked to X through one extra head word (the words are
    the paper's: issue 28's "linking never changes the words")."""
    paper = _extract_one(
        tmp_path, "MHSN: Multi-Head Self-Attention Network for Document Ranking",
        "Document ranking needs relevance signals from many parts of a text. We propose a novel "
        "multi-head self-attention network that attends to the passages of a document. "
        "MHSN outperforms strong baselines on two collections.")
    by_name = {e["name"]: e for e in paper["entities"]}
    own = next(e for e in paper["entities"] if "MHSN" in [e["name"], *e["aliases"]])
    assert own["id"] != "multiheadattention" and "Network" in " ".join([own["name"], *own["aliases"]]), own
    assert "Multi-Head Self-Attention" not in by_name


def test_a_node_shows_words_papers_write():
    """PwC names some methods by a short form papers seldom write ("T-D"): the
    node shows the long name, the short one stays an alias, and the link is
    unchanged (issue 28)."""
    linker = Linker()
    eid = linker.resolve("Transformer decoder")
    assert eid == linker.resolve("T-D") == linker.resolve("Transformer Decoder")
    info = linker.observe(eid, "Transformer decoder", EntityType.METHOD)
    assert info.name == "Transformer Decoder" and "T-D" in info.aliases
    # a short name papers do write stays the name
    info = linker.observe(linker.resolve("ResNet"), "ResNet", EntityType.METHOD)
    assert info.name == "ResNet"


def test_a_name_no_mention_writes_gives_way_to_the_commonest_mention():
    entries = (GazetteerEntry("JLA", EntityType.METHOD, ("joint learning architecture", "JL-arch")),
               GazetteerEntry("BLEU", EntityType.METRIC, ("bilingual evaluation understudy",)))
    linker = Linker(entries)
    for surface in ("joint learning architecture", "joint learning architectures", "JL-arch"):
        linker.observe(linker.resolve(surface), surface, EntityType.METHOD)
    for surface in ("bilingual evaluation understudy", "BLEU"):
        linker.observe(linker.resolve(surface), surface, EntityType.METRIC)
    linker.display_names()
    jla, bleu = linker.registry[linker.resolve("JLA")], linker.registry[linker.resolve("BLEU")]
    assert jla.name == "joint learning architecture" and "JLA" in jla.aliases  # written twice (plural folded)
    assert jla.id == linker.resolve("joint learning architecture")  # the id and the links are unchanged
    assert bleu.name == "BLEU"  # one paper writes it: the name stays
    linker = Linker((GazetteerEntry("k-medoids", EntityType.METHOD),))
    linker.observe(linker.resolve("k-medoids"), "k$-medoids", EntityType.METHOD)
    linker.display_names()
    assert linker.registry[linker.resolve("k-medoids")].name == "k-medoids"  # TeX left in a mention is no name


_ABSTRACTS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "abstracts" / "acl_anthology.jsonl.gz"


@pytest.mark.skipif(not _ABSTRACTS.exists(), reason="no ../shared abstracts")
def test_automatic_before_a_task_names_the_same_task():
    """acl P19-1481 writes "Automatic Question Generation" in its title and
    "question generation" in its abstract: one Task node (issue 28)."""
    import gzip
    import json

    from extractors.keys import name_key
    from tests.test_nodes import _nodes_and_concepts

    with gzip.open(_ABSTRACTS, "rt", encoding="utf-8") as fh:
        row = next(json.loads(ln) for ln in fh if '"P19-1481"' in ln)
    nodes = _nodes_and_concepts(row["title"], row["abstract"])[0]
    qg = [n for n in nodes if name_key(n).endswith("questiongeneration")]
    assert len(qg) == 1, nodes
    linker = Linker()
    assert linker.resolve("automated program repair") == linker.resolve("program repair")
    # the modifier before one word, a gazetteer entry of its own and AutoML keep their concepts
    assert linker.resolve("automatic differentiation") != linker.resolve("differentiation")
    assert linker.resolve("Automatic Post-Editing") != linker.resolve("post-editing")
    assert linker.resolve("automatic machine learning") != linker.resolve("machine learning")


def test_a_defined_name_before_a_generic_head_is_the_names_node(tmp_path):
    """"the SO-PGD algorithm" after "Safe Online Projected Gradient Descent
    (SO-PGD)" is one method: one node, not a second one the paper USES
    (conference_papers 06175 of ../shared/corpora/abstracts; issue 28's
    "two ids for one concept in one paper are one node")."""
    paper = _extract_one(
        tmp_path, "Safe Online Convex Optimization with Unknown Linear Safety Constraints",
        "We study the problem of safe online convex optimization, where the action at each time step must satisfy "
        "a set of linear safety constraints. We propose an algorithm, called the Safe Online Projected Gradient "
        "Descent (SO-PGD) algorithm, to address this problem. We show that, under the assumption of availability "
        "of a safe baseline action, the SO-PGD algorithm achieves a regret O(T^{2/3}).", model="standard")
    # (the statistical tagger reads "the SO-PGD algorithm" as a Method phrase of its own)
    methods = [e for e in paper["entities"] if e["type"] == "Method"]
    assert [e["name"] for e in methods] == ["Safe Online Projected Gradient Descent"], methods
    assert "SO-PGD" in methods[0]["aliases"]
    rels = {(r["type"], r["target"]) for r in paper["relations"] if r["source"].startswith("p-")}
    assert ("PROPOSES", methods[0]["id"]) in rels and not any(t == "USES" for t, _ in rels)


def test_a_defined_task_before_a_system_head_stays_apart(tmp_path):
    """A system named by a task's abbreviation is no task: "the SMT system"
    after "statistical machine translation (SMT)" is not merged into it."""
    paper = _extract_one(
        tmp_path, "Reordering for Phrase-Based Translation",
        "We study statistical machine translation (SMT) between English and Japanese. "
        "Our SMT system reorders source words before decoding and improves BLEU by 1.2 points.", model="standard")
    task = next(e for e in paper["entities"] if e["name"] == "statistical machine translation")
    assert task["type"] == "Task" and "SMT system" not in task["aliases"]


@pytest.mark.skipif(not _ABSTRACTS.exists(), reason="no ../shared abstracts")
def test_a_singular_name_joins_the_plural_gazetteer_entry():
    """acl 2021.naacl-main.221 ("Edge: Enriching Knowledge Graph Embeddings
    with External Text") writes "Knowledge Graph" in its title and
    "Knowledge graphs" in its abstract: one node, Papers with Code's
    "Knowledge Graphs" (issue 28: two ids for one concept in one paper)."""
    import gzip
    import json

    from extractors.keys import name_key
    from tests.test_nodes import _nodes_and_concepts

    with gzip.open(_ABSTRACTS, "rt", encoding="utf-8") as fh:
        row = next(json.loads(ln) for ln in fh if '"2021.naacl-main.221"' in ln)
    nodes = _nodes_and_concepts(row["title"], row["abstract"])[0]
    kg_nodes = [n for n in nodes if name_key(n) in ("knowledgegraph", "knowledgegraphs")]
    assert len(kg_nodes) == 1, nodes
    linker = Linker()
    assert linker.resolve("word embedding") == linker.resolve("Word Embeddings")
    # a name that merely ends in "s" is no plural: DeiT is not DeiT-S, an incident not the Incidents dataset
    assert linker.resolve("DeiT") != linker.resolve("DeiT-S")
    assert linker.resolve("incident") != linker.resolve("Incidents")
