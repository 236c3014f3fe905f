-- one row per procedure with dossiers resolved (status 9, 10) in [d0, d1] that time_reduction leaves out
-- because the catalogue has no entry for it (METRICS.md §6); `unit_name` NULL = all units.
-- The resolved set is period_dossiers' (METRICS.md §5), not restated here.
create or replace macro time_reduction_left_out(d0, d1, unit_name) as table
with resolved as (
    select *
    from period_dossiers(d0, d1, unit_name)
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
