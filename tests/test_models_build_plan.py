"""The derived models come from the folders of sql/: every file is built, each after the models it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build_database

from hoaan_analytics import calendar, db, models, schema
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.paths import sql_dir

_PRESENT_SQL = """
select table_name as name from information_schema.tables
union all
select function_name from duckdb_functions() where function_type in ('macro', 'table_macro') and not internal
"""


def _write(root: Path, layer: str, name: str, text: str) -> None:
    (root / layer).mkdir(parents=True, exist_ok=True)
    (root / layer / f"{name}.sql").write_text(f"-- one row per test value\n{text}\n", encoding="utf-8")


def test_every_file_of_a_built_layer_is_built_under_its_own_name(con, params_dir):
    build_database(con, params_dir, [])
    present = set(db.query(con, _PRESENT_SQL)["name"].to_list())
    files = [path for layer in models.built_layers() for path in sorted((sql_dir() / layer).glob("*.sql"))]
    assert len(files) == len(models.build_plan())
    assert [f"{path.parent.name}/{path.name}" for path in files if path.stem not in present] == []
    assert set(models.required_tables()) | set(models.required_macros()) <= present


def test_the_first_layers_come_in_their_fixed_order_and_the_other_folders_are_not_built():
    layers = models.built_layers()
    assert layers[:4] == ("staging", "facts", "marts", "scorecard")
    assert not {"schema", "ingest", "analysis"} & set(layers)


def test_each_model_comes_after_the_models_its_sql_names():
    order = [model.name for model in models.build_plan()]
    # read off the files: dossier_facts reads stg_dossiers and dossier_units reads dossier_facts (which
    # sorts after it); period_list_bounds reads dossier_extent; period_list_handled calls period_list_bounds,
    # period_list_kpis calls period_list_handled, period_kpis calls period_list_kpis; the 766 list
    # macros chain the same way
    chains = [("stg_dossiers", "dossier_facts", "dossier_units"), ("dossier_extent", "period_list_bounds"),
              ("period_list_bounds", "period_list_handled", "period_list_kpis", "period_kpis"),
              ("period_list_handled", "index766_list_dossiers", "index766_list_indicators", "index766_list_groups")]
    for chain in chains:
        positions = [order.index(name) for name in chain]
        assert positions == sorted(positions), chain


def test_a_new_layer_folder_is_built_after_the_first_ones_each_file_after_what_it_names(tmp_path):
    _write(tmp_path, "staging", "stg_b", "select 1 as x")
    _write(tmp_path, "staging", "stg_a", "select x + 1 as x from stg_b")            # sorts first, needs stg_b
    _write(tmp_path, "facts", "fact_x", "select x * 10 as x from stg_a")
    _write(tmp_path, "worklist", "worklist_items",
           "create or replace macro worklist_items(n) as table\nselect x + n as x from worklist_base()")
    _write(tmp_path, "worklist", "worklist_base",
           "create or replace macro worklist_base() as table\nselect x from fact_x")
    # 'worklist_items' in a string and stg_b in a comment name nothing: alerts needs only fact_x
    _write(tmp_path, "alerts", "alert_rows", "select 'worklist_items' as source, x from fact_x -- not stg_b")
    _write(tmp_path, "schema", "stored", "create table if not exists stored (x integer)")
    _write(tmp_path, "analysis", "detail", "select * from fact_x where x > $n")

    plan = models.build_plan(tmp_path)

    # fixed layers first, then the others by folder name (alerts < worklist); worklist_base before its caller
    assert [(m.layer, m.name) for m in plan] == [
        ("staging", "stg_b"), ("staging", "stg_a"), ("facts", "fact_x"),
        ("alerts", "alert_rows"), ("worklist", "worklist_base"), ("worklist", "worklist_items")]
    assert [m.creates[0][0] for m in plan] == ["view", "view", "table", "view", "macro", "macro"]
    con = db.connect(None)
    try:
        for model in plan:
            db.run(con, model.statement)
        # stg_b 1 -> stg_a 2 -> fact_x 20 -> worklist_items(5) = 25
        assert db.scalar(con, "select x from worklist_items(5)") == 25
    finally:
        con.close()


def test_files_that_name_one_another_in_a_cycle_are_an_error(tmp_path):
    _write(tmp_path, "marts", "mart_a", "create or replace macro mart_a() as table select * from mart_b()")
    _write(tmp_path, "marts", "mart_b", "create or replace macro mart_b() as table select * from mart_a()")
    with pytest.raises(HoaanError, match=r"cycle.*sql/marts/mart_a\.sql, sql/marts/mart_b\.sql"):
        models.build_plan(tmp_path)


def test_every_file_of_sql_schema_is_created_by_someone():
    created = {*schema.TABLES, *schema.SCALAR_MACRO_FILES, calendar.WORKING_DAYS_MACRO, models.BUILD_STAMP}
    assert {path.stem for path in (sql_dir() / "schema").glob("*.sql")} == created
