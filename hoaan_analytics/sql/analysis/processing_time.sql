-- one row per procedure with dossiers resolved in the period that count for time_reduction
-- The dossiers of time_reduction (METRICS.md §6): status 9 or 10, procedure in the catalogue with
-- statutory_days ≥ 1. Besides the elapsed time, where the rest of the time goes: the supplementation
-- pause (not counted in elapsed), the working days past the due date, the wait from finishing to returning.
with counted as (
    select * from period_dossiers
    where is_resolved and counts_for_time_reduction
),

final as (
    select
        procedure_code,
        min(procedure_name)                                             as procedure_name,
        min(field_name)                                                 as field_name,
        min(statutory_days)                                             as statutory_days,
        count(*)                                                        as dossiers,
        sum(elapsed_working_days)                                       as elapsed_working_days,
        sum(statutory_days)                                             as statutory_working_days,
        avg(elapsed_working_days)                                       as mean_elapsed_working_days,
        count(*) filter (where 10 * elapsed_working_days <= 7 * statutory_days)
                                                                        as within_70pct_dossiers,
        count(*) filter (where elapsed_working_days > statutory_days)   as over_limit_dossiers,
        count(*) filter (where supplement_pause_working_days is not null)
                                                                        as paused_dossiers,
        avg(supplement_pause_working_days)                              as mean_supplement_pause_working_days,
        count(*) filter (where resolution_class = 'late')               as late_dossiers,
        avg(working_days_late)                                          as mean_working_days_late,
        avg(working_days_to_return)                                     as mean_working_days_to_return
    from counted
    group by procedure_code
)

select * from final
