"""A payload file that is not valid payload JSON changes nothing; the error names the file and the
record (array position from 1) or line where reading stopped, and never quotes a value."""

import json

import pytest
from payload_files import RECORD, record, write_json, write_jsonl

from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest import ingest_files

TABLES = ("dossiers", "set_aside", "load_log")


def contents(con):
    return {t: con.sql(f"select * from {t} order by all").fetchall() for t in TABLES}


@pytest.fixture
def loaded(con, tmp_path, params_dir):
    """A database holding one earlier load."""
    ingest_files(con, [write_json(tmp_path / "earlier.json", [record(MaHoSo="OLD-1")])], params_dir=params_dir)
    return con


def refused(con, params_dir, good, bad) -> str:
    before = contents(con)
    with pytest.raises(IngestError) as caught:
        ingest_files(con, [good, bad], params_dir=params_dir)
    assert contents(con) == before
    message = str(caught.value)
    for personal in ("Nguyễn Thị Hằng", "001234567890", "0912345678"):
        assert personal not in message
    return message


def good_file(tmp_path):
    return write_json(tmp_path / "good.json", [record(MaHoSo="NEW-1")])


def test_a_truncated_file(loaded, tmp_path, params_dir):
    # Record 2 is cut in the middle of its text.
    text = json.dumps([record(MaHoSo="A"), record(MaHoSo="B")], ensure_ascii=False)
    bad = tmp_path / "truncated.json"
    bad.write_text(text[: len(text) - 40], encoding="utf-8")
    message = refused(loaded, params_dir, good_file(tmp_path), bad)
    assert message.startswith("truncated.json: record 2: not valid JSON")


def test_a_file_cut_between_records(loaded, tmp_path, params_dir):
    bad = tmp_path / "cut.json"
    bad.write_text(json.dumps([RECORD], ensure_ascii=False)[:-1] + ",", encoding="utf-8")
    assert refused(loaded, params_dir, good_file(tmp_path), bad).startswith("cut.json: record 2: not valid JSON")


def test_a_record_that_is_not_an_object(loaded, tmp_path, params_dir):
    bad = write_json(tmp_path / "strings.json", [record(MaHoSo="A"), record(MaHoSo="B"), "Nguyễn Thị Hằng"])
    message = refused(loaded, params_dir, good_file(tmp_path), bad)
    assert message == "strings.json: record 3: not a dossier record (a JSON string, not an object)"


def test_a_hoso_that_is_not_an_object(loaded, tmp_path, params_dir):
    bad = write_json(tmp_path / "hoso.json", [{"hoSo": ["Nguyễn Thị Hằng"], "tienTrinhDongBo": []}])
    message = refused(loaded, params_dir, good_file(tmp_path), bad)
    assert message == "hoso.json: record 1: hoSo is a JSON array, not an object"


def test_a_broken_jsonl_line(loaded, tmp_path, params_dir):
    bad = write_jsonl(tmp_path / "broken.jsonl", [record(MaHoSo="A"), record(MaHoSo="B")], blank_lines_before=1)
    lines = bad.read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3][:-30]  # line 4 holds record B
    bad.write_text("\n".join(lines), encoding="utf-8")
    assert refused(loaded, params_dir, good_file(tmp_path), bad).startswith("broken.jsonl: line 4: not valid JSON")


def test_a_jsonl_line_that_is_not_an_object(loaded, tmp_path, params_dir):
    bad = write_jsonl(tmp_path / "numbers.ndjson", [record(MaHoSo="A"), 12])
    assert refused(loaded, params_dir, good_file(tmp_path), bad) == \
        "numbers.ndjson: line 2: not a dossier record (a JSON number, not an object)"


@pytest.mark.parametrize("text", ['{"MaHoSo": "A"}', "", "   "])
def test_a_json_file_that_is_not_an_array(loaded, tmp_path, params_dir, text):
    bad = tmp_path / "object.json"
    bad.write_text(text, encoding="utf-8")
    assert refused(loaded, params_dir, good_file(tmp_path), bad).startswith("object.json: not a payload file")
