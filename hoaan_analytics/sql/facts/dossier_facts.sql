-- one row per received dossier: everything about it that does not depend on the reporting period
-- Materialised as a table by models.refresh so that a period query is one pass over this table.
-- Rules: METRICS.md §3 (wd: the macro working_days_between), §5 (due date from the catalogue, effective
-- end, early/on time/late), §6 (time_reduction terms, fee, payment and rating flags: text compares
-- through the macro text_key). Definitions: docs/kpis.md.
-- The rules are the table macro dossier_facts_of(dossier_relation), over the name of a relation with
-- stg_dossiers' columns: the table dossier_facts is dossier_facts_of('stg_dossiers'); the month-end
-- projection (sql/worklist/projection766.sql) applies the same rules to a scenario's dossiers.
create or replace macro dossier_facts_of(dossier_relation := 'stg_dossiers') as table
with dossiers as (
    select * from query_table(dossier_relation)
),

catalogue as (
    select * from stg_procedures
),

calendar as (
    select day, is_working_day, working_day_index from calendar_days
),

working_days as (
    select * from stg_working_days
),

dated as (
    select
        d.*,
        cast(d.received_at as date)                 as received_on,
        cast(d.due_at as date)                      as exported_due_on,
        cast(d.finished_at as date)                 as finished_on,
        cast(d.supplement_requested_at as date)     as supplement_requested_on,
        cast(d.supplement_completed_at as date)     as supplement_completed_on,
        -- the pause is a timestamp duration, only when both ends are known; below zero (a data
        -- error) it counts as no pause (METRICS.md §5)
        case
            when d.supplement_requested_at is not null and d.supplement_completed_at is not null
            then greatest(d.supplement_completed_at - d.supplement_requested_at, interval 0 second)
        end                                         as supplement_pause,
        c.statutory_days,
        c.cutoff_15h,
        c.has_fee                                   as procedure_has_fee,
        c.paper_result                              as procedure_paper_result,
        c.procedure_code is not null                as in_catalogue
    from dossiers d
    left join catalogue c on c.procedure_code = d.procedure_code
),

indexed as (
    -- the received day's running working-day index: the due date is the working day n indexes later
    select
        d.*,
        rc.working_day_index                        as received_day_index,
        rc.is_working_day                           as received_on_working_day,
        -- n of METRICS.md §5: the limit, plus one when received at or after 15:00 under the 15:00 rule
        d.statutory_days
            + case when d.cutoff_15h and cast(d.received_at as time) >= time '15:00:00' then 1 else 0 end
                                                    as due_working_days
    from dated d
    left join calendar rc on rc.day = d.received_on
),

catalogue_due as (
    -- the working day d with wd(received, d) = n; for n = 0 the day itself, or the next working day
    select
        i.*,
        i.received_day_index + i.due_working_days
            + case when i.due_working_days = 0 and not i.received_on_working_day then 1 else 0 end
                                                    as due_day_index
    from indexed i
),

due as (
    select
        c.*,
        coalesce(c.exported_due_on, w.day)          as due_on,
        case
            when c.exported_due_on is not null then 'export'
            when w.day is not null then 'catalogue'
        end                                         as due_source
    from catalogue_due c
    left join working_days w on w.working_day_index = c.due_day_index
),

final as (
    select
        dossier_id,
        procedure_code,
        procedure_name,
        field_code,
        field_name,
        unit_name,
        unit_key,
        channel,
        status,
        channel = 2                                 as is_online,
        is_closing_status(status)                   as is_closed,
        received_on,
        finished_on,
        supplement_requested_on,
        supplement_completed_on,
        supplement_count,
        due_on,
        due_source,
        cast(finished_at - coalesce(supplement_pause, interval 0 second) as date)
                                                    as effective_end_on,
        -- only read for resolved dossiers; a missing due date compares as unknown, so such a
        -- dossier is late only through its supplement count (docs/kpis.md)
        case
            when cast(finished_at - coalesce(supplement_pause, interval 0 second) as date) > due_on
                 or supplement_count > 1 then 'late'
            when cast(finished_at - coalesce(supplement_pause, interval 0 second) as date) < due_on then 'early'
            else 'on_time'
        end                                         as resolution_class,
        in_catalogue,
        statutory_days,
        working_days_between(received_on, finished_on)
            - working_days_between(supplement_requested_on, supplement_completed_on)   -- 0 without a pause
                                                    as elapsed_working_days,
        is_completed_status(status) and coalesce(statutory_days >= 1, false)
                                                    as counts_for_time_reduction,
        coalesce(fee_amount > 0, false)             as has_fee,
        coalesce(fee_amount > 0, false)
            and coalesce(text_key(payment_method), '') not in ('', 'tiền mặt')
                                                    as is_cashless,
        -- paid on the national portal (1) or the local payment gateway (2), METRICS.md §2
        coalesce(paid_online in (1, 2), false)      as is_paid_online,
        rating is not null                          as is_rated,
        coalesce(text_key(rating) in ('rất hài lòng', 'hài lòng'), false)
                                                    as is_satisfied,
        coalesce(text_key(rating) = 'không hài lòng', false)
                                                    as is_disliked,
        -- for the 766 scorecard (METRICS.md §9): raw values, null = unknown, read there with SQL's
        -- three-valued logic; the catalogue's columns are null for a procedure it does not list
        fee_amount,
        paid_online,
        rating,
        applicant_type,
        submitted_at,
        has_component_files,
        has_reused_data,
        from_citizen_store,
        has_result_file,
        vneid_verified,
        has_complaint,
        procedure_has_fee,
        procedure_paper_result
    from due
)

select * from final
