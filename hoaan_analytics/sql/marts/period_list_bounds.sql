-- one row per period of the list `periods` ({period_name, period_start, period_end} structs): its bounds and reference date r
-- r = min(period_end, the newest event among all stored dossiers, whatever the scope); with no dossiers, r = period_end
-- (METRICS.md §5). A running period judges open dossiers on the data's last day, not on a day to come.
-- The one statement of r; period_bounds(d0, d1) is its one-period form.
-- `judged_on` (default NULL: the newest event) replaces the newest event in that minimum: the month-end
-- projection (sql/worklist/projection766.sql) judges its open dossiers on the period's last day.
create or replace macro period_list_bounds(periods, judged_on := NULL) as table
with listed as (
    select unnest(periods, recursive := true)
),

extent as (
    select newest_event_on from dossier_extent
),

final as (
    select
        l.period_name,
        cast(l.period_start as date)                                        as period_start,
        cast(l.period_end as date)                                          as period_end,
        coalesce(least(cast(l.period_end as date),
                       coalesce(cast(judged_on as date), (select newest_event_on from extent))),
                 cast(l.period_end as date))
                                                                            as reference_on
    from listed l
)

select * from final
