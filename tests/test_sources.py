"""Source readers: every format, auto-detection, the seed page layouts, bad input."""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.records import PaperRecord, RecordError
from kg.sources import (
    FORMATS, UnknownFormatError, detect_format, iter_input_files, read_records,
)
from kg.sources.hf import parse_page
from kg.sources.openalex import rebuild_abstract

FIX = Path(__file__).parent / "fixtures" / "sources"
from conftest import SHARED  # noqa: E402

SEEDS = SHARED / "seeds"


def read(path, fmt=None) -> tuple[list[PaperRecord], list[RecordError]]:
    errors: list[RecordError] = []
    records = list(read_records([path], fmt, on_error=errors.append))
    return records, errors


def by_title(records: list[PaperRecord]) -> dict[str, PaperRecord]:
    return {r.title: r for r in records}


@pytest.fixture(scope="module")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="module")
def seed_records(seeds) -> list[PaperRecord]:
    records, errors = read(seeds)
    assert errors == []
    return records


# ------------------------------------------------------------------ JSON / CSV


def test_jsonl_fields_meta_and_lines():
    records, errors = read(FIX / "papers.jsonl")
    assert errors == []
    assert [r.source.line for r in records] == [1, 2, 4]  # line 3 is blank
    first, second, third = records
    assert first.title == "Sparse Mixture Adapters for Low-Resource Speech Translation"
    assert first.abstract.startswith("We study parameter-efficient transfer") and first.abstract.endswith("full fine-tuning.")
    assert first.id == "p1" and first.date == "2023-04-02"
    assert first.meta == {"authors": ["Ana Ruiz", "Kenji Sato"], "arxiv_id": "2304.01234", "venue": "Interspeech"}
    assert first.key == "arxiv:2304.01234"
    assert second.abstract.startswith("Dense retrievers")  # from the 'text' field
    assert second.meta["authors"] == ["Lea Martin", "Omar Haddad", "Wei Zhang"]
    assert second.meta["doi"] == "10.1000/cr-odqa.2022" and second.meta["url"] == "https://example.org/cr-odqa"
    assert second.id is None and second.key == "doi:10.1000/cr-odqa.2022"
    assert third.id == "3" and third.meta["authors"] == ["J. Doe", "R. Roe"]
    assert third.abstract.startswith("Masked image") and third.abstract.endswith("over MAE.")
    assert third.source.file == str(FIX / "papers.jsonl")


def test_json_array_uses_record_index():
    records, errors = read(FIX / "papers.json")
    assert errors == []
    assert [(r.source.line, r.id) for r in records] == [(1, "a1"), (2, "a2")]
    assert records[0].meta == {"authors": ["Priya Nair", "Lukas Becker"], "tags": ["summarization", "efficiency"]}


def test_csv_fields_and_physical_lines():
    records, errors = read(FIX / "papers.csv")
    assert errors == []
    assert [r.source.line for r in records] == [2, 3, 5]  # row 2 spans lines 3-4
    first, second, third = records
    assert first.id == "c1" and first.date == "2024-01-15"
    assert first.meta == {"authors": ["Maria Rossi", "Tom Baker"], "doi": "10.1000/lrd.2024", "venue": "CoRL"}
    assert "graph structure.\nWe learn" in second.abstract  # raw text, newline kept
    assert second.meta == {"authors": ["Chen Li", "Sara Ahmed"]}  # empty cells dropped
    assert third.meta == {"venue": "AutoML"}


def test_csv_without_abstract_column():
    records, errors = read(FIX / "no_abstract_column.csv")
    assert records == []
    assert len(errors) == 1 and errors[0].line == 1
    assert errors[0].reason == "CSV has no 'abstract' or 'text' column; columns: title, summary, year"


def test_csv_bad_row_is_rejected_and_others_kept():
    records, errors = read(FIX / "bad_rows.csv")
    assert [r.title for r in records] == ["Row One Is Fine", "Row Three Is Fine"]
    assert [(e.file, e.line) for e in errors] == [(str(FIX / "bad_rows.csv"), 3)]
    assert "expected 3 fields, got 4" in errors[0].reason


