"""`hoaan portal766` stores the files, prints the comparison (Vietnamese or JSON); an older database gains the table."""

from __future__ import annotations

import json

import pytest
from helpers import database_file
from portal766_fixtures import DOSSIERS, HOA_AN, evaluation_answer, progress_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.cli import main


@pytest.fixture
def database(tmp_path, params_dir):
    return database_file(tmp_path / "hoaan.duckdb", DOSSIERS, params_dir)


def test_plain_output_names_each_unit_and_reads_the_differences(database, params_dir, tmp_path, capsys):
    files = [str(write_json(tmp_path, "tien_do.json", progress_answer())),
             str(write_json(tmp_path, "danh_gia.json", evaluation_answer()))]
    assert main(["portal766", *files, "--period", "2026-03", "--db", str(database), "--params", str(params_dir)]) == 0
    out = capsys.readouterr().out
    assert "Đã đọc tien_do.json: 5 số liệu của 4 đơn vị." in out
    assert f"Đơn vị: {HOA_AN} (trên Cổng: Xã Hòa An - Tỉnh Cao Bằng; Xã Hòa An)" in out
    assert "Cổng quốc gia đếm ít hơn 1 hồ sơ so với dữ liệu xuất" in out
    assert "Đơn vị trên Cổng không khớp với dữ liệu xuất (1): Xã Tân Lập" in out


def test_json_output_and_an_older_database(database, params_dir, tmp_path, capsys):
    con = db.connect(database)
    # as a database built before the portal's figures existed
    db.run(con, "drop table portal766_published")
    db.run(con, "drop macro table portal766_comparison")
    db.run(con, "drop macro portal_unit_key")
    con.close()
    path = str(write_json(tmp_path, "tien_do.json", progress_answer()))
    assert main(["portal766", path, "--period", "2026-03", "--db", str(database), "--params", str(params_dir),
                 "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["stored"], document["replaced"], document["unmatched_units"]) == (5, 0, ["Xã Tân Lập"])
    [march] = document["comparisons"]
    assert (march["period"], march["d0"], march["d1"]) == ("2026-03", "2026-03-01", "2026-03-31")
    hoa_an = next(r for r in march["rows"] if r["unit_name"] == HOA_AN)
    assert (hoa_an["portal_denominator"], hoa_an["our_denominator"], hoa_an["reading"]) == (3, 4,
                                                                                           "portal_fewer_dossiers")


def test_json_file_without_period_exits_2_and_says_why(database, params_dir, tmp_path, capsys):
    path = str(write_json(tmp_path, "tien_do.json", progress_answer()))
    assert main(["portal766", path, "--db", str(database), "--params", str(params_dir)]) == 2
    assert "tien_do.json: the portal's JSON carries no period" in capsys.readouterr().err
