-- one row per (scope, 766 group) and one total row per scope (is_total) for [d0, d1]: the one-period form of index766_list_groups
-- e.g. `from index766_groups(DATE '2026-07-01', DATE '2026-09-30', NULL, 'unit') where is_total order by scope_rank`.
create or replace macro index766_groups(d0, d1, unit_name, breakdown) as table
select * exclude (period_name)
from index766_list_groups([{'period_name': null::varchar, 'period_start': cast(d0 as date), 'period_end': cast(d1 as date)}],
                          unit_name, breakdown)
