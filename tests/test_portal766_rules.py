"""METRICS.md §10's rules on answers written here: ranks and ties, a null score, payment points, codes and pages."""

from __future__ import annotations

import shutil

import pytest
from helpers import build_database
from portal766_fixtures import DOSSIERS, PAGES, metric, page_answer, satisfaction_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import load_portal_files, scores, units_of

MARCH = parse_period("2026-03")


def six_pages(tmp_path, points: dict[str, tuple], levels: dict[str, str] | None = None) -> list:
    return [write_json(tmp_path, f"{number}.json",
                       page_answer(page, {u: p[number] for u, p in points.items()}, levels=levels))
            for number, page in enumerate(PAGES)]


def ranking(con) -> list[tuple]:
    return [(u["department_id"], u["level"], u["total_points"], u["rank"], u["of"])
            for u in units_of(scores(con, MARCH))]


def test_exact_sums_and_ties_share_a_rank(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    # A: 0.1 + 0.2 = 0.3 exactly (in binary floats 0.30000000000000004 > 0.3 would rank A above B)
    points = {"A": (0.1, 0.2, 0, 0, 0, 0), "B": (0.3, 0, 0, 0, 0, 0), "C": (0.29, 0, 0, 0, 0, 0),
              "D": (20, 10, 12, 18, 22, 18), "P1": (1, 0, 0, 0, 0, 0)}
    load_portal_files(con, six_pages(tmp_path, points, levels={"P1": "PROVINCE"}), MARCH, params_dir)
    # each level its own ranking: 1 + the number strictly greater; ties share the rank
    assert ranking(con) == [("D", "COMMUNE", 100.0, 1, 4), ("A", "COMMUNE", 0.3, 2, 4), ("B", "COMMUNE", 0.3, 2, 4),
                            ("C", "COMMUNE", 0.29, 4, 4), ("P1", "PROVINCE", 1.0, 1, 1)]


def test_a_null_score_or_a_missing_page_leaves_the_total_unknown(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    points = {"A": (10, 5, 6, 7, 8, None), "B": (10, 5, 6, 7, 8, 9), "C": (11, 5, 6, 7, 8, 9)}
    files = six_pages(tmp_path, points)
    # E is on five pages only
    files.append(write_json(tmp_path, "e.json", page_answer("dvc-progress-tree", {"E": 20})))
    load_portal_files(con, files, MARCH, params_dir)
    units = {u["department_id"]: u for u in units_of(scores(con, MARCH))}
    assert ranking(con) == [("C", "COMMUNE", 46.0, 1, 2), ("B", "COMMUNE", 45.0, 2, 2),
                            ("A", "COMMUNE", None, None, None), ("E", "COMMUNE", None, None, None)]
    # the null stays null (never 0) on its page; the page missing is null too
    assert units["A"]["page_points"]["handling-satisfaction"] is None
    assert units["E"]["page_points"] == {page: (20.0 if page == "dvc-progress-tree" else None) for page in PAGES}


def payment_node(department_id: str, **counts) -> dict:
    return {"departmentId": department_id, "departmentName": f"Xã {department_id}", "level": "COMMUNE",
            "totalScore": 7.5, "totalMaxScore": 10, **counts}


def test_payment_points_from_the_counts_and_0_when_m_is_0(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    full = {"totalDossierOnlinePaymentSuccess": 5, "totalDossierFinancialObligation": 8,
            "totalDossierOnlineFormalityPaymentSuccess": 1, "totalFeeFormality": 3, "totalFeeDossierFormality": 2}
    answer = {"code": "OK", "data": {"parent": payment_node("P0", **full), "children": [
        payment_node("A", **full),
        payment_node("B", **{**full, "totalDossierFinancialObligation": 0, "totalDossierOnlinePaymentSuccess": 0,
                             "totalFeeFormality": 0, "totalFeeDossierFormality": 0,
                             "totalDossierOnlineFormalityPaymentSuccess": 0}),
        payment_node("C", **{**full, "totalDossierOnlinePaymentSuccess": None}),
    ]}}
    load_portal_files(con, [write_json(tmp_path, "t.json", answer)], MARCH, params_dir)
    rows = db.query(con, "select department_id, indicator_id, numerator, denominator, cast(points as double) "
                         "from portal766_page_figures where not is_root order by department_id, figure_order").rows()
    assert rows == [
        # 6 × 5/8 = 3.75; min(2, 2 × (1/3) / 0.8) = 0.8333 -> 0.83; min(2, 2.5 × 2/3) = 1.6667 -> 1.67
        ("A", "3.6", 5, 8, 3.75), ("A", "3.5", 1, 3, 0.83), ("A", "payment_third_term", 2, 3, 1.67),
        # m = 0: 0 points, not null
        ("B", "3.6", 0, 0, 0.0), ("B", "3.5", 0, 0, 0.0), ("B", "payment_third_term", 0, 0, 0.0),
        # a null count: null points
        ("C", "3.6", None, 8, None), ("C", "3.5", 1, 3, 0.83), ("C", "payment_third_term", 2, 3, 1.67),
    ]


def test_a_renamed_code_is_kept_listed_then_read_once_params_name_it(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    answer = satisfaction_answer()
    answer["data"]["evaluation"][0]["metrics"][0]["code"] = "DOSSIER_SATISFACTION_V2"
    summary = load_portal_files(con, [write_json(tmp_path, "s.json", answer)], MARCH, params_dir)
    # still the satisfaction page (its other codes), the new code kept and listed, not dropped
    assert [a["page"] for a in summary.answers] == ["handling-satisfaction"]
    assert summary.unmapped_codes == [{"page": "handling-satisfaction", "code": "DOSSIER_SATISFACTION_V2"}]
    figure = "select indicator_id, is_mapped, numerator, denominator from portal766_page_figures " \
             "where department_id = 'HA' and code like 'DOSSIER%'"
    assert db.query(con, figure).rows() == [("DOSSIER_SATISFACTION_V2", False, 1, 4)]
    # the commune names the new code in its params: the stored answer is read again, nothing reloaded
    params = tmp_path / "params"
    shutil.copytree(params_dir, params)
    rules = params / "index766.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "code: DOSSIER_RECEIVING_SATISFACTION,", "code: DOSSIER_SATISFACTION_V2,"), encoding="utf-8")
    load_portal_files(con, [], None, params)
    assert db.query(con, figure).rows() == [("5.4", True, 1, 4)]


def test_an_answer_of_no_known_page_is_stored_and_listed_never_read_as_another(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    unknown = {"code": "OK", "data": {"evaluation": [
        {"departmentId": "A", "departmentName": "Xã A", "totalScore": 3, "totalMaxScore": 4,
         "metrics": [metric("NEW_INDICATOR", 1, 2, 3, 4)]}]}}
    # a tree carrying the fields of two pages fits both equally: unknown as well
    both = page_answer("dvc-progress-tree", {"A": 10})
    both["data"]["children"][0]["authorityCount"] = 3
    summary = load_portal_files(con, [write_json(tmp_path, "u.json", unknown), write_json(tmp_path, "b.json", both)],
                                MARCH, params_dir)
    assert [(a["file_name"], a["page"]) for a in summary.unknown_pages] == [("u.json", None), ("b.json", None)]
    assert db.scalar(con, "select count(*) from portal766_answers") == 2
    assert db.scalar(con, "select count(*) from portal766_page_figures") == 0
    assert units_of(scores(con, MARCH)) == []
    # loaded again: still one copy of each
    load_portal_files(con, [write_json(tmp_path, "u.json", unknown)], MARCH, params_dir)
    assert db.scalar(con, "select count(*) from portal766_answers") == 2


@pytest.mark.parametrize("level_on, expected", [("first", "PROVINCE"), ("later", "COMMUNE")])
def test_the_level_is_the_first_non_null_in_page_order(con, params_dir, tmp_path, level_on, expected):
    build_database(con, params_dir, DOSSIERS)
    files = six_pages(tmp_path, {"A": (1, 1, 1, 1, 1, 1)})
    progress = page_answer("dvc-progress-tree", {"A": 1}, levels={"A": "PROVINCE"})
    progress["data"]["children"][0]["level"] = "PROVINCE" if level_on == "first" else None
    files[0] = write_json(tmp_path, "0.json", progress)
    load_portal_files(con, files, MARCH, params_dir)
    assert [u["level"] for u in units_of(scores(con, MARCH))] == [expected]


def test_history_gives_each_unit_s_total_and_rank_by_period(con, params_dir, tmp_path):
    from hoaan_analytics.portal766 import history

    build_database(con, params_dir, DOSSIERS)
    march = {"A": (10, 5, 6, 7, 8, 9), "B": (11, 5, 6, 7, 8, 9)}     # A 45, B 46
    april = {"A": (20, 5, 6, 7, 8, 9), "B": (11, 5, 6, 7, 8, 9)}     # A 55, B 46
    (tmp_path / "m").mkdir()
    (tmp_path / "a").mkdir()
    load_portal_files(con, six_pages(tmp_path / "m", march), MARCH, params_dir)
    load_portal_files(con, six_pages(tmp_path / "a", april), parse_period("2026-04"), params_dir)
    # the year 2026 loaded too: a period of another kind is its own row
    load_portal_files(con, six_pages(tmp_path / "m", march), parse_period("2026"), params_dir)
    rows = history(con, None).select("period_name", "months", "department_id", "total_points", "rank", "of").rows()
    assert [(p, m, d, float(t), r, o) for p, m, d, t, r, o in rows] == [
        ("2026-03", 1, "B", 46.0, 1, 2), ("2026-03", 1, "A", 45.0, 2, 2),
        ("2026-04", 1, "A", 55.0, 1, 2), ("2026-04", 1, "B", 46.0, 2, 2),
        ("2026", 12, "B", 46.0, 1, 2), ("2026", 12, "A", 45.0, 2, 2)]
