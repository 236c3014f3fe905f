-- one row per procedure with dossiers resolved in the period that count for time_reduction, plus one total row (is_total)
-- The dossiers of time_reduction (METRICS.md §6): status 9 or 10, procedure in the catalogue with
-- statutory_days ≥ 1. Besides the elapsed time, where the rest of the time goes: the supplementation
-- pause (not counted in elapsed), the working days past the due date, the wait from finishing to returning.
-- The per-procedure time_reduction and within-70% share follow the rules of the KPIs (period_list_kpis.sql).
with counted as (
    select * from period_dossiers($d0, $d1, $unit_name)
    where is_resolved and counts_for_time_reduction
),

grouped as (
    select
        grouping(procedure_code) = 1                                    as is_total,
        procedure_code,
        min(procedure_name)                                             as procedure_name,
        min(field_name)                                                 as field_name,
        min(statutory_days)                                             as statutory_days,
        count(*)                                                        as dossiers,
        count(distinct procedure_code)                                  as procedures,
        sum(elapsed_working_days)                                       as elapsed_working_days,
        sum(statutory_days)                                             as statutory_working_days,
        avg(elapsed_working_days)                                       as mean_elapsed_working_days,
        -- elapsed ≤ 0.7 × statutory, in integers so that no rounding decides a boundary case
        count(*) filter (where 10 * elapsed_working_days <= 7 * statutory_days)
                                                                        as within_70pct_dossiers,
        count(*) filter (where elapsed_working_days > statutory_days)   as over_limit_dossiers,
        count(*) filter (where supplement_pause_working_days is not null)
                                                                        as paused_dossiers,
        avg(supplement_pause_working_days)                              as mean_supplement_pause_working_days,
        sum(supplement_pause_working_days)                              as supplement_pause_working_days,
        count(*) filter (where resolution_class = 'late')               as late_dossiers,
        avg(working_days_late)                                          as mean_working_days_late,
        sum(working_days_late)                                          as working_days_late,
        avg(working_days_to_return)                                     as mean_working_days_to_return
    from counted
    group by grouping sets ((procedure_code), ())
),

final as (
    select
        *,
        1 - elapsed_working_days / statutory_working_days               as time_reduction,
        within_70pct_dossiers / dossiers                                as within_70pct_share
    from grouped
    -- the total row only when there is something to total
    where not is_total or dossiers > 0
)

select * from final
