"""A user adds another system's labels in params/labels.csv, no code."""

import shutil

import pytest
from ingest_files import DVCQG, dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.ingest import ingest_files


@pytest.fixture
def my_params(params_dir, tmp_path):
    folder = tmp_path / "params"
    folder.mkdir()
    shutil.copy(params_dir / "procedures.csv", folder / "procedures.csv")
    return folder


def test_mapping_file_adds_labels(con, my_params, tmp_path):
    (my_params / "labels.csv").write_text(
        "# another district's system\nlabel,field\nSố hồ sơ,dossier_id\nTình trạng,status\n"
        '"Ngày nhận, giờ nhận",received_at\n', encoding="utf-8")
    labels = {**DVCQG, "dossier_id": "Số hồ sơ", "status": "TÌNH TRẠNG", "received_at": "Ngày nhận, giờ nhận"}
    path = write_csv(tmp_path / "other.csv", [dossier(dossier_id="K-1")], labels=labels)
    summary = ingest_files(con, [path], params_dir=my_params)
    assert summary.loaded == 1
    assert db.query(con, "select dossier_id, status from dossiers").rows() == [("K-1", 10)]


def test_without_the_mapping_the_file_is_not_an_export(con, my_params, tmp_path):
    from hoaan_analytics.errors import IngestError

    path = write_csv(tmp_path / "other.csv", [dossier()], labels={**DVCQG, "dossier_id": "Số hồ sơ"})
    with pytest.raises(IngestError, match="labels.csv"):
        ingest_files(con, [path], params_dir=my_params)


def test_personal_labels_cannot_be_mapped_to_stored_fields(con, my_params, tmp_path):
    (my_params / "labels.csv").write_text("label,field\nChủ hồ sơ,procedure_name\n", encoding="utf-8")
    with pytest.raises(HoaanError, match="line 2.*personal data"):
        ingest_files(con, [write_csv(tmp_path / "a.csv", [dossier()])], params_dir=my_params)


def test_unknown_field_in_the_mapping_file(con, my_params, tmp_path):
    (my_params / "labels.csv").write_text("label,field\nSố hồ sơ,dossier\n", encoding="utf-8")
    with pytest.raises(HoaanError, match="labels.csv: line 2: field 'dossier'"):
        ingest_files(con, [write_csv(tmp_path / "a.csv", [dossier()])], params_dir=my_params)


def test_shipped_mapping_file_is_valid(con, params_dir, tmp_path):
    from hoaan_analytics.ingest.labels import builtin_label_map, load_label_map

    assert load_label_map(params_dir).fields_by_key.keys() >= builtin_label_map().fields_by_key.keys()
