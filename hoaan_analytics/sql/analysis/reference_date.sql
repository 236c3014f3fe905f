-- one row: the reference date r of a period, min($d1, the newest event of all stored dossiers) (METRICS.md §5)
-- The same rule as the `bounds` CTE of sql/marts/period_kpis.sql; with no dossiers, r = $d1.
with extent as (
    select newest_event_on from dossier_extent
),

final as (
    select coalesce(least($d1::date, (select newest_event_on from extent)), $d1::date) as reference_on
)

select * from final
