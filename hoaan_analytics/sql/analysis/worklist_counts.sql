-- one row per (row kind, overdue or not, point kind, indicator, reason) of the work list of $as_of within $unit_name: its rows counted
-- Report 08's headline numbers and its table of points lost and still winnable per reason; the list itself is the
-- stored macro `worklist_rows` (sql/worklist/worklist_rows.sql: `worklist` without its order), read here unchanged.
with listed as (
    select w.*
    from worklist_rows($as_of, $unit_name, within_working_days := $within_working_days) w
),

final as (
    select
        row_kind,
        coalesce(is_pending_overdue, false)     as is_pending_overdue,
        kind,
        indicator_id,
        reason,
        count(*)                                as rows
    from listed
    group by all
)

select * from final
order by row_kind desc, is_pending_overdue desc, indicator_id, kind, rows desc, reason
