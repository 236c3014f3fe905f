"""params/procedures.csv becomes table `procedures` at each ingest; a bad catalogue is named."""

import csv

import pytest
from ingest_files import dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.catalogue import CatalogueError, load_catalogue
from hoaan_analytics.ingest import ingest_files


def test_shipped_catalogue_loads_every_line(con, params_dir):
    with open(params_dir / "procedures.csv", encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert load_catalogue(con, params_dir) == len(lines)
    row = db.query(con, "select * from procedures where procedure_code = '1.001193'").row(0, named=True)
    assert (row["statutory_days"], row["cutoff_15h"]) == (0, True)


def test_ingest_reloads_the_catalogue(con, params_dir, tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "procedures.csv").write_text(
        "procedure_code,statutory_days,cutoff_15h\n2.000815,0,1\n", encoding="utf-8")
    ingest_files(con, [write_csv(tmp_path / "a.csv", [dossier()])], params_dir=folder)
    assert db.query(con, "select procedure_code, statutory_days from procedures").rows() == [("2.000815", 0)]
    ingest_files(con, [], params_dir=params_dir)
    assert db.scalar(con, "select count(*) from procedures") > 1


@pytest.mark.parametrize(("text", "message"), [
    ("procedure_code,statutory_days\n1.0,1\n", "line 1: missing column"),
    ("procedure_code,statutory_days,cutoff_15h\n1.0,năm,0\n", "line 2: statutory_days 'năm'"),
    ("procedure_code,statutory_days,cutoff_15h\n1.0,-1,0\n", "line 2: statutory_days '-1'"),
    ("procedure_code,statutory_days,cutoff_15h\n1.0,1,maybe\n", "line 2: cutoff_15h"),
    ("procedure_code,statutory_days,cutoff_15h\n1.0,1,0\n1.0,2,0\n", "line 3: procedure_code 1.0 is already"),
    ("procedure_code,statutory_days,cutoff_15h\n,1,0\n", "line 2: procedure_code is empty"),
])
def test_bad_catalogue_lines_are_named(con, tmp_path, text, message):
    (tmp_path / "procedures.csv").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(con, tmp_path)


def test_missing_catalogue_stops_the_ingest_and_stores_nothing(con, tmp_path):
    with pytest.raises(CatalogueError, match="no procedure catalogue"):
        ingest_files(con, [write_csv(tmp_path / "a.csv", [dossier()])], params_dir=tmp_path)
    assert db.scalar(con, "select count(*) from dossiers") == 0
