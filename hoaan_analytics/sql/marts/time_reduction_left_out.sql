-- one row per procedure with dossiers resolved (status 9, 10) in [d0, d1] that time_reduction leaves out
-- because the catalogue has no entry for it (METRICS.md §6); `unit_name` NULL = all units.
-- The resolved set is period_list_handled's (METRICS.md §5), not restated here; read as period_dossiers
-- reads it, without period_dossiers' day counts (eight calendar joins and a scan of `dossiers` per call).
create or replace macro time_reduction_left_out(d0, d1, unit_name) as table
with resolved as (
    select *
    from period_list_handled([{'period_name': null::varchar, 'period_start': cast(d0 as date), 'period_end': cast(d1 as date)}],
                             unit_name)
    where is_resolved and is_completed_status(status)
),

final as (
    select
        procedure_code,
        min(procedure_name) as procedure_name,
        count(*)            as dossiers
    from resolved
    where not in_catalogue
    group by procedure_code
)

select * from final
order by dossiers desc, procedure_code
