"""The portal's unit names meet ours through one macro (portal_unit_key) and the aliases of params/units.csv."""

from __future__ import annotations

import shutil
import unicodedata

import pytest
from helpers import build_database
from portal766_fixtures import DOSSIERS, HOA_AN, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import PortalFileError, comparison, load_portal_files

MARCH = parse_period("2026-03")


def answer(*names: str) -> dict:
    children = [{"departmentId": f"D{number}", "departmentName": name, "totalReceived": 4, "totalOnTime": 2,
                 "score": 10.0, "maxScore": 20} for number, name in enumerate(names)]
    return {"code": "OK", "data": {"children": children}}


@pytest.fixture
def params_with(params_dir, tmp_path):
    """A copy of params/ with the given units.csv text."""
    def make(units_csv: str):
        folder = tmp_path / "params"
        shutil.copytree(params_dir, folder)
        (folder / "units.csv").write_text(units_csv, encoding="utf-8")
        return folder
    return make


@pytest.mark.parametrize("name, key", [
    ("UBND xã Hòa An", "xã hòa an"),
    ("Xã Hòa An - Tỉnh Cao Bằng", "xã hòa an"),
    (unicodedata.normalize("NFD", "ỦY BAN NHÂN DÂN XÃ HÒA AN, tỉnh Cao Bằng"), "xã hòa an"),
    ("  Uỷ ban nhân dân  -  Xã\u00a0Hòa An (TP. Cao Bằng) ", "xã hòa an"),
    # what can tell two communes apart stays: the kind of unit, a district
    ("Thị trấn Hòa An", "thị trấn hòa an"),
    ("Xã Hòa An - Huyện Hòa An", "xã hòa an - huyện hòa an"),
    ("Tỉnh Cao Bằng", "tỉnh cao bằng"),
])
def test_one_macro_normalises_a_unit_name(con, params_dir, name, key):
    build_database(con, params_dir, [])
    assert db.scalar(con, "select portal_unit_key($name)", {"name": name}) == key


def test_an_alias_matches_a_renamed_unit_and_wins_over_the_name(con, params_with, tmp_path):
    # "Xã Hòa Bình" is Hòa An's new name on the portal; "Xã Bình Minh" is an old name the portal still shows
    # for Hòa An, though Bình Minh is a unit of ours too: the alias says which one is meant.
    params = params_with("alias,unit_name\nXã Hòa Bình,UBND xã Hòa An\n# old name\nXã Bình Minh,ubnd xã hòa an\n")
    build_database(con, params, DOSSIERS)
    path = write_json(tmp_path, "p.json", answer("Xã Hòa Bình - Tỉnh Cao Bằng", "UBND Xã Bình Minh", "Xã Tân Lập"))
    summary = load_portal_files(con, [path], MARCH, params)
    stored = db.query(con, "select department_id, portal_unit_name, unit_name, match_kind "
                           "from portal766_unit_matches where not is_root order by department_id").rows()
    # two portal units (two departmentIds) that the aliases both give to Hòa An
    assert stored == [("D0", "Xã Hòa Bình - Tỉnh Cao Bằng", HOA_AN, "alias"),
                      ("D1", "UBND Xã Bình Minh", HOA_AN, "alias"),
                      ("D2", "Xã Tân Lập", None, "unmatched")]
    assert summary.unmatched_units == ["Xã Tân Lập"]
    # 4 received on the portal, 4 handled in the exports (portal766_fixtures)
    assert comparison(con, MARCH).select("unit_name", "denominator_difference", "reading").rows() == [
        (HOA_AN, 0, "same"), (HOA_AN, 0, "same"), (None, None, "unit_unmatched")]


def test_two_units_of_ours_with_one_key_are_ambiguous_not_guessed(con, params_dir, tmp_path):
    rows = DOSSIERS + [{"dossier_id": "X1", "unit_name": "Xã Hòa An", "received_at": "2026-03-02 08:00",
                        "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00"}]
    build_database(con, params_dir, rows)
    load_portal_files(con, [write_json(tmp_path, "p.json", answer("Xã Hòa An"))], MARCH, params_dir)
    frame = comparison(con, MARCH)
    assert frame.select("unit_name", "match_kind", "reading").rows() == [(None, "ambiguous", "unit_ambiguous")]


def test_an_alias_given_two_units_stops_the_load(con, params_with, tmp_path):
    # the same unit twice is fine; a name portal_unit_key reads as the same alias, for another unit, is not
    params = params_with("alias,unit_name\nXã Hòa Bình,UBND xã Hòa An\nXÃ HÒA BÌNH,xã hòa an\n"
                         "UBND xã Hòa Bình - Tỉnh Cao Bằng,UBND xã Bình Minh\n")
    build_database(con, params, DOSSIERS)
    before = db.query(con, "select * from portal766_answers").rows()
    with pytest.raises(PortalFileError, match=r"units.csv: line 4, column alias: 'UBND xã Hòa Bình - Tỉnh Cao "
                                              r"Bằng' already names 'UBND xã Hòa An' on line 2"):
        load_portal_files(con, [write_json(tmp_path, "p.json", answer("Xã Hòa Bình"))], MARCH, params)
    assert db.query(con, "select * from portal766_answers").rows() == before == []
