"""`hoaan kpis` end to end on a small database file."""

from __future__ import annotations

import json

import pytest
from helpers import insert_dossiers

from hoaan_analytics import db, models, schema
from hoaan_analytics.cli import main
from hoaan_analytics.kpis import KPI_KEYS
from hoaan_analytics.labels_vi import ALL_UNITS_LABEL, MODE_LABELS_VI


@pytest.fixture
def db_file(tmp_path, params_dir):
    path = tmp_path / "hoaan.duckdb"
    con = db.connect(path)
    schema.ensure_schema(con)
    insert_dossiers(con, [
        {"received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00",
         "channel": 2},
        {"received_at": "2026-03-03 08:00", "due_at": "2026-03-03 16:30", "finished_at": "2026-03-04 10:00"},
    ])
    models.refresh(con, params_dir)
    con.close()
    return path


def test_json_has_exactly_the_contract_keys(db_file, capsys):
    assert main(["kpis", "--period", "2026-Q1", "--db", str(db_file), "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert list(values) == list(KPI_KEYS)
    # 2 received, 1 online; one on time, one late (4/3 > 3/3)
    assert (values["received"], values["online_share"], values["on_time_rate"]) == (2, 0.5, 0.5)
    assert values["satisfaction_rate"] is None


def test_readable_table(db_file, capsys):
    assert main(["kpis", "--period", "2026-03", "--db", str(db_file)]) == 0
    out = capsys.readouterr().out
    assert "Tháng 3 năm 2026" in out and "on_time_rate" in out and "50.0%" in out


def test_readable_table_names_scope_and_mode_in_vietnamese(db_file, capsys):
    assert main(["kpis", "--period", "2026-03", "--mode", "cutoff", "--db", str(db_file)]) == 0
    heading = capsys.readouterr().out.splitlines()[0]
    assert heading.endswith(f"{MODE_LABELS_VI['cutoff']}) — {ALL_UNITS_LABEL}")


def test_by_field_json(db_file, capsys):
    assert main(["kpis", "--period", "2026-03", "--by", "field", "--db", str(db_file), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["field_name"] for r in rows] == ["Chứng thực"]


@pytest.mark.parametrize("args, message", [
    (["--period", "2026-Q9"], "unknown period"),
    (["--period", "2026-Q1", "--mode", "fiscal"], "unknown period mode"),
    (["--period", "2026-Q1", "--unit", "xã Nào Đó"], "UBND xã Hòa An"),
])
def test_errors_exit_2_without_traceback(db_file, capsys, args, message):
    assert main(["kpis", *args, "--db", str(db_file)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
