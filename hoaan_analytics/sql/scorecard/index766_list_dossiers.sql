-- one row per (period of `periods`, handled dossier, §9 indicator whose denominator counts it), within `unit_name`
-- METRICS.md §9 with the sets of §5 (period_list_handled, their one statement). `meets` is the indicator's
-- condition under SQL's three-valued logic: null when a flag it needs is null (the dossier is then `unknown`).
-- `reason` names what cost the point when `meets` is false (report 07), never a personal value.
-- `judged_on`, `facts_relation`: see period_list_handled (defaults: the stored dossiers as they are).
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro index766_list_dossiers(periods, unit_name, judged_on := NULL,
                                               facts_relation := 'dossier_facts') as table
with handled as (
    select * from period_list_handled(periods, unit_name, judged_on := judged_on, facts_relation := facts_relation)
),

judged as (
    -- 2.1's condition, which 5.4 reuses: resolved early or on time, or pending in time at r
    select
        h.*,
        coalesce(h.is_resolved and h.resolution_class in ('early', 'on_time'), false)
            or coalesce(not h.is_resolved and h.is_pending_in_time, false)     as is_handled_in_time,
        case
            when h.is_resolved and h.resolution_class = 'late' and h.supplement_count > 1
                then 'repeated_supplement'
            when h.is_resolved and h.resolution_class = 'late' then 'resolved_late'
            when not h.is_resolved and h.is_pending_overdue and h.supplement_count > 1
                then 'repeated_supplement'
            when not h.is_resolved and h.is_pending_overdue and h.is_waiting_for_applicant
                then 'waiting_after_due'
            when not h.is_resolved and h.is_pending_overdue then 'pending_overdue'
        end                                                                     as time_reason
    from handled h
),

measured as (
    -- one struct per indicator the dossier counts in (`counts` false: not in that denominator)
    select
        j.*,
        unnest([
            {'indicator_id': '2.1', 'counts': true,
             'meets': j.is_handled_in_time,
             'reason': j.time_reason},
            -- the catalogue's columns decide 3.3, 3.5, 3.6, 4.1 and 4.2: unknown there leaves the dossier out
            {'indicator_id': '3.3', 'counts': j.is_received and j.procedure_paper_result is not null,
             'meets': j.channel = 2 and (not j.procedure_paper_result or j.has_result_file),
             'reason': case when j.channel <> 2 then 'not_online' else 'no_result_file' end},
            {'indicator_id': '3.5', 'counts': j.is_received and coalesce(j.procedure_has_fee, false),
             'meets': j.is_paid_online,
             'reason': 'not_paid_online'},
            -- a fee_amount of null is not 0: only a stated 0 leaves the dossier out
            {'indicator_id': '3.6', 'counts': j.is_received and coalesce(j.procedure_has_fee, false)
                                               and coalesce(j.fee_amount <> 0, true),
             'meets': j.is_paid_online,
             'reason': 'not_paid_online'},
            {'indicator_id': '4.1', 'counts': j.is_received and coalesce(j.procedure_paper_result, false),
             'meets': j.has_result_file,
             'reason': 'no_result_file'},
            {'indicator_id': '4.2', 'counts': j.is_received and j.procedure_paper_result is not null,
             'meets': j.has_component_files and (not j.procedure_paper_result or j.has_result_file),
             'reason': case when not j.has_component_files then 'not_digitised' else 'no_result_file' end},
            {'indicator_id': '4.3', 'counts': j.is_received,
             'meets': j.has_reused_data,
             'reason': 'no_reused_data'},
            {'indicator_id': '4.4', 'counts': j.is_received,
             'meets': j.from_citizen_store,
             'reason': 'not_from_citizen_store'},
            {'indicator_id': '4.5', 'counts': j.is_received,
             'meets': j.vneid_verified,
             'reason': 'not_vneid_verified'},
            -- 2.1 and 5.4 read a null flag as 0, so they never have unknown members
            {'indicator_id': '5.4', 'counts': true,
             'meets': j.is_handled_in_time and not coalesce(j.has_complaint, false) and not j.is_disliked,
             'reason': case
                 when not j.is_handled_in_time then j.time_reason
                 when coalesce(j.has_complaint, false) then 'complaint'
                 else 'disliked'
             end}
        ]) as indicator
    from judged j
),

final as (
    select
        m.period_name,
        m.period_start,
        m.period_end,
        m.reference_on,
        m.indicator.indicator_id                                    as indicator_id,
        m.dossier_id,
        m.unit_name,
        m.unit_key,
        m.procedure_code,
        m.procedure_name,
        m.field_name,
        m.indicator.meets                                           as meets,
        case
            when m.indicator.meets is null then 'unknown_flag'
            when not m.indicator.meets then m.indicator.reason
        end                                                         as reason
    from measured m
    where m.indicator.counts
)

select * from final
