-- one row per group of the dossiers handled in [$d0, $d1], plus one total row (is_total)
-- Parameters: $d0, $d1 (dates), $unit_key (null = all units), $by ('none' | 'field' | 'procedure' | 'unit').
-- Sets: period_handled.sql (composed in front, db.with_relations); keys: METRICS.md §6, docs/kpis.md.
with flagged as (
    -- the sets of METRICS.md §5, stated once in period_handled.sql
    select
        h.*,
        case $by
            when 'field' then h.field_name
            when 'procedure' then h.procedure_code
            when 'unit' then h.unit_key
        end                                                     as group_key
    from period_handled h
),

counted as (
    select
        grouping(group_key) = 1                                                 as is_total,
        group_key,
        min(field_name)                                                         as field_name,
        min(procedure_code)                                                     as procedure_code,
        min(procedure_name)                                                     as procedure_name,
        min(unit_name)                                                          as unit_name,
        count(*) filter (where is_received)                                     as received,
        count(*) filter (where is_received and channel = 2)                     as received_online,
        count(*) filter (where is_received and channel <> 2)                    as received_offline,
        count(*) filter (where not is_received)                                 as carried_over,
        count(*)                                                                as handled,
        count(*) filter (where is_resolved)                                     as resolved,
        count(*) filter (where is_resolved and resolution_class = 'early')      as resolved_early,
        count(*) filter (where is_resolved and resolution_class = 'on_time')    as resolved_on_time,
        count(*) filter (where is_resolved and resolution_class = 'late')       as resolved_late,
        count(*) filter (where not is_resolved)                                 as pending,
        count(*) filter (where not is_resolved and is_in_time_at_reference)     as pending_in_time,
        count(*) filter (where not is_resolved and not is_in_time_at_reference) as pending_overdue,
        count(*) filter (where is_received and has_fee)                         as fee_dossiers,
        count(*) filter (where is_received and is_cashless)                     as fee_dossiers_cashless,
        count(*) filter (where is_received and has_fee and is_paid_online)      as fee_dossiers_paid_online,
        count(*) filter (where is_resolved and counts_for_time_reduction)       as time_reduction_dossiers,
        sum(elapsed_working_days) filter (where is_resolved and counts_for_time_reduction)
                                                                                as elapsed_working_days,
        sum(statutory_days) filter (where is_resolved and counts_for_time_reduction)
                                                                                as statutory_working_days,
        -- elapsed ≤ 0.7 × statutory, in integers so that no rounding decides a boundary case
        count(*) filter (where is_resolved and counts_for_time_reduction
                         and 10 * elapsed_working_days <= 7 * statutory_days)   as within_70pct_dossiers,
        count(*) filter (where is_resolved and is_rated)                        as rated,
        count(*) filter (where is_resolved and is_satisfied)                    as satisfied
    from flagged
    group by rollup (group_key)
),

final as (
    select
        is_total,
        group_key,
        field_name,
        procedure_code,
        procedure_name,
        unit_name,
        received,
        received_online,
        received_offline,
        carried_over,
        handled,
        resolved,
        resolved_early,
        resolved_on_time,
        resolved_late,
        pending,
        pending_in_time,
        pending_overdue,
        fee_dossiers,
        -- a ratio with a zero denominator is null (METRICS.md §6)
        (resolved_early + resolved_on_time) / nullif(resolved, 0)                    as on_time_rate,
        (resolved_early + resolved_on_time + pending_in_time) / nullif(handled, 0)   as progress_rate,
        received_online / nullif(received, 0)                                        as online_share,
        fee_dossiers_cashless / nullif(fee_dossiers, 0)                              as cashless_share,
        fee_dossiers_paid_online / nullif(fee_dossiers, 0)                           as online_payment_share,
        1 - elapsed_working_days / nullif(statutory_working_days, 0)                 as time_reduction,
        within_70pct_dossiers / nullif(time_reduction_dossiers, 0)                   as within_70pct_share,
        satisfied / nullif(rated, 0)                                                 as satisfaction_rate,
        time_reduction_dossiers,
        rated
    from counted
    where is_total or $by <> 'none'
)

select * from final
order by is_total, group_key
