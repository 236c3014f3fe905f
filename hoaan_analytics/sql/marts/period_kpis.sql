-- one row per group of the dossiers handled in [d0, d1], plus one total row (is_total): the METRICS.md §6 keys
-- e.g. `from period_kpis(DATE '2026-07-01', DATE '2026-09-30', NULL, 'none')`; `unit_name` NULL = all units;
-- `breakdown` 'none' | 'field' | 'procedure' | 'unit'. The one-period form of period_list_kpis.sql.
create or replace macro period_kpis(d0, d1, unit_name, breakdown) as table
with final as (
    select * exclude (period_name)
    from period_list_kpis([{'period_name': null::varchar, 'period_start': cast(d0 as date), 'period_end': cast(d1 as date)}],
                          unit_name, breakdown)
)

select * from final
order by is_total, group_key
