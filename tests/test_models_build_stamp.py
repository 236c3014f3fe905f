"""A database never answers with another build's rules: readers refuse it in one line, a read-write command rebuilds it.

The build stamp (models.write_stamp) names the hoaan, its sql/ digest and the digests of the
params files the stored tables came from. Each test tampers with a copy of the CSV sample
loaded by the real loader, as an older hoaan or an edit of params/ would have left it.
"""

from __future__ import annotations

import json
import shutil
import stat

import pytest
from helpers import SAMPLE_CSV, ingest_into
from portal766_fixtures import progress_answer, write_json

from hoaan_analytics import __version__, db, models
from hoaan_analytics.cli import main
from hoaan_analytics.sections.context import open_report

# What an older hoaan stored: its own rule for the period KPIs (here: 1000 dossiers more handled) and its stamp.
OLDER_PERIOD_KPIS = """
create or replace macro period_kpis(d0, d1, unit_name, breakdown) as table
select * exclude (period_name) replace (handled + 1000 as handled)
from period_list_kpis([{'period_name': null::varchar, 'period_start': cast(d0 as date),
                        'period_end': cast(d1 as date)}], unit_name, breakdown)
"""
# What the loader stores and a rebuild must leave as it was.
STORED = {"dossiers": "dossier_id", "set_aside": "load_id, source_row, field", "load_log": "load_id",
          "portal766_published": "source_position, indicator_id", "portal766_answers": "source_file, endpoint"}
# What of a table a load of the same file leaves as it was (it writes an answer's id and load time anew).
KEPT_AGAIN = {"portal766_answers": "* exclude (answer_id, loaded_at)"}


@pytest.fixture
def expected(samples_dir):
    """The sample's hand-checked KPIs of 2026-Q1, all units."""
    return json.loads((samples_dir / "expected_kpis.json").read_text(encoding="utf-8"))["2026-Q1 calendar all"]


@pytest.fixture
def older(tmp_path, load_samples, params_dir):
    """A copy of the loaded sample with portal figures stored, then as an older hoaan built it: its macro, its stamp."""
    path = tmp_path / "older.duckdb"
    shutil.copy(load_samples(SAMPLE_CSV).db_path, path)
    portal = write_json(tmp_path, "tien_do.json", progress_answer())
    assert main(["portal766", str(portal), "--period", "2026-03", "--db", str(path), "--params", str(params_dir),
                 "--json"]) == 0
    con = db.connect(path)
    db.run(con, OLDER_PERIOD_KPIS)
    db.run(con, "update build_stamp set hoaan_version = '0.0.9', sql_digest = 'a1b2c3d4e5f6a7b8'")
    con.close()
    return path


def stored_rows(path) -> dict[str, list[tuple]]:
    con = db.connect(path, read_only=True)
    try:
        # an answer loaded again is stored again: a new id and load time, the same answer
        return {table: con.execute(f"select {KEPT_AGAIN.get(table, '*')} from {table} order by {order}").fetchall()
                for table, order in STORED.items()}
    finally:
        con.close()


