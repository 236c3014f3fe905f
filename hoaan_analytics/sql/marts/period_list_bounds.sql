-- one row per period of the list `periods` ({period_name, period_start, period_end} structs): its bounds and reference date r
-- r = min(period_end, the newest event among all stored dossiers, whatever the scope); with no dossiers, r = period_end
-- (METRICS.md §5). A running period judges open dossiers on the data's last day, not on a day to come.
-- The one statement of r; period_bounds(d0, d1) is its one-period form.
create or replace macro period_list_bounds(periods) as table
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
        coalesce(least(cast(l.period_end as date), (select newest_event_on from extent)),
                 cast(l.period_end as date))
                                                                            as reference_on
    from listed l
)

select * from final
