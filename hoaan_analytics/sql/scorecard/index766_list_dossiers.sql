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
    -- one row per indicator the dossier may count in (`counts` false: not in that denominator); one branch per
    -- indicator rather than unnest of a list of ten structs: the same rows, and a caller's filter on `meets`
    -- (the work list's lost points) applies inside each branch instead of after ten rows per dossier
    select j.*, '2.1' as indicator_id, true as counts,
           j.is_handled_in_time as meets,
           j.time_reason as reason
    from judged j
    union all
    -- the catalogue's columns decide 3.3, 3.5, 3.6, 4.1 and 4.2: unknown there leaves the dossier out
    select j.*, '3.3', j.is_received and j.procedure_paper_result is not null,
           j.channel = 2 and (not j.procedure_paper_result or j.has_result_file),
           case when j.channel <> 2 then 'not_online' else 'no_result_file' end
    from judged j
    union all
    select j.*, '3.5', j.is_received and coalesce(j.procedure_has_fee, false),
           j.is_paid_online,
           'not_paid_online'
    from judged j
    union all
    -- a fee_amount of null is not 0: only a stated 0 leaves the dossier out
    select j.*, '3.6', j.is_received and coalesce(j.procedure_has_fee, false) and coalesce(j.fee_amount <> 0, true),
           j.is_paid_online,
           'not_paid_online'
    from judged j
    union all
    select j.*, '4.1', j.is_received and coalesce(j.procedure_paper_result, false),
           j.has_result_file,
           'no_result_file'
    from judged j
    union all
    select j.*, '4.2', j.is_received and j.procedure_paper_result is not null,
           j.has_component_files and (not j.procedure_paper_result or j.has_result_file),
           case when not j.has_component_files then 'not_digitised' else 'no_result_file' end
    from judged j
    union all
    select j.*, '4.3', j.is_received,
           j.has_reused_data,
           'no_reused_data'
    from judged j
    union all
    select j.*, '4.4', j.is_received,
           j.from_citizen_store,
           'not_from_citizen_store'
    from judged j
    union all
    select j.*, '4.5', j.is_received,
           j.vneid_verified,
           'not_vneid_verified'
    from judged j
    union all
    -- 2.1 and 5.4 read a null flag as 0, so they never have unknown members
    select j.*, '5.4', true,
           j.is_handled_in_time and not coalesce(j.has_complaint, false) and not j.is_disliked,
           case
               when not j.is_handled_in_time then j.time_reason
               when coalesce(j.has_complaint, false) then 'complaint'
               else 'disliked'
           end
    from judged j
),

final as (
    select
        m.period_name,
        m.period_start,
        m.period_end,
        m.reference_on,
        m.indicator_id,
        m.dossier_id,
        m.unit_name,
        m.unit_key,
        m.procedure_code,
        m.procedure_name,
        m.field_name,
        m.meets,
        case
            when m.meets is null then 'unknown_flag'
            when not m.meets then m.reason
        end                                                         as reason
    from measured m
    where m.counts
)

select * from final