def test_broken_jsonl_keeps_good_records():
    records, errors = read(FIX / "broken.jsonl")
    assert [(r.source.line, r.title) for r in records] == [
        (1, "Good Record Before"), (3, "Good Record After"), (6, "Last Good Record"),
    ]
    assert [e.line for e in errors] == [2, 4, 5]
    assert errors[0].reason.startswith("invalid JSON")
    assert errors[1].reason == "missing abstract"
    assert "expected a JSON object" in errors[2].reason
    assert all(e.file == str(FIX / "broken.jsonl") for e in errors)


def test_without_on_error_the_first_bad_record_raises():
    stream = read_records([FIX / "broken.jsonl"])
    assert next(stream).title == "Good Record Before"
    with pytest.raises(RecordError) as info:
        next(stream)
    assert info.value.line == 2 and str(FIX / "broken.jsonl") in str(info.value)


# ------------------------------------------------------------------ encodings


def test_latin1_fallback():
    records, errors = read(FIX / "latin1.csv")
    assert errors == []
    assert records[0].title == "Représentations multilingues pour la traduction"
    assert records[0].meta["authors"] == ["Zoé Lefèvre", "François Müller"]


def test_utf16_with_bom():
    records, errors = read(FIX / "utf16.jsonl")
    assert errors == []
    assert [r.source.line for r in records] == [1, 2]
    assert records[0].title.endswith("— Ablations")
    assert records[0].meta["authors"] == ["Łukasz Nowak", "Søren Berg"]


def test_utf8_bom_is_ignored(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + (FIX / "papers.csv").read_bytes())
    records, errors = read(path)
    assert errors == [] and len(records) == 3 and records[0].id == "c1"


def test_nul_bytes_removed():
    records, errors = read(FIX / "nul_bytes.jsonl")
    assert errors == []
    assert [r.title for r in records] == ["Nul Bytes in a Title", "Clean Neighbour"]
    assert all("\x00" not in r.title + r.abstract for r in records)
    assert records[0].abstract.startswith("Scraped text")


def test_empty_file_is_reported():
    records, errors = read(FIX / "empty.jsonl")
    assert records == []
    assert [(e.file, e.line, e.reason) for e in errors] == [(str(FIX / "empty.jsonl"), 0, "empty file")]
    with pytest.raises(RecordError):
        list(read_records([FIX / "empty.jsonl"]))


# ------------------------------------------------------------------ gzip


def test_gzip_csv_and_jsonl(tmp_path):
    for name in ("papers.csv", "papers.jsonl", "arxiv_snapshot.jsonl", "openalex_works.jsonl"):
        gz = tmp_path / (name + ".gz")
        gz.write_bytes(gzip.compress((FIX / name).read_bytes()))
        plain, plain_errors = read(FIX / name)
        packed, packed_errors = read(gz)
        assert detect_format(gz) == detect_format(FIX / name)
        assert [(r.title, r.abstract, r.source.line) for r in packed] == [(r.title, r.abstract, r.source.line) for r in plain]
        assert len(packed_errors) == len(plain_errors)


def test_truncated_gzip_keeps_records_before(tmp_path):
    lines = "".join(
        json.dumps({"title": f"Paper {i}", "abstract": f"Abstract {i}: {os.urandom(24).hex()}."}) + "\n" for i in range(400)
    )
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    records, errors = read(path)
    assert 0 < len(records) < 400
    assert [r.source.line for r in records] == list(range(1, len(records) + 1))
    assert len(errors) == 1 and errors[0].file == str(path)
    assert errors[0].line == len(records) + 1 and "gzip" in errors[0].reason


# ------------------------------------------------------------------ arXiv


def test_arxiv_atom():
    records, errors = read(FIX / "arxiv_query.xml")
    assert errors == []
    assert [r.source.line for r in records] == [1, 2, 3]
    first, old, third = records
    assert first.title == "Residual Adapters for Continual Object Detection"  # wrapped title collapsed
    assert first.abstract.startswith("Continual object detection suffers from catastrophic forgetting of earlier classes.")
    assert "$10+10$ VOC split we retain 92\\% of" in first.abstract  # TeX untouched
    assert first.date == "2024-01-03" and first.id == "http://arxiv.org/abs/2401.01234v2"
    assert first.meta["arxiv_id"] == "2401.01234" and first.key == "arxiv:2401.01234"
    assert first.meta["authors"] == ["Elena Petrova", "Marco Bianchi"]
    assert first.meta["categories"] == ["cs.CV", "cs.LG"] and first.meta["primary_category"] == "cs.CV"
    assert first.meta["doi"] == "10.1000/rad.2024.7"
    assert old.meta["arxiv_id"] == "cs/0112017" and "doi" not in old.meta and old.date == "2001-12-14"
    assert third.meta["authors"] == ["Ravi Kumar"]


