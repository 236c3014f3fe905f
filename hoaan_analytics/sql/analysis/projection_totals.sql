-- one row per projected period ('month' | 'quarter' of $as_of) within $unit_name: the two scenarios' total points and plan rates side by side
-- The total is the scorecard's (index766_list_groups): the sum of the computable indicators' points that have
-- points, against the sum of those indicators' maxima. The rows come from the stored macro `projection766`.
with measures as (
    select p.*
    from projection766(as_of := $as_of, unit := $unit_name) p
),

per_scenario as (
    select
        period,
        period_name,
        period_start,
        period_end,
        scenario,
        sum(points) filter (where measure_kind = 'indicator')                                       as points,
        sum(max_points) filter (where measure_kind = 'indicator' and points is not null)            as max_points,
        max(rate) filter (where measure_kind = 'plan' and measure_id = 'on_time_rate')              as on_time_rate,
        max(rate) filter (where measure_kind = 'plan' and measure_id = 'progress_rate')             as progress_rate
    from measures
    group by all
),

final as (
    select
        period,
        period_name,
        period_start,
        period_end,
        max(points) filter (where scenario = 'none_close')                                          as none_close_points,
        max(points) filter (where scenario = 'listed_close_on_due')                                 as listed_close_on_due_points,
        round(max(points) filter (where scenario = 'listed_close_on_due')
              - max(points) filter (where scenario = 'none_close'), 2)                              as points_difference,
        max(max_points) filter (where scenario = 'none_close')                                      as none_close_max_points,
        max(max_points) filter (where scenario = 'listed_close_on_due')                             as listed_close_on_due_max_points,
        max(on_time_rate) filter (where scenario = 'none_close')                                    as none_close_on_time_rate,
        max(on_time_rate) filter (where scenario = 'listed_close_on_due')                           as listed_close_on_due_on_time_rate,
        max(progress_rate) filter (where scenario = 'none_close')                                   as none_close_progress_rate,
        max(progress_rate) filter (where scenario = 'listed_close_on_due')                          as listed_close_on_due_progress_rate
    from per_scenario
    group by all
)

select * from final
order by period_end, period_start desc
