-- one row per (period, portal unit): the published total and rank by period, of one unit of ours (or of every unit)
-- From portal766_unit_scores, each period as loaded (months, quarters, years alike; the kind is in period_name).
-- unit_name NULL = every portal unit. Macro parameters shadow columns: every column here is qualified.
create or replace macro portal766_history(unit_name) as table
select
    s.period_start,
    s.period_end,
    s.period_name,
    date_diff('month', s.period_start, s.period_end + interval 1 day) as months,
    s.department_id,
    s.portal_unit_name,
    s.unit_name,
    s.level,
    s.total_points,
    s.total_max_points,
    s.rank,
    s.of
from portal766_unit_scores s
where unit_name is null
   or lower(trim(nfc_normalize(s.unit_name))) = lower(trim(nfc_normalize(unit_name)))
order by s.period_end, s.period_start, s.level, s.rank nulls last, s.portal_unit_name, s.department_id
