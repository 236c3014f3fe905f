"""`hoaan ingest`: JSON summary, exit codes."""

import json

from ingest_files import dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.cli import main


def test_json_summary(params_dir, tmp_path, capsys):
    path = write_csv(tmp_path / "a.csv", [dossier(dossier_id="A"), dossier(dossier_id=None)])
    database = tmp_path / "h.duckdb"
    assert main(["ingest", str(path), "--db", str(database), "--params", str(params_dir), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["rows_read"], result["loaded"], result["set_aside"]) == (2, 1, 1)
    assert result["files"][0]["file_name"] == "a.csv"
    con = db.connect(database, read_only=True)
    assert db.scalar(con, "select count(*) from dossiers") == 1
    con.close()


def test_table_output(params_dir, tmp_path, capsys):
    path = write_csv(tmp_path / "a.csv", [dossier()])
    assert main(["ingest", str(path), "--db", str(tmp_path / "h.duckdb"), "--params", str(params_dir)]) == 0
    assert "a.csv" in capsys.readouterr().out


def test_unreadable_file_exits_non_zero_and_names_it(params_dir, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("hello\n", encoding="utf-8")
    code = main(["ingest", str(bad), "--db", str(tmp_path / "h.duckdb"), "--params", str(params_dir), "--json"])
    assert code == 2
    assert "bad.csv" in capsys.readouterr().err
