"""bench/audit_draw.py: the random draw of a held-out audit part (tests/data/audit/GUIDE.md, part E)."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import audit_draw  # noqa: E402

ACL, CONF = "acl_anthology.jsonl.gz", "conference_papers.jsonl.gz"
LONG = "x" * 501


def test_year_comes_from_the_field_or_the_venue():
    assert audit_draw.record_year({"year": "2019"}) == 2019
    assert audit_draw.record_year({"year": None, "venue": "eccv2022"}) == 2022
    assert audit_draw.record_year({"venue": "corl"}) is None


def test_eligible_needs_a_recent_long_unseen_record_with_an_id():
    ok = {"anthology_id": "P1", "title": "A Title", "abstract": LONG, "year": "2016"}
    assert audit_draw.eligible(ok, ACL, set(), set())
    assert not audit_draw.eligible({**ok, "year": "2015"}, ACL, set(), set())
    assert not audit_draw.eligible({**ok, "abstract": "x" * 500}, ACL, set(), set())
    assert not audit_draw.eligible({k: v for k, v in ok.items() if k != "anthology_id"}, ACL, set(), set())
    assert not audit_draw.eligible(ok, ACL, {(ACL, "P1")}, set())
    # the title is compared folded: a seed's or an earlier part's paper under another id is not drawn again
    assert not audit_draw.eligible({**ok, "title": "A  title."}, ACL, set(), {"a title"})


def test_draw_skips_off_topic_records_takes_the_next_and_interleaves_files():
    per_source = {ACL: [{"source": ACL, "id": f"a{i}"} for i in range(4)],
                  CONF: [{"source": CONF, "id": f"c{i}"} for i in range(4)]}
    pool, skipped = audit_draw.draw(per_source, 2, {(CONF, "c0"): "robot hardware"})
    assert [r["id"] for r in pool] == ["a0", "c1", "a1", "c2"]
    assert skipped == [{"source": CONF, "id": "c0", "reason": "robot hardware"}]


def test_skip_file_without_a_reason_is_an_error_naming_file_and_line(tmp_path):
    p = tmp_path / "skipped.tsv"
    p.write_text("source\tid\treason\nconference_papers.jsonl.gz\tc0\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"skipped.tsv:2:"):
        audit_draw.read_skips(p)


def test_the_draw_is_reproducible_and_skips_gold_records(tmp_path):
    shared = tmp_path / "shared"
    (shared / "corpora" / "abstracts").mkdir(parents=True)
    for source, idf in ((ACL, "anthology_id"), (CONF, "id")):
        with gzip.open(shared / "corpora" / "abstracts" / source, "wt", encoding="utf-8") as f:
            for i in range(20):
                rec = {idf: f"{source[:3]}{i}", "title": f"{source} paper {i}", "abstract": LONG, "year": 2020}
                f.write(json.dumps(rec) + "\n")
    audit = tmp_path / "audit"
    audit.mkdir()
    (audit / "gold_X.jsonl").write_text(json.dumps({"source": ACL, "id": "acl3", "title": "t"}) + "\n", encoding="utf-8")
    ids, titles = audit_draw.taken(audit, shared / "seeds")
    first = audit_draw.shuffled(ACL, shared, 7, ids, titles)
    again = audit_draw.shuffled(ACL, shared, 7, ids, titles)
    assert [r["id"] for r in first] == [r["id"] for r in again]
    assert len(first) == 19 and "acl3" not in {r["id"] for r in first}
    assert [r["id"] for r in audit_draw.shuffled(ACL, shared, 8, ids, titles)] != [r["id"] for r in first]
    # the part being drawn does not exclude its own records, so the draw replays after its gold is written
    ids, titles = audit_draw.taken(audit, shared / "seeds", part="X")
    assert len(audit_draw.shuffled(ACL, shared, 7, ids, titles)) == 20


def test_a_later_part_does_not_change_the_draw_of_an_earlier_one(tmp_path):
    shared = tmp_path / "shared"
    (shared / "corpora" / "abstracts").mkdir(parents=True)
    with gzip.open(shared / "corpora" / "abstracts" / ACL, "wt", encoding="utf-8") as f:
        for i in range(30):
            f.write(json.dumps({"anthology_id": f"acl{i}", "title": f"paper {i}", "abstract": LONG, "year": 2020}) + "\n")
    audit = tmp_path / "audit"
    audit.mkdir()
    (audit / "gold_A.jsonl").write_text(json.dumps({"source": ACL, "id": "acl0", "title": "paper 0"}) + "\n", encoding="utf-8")
    ids, titles = audit_draw.taken(audit, shared / "seeds", part="B")
    drawn_b = [r["id"] for r in audit_draw.shuffled(ACL, shared, 5, ids, titles)][:3]
    (audit / "gold_B.jsonl").write_text("".join(json.dumps({"source": ACL, "id": i, "title": i}) + "\n" for i in drawn_b),
                                        encoding="utf-8")
    (audit / "gold_C.jsonl").write_text(json.dumps({"source": ACL, "id": "acl29", "title": "paper 29"}) + "\n", encoding="utf-8")
    ids, titles = audit_draw.taken(audit, shared / "seeds", part="B")
    assert (ACL, "acl0") in ids and (ACL, "acl29") not in ids and not {(ACL, i) for i in drawn_b} & ids
    assert [r["id"] for r in audit_draw.shuffled(ACL, shared, 5, ids, titles)][:3] == drawn_b
    # a part drawn after C leaves out all three
    ids, _ = audit_draw.taken(audit, shared / "seeds", part="D")
    assert {(ACL, "acl0"), (ACL, "acl29")} | {(ACL, i) for i in drawn_b} <= ids


SHARED = ROOT.parent / "shared"
AUDIT = ROOT / "tests" / "data" / "audit"


@pytest.mark.skipif(not (SHARED / "corpora" / "abstracts").exists(), reason="no ../shared abstracts")
@pytest.mark.parametrize("part, seed", [("E", 20261209), ("F", 20261210), ("G", 20261211), ("H", 20261212),
                                        ("I", 20261213), ("J", 20261214), ("K", 20261215),
                                        ("L", 20261216), ("M", 20261217), ("N", 20261218),
                                        ("O", 20261219), ("P", 20261220)])
def test_the_held_out_parts_replay_from_their_command(part, seed, capsys):
    """The command in GUIDE.md draws exactly the part's gold abstracts, in order, and
    skips exactly the draws its skip file lists (whatever parts were drawn after it)."""
    skip = AUDIT / f"skipped_{part}.tsv"
    assert audit_draw.main(["--seed", str(seed), "--per-file", "15", "--part", part, "--skip", str(skip)]) == 0
    out = json.loads(capsys.readouterr().out)
    gold = [json.loads(line) for line in (AUDIT / f"gold_{part}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [(r["source"], r["id"]) for r in out["pool"]] == [(g["source"], g["id"]) for g in gold]
    assert {(r["source"], r["id"]) for r in out["skipped_off_topic"]} == set(audit_draw.read_skips(skip))


def test_taken_spec_names_ranges_and_single_parts():
    assert audit_draw.parse_taken("A-D") == {"A", "B", "C", "D"}
    assert audit_draw.parse_taken("A-B,K") == {"A", "B", "K"}
    with pytest.raises(ValueError, match="backwards"):
        audit_draw.parse_taken("L-A")
    with pytest.raises(ValueError, match="no part"):
        audit_draw.parse_taken(",")


def test_taken_counts_exactly_the_named_parts_and_a_missing_one_is_an_error(tmp_path):
    """A fresh part is drawn as ``--part Z``, so every later audit part sorts before it and would
    count as taken: ``--taken`` names the parts of its own draw, so later parts do not change it."""
    audit = tmp_path / "audit"
    audit.mkdir()
    for name, rid in (("A", "acl0"), ("B", "acl1"), ("C", "acl2")):
        (audit / f"gold_{name}.jsonl").write_text(json.dumps({"source": ACL, "id": rid, "title": rid}) + "\n",
                                                  encoding="utf-8")
    ids, titles = audit_draw.taken(audit, tmp_path / "seeds", part="Z", only={"A", "B"})
    assert ids == {(ACL, "acl0"), (ACL, "acl1")} and titles == {"acl0", "acl1"}
    ids, _ = audit_draw.taken(audit, tmp_path / "seeds", part="Z")
    assert (ACL, "acl2") in ids
    with pytest.raises(ValueError, match="gold_D.jsonl"):
        audit_draw.taken(audit, tmp_path / "seeds", part="Z", only={"A", "D"})


FRESH = ROOT / "tests" / "data" / "fresh"


@pytest.mark.skipif(not (SHARED / "corpora" / "abstracts").exists(), reason="no ../shared abstracts")
@pytest.mark.parametrize("part, seed, per_file, taken", [("P1", 20261301, 4, "A-J"), ("P2", 20261302, 5, "A-K"),
                                                         ("P3", 20261303, 5, "A-L"), ("P4", 20261304, 5, "A-M"),
                                                         ("P5", 20261305, 5, "A-N"),
                                                         ("P6", 20261306, 5, "A-O"), ("P7", 20261307, 5, "A-P")])
def test_the_fresh_parts_replay_from_their_readme_command(part, seed, per_file, taken, capsys):
    """tests/data/fresh/README.md's command for each part draws exactly its gold abstracts, in order,
    however many audit parts were drawn after it (off-topic draws are kept there: no skip file)."""
    command = (f"python bench/audit_draw.py --seed {seed} --per-file {per_file} --part Z --taken {taken}")
    assert command in (FRESH / "README.md").read_text(encoding="utf-8")
    assert audit_draw.main(command.split()[2:]) == 0
    out = json.loads(capsys.readouterr().out)
    gold = [json.loads(line) for line in (FRESH / f"gold_{part}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [(r["source"], r["id"]) for r in out["pool"]] == [(g["source"], str(g["id"])) for g in gold]
    assert out["skipped_off_topic"] == []


@pytest.mark.skipif(not (ROOT.parent / "shared" / "corpora" / "abstracts").is_dir(), reason="needs ../shared")
def test_a_cue_pool_draw_leaves_out_every_audited_abstract():
    """bench/same_output.draw_sample: a helper reading a cue pool never reads a
    held-out audit or fresh abstract, and the rest of a quoted draw replays."""
    import same_output
    audited = same_output.audited_ids()
    assert len(audited) >= 450  # parts A-N and fresh P1-P5
    full = same_output.draw_sample(3000, 40120701, keep_audited=True)
    kept = same_output.draw_sample(3000, 40120701)
    key = {"acl_anthology": ACL, "conference_papers": CONF}
    inside = [r for r in full if (key[r["id"].split(":")[0]], r["id"].split(":", 1)[1]) in audited]
    assert len(inside) >= 15  # audit abstracts in this draw (15 at stop 40; later parts may add)
    assert kept == [r for r in full if r not in inside]