def kpis_json(path, capsys) -> tuple[int, dict | None, str]:
    code = main(["kpis", "--db", str(path), "--period", "2026-Q1", "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if code == 0 else None, captured.err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_a_read_only_reader_names_the_older_build_and_the_command(older, capsys):
    older.chmod(stat.S_IRUSR | stat.S_IRGRP)  # a read-only copy: nothing may write it
    try:
        code, _, err = kpis_json(older, capsys)
        with pytest.raises(models.StaleBuildError) as raised:
            open_report(older, period="2026-Q1")  # what every notebook starts with
    finally:
        older.chmod(stat.S_IRUSR | stat.S_IWUSR)
    line = one_line(err)
    assert code == 2
    assert "built by hoaan 0.0.9 (sql digest a1b2c3d4e5f6)" in line
    assert f"not by this hoaan {__version__} (sql digest {models.sql_digest()[:12]})" in line
    assert f"Run `hoaan ingest --db {older}" in line and "nothing was read" in line
    assert "hoaan 0.0.9" in str(raised.value) and "hoaan ingest --db" in str(raised.value)


def test_the_report_batch_refuses_it_before_rendering_anything(older, tmp_path):
    from helpers import NOTEBOOKS

    from hoaan_analytics.report import batch

    out = tmp_path / "reports"
    with pytest.raises(models.StaleBuildError, match="built by hoaan 0.0.9"):
        batch.render_reports(db_path=older, period="2026-Q1", notebooks=batch.find_notebooks(NOTEBOOKS),
                             out_dir=out, progress=False)
    assert not out.exists()


def test_ingest_of_no_file_gives_the_new_numbers_and_keeps_what_is_stored(older, expected, params_dir, capsys):
    before = stored_rows(older)
    assert before["portal766_answers"] and before["load_log"] and before["set_aside"]  # something to keep
    assert main(["ingest", "--db", str(older), "--params", str(params_dir)]) == 0
    assert "rebuilt from its stored dossiers" in capsys.readouterr().out
    code, values, err = kpis_json(older, capsys)
    assert code == 0, err
    assert values["handled"] == expected["handled"]  # the package's rule, not the older +1000
    assert stored_rows(older) == before


def test_portal766_rebuilds_first_then_the_numbers_are_the_new_ones(older, expected, params_dir, tmp_path, capsys):
    before = stored_rows(older)
    portal = write_json(tmp_path, "tien_do.json", progress_answer())  # the same figures again: they replace
    assert main(["portal766", str(portal), "--period", "2026-03", "--db", str(older), "--params",
                 str(params_dir), "--json"]) == 0
    assert "built by hoaan 0.0.9" in capsys.readouterr().err  # the note of what it rebuilt
    code, values, err = kpis_json(older, capsys)
    assert code == 0, err
    assert values["handled"] == expected["handled"]
    after = stored_rows(older)
    assert {table: rows for table, rows in after.items() if table != "portal766_published"} == \
        {table: rows for table, rows in before.items() if table != "portal766_published"}
    # the same figures stored again (loaded_at aside)
    assert [row[:-1] for row in after["portal766_published"]] == [row[:-1] for row in before["portal766_published"]]


def test_a_database_built_before_stamps_is_refused_then_rebuilt(tmp_path, load_samples, expected, params_dir,
                                                                capsys):
    path = tmp_path / "unstamped.duckdb"
    shutil.copy(load_samples(SAMPLE_CSV).db_path, path)
    con = db.connect(path)
    db.run(con, "drop table build_stamp")
    con.close()
    code, _, err = kpis_json(path, capsys)
    assert code == 2 and "holds no build stamp" in one_line(err) and f"hoaan ingest --db {path}" in err
    assert main(["ingest", "--db", str(path), "--params", str(params_dir), "--json"]) == 0
    capsys.readouterr()
    assert kpis_json(path, capsys)[1]["handled"] == expected["handled"]


def max_points_of_2_1(path, capsys) -> tuple[int, float | None, str]:
    code = main(["index766", "--db", str(path), "--period", "2026-Q1", "--json"])
    captured = capsys.readouterr()
    if code:
        return code, None, captured.err
    [scope] = json.loads(captured.out)["scopes"]
    return code, next(i["max_points"] for i in scope["indicators"] if i["id"] == "2.1"), captured.err


def test_an_edited_params_file_is_found_the_same_way(tmp_path, samples_dir, params_dir, capsys):
    params = tmp_path / "params"
    shutil.copytree(params_dir, params)
    path = tmp_path / "hoaan.duckdb"
    ingest_into(path, [samples_dir / SAMPLE_CSV], params)
    assert max_points_of_2_1(path, capsys)[1] == 20.0

    rules = params / "index766.yaml"
    text = rules.read_text(encoding="utf-8")
    halved = text.replace("    max_points: 20\n    formula: linear", "    max_points: 10\n    formula: linear", 1)
    assert halved != text
    rules.write_text(halved, encoding="utf-8")

    code, _, err = max_points_of_2_1(path, capsys)
    line = one_line(err)
    assert code == 2 and f"{rules} differs from the params its derived tables were built from" in line
    assert f"hoaan ingest --db {path} --params {params.resolve()}" in line
    with pytest.raises(models.StaleBuildError, match="index766.yaml differs"):
        open_report(path, period="2026-Q1", params_dir=params)

    assert main(["ingest", "--db", str(path), "--params", str(params)]) == 0
    capsys.readouterr()
    assert max_points_of_2_1(path, capsys)[1] == 10.0


def test_a_stamp_is_the_same_for_the_same_sql_and_params(tmp_path, con, params_dir):
    from helpers import build_database

    build_database(con, params_dir, [])
    stamp = db.records(con, "select * exclude (built_at) from build_stamp")
    assert stamp == [{"hoaan_version": __version__, "sql_digest": models.sql_digest(),
                      "params_dir": str(params_dir.resolve()), **models.params_digests(params_dir)}]
    assert models.stale_reason(con) is None and models.stale_reason(con, params_dir) is None
    # a params folder without the optional rules file reads the built-in ones: the same digest when they agree
    bare = tmp_path / "bare"
    bare.mkdir()
    assert models.params_digests(bare)["index766_digest"] == models.params_digests(params_dir)["index766_digest"]
    assert models.params_digests(bare)["calendar_digest"] == "absent"


def test_ingest_of_no_file_needs_a_database_to_rebuild(tmp_path, capsys):
    missing = tmp_path / "none.duckdb"
    assert main(["ingest", "--db", str(missing)]) == 2
    assert f"no file given and no database at {missing}" in capsys.readouterr().err
    assert not missing.exists()
