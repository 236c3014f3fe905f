"""Unit and period names become safe folder names that stay inside the output folder."""

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoaan_analytics import filenames as names
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.report import batch


@pytest.mark.parametrize(("name", "slug"), [
    ("UBND xã Hòa An", "ubnd-xa-hoa-an"),
    ("Đội Quản lý đất đai", "doi-quan-ly-dat-dai"),
    ("../../etc/passwd", "etc-passwd"),
    ('Xã "Kiên Đài" / Chiêm Hóa', "xa-kien-dai-chiem-hoa"),
    ("C:\\Windows\\system32", "c-windows-system32"),
    ("2026-01-01..2026-03-31", "2026-01-01-2026-03-31"),
])
def test_slugify(name, slug):
    assert names.slugify(name) == slug


def test_decomposed_unicode_gives_the_same_slug():
    import unicodedata

    name = "UBND xã Hòa An"
    assert names.slugify(unicodedata.normalize("NFD", name)) == names.slugify(name)


def test_nothing_usable_becomes_a_hash():
    assert re.fullmatch(r"x-[0-9a-f]{8}", names.slugify("../.."))
    assert names.slugify("../..") != names.slugify("//")


def test_long_names_are_bounded():
    assert len(names.slugify("Ủy ban nhân dân " * 20)) <= names.MAX_SLUG_LENGTH


def test_colliding_names_get_distinct_slugs():
    slugs = names.unique_slugs(["UBND xã Hòa An", "UBND Xã Hoà An", "toàn bộ"])
    assert len(set(slugs.values())) == 3
    assert slugs["UBND xã Hòa An"] == "ubnd-xa-hoa-an"
    assert slugs["toàn bộ"] != names.ALL_UNITS_SLUG  # never the all-units folder


@given(st.text(min_size=0, max_size=200))
def test_any_name_gives_a_safe_slug(name):
    slug = names.slugify(name)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug)
    assert len(slug) <= names.MAX_SLUG_LENGTH


def test_inside_refuses_an_escaping_path(tmp_path):
    assert names.inside(tmp_path, tmp_path / "a" / "b.html") == tmp_path / "a" / "b.html"
    with pytest.raises(HoaanError, match="outside the output folder"):
        names.inside(tmp_path / "out", tmp_path / "out" / ".." / "x.html")


def test_run_folder_name():
    assert names.run_folder_name("2026-Q1", "cutoff") == "2026-q1_cutoff"
    assert Path(names.run_folder_name("2026-01-01..2026-03-31", "calendar")).name == \
        "2026-01-01-2026-03-31_calendar"


def _units_db(path):
    from helpers import PARAMS, insert_dossiers

    from hoaan_analytics import db, models, schema

    con = db.connect(path)
    schema.ensure_schema(con)
    insert_dossiers(con, [
        {"unit_name": name, "received_at": "2026-01-05 08:00", "finished_at": "2026-01-05 10:00"}
        for name in ("UBND xã Hòa An", "UBND Xã Hòa An", "UBND xã Kiên Đài", None)
    ])
    models.refresh(con, PARAMS)
    con.close()
    return path


def test_unit_names_match_like_metrics_section_2(tmp_path):
    # NFC, trimmed, case-insensitive: the decomposed, upper-case, padded spelling finds the stored one
    import unicodedata

    path = _units_db(tmp_path / "h.duckdb")
    typed = "  " + unicodedata.normalize("NFD", "UBND XÃ HÒA AN") + " "
    assert batch.report_units(path, unit=typed) == ["UBND Xã Hòa An"]  # min() of the two stored spellings
    with pytest.raises(HoaanError, match="UBND Xã Hòa An; UBND xã Kiên Đài"):
        batch.report_units(path, unit="UBND xã Hòa")


def test_all_units_keeps_one_spelling_per_unit(tmp_path):
    path = _units_db(tmp_path / "h.duckdb")
    assert batch.report_units(path) == [None]
    assert batch.report_units(path, all_units=True) == [None, "UBND Xã Hòa An", "UBND xã Kiên Đài"]
