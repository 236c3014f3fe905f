-- one row: the period [d0, d1] and its reference date r (METRICS.md §5), e.g. `from period_bounds(DATE '2026-07-01', DATE '2026-09-30')`
-- r is stated once, in period_list_bounds.sql.
create or replace macro period_bounds(d0, d1) as table
with final as (
    select period_start, period_end, reference_on
    from period_list_bounds([{'period_name': null::varchar, 'period_start': cast(d0 as date), 'period_end': cast(d1 as date)}])
)

select * from final
