-- one row per (scope, 766 indicator) for the period [d0, d1]: the one-period form of index766_list_indicators
-- e.g. `from index766(DATE '2026-07-01', DATE '2026-09-30', NULL, 'none')` on any read-only connection.
create or replace macro index766(d0, d1, unit_name, breakdown) as table
select * exclude (period_name)
from index766_list_indicators([{'period_name': null::varchar, 'period_start': cast(d0 as date), 'period_end': cast(d1 as date)}],
                              unit_name, breakdown)
