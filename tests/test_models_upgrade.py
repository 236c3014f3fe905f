"""A database built by an older hoaan (a derived table missing) gets a plain way out, not a catalog error."""

import json
import shutil

from helpers import SAMPLE_CSV

from hoaan_analytics import db
from hoaan_analytics.cli import main


def test_a_missing_derived_table_names_the_fix_and_ingest_rebuilds_it(tmp_path, samples_dir, params_dir, capsys,
                                                                     load_samples):
    path = tmp_path / "old.duckdb"
    export = samples_dir / SAMPLE_CSV
    shutil.copy(load_samples(SAMPLE_CSV).db_path, path)  # the sample ingested
    con = db.connect(path)
    db.run(con, "drop table dossier_facts")  # as a database built before that table existed
    con.close()

    assert main(["kpis", "--db", str(path), "--period", "2026-Q1", "--json"]) == 2
    err = capsys.readouterr().err
    assert "has no dossier_facts" in err and "Run `hoaan ingest` on your exports" in err

    # the same file again: skipped as already loaded, yet the derived tables are rebuilt
    assert main(["ingest", str(export), "--db", str(path), "--params", str(params_dir), "--json"]) == 0
    capsys.readouterr()
    assert main(["kpis", "--db", str(path), "--period", "2026-Q1", "--json"]) == 0
    expected = json.loads((samples_dir / "expected_kpis.json").read_text(encoding="utf-8"))["2026-Q1 calendar all"]
    assert json.loads(capsys.readouterr().out)["handled"] == expected["handled"]
