-- one row per unit with a dossier on the work list of $as_of within $unit_name, then one row for all of them (is_total)
-- What `hoaan worklist` prints without --unit: a province's work list in a glance. The per-unit counts are the
-- stored macro worklist_units (sql/worklist/worklist_units.sql), read unchanged; every listed row belongs to one
-- unit, so the total is their sum. reference_on is r of the month's period (period_bounds): the data's last day
-- when as_of lies after it. Parameters: $as_of, $unit_name (NULL = all units), $within_working_days.
with units as (
    select *
    from worklist_units($as_of, $unit_name, within_working_days := $within_working_days)
),

bounds as (
    select reference_on
    from period_bounds(cast(date_trunc('month', cast($as_of as date)) as date), cast($as_of as date))
),

per_unit as (
    select
        false                               as is_total,
        unit_name,
        open_dossiers,
        overdue_dossiers,
        due_dossiers,
        lost_dossier_indicators,
        can_win_dossier_indicators
    from units
),

total as (
    select
        true                                          as is_total,
        cast(null as varchar)                         as unit_name,
        coalesce(sum(open_dossiers), 0)               as open_dossiers,
        coalesce(sum(overdue_dossiers), 0)            as overdue_dossiers,
        coalesce(sum(due_dossiers), 0)                as due_dossiers,
        coalesce(sum(lost_dossier_indicators), 0)     as lost_dossier_indicators,
        coalesce(sum(can_win_dossier_indicators), 0)  as can_win_dossier_indicators
    from units
),

final as (
    select * from per_unit
    union all
    select * from total
)

select
    f.is_total,
    f.unit_name,
    cast(f.open_dossiers as bigint)              as open_dossiers,
    cast(f.overdue_dossiers as bigint)           as overdue_dossiers,
    cast(f.due_dossiers as bigint)               as due_dossiers,
    cast(f.lost_dossier_indicators as bigint)    as lost_dossier_indicators,
    cast(f.can_win_dossier_indicators as bigint) as can_win_dossier_indicators,
    b.reference_on
from final f
cross join bounds b
order by f.is_total, f.overdue_dossiers desc, f.open_dossiers desc, f.unit_name
