-- one row per (unit, METRICS.md §6 key) of the period [d0, d1]: the unit's value, its rank and the units' median
-- e.g. `from period_unit_comparison(DATE '2026-07-01', DATE '2026-09-30') where kpi = 'on_time_rate'`.
-- The one statement of the comparison across units (report 05): rank 1 = best (highest), ties share a rank,
-- a unit with no value is unranked; the median is over the units with a value. Counts come as doubles,
-- with no `dossiers`; for a ratio, `dossiers` is the count it is taken over (or the nearest §6 count:
-- time_reduction and satisfaction_rate run over subsets of the resolved dossiers).
create or replace macro period_unit_comparison(d0, d1) as table
with by_unit as (
    select * from period_kpis(d0, d1, null, 'unit') where not is_total
),

counts as (
    -- the §6 counts, as doubles, with no `dossiers`
    from (
        select
            u.unit_name,
            cast(columns(['received', 'received_online', 'received_offline', 'carried_over', 'handled', 'resolved',
                          'resolved_early', 'resolved_on_time', 'resolved_late', 'pending', 'pending_in_time',
                          'pending_overdue', 'fee_dossiers']) as double)
        from by_unit u
    )
    unpivot include nulls (value for kpi in (columns(* exclude (unit_name))))
),

long as (
    select c.unit_name, c.kpi, c.value, null::bigint as dossiers
    from counts c
    union all by name
    -- the ratios, each with the count it is taken over
    select
        u.unit_name,
        unnest([
            {'kpi': 'on_time_rate', 'value': u.on_time_rate, 'dossiers': u.resolved},
            {'kpi': 'progress_rate', 'value': u.progress_rate, 'dossiers': u.handled},
            {'kpi': 'online_share', 'value': u.online_share, 'dossiers': u.received},
            {'kpi': 'cashless_share', 'value': u.cashless_share, 'dossiers': u.fee_dossiers},
            {'kpi': 'online_payment_share', 'value': u.online_payment_share, 'dossiers': u.fee_dossiers},
            {'kpi': 'time_reduction', 'value': u.time_reduction, 'dossiers': u.resolved},
            {'kpi': 'within_70pct_share', 'value': u.within_70pct_share, 'dossiers': u.resolved},
            {'kpi': 'satisfaction_rate', 'value': u.satisfaction_rate, 'dossiers': u.resolved}
        ], recursive := true)
    from by_unit u
),

ranked as (
    select
        l.kpi,
        l.unit_name,
        l.value,
        l.dossiers,
        case when l.value is not null
             then rank() over (partition by l.kpi order by l.value desc nulls last) end     as rank,
        median(l.value) over (partition by l.kpi)                                          as median
    from long l
),

final as (
    select
        kpi,
        rank,
        unit_name,
        value,
        dossiers,
        median,
        value - median                                                                      as gap_to_median
    from ranked
)

select * from final
order by kpi, value desc nulls last, unit_name
