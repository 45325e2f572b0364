"""The one source of type and relation names for Python, RDF and Cypher.

Everything else imports names from here: entity and relation types are
closed enums, and the RDF vocabulary is a closed rdflib ``DefinedNamespace``,
so a misspelt term fails at import time rather than silently producing an
empty query.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_DIR = Path(__file__).parent
SCHEMA_PATH = ONTOLOGY_DIR / "schema.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
GAZETTEER_DIR = ONTOLOGY_DIR / "gazetteer"

#: Base of every IRI the project mints for instances (papers, entities, ...).
ID_BASE = "https://w3id.org/mlkg/id/"


class EntityType(str, Enum):
    """Types of named things extracted from abstracts."""

    METHOD = "Method"
    DATASET = "Dataset"
    BENCHMARK = "Benchmark"
    METRIC = "Metric"
    TASK = "Task"


class NodeLabel(str, Enum):
    """Every node label of the graph (entity types plus papers and results)."""

    PAPER = "Paper"
    METHOD = "Method"
    DATASET = "Dataset"
    BENCHMARK = "Benchmark"
    METRIC = "Metric"
    TASK = "Task"
    RESULT = "Result"


class RelationType(str, Enum):
    """Relation (edge) types; the value is the Cypher relationship type."""

    PROPOSES = "PROPOSES"  # Paper -> entity it introduces
    USES = "USES"  # Paper -> Method/Dataset it uses
    EVALUATES_ON = "EVALUATES_ON"  # Paper -> Dataset/Benchmark
    MEASURES = "MEASURES"  # Paper or Result -> Metric
    ADDRESSES = "ADDRESSES"  # Paper -> Task
    REPORTS = "REPORTS"  # Paper -> Result
    OUTPERFORMS = "OUTPERFORMS"  # Method -> Method (a refinement of COMPARE_WITH)
    VARIANT_OF = "VARIANT_OF"  # entity -> family entity
    PART_OF = "PART_OF"  # component -> larger method/system; Dataset/Task -> Benchmark
    TRAINS_ON = "TRAINS_ON"  # Paper -> Dataset it trains or pre-trains on (not an evaluation set)
    # Entity-to-entity relations of SciER (Zhang et al., EMNLP 2024), as the
    # text states them; directions as in its guidelines.
    USED_FOR = "USED_FOR"  # Method/Dataset -> Task/Method it is used for
    SUBCLASS_OF = "SUBCLASS_OF"  # X is a kind of Y
    SYNONYM_OF = "SYNONYM_OF"  # two names of one thing (short form -> long form)
    EVALUATED_WITH = "EVALUATED_WITH"  # Method/Task -> Dataset/Metric it is evaluated with
    COMPARE_WITH = "COMPARE_WITH"  # Method <-> Method compared (stored as written)
    BENCHMARK_FOR = "BENCHMARK_FOR"  # Dataset/Benchmark -> Task
    SUBTASK_OF = "SUBTASK_OF"  # Task -> Task
    TRAINED_WITH = "TRAINED_WITH"  # Method -> Dataset it is trained with

    @property
    def entity_domain(self) -> bool:
        """Whether the source may be an entity (``rdfs:domain kg:Entity`` in
        schema.ttl; a test checks they agree). The others start at a Paper
        (or a Result), so deleting a paper's node takes them with it."""
        return self.value in _ENTITY_DOMAIN

    @property
    def rdf_name(self) -> str:
        """camelCase property name used in RDF (``EVALUATES_ON`` -> ``evaluatesOn``)."""
        head, *rest = self.value.lower().split("_")
        return head + "".join(p.capitalize() for p in rest)


#: Relation types whose source is an entity (see :attr:`RelationType.entity_domain`).
_ENTITY_DOMAIN = frozenset((
    "OUTPERFORMS", "VARIANT_OF", "PART_OF", "USED_FOR", "SUBCLASS_OF", "SYNONYM_OF", "EVALUATED_WITH",
    "COMPARE_WITH", "BENCHMARK_FOR", "SUBTASK_OF", "TRAINED_WITH",
))
#: The entity-to-entity relation types extracted from a paper's text (SciER's
#: nine plus OUTPERFORMS), in the order tables list them; VARIANT_OF and the
#: gazetteer's PART_OF also join entities but describe them (entities graph).
TEXT_ENTITY_RELATIONS: tuple[RelationType, ...] = tuple(RelationType(v) for v in (
    "USED_FOR", "PART_OF", "SUBCLASS_OF", "SYNONYM_OF", "EVALUATED_WITH", "COMPARE_WITH", "OUTPERFORMS",
    "BENCHMARK_FOR", "SUBTASK_OF", "TRAINED_WITH",
))
#: Paper-level relation types (source: the paper) a paper states of its own work.
PAPER_RELATIONS: tuple[RelationType, ...] = tuple(RelationType(v) for v in (
    "PROPOSES", "USES", "EVALUATES_ON", "TRAINS_ON", "ADDRESSES", "MEASURES",
))


class KG(DefinedNamespace):
    """The project's closed RDF vocabulary (classes and properties)."""

    _NS = Namespace("https://w3id.org/mlkg/ontology#")
    _fail = True

    # classes
    Paper: URIRef
    Entity: URIRef
    Method: URIRef
    Dataset: URIRef
    Benchmark: URIRef
    Metric: URIRef
    Task: URIRef
    Result: URIRef
    Evidence: URIRef
    # relations (see RelationType.rdf_name)
    proposes: URIRef
    uses: URIRef
    evaluatesOn: URIRef
    measures: URIRef
    addresses: URIRef
    reports: URIRef
    outperforms: URIRef
    variantOf: URIRef
    partOf: URIRef
    trainsOn: URIRef
    usedFor: URIRef
    subclassOf: URIRef
    synonymOf: URIRef
    evaluatedWith: URIRef
    compareWith: URIRef
    benchmarkFor: URIRef
    subtaskOf: URIRef
    trainedWith: URIRef
    achievedBy: URIRef
    # data properties
    paperKey: URIRef
    entityId: URIRef
    paperCount: URIRef
    typeVotes: URIRef
    nodeKind: URIRef
    authorsCount: URIRef
    organization: URIRef
    upvotes: URIRef
    arxivId: URIRef
    sourceFile: URIRef
    sourceLine: URIRef
    sourceId: URIRef
    unit: URIRef
    kind: URIRef
    resultText: URIRef
    qualifier: URIRef
    measure: URIRef
    direction: URIRef
    scale: URIRef
    ownResult: URIRef
    over: URIRef
    subset: URIRef
    # evidence (reified assertion)
    assertedSubject: URIRef
    assertedPredicate: URIRef
    assertedObject: URIRef
    extractor: URIRef
    confidence: URIRef
    field: URIRef
    sentence: URIRef
    sourceStart: URIRef
    sourceEnd: URIRef
    targetStart: URIRef
    targetEnd: URIRef


# Standard vocabularies reused by the RDF mapping.
DCTERMS = Namespace("http://purl.org/dc/terms/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
MLS = Namespace("http://www.w3.org/ns/mls#")
QUDT = Namespace("http://qudt.org/schema/qudt/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "prov": str(PROV),
    "mls": str(MLS),
    "qudt": str(QUDT),
    "oa": str(OA),
    "schema": str(SCHEMA),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, for queries and docs."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def rdf_class(label: NodeLabel | EntityType | str) -> URIRef:
    """The RDF class of a node label (``Method`` -> ``kg:Method``)."""
    return KG[str(getattr(label, "value", label))]


def rdf_property(rel: RelationType) -> URIRef:
    """The RDF property of a relation type."""
    return KG[rel.rdf_name]
