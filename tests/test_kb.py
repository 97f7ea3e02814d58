"""Knowledge bases: the embedded one, users' alias tables, Wikidata dumps, chains, the lookup
hook and the ``newsclaims kb`` commands."""

from __future__ import annotations

import bz2
import gzip
import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsclaims import Pipeline, hookimpl
from newsclaims.analyzers.entities.kb import KnowledgeBase, default_kb, merge, parse_table
from newsclaims.analyzers.entities.sources import (
    KB_ENV,
    KnowledgeBaseError,
    chain,
    load_file,
    read_alias_table,
    read_wikidata_dump,
    to_table,
)
from newsclaims.cli import cli
from newsclaims.kb_cli import embedded_stats

DATA = Path(__file__).parent.parent / "src" / "newsclaims" / "analyzers" / "entities" / "data"


def qids(kb: KnowledgeBase, name: str) -> list[str | None]:
    return sorted((c.entry.qid for c in kb.lookup(name)), key=str)


# -- the embedded knowledge base ------------------------------------------------------------


def test_embedded_kb_is_small_and_loads_fast() -> None:
    stats = embedded_stats()
    assert stats["bytes_on_disk"] <= 20_000_000
    assert stats["load_seconds"] < 1.0
    assert stats["entries"] > 1000


def test_embedded_rows_say_where_their_id_was_checked() -> None:
    for name in ("countries.tsv", "news_core.tsv"):
        for entry in parse_table((DATA / name).read_text("utf-8"), name):
            assert entry.qid is None or entry.checked, f"{name}: {entry.name} has no 'checked'"


def test_state_abbreviations_keep_their_period() -> None:
    from newsclaims import Analysis, Article
    from newsclaims.analyzers.entities import analyze

    text = "FLINT, Mich. - The water was bad, officials in Calif. said."
    analysis = analyze(Analysis(Article(id="t", text=text)))
    said = {analysis.text_of(m) for e in analysis.entities for m in e.mentions}
    assert {"Mich.", "Calif."} <= said


# -- users' alias tables ---------------------------------------------------------------------


def test_jsonl_and_csv_alias_tables(tmp_path: Path) -> None:
    jsonl = tmp_path / "people.jsonl"
    jsonl.write_text(
        json.dumps(
            {"id": "Q42", "name": "Douglas Adams", "aliases": ["D. Adams"], "type": "person"}
        )
        + "\n\n"
        + json.dumps({"id": "", "name": "Acme Widgets", "type": "organization", "prior": 0.9})
        + "\n",
        encoding="utf-8",
    )
    csv_path = tmp_path / "orgs.csv"
    csv_path.write_text(
        "id,name,aliases,type,prior\nQ95,Google,Alphabet's Google|Google LLC,organization,0.8\n",
        encoding="utf-8",
    )
    people = read_alias_table(jsonl)
    assert [(e.qid, e.name, e.type, e.prior) for e in people] == [
        ("Q42", "Douglas Adams", "person", 0.5),
        (None, "Acme Widgets", "organization", 0.9),
    ]
    assert people[0].aliases == ["D. Adams"]
    assert people[0].source == "people.jsonl"
    (google,) = read_alias_table(csv_path)
    assert google.aliases == ["Alphabet's Google", "Google LLC"]
    kb = KnowledgeBase([*people, google])
    assert qids(kb, "Google LLC") == ["Q95"]
    assert qids(kb, "D. Adams") == ["Q42"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "X1", "name": "A", "type": "person"}, "is not a Wikidata id"),
        ({"id": "Q1", "name": "", "type": "person"}, "no name"),
        ({"id": "Q1", "name": "A", "type": "planet"}, "type 'planet'"),
        ({"id": "Q1", "name": "A", "type": "person", "prior": 3}, "between 0 and 1"),
        ({"id": "Q1", "name": "A", "type": "person", "aliases": [1]}, "list of strings"),
    ],
)
def test_bad_rows_are_refused_with_file_and_line(
    tmp_path: Path, row: dict[str, Any], message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=rf"bad.jsonl:2: .*{message}"):
        read_alias_table(path)


# -- Wikidata dumps -----------------------------------------------------------------------------


def _item(qid: str, label: str, p31: str, aliases: tuple[str, ...] = (), links: int = 0) -> str:
    return json.dumps(
        {
            "type": "item",
            "id": qid,
            "labels": {"en": {"language": "en", "value": label}},
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
            "claims": {
                "P31": [{"mainsnak": {"datavalue": {"value": {"entity-type": "item", "id": p31}}}}]
            },
            "sitelinks": {f"wiki{i}": {} for i in range(links)},
        }
    )


def _dump(path: Path, opener: Any = open) -> Path:
    # The layout of Wikidata's dumps: a JSON array, one item a line, each but the last
    # followed by a comma.
    items = [
        _item("Q42", "Douglas Adams", "Q5", ("Douglas Noel Adams",), links=100),
        _item("Q95", "Google", "Q4830453", ("Google LLC",)),
        _item("Q64", "Berlin", "Q515"),
        json.dumps({"type": "property", "id": "P31", "labels": {}}),
    ]
    with opener(path, "wt", encoding="utf-8") as fp:
        fp.write("[\n" + ",\n".join(items) + "\n]\n")
    return path