def test_arxiv_atom_truncated_keeps_entries_before(tmp_path):
    text = (FIX / "arxiv_query.xml").read_text()
    path = tmp_path / "cut.xml"
    path.write_text(text[: text.index("<title>Prompt Compression")])
    records, errors = read(path)
    assert [r.source.line for r in records] == [1, 2]
    assert len(errors) == 1 and errors[0].line > 0 and "XML error" in errors[0].reason


def test_arxiv_snapshot():
    records, errors = read(FIX / "arxiv_snapshot.jsonl")
    assert errors == []
    first, old = records
    assert first.title == "Spectral Normalization for Stable Offline Reinforcement Learning"
    assert first.abstract.startswith("Offline reinforcement learning diverges when the critic extrapolates to out-of-distribution")
    assert "\n" not in first.abstract and "  " not in first.abstract
    assert first.meta["authors"] == ["Hana Novak", "Peter Gray Jr"]
    assert first.meta["categories"] == ["cs.LG", "stat.ML"]
    assert first.date == "2021-05-04" and first.meta["doi"] == "10.1000/snorl.2021"
    assert first.key == "arxiv:2105.00001" and first.source.line == 1
    assert old.meta["arxiv_id"] == "math/0601001" and old.meta["journal_ref"] == "J. Fict. Stat. 3 (2006) 1-20"
    assert "doi" not in old.meta


# ------------------------------------------------------------------ OpenAlex


def test_openalex_jsonl():
    records, errors = read(FIX / "openalex_works.jsonl")
    assert [(e.line, e.reason) for e in errors] == [(2, "missing abstract")]
    first, warmup = records
    assert first.abstract == "We align pixel features with a frozen CLIP text encoder. The model segments unseen classes on ADE20K."
    assert first.title == "Zero-Shot Segmentation with Frozen Text Encoders" and first.date == "2022-11-20"
    assert first.meta["doi"] == "10.1000/ZSL.2022.11"  # prefix stripped, case kept
    assert first.meta["openalex_id"] == "https://openalex.org/W4000000001"
    assert first.meta["authors"] == ["Ines Costa", "David Kim"]
    assert warmup.source.line == 3 and warmup.meta["arxiv_id"] == "2007.00077"
    assert warmup.abstract.endswith("bounds the variance of the adaptive step sizes.")  # "the" at two positions


def test_openalex_api_page_and_single_work(tmp_path):
    records, errors = read(FIX / "openalex_page.json")
    assert errors == []
    assert [(r.source.line, r.title) for r in records] == [
        (1, "Oversmoothing in Graph Neural Networks Is a Rank Collapse"),
        (2, "Tabular Transformers Need Numerical Embeddings"),  # from display_name
    ]
    work = json.loads((FIX / "openalex_page.json").read_text())["results"][0]
    single = tmp_path / "work.json"
    single.write_text(json.dumps(work, indent=2))
    assert detect_format(single) == "openalex"
    records, errors = read(single)
    assert errors == [] and [r.source.line for r in records] == [1]


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc", "Cs")), min_size=1, max_size=8), min_size=1, max_size=40))
def test_rebuild_abstract_round_trip(words):
    index: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        index.setdefault(w, []).append(i)
    assert rebuild_abstract(index) == " ".join(words)


# ------------------------------------------------------------------ detection


@pytest.mark.parametrize(("name", "fmt"), [
    ("papers.jsonl", "jsonl"), ("papers.json", "jsonl"), ("papers.csv", "csv"), ("latin1.csv", "csv"),
    ("utf16.jsonl", "jsonl"), ("nul_bytes.jsonl", "jsonl"), ("broken.jsonl", "jsonl"),
    ("arxiv_query.xml", "arxiv-atom"), ("arxiv_snapshot.jsonl", "arxiv-snapshot"),
    ("openalex_works.jsonl", "openalex"), ("openalex_page.json", "openalex"), ("hf_missing_abstract.txt", "hf"),
])
def test_detect_format(name, fmt):
    assert detect_format(FIX / name) == fmt


