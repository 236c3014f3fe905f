-- one row per procedure with dossiers resolved (status 9, 10) in [$d0, $d1] that time_reduction leaves out
-- because the catalogue has no entry for it (METRICS.md §6); $unit_key null = all units.
with resolved as (
    select *
    from dossier_facts
    where ($unit_key is null or unit_key = $unit_key)
      and status in (9, 10)
      and finished_on between $d0::date and $d1::date
      and received_on <= $d1::date
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