@pytest.mark.parametrize("suffix", ["json", "json.gz", "json.bz2"])
def test_wikidata_dump_is_read_as_a_stream_and_filtered(tmp_path: Path, suffix: str) -> None:
    opener = {"json": open, "json.gz": gzip.open, "json.bz2": bz2.open}[suffix]
    dump = _dump(tmp_path / f"dump.{suffix}", opener)
    everything = list(read_wikidata_dump(dump))
    assert [e.qid for e in everything] == ["Q42", "Q95", "Q64"]
    people = list(read_wikidata_dump(dump, types=["Q5"]))
    assert [(e.qid, e.type, e.aliases) for e in people] == [
        ("Q42", "person", ["Douglas Noel Adams"])
    ]
    assert people[0].prior > everything[1].prior  # more sitelinks, more prominent
    by_id = list(read_wikidata_dump(dump, types=["Q5"], ids=["Q64"]))
    assert [e.qid for e in by_id] == ["Q42", "Q64"]
    assert [e.type for e in by_id] == ["person", "location"]


def test_a_broken_dump_line_is_named(tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text("[\n" + _item("Q42", "Douglas Adams", "Q5") + ",\n{oops\n]\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"dump.json:3: not a JSON item"):
        list(read_wikidata_dump(dump))


# -- chains -------------------------------------------------------------------------------------


def test_the_first_knowledge_base_that_knows_an_alias_answers() -> None:
    user = KnowledgeBase(
        parse_table("qid\tname\ttype\taliases\nQ1297\tChicago Bulls\torganization\tChicago\n")
    )
    kb = chain([user, default_kb()])
    assert qids(kb, "Chicago") == ["Q1297"]
    assert qids(kb, "Iran") == ["Q794"]  # the embedded knowledge base still answers
    assert kb.sources == ("embedded",) or "embedded" in kb.sources


def test_table_round_trip(tmp_path: Path) -> None:
    entries = merge(parse_table((DATA / "news_core.tsv").read_text("utf-8")))
    path = tmp_path / "kb.tsv"
    path.write_text(to_table(entries, "a copy"), encoding="utf-8")
    again = load_file(path)
    assert [(e.key, e.name, e.aliases, e.prior) for e in again] == [
        (e.key, e.name, e.aliases, e.prior) for e in entries
    ]


def test_user_kb_from_the_environment_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps({"id": "Q12345", "name": "Kevin Bergner", "type": "person"}) + "\n", "utf-8"
    )
    monkeypatch.setenv(KB_ENV, str(path))
    result = Pipeline(autoload=False).analyze("Brig. Gen. Kevin Bergner said Iran was active.")
    assert {(e.name, e.wikidata) for e in result.entities} >= {
        ("Kevin Bergner", "Q12345"),
        ("Iran", "Q794"),
    }


# -- the lookup hook ----------------------------------------------------------------------------


class Service:
    """A plugin that answers lookups, as a service client would."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    @hookimpl
    def newsclaims_lookup_entity(self, name: str, type: str) -> str | None:
        self.asked.append((name, type))
        return {"Kevin Bergner": "Q42", "Iraq": "not a qid"}.get(name)


def test_a_plugin_answers_before_the_embedded_kb() -> None:
    service = Service()
    pipeline = Pipeline(plugins=[service], autoload=False)
    assert pipeline.problems == []
    result = pipeline.analyze("Kevin Bergner said Iran and Iraq were at odds. Bergner left.")
    linked = {e.name: e.wikidata for e in result.entities}
    assert linked == {"Kevin Bergner": "Q42", "Iran": "Q794", "Iraq": "Q796"}
    assert ("Kevin Bergner", "person") in service.asked
    assert len(service.asked) == len(result.entities)  # once per entity, not per mention


def test_without_a_plugin_the_hook_costs_nothing() -> None:
    result = Pipeline(autoload=False).analyze("Kevin Bergner said so.")
    assert [e.wikidata for e in result.entities] == [None]


# -- the commands -------------------------------------------------------------------------------


def test_kb_info() -> None:
    out = CliRunner().invoke(cli, ["kb", "info", "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)["embedded"]
    assert report["entries"] > 1000
    assert report["memory_bytes"] > 0


def test_kb_build_then_lookup(tmp_path: Path) -> None:
    dump = _dump(tmp_path / "dump.json.gz", gzip.open)
    table = tmp_path / "extra.jsonl"
    table.write_text(
        json.dumps({"id": "Q42", "name": "Douglas Adams", "aliases": ["DNA"], "type": "person"})
        + "\n",
        "utf-8",
    )
    out_path = tmp_path / "built.tsv"
    runner = CliRunner()
    out = runner.invoke(cli, ["kb", "build", str(out_path), str(dump), str(table), "--type", "Q5"])
    assert out.exit_code == 0, out.output
    (entry,) = load_file(out_path)
    assert (entry.qid, entry.aliases) == ("Q42", ["Douglas Noel Adams", "DNA"])
    out = runner.invoke(cli, ["kb", "lookup", "DNA", "--kb", str(out_path), "--json"])
    assert out.exit_code == 0, out.output
    assert [r["qid"] for r in json.loads(out.output)] == ["Q42"]
    out = runner.invoke(cli, ["kb", "info", str(out_path)])
    assert out.exit_code == 0
    assert "1 entries" in out.output


def test_kb_lookup_of_a_homonym_and_of_nothing() -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["kb", "lookup", "Georgia", "--json"])
    rows = json.loads(out.output)
    assert {r["qid"] for r in rows} >= {"Q230", "Q1428"}
    out = runner.invoke(cli, ["kb", "lookup", "Xyzzy Plugh"])
    assert out.exit_code == 1


def test_kb_build_reports_a_bad_source(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,type\nQ1,,person\n", "utf-8")
    out = CliRunner().invoke(cli, ["kb", "build", str(tmp_path / "o.tsv"), str(bad)])
    assert out.exit_code == 1
    assert "bad.csv:2: no name" in out.output


def test_embedded_load_is_under_a_second_in_process() -> None:
    began = time.perf_counter()
    default_kb.cache_clear()
    default_kb()
    assert time.perf_counter() - began < 1.0
