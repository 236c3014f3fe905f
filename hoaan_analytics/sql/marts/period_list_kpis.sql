-- one row per (period of `periods`, group) of the dossiers handled in it, plus one total row per period (is_total)
-- `unit_name`: NULL = all units; `breakdown`: 'none' | 'field' | 'procedure' | 'unit'.
-- Sets: period_list_handled.sql; keys: METRICS.md §6, docs/kpis.md. period_kpis(d0, d1, ...) is its
-- one-period form; kpis.kpi_table(by='month') passes the months of a period in one call.
-- `judged_on`, `facts_relation`: see period_list_handled (defaults: the stored dossiers as they are).
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro period_list_kpis(periods, unit_name, breakdown, judged_on := NULL,
                                         facts_relation := 'dossier_facts') as table
with periods_listed as (
    select period_name from period_list_bounds(periods)
),

flagged as (
    -- every period keeps its total row, all zeros when it handled nothing: the counts below skip the
    -- padding row of such a period (its flags are null)
    select
        p.period_name                                                               as p_name,
        h.*,
        case breakdown
            when 'none' then null
            when 'field' then h.field_name
            when 'procedure' then h.procedure_code
            when 'unit' then h.unit_key
            else error('unknown breakdown ' || breakdown || ': use none, field, procedure or unit')
        end                                                                         as group_key
    from periods_listed p
    left join period_list_handled(periods, unit_name, judged_on := judged_on, facts_relation := facts_relation) h
           on h.period_name is not distinct from p.period_name
),

counted as (
    select
        grouping(f.group_key) = 1                                                   as is_total,
        p_name                                                                      as period_name,
        f.group_key,
        min(f.field_name)                                                           as field_name,
        min(f.procedure_code)                                                       as procedure_code,
        min(f.procedure_name)                                                       as procedure_name,
        min(f.unit_name)                                                            as group_unit_name,
        count(*) filter (where f.is_received)                                       as received,
        count(*) filter (where f.is_received and f.is_online)                       as received_online,
        count(*) filter (where f.is_received and not f.is_online)                   as received_offline,
        count(*) filter (where not f.is_received)                                   as carried_over,
        count(f.dossier_id)                                                         as handled,
        count(*) filter (where f.is_resolved)                                       as resolved,
        count(*) filter (where f.is_resolved and f.resolution_class = 'early')      as resolved_early,
        count(*) filter (where f.is_resolved and f.resolution_class = 'on_time')    as resolved_on_time,
        count(*) filter (where f.is_resolved and f.resolution_class = 'late')       as resolved_late,
        count(*) filter (where not f.is_resolved)                                   as pending,
        count(*) filter (where f.is_pending_in_time)                                as pending_in_time,
        count(*) filter (where f.is_pending_overdue)                                as pending_overdue,
        count(*) filter (where f.is_received and f.has_fee)                         as fee_dossiers,
        count(*) filter (where f.is_received and f.is_cashless)                     as fee_dossiers_cashless,
        count(*) filter (where f.is_received and f.has_fee and f.is_paid_online)    as fee_dossiers_paid_online,
        count(*) filter (where f.is_resolved and f.counts_for_time_reduction)       as time_reduction_dossiers,
        sum(f.elapsed_working_days) filter (where f.is_resolved and f.counts_for_time_reduction)
                                                                                    as elapsed_working_days,
        sum(f.statutory_days) filter (where f.is_resolved and f.counts_for_time_reduction)
                                                                                    as statutory_working_days,
        -- elapsed ≤ 0.7 × statutory, in integers so that no rounding decides a boundary case
        count(*) filter (where f.is_resolved and f.counts_for_time_reduction
                         and 10 * f.elapsed_working_days <= 7 * f.statutory_days)   as within_70pct_dossiers,
        count(*) filter (where f.is_resolved and f.is_rated)                        as rated,
        count(*) filter (where f.is_resolved and f.is_satisfied)                    as satisfied
    from flagged f
    group by grouping sets ((p_name, f.group_key), (p_name))
),

final as (
    select
        c.is_total,
        c.period_name,
        c.group_key,
        c.field_name,
        c.procedure_code,
        c.procedure_name,
        c.group_unit_name                                                           as unit_name,
        c.received,
        c.received_online,
        c.received_offline,
        c.carried_over,
        c.handled,
        c.resolved,
        c.resolved_early,
        c.resolved_on_time,
        c.resolved_late,
        c.pending,
        c.pending_in_time,
        c.pending_overdue,
        c.fee_dossiers,
        -- a ratio with a zero denominator is null (METRICS.md §6)
        (c.resolved_early + c.resolved_on_time) / nullif(c.resolved, 0)                     as on_time_rate,
        (c.resolved_early + c.resolved_on_time + c.pending_in_time) / nullif(c.handled, 0)  as progress_rate,
        c.received_online / nullif(c.received, 0)                                           as online_share,
        c.fee_dossiers_cashless / nullif(c.fee_dossiers, 0)                                 as cashless_share,
        c.fee_dossiers_paid_online / nullif(c.fee_dossiers, 0)                              as online_payment_share,
        1 - c.elapsed_working_days / nullif(c.statutory_working_days, 0)                    as time_reduction,
        c.within_70pct_dossiers / nullif(c.time_reduction_dossiers, 0)                      as within_70pct_share,
        c.satisfied / nullif(c.rated, 0)                                                    as satisfaction_rate,
        c.time_reduction_dossiers,
        c.rated
    from counted c
    where c.is_total or (breakdown <> 'none' and c.handled > 0)
)

select * from final
order by period_name, is_total, group_key