def test_detect_format_sniffs_files_without_extension(tmp_path):
    for name, fmt in (("papers.jsonl", "jsonl"), ("arxiv_query.xml", "arxiv-atom"), ("openalex_page.json", "openalex")):
        target = tmp_path / name.split(".")[0]
        shutil.copy(FIX / name, target)
        assert detect_format(target) == fmt


def test_unknown_format_names_the_file(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Reading list\n\n- look at adapters\n")
    with pytest.raises(UnknownFormatError) as info:
        detect_format(notes)
    assert isinstance(info.value, ValueError) and str(notes) in str(info.value)
    with pytest.raises(UnknownFormatError, match="notes.md"):
        list(read_records([notes]))
    records, errors = read(notes)
    assert records == [] and [(e.file, e.line) for e in errors] == [(str(notes), 0)]
    rss = tmp_path / "feed.xml"
    rss.write_text('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    with pytest.raises(UnknownFormatError, match="not an Atom feed"):
        detect_format(rss)
    plain = tmp_path / "todo.txt"
    plain.write_text("buy milk\ncall Bob\n")
    with pytest.raises(UnknownFormatError, match="todo.txt"):
        detect_format(plain)


def test_format_override(tmp_path):
    disguised = tmp_path / "export.txt"
    shutil.copy(FIX / "papers.jsonl", disguised)
    with pytest.raises(UnknownFormatError):
        detect_format(disguised)
    records, errors = read(disguised, fmt="jsonl")
    assert errors == [] and len(records) == 3
    records, errors = read(FIX / "openalex_works.jsonl", fmt="jsonl")  # generic reader: no inverted index support
    assert records == [] and {e.reason for e in errors} == {"missing abstract"}
    with pytest.raises(ValueError, match="unknown format"):
        list(read_records([FIX / "papers.jsonl"], fmt="bibtex"))
    assert set(FORMATS) == {"hf", "jsonl", "csv", "arxiv-atom", "arxiv-snapshot", "openalex"}


def test_iter_input_files(tmp_path):
    for rel in ("b.jsonl", "a/z.csv", "a/.hidden.jsonl", ".git/config", "c/d/e.txt", "a0.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert found == ["a/z.csv", "a0.txt", "b.jsonl", "c/d/e.txt"]
    explicit = tmp_path / "a" / ".hidden.jsonl"
    assert list(iter_input_files([str(explicit)])) == [explicit]
    with pytest.raises(FileNotFoundError):
        list(iter_input_files([tmp_path / "missing.jsonl"]))


def test_read_records_accepts_one_path_and_mixed_inputs():
    records = list(read_records(str(FIX / "papers.json")))
    assert len(records) == 2
    records, _ = read(FIX)  # a whole directory of mixed formats, errors reported not raised
    assert {Path(r.source.file).name for r in records} >= {"papers.csv", "arxiv_query.xml", "openalex_page.json"}


# ------------------------------------------------------------------ property tests: raw text survives


_TEXT = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1, max_size=200).filter(
    lambda s: s.strip() == s and s != ""
)


@settings(max_examples=60, deadline=None)
@given(title=_TEXT, abstract=_TEXT)
def test_csv_and_jsonl_keep_text_exactly(tmp_path_factory, title, abstract):
    folder = tmp_path_factory.mktemp("roundtrip")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerows([["title", "abstract"], [title, abstract]])
    (folder / "t.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")
    (folder / "t.jsonl").write_text(json.dumps({"title": title, "abstract": abstract}) + "\n", encoding="utf-8")
    for name in ("t.csv", "t.jsonl"):
        records, errors = read(folder / name)
        assert errors == []
        assert [(r.title, r.abstract) for r in records] == [(title, abstract)]


# ------------------------------------------------------------------ Hugging Face pages


def test_hf_seed_counts(seed_records):
    assert len(seed_records) == 427
    assert len({r.key for r in seed_records}) == 362
    per_file = Counter(Path(r.source.file).name[:3] for r in seed_records)
    assert per_file == {"000": 67, "001": 97, "002": 86, "003": 94, "004": 83}


def test_hf_titles_are_on_their_line_and_abstracts_verbatim(seeds, seed_records):
    """Raw text: the title is (the end of) its line, the abstract the next non-empty line."""
    pages = {p.name: p.read_text(encoding="utf-8").split("\n") for p in seeds.glob("*.txt")}
    for r in seed_records:
        page = pages[Path(r.source.file).name]
        assert page[r.source.line - 1].strip().endswith(r.title)
        following = next(s.strip() for s in page[r.source.line:] if s.strip())
        assert r.abstract == following
        assert not r.title.startswith(("•", "·", "Subscribe", "Get trending"))
    assert all(r.date is None for r in seed_records if "001_" not in r.source.file)  # "Mar 11" is the page's date


def test_hf_layout_glued_subscribe(seed_records):
    uer = [r for r in seed_records if r.source.file.endswith("004_945ef42cb1f8ca68.txt") and r.source.line == 3]
    assert len(uer) == 1 and uer[0].title == "UER: An Open-Source Toolkit for Pre-training Models"
    assert uer[0].abstract.startswith("Existing works, including ELMO and BERT")
    assert all(r.title != "Get trending papers in your email inbox!" for r in seed_records)


def test_hf_layout_with_metadata(seed_records):
    page = [r for r in seed_records if "001_" in r.source.file]
    titles = by_title(page)
    first = page[0]
    assert first.title == "Inverse Dynamics Pretraining Learns Good Representations for Multitask Imitation"
    assert first.source.line == 13 and first.date == "May 26, 2023" and first.meta == {"authors_count": 3}
    rlp = titles["RLP: Reinforcement as a Pretraining Objective"]
    assert rlp.meta == {"organization": "NVIDIA", "upvotes": 4} and rlp.date == "Sep 26"
    awm = titles["Advantage Weighted Matching: Aligning RL with Pretraining in Diffusion Models"]
    assert awm.meta == {"organization": "Adobe", "upvotes": 1} and awm.date == "Sep 29"
    codet5 = titles["CodeT5+: Open Code Large Language Models for Code Understanding and Generation"]
    assert codet5.date == "May 13, 2023" and codet5.meta == {"authors_count": 6, "upvotes": 2}
    assert titles["Multi-view Video-Pose Pretraining for Operating Room Surgical Activity Recognition"].date == "Feb 19"
    gemma = titles["Encoder-Decoder Gemma: Improving the Quality-Efficiency Trade-Off via Adaptation"]
    assert gemma.date is None and gemma.meta == {}  # this paper has no metadata block
    assert sum("authors_count" in r.meta for r in page) == 93
    assert not any(t.startswith(("nvidia", "adobe", "·", "•")) for t in titles)


def test_hf_plain_layout_has_no_dates(seed_records):
    plain = [r for r in seed_records if "000_" in r.source.file]
    assert all(r.date is None and r.meta == {} for r in plain)
    assert plain[0].source.line == 11 and plain[0].title == "TrAct: Making First-layer Pre-Activations Trainable"


def test_hf_missing_abstract_costs_one_record():
    records, errors = read(FIX / "hf_missing_abstract.txt")
    assert [(e.line, e.reason) for e in errors] == [(19, "missing abstract")]
    first, second = records
    assert first.source.line == 11 and first.date == "Jan 3, 2024" and first.meta == {"authors_count": 4, "upvotes": 7}
    assert second.title == "Self-Supervised Depth from Rolling-Shutter Video" and second.source.line == 21
    assert second.meta == {"organization": "Google DeepMind"} and second.date == "Dec 28"


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=1, max_size=10)


@settings(max_examples=60, deadline=None)
@given(
    papers=st.lists(
        st.tuples(
            st.lists(_WORD, min_size=1, max_size=14).map(" ".join),
            st.lists(st.lists(_WORD, min_size=4, max_size=15).map(lambda ws: " ".join(ws).capitalize() + "."), min_size=3, max_size=6).map(" ".join),
            st.sampled_from([None, "  • 5 authors", "nvidia NVIDIA"]),
        ),
        min_size=1, max_size=6,
    ),
    blank_lines=st.booleans(),
)
def test_hf_parser_round_trip(papers, blank_lines):
    """Generated pages in the seed layouts parse back to the same papers."""
    sep = "\n\n" if blank_lines else "\n"
    lines = ["new", "Get trending papers in your email inbox!", "Subscribe", "byAK and the research community", "Mar 11"]
    for title, abstract, meta in papers:
        lines += [title, abstract]
        if meta:
            lines.append(meta + "\n·\nJun 2, 2022 3")
    parsed = parse_page(sep.join(lines), "page.txt")
    assert not any(isinstance(p, RecordError) for p in parsed)
    assert [(p.title, p.abstract) for p in parsed] == [(t, a) for t, a, _ in papers]
