-- one row per unit with a dossier on the work list of `as_of` (worklist_rows.sql, unsorted) within `unit_name`: what it holds, counted
-- e.g. `from worklist_units(DATE '2026-11-20', NULL)`; the unit's one spelling comes from dossier_units.
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro worklist_units(as_of, unit_name, within_working_days := 3) as table
with listed as (
    select w.* from worklist_rows(as_of, unit_name, within_working_days := within_working_days) w
),

units as (
    select u.unit_key, u.unit_name from dossier_units u
),

counted as (
    select
        l.unit_key,
        count(*) filter (where l.row_kind = 'open')                                     as open_dossiers,
        count(*) filter (where l.row_kind = 'open' and l.is_pending_overdue)            as overdue_dossiers,
        count(*) filter (where l.row_kind = 'open' and not l.is_pending_overdue)        as due_dossiers,
        count(*) filter (where l.row_kind = 'closed' and l.kind = 'lost')               as lost_dossier_indicators,
        count(*) filter (where l.row_kind = 'closed' and l.kind = 'can_win')            as can_win_dossier_indicators
    from listed l
    group by l.unit_key
),

final as (
    select u.unit_name, c.*
    from counted c
    left join units u on u.unit_key = c.unit_key
)

select f.*
from final f
order by f.overdue_dossiers desc, f.open_dossiers desc, f.unit_name
