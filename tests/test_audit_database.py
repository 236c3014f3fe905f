"""`hoaan audit` on a database: planted personal values and ID/phone shapes are found, masked; a real load is clean."""

import pytest
from helpers import SAMPLE_CSV, SAMPLE_XLSX, ingest_into, insert_dossiers
from ingest_files import DVCQG, PERSONAL_DVCQG, dossier, write_csv

from hoaan_analytics import db, schema
from hoaan_analytics.audit import audit, mask, personal_values
from hoaan_analytics.cli import main

NAME, ID_NUMBER, PHONE, ADDRESS = "Nguyễn Thị Hằng", "001234567890", "0912345678", "Thôn 7, xã Hòa An"


@pytest.fixture
def export(tmp_path):
    """An export whose personal columns hold the four values (the loader never reads them)."""
    row = dossier(dossier_id="E-1", applicant_name=NAME, id_number=ID_NUMBER, phone=PHONE, address=ADDRESS)
    labels = {**DVCQG, **PERSONAL_DVCQG}
    return write_csv(tmp_path / "export.csv", [row], labels=labels)


@pytest.fixture
def leaky_db(tmp_path):
    path = tmp_path / "leaky.duckdb"
    con = db.connect(path)
    schema.ensure_schema(con)
    insert_dossiers(con, [
        {"received_at": "2026-03-02 08:00", "unit_name": f"UBND xã Hòa An - {NAME}"},  # a name inside a text
        {"received_at": "2026-03-02 08:00", "field_name": f"+84{PHONE[1:]}"},         # phone shape, other form
        {"received_at": "2026-03-02 08:00", "rating": "CMND 012345678"},               # 9-digit ID shape
        # a portal departmentId (a UUID) with an all-digit group: a system's key, no finding
        {"received_at": "2026-03-02 08:00", "procedure_name": "019d2be3-6ab5-7783-98ad-168923456767"},
    ])
    con.close()
    return path


def test_personal_values_are_read_from_the_export(export, params_dir):
    values = personal_values([export], params_dir)
    assert values == {"name": {NAME}, "id_number": {ID_NUMBER}, "phone": {PHONE}, "address": {ADDRESS}}


def test_planted_values_and_shapes_are_found_by_table_and_column(leaky_db, export, params_dir):
    result = audit(db_path=leaky_db, exports=[export], params_dir=params_dir)
    found = {(f.place.split(": ", 1)[1], f.kind) for f in result.findings if "file bytes" not in f.place}
    assert found == {("dossiers.unit_name", "name"), ("dossiers.field_name", "phone_shape"),
                     ("dossiers.rating", "id_number_shape")}
    assert not result.clean


def test_findings_never_show_the_value(leaky_db, export, params_dir):
    result = audit(db_path=leaky_db, exports=[export], params_dir=params_dir)
    text = "\n".join(str(f) for f in result.findings)
    for secret in (NAME, PHONE, PHONE[1:], "012345678", "Hằng"):
        assert secret not in text
    assert mask(NAME) in text  # 'N***** T** H***'


def test_mask():
    assert mask("0912345678") == "09******78"
    assert mask("+84912345678") == "+8********78"
    assert mask("Hà Thu Quỳnh") == "H* T** Q****"


def test_raw_bytes_catch_what_no_text_column_holds(tmp_path, export, params_dir):
    path = tmp_path / "blob.duckdb"
    con = db.connect(path)
    db.run(con, "create table attachments (content blob)")
    db.run(con, "insert into attachments values (encode($phone))", {"phone": f"tel:{PHONE};"})
    db.run(con, "checkpoint")
    con.close()
    result = audit(db_path=path, exports=[export], params_dir=params_dir)
    assert [(f.kind, f.place.endswith("(file bytes)")) for f in result.findings] == [("phone", True)]


def test_a_database_loaded_from_the_samples_is_clean(params_dir, samples_dir, load_samples):
    exports = [samples_dir / SAMPLE_CSV, samples_dir / SAMPLE_XLSX]
    result = audit(db_path=load_samples(SAMPLE_CSV, SAMPLE_XLSX).db_path, exports=exports, params_dir=params_dir)
    assert result.values_searched > 1000  # names, ID numbers, phones, addresses of 600 applicants
    assert result.findings == []


def test_cli_exit_codes(leaky_db, export, params_dir, tmp_path, capsys):
    code = main(["audit", "--db", str(leaky_db), "--exports", str(export), "--params", str(params_dir)])
    captured = capsys.readouterr()
    assert code == 1 and "FOUND personal data" in captured.out
    assert "dossiers.unit_name" in captured.err and NAME not in captured.err + captured.out
    clean = tmp_path / "clean.duckdb"
    ingest_into(clean, [export], params_dir)
    assert main(["audit", "--db", str(clean), "--exports", str(export), "--params", str(params_dir)]) == 0
    assert "audit: clean" in capsys.readouterr().out


def test_cli_with_nothing_to_audit_is_a_plain_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["audit"]) == 2
    assert "nothing to audit" in capsys.readouterr().err


def test_the_demo_database_with_the_portals_pages_is_clean(demo_db, params_dir):
    # the portal's pages bring UUIDs (departmentId) by the hundred; one in a few hundred has an all-digit group
    result = audit(db_path=demo_db.db_path, exports=demo_db.raw_files, params_dir=params_dir)
    assert result.values_searched > 1000
    assert result.findings == []
