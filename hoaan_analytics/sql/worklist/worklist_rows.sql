-- one row per dossier open at the end of `as_of` that needs acting on, and one per (dossier closed in as_of's month, 766 point it lost or can still win)
-- within `unit_name` (NULL = all units), in no order: the rules of the work list, for what counts its rows (worklist_units,
-- the report's counts) without sorting them; the list in its order is `worklist` (worklist.sql) over this macro.
-- The period is [first day of as_of's month, as_of]: its pending set P judged at r (METRICS.md §5) comes from
-- period_list_handled, the lost points and their reasons from index766_dossiers (§9); neither rule is restated here.
-- working_days_left = wd(as_of, due date) of §3, negative when the due date has passed. What is kept, and which
-- closed-dossier point is 'lost' or 'can_win': docs/index766.md, "Work list". No personal data: dossier_facts holds none.
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro worklist_rows(as_of, unit_name, within_working_days := 3) as table
with handled as (
    select h.*
    from period_list_handled([{'period_name': null::varchar,
                               'period_start': cast(date_trunc('month', cast(as_of as date)) as date),
                               'period_end': cast(as_of as date)}],
                             unit_name) h
),

point_kinds as (
    -- whether a point a closed dossier lost can still change before the portal scores the month: 'lost' when it
    -- rests on a date, a count, a complaint or a rating; 'can_win' when it rests on a flag of the synced record
    -- (a file, a payment, a link) that the unit can complete and sync again. 3.3 (no points for a commune) and
    -- 3.5 (counted per procedure, not per dossier) are not listed. Why, each: docs/index766.md "Work list".
    select k.indicator_id, k.kind
    from (values ('2.1', 'lost'), ('3.6', 'can_win'), ('4.1', 'can_win'), ('4.2', 'can_win'), ('4.3', 'can_win'),
                 ('4.4', 'can_win'), ('4.5', 'lost'), ('5.4', 'lost')) as k(indicator_id, kind)
),

lost_points as (
    -- the scorecard's verdict for the same period and scope: only what it counts as not met
    -- (an unknown flag, meets null, is nothing to act on from the dossier list), and only the indicators the
    -- list names (point_kinds): 3.3 and 3.5 never reach the joins below
    select s.dossier_id, s.indicator_id, k.kind, s.reason
    from index766_dossiers(cast(date_trunc('month', cast(as_of as date)) as date), cast(as_of as date), unit_name) s
    join point_kinds k on k.indicator_id = s.indicator_id
    where not s.meets
),

calendar as (
    select c.day, c.working_day_index from calendar_days c
),

open_dossiers as (
    -- P of §5: handled and not resolved by the end of as_of; wd(as_of, due) = index(due) − index(as_of)
    select
        h.*,
        last_day(h.period_end)                                                  as month_end,
        due.working_day_index - today.working_day_index                         as working_days_left,
        -- the status it had on the day it is judged (r), from the stored dates (docs/index766.md "Work list"):
        -- 5 while waiting for the applicant at r; 4 Đang xử lý when the status now is one it reached after r
        -- (a closing status: still open at r; 5 with a request date: asked after r, or answered by r); else
        -- as exported (2, 4, 6, or 5 without a request date: no stored date says when it was reached)
        case
            when h.is_waiting_for_applicant then cast(5 as utinyint)
            when is_closing_status(h.status) then cast(4 as utinyint)
            when h.status = 5 and h.supplement_requested_on is not null then cast(4 as utinyint)
            else h.status
        end                                                                     as status_on_as_of
    from handled h
    left join calendar today on today.day = h.period_end
    left join calendar due on due.day = h.due_on
    where not h.is_resolved
),

open_rows as (
    select
        'open'                                                                  as row_kind,
        o.dossier_id,
        o.procedure_code,
        o.procedure_name,
        o.unit_name,
        o.unit_key,
        o.field_name,
        o.received_on,
        o.due_on,
        cast(null as date)                                                      as finished_on,
        o.working_days_left,
        o.status,
        o.status_on_as_of,
        -- today's status beside it only where it differs
        case when o.status is distinct from o.status_on_as_of then o.status end  as status_now,
        o.supplement_count,
        o.is_waiting_for_applicant,
        o.is_pending_overdue,
        cast(null as varchar)                                                   as indicator_id,
        cast(null as varchar)                                                   as kind,
        case
            -- overdue: the scorecard's own reason for 2.1 (repeated_supplement, waiting_after_due, pending_overdue)
            when o.is_pending_overdue then t.reason
            when o.is_waiting_for_applicant then 'waiting_for_applicant'
            -- in time although the appointment has passed: a supplementation pause moved the portal's end, or
            -- as_of lies after the data's last day (r < as_of)
            when o.working_days_left < 0 then 'past_due_in_time'
            when o.working_days_left <= cast(within_working_days as integer) then 'due_within'
            else 'due_this_month'
        end                                                                     as reason,
        o.period_start,
        o.reference_on
    from open_dossiers o
    left join lost_points t on t.dossier_id = o.dossier_id and t.indicator_id = '2.1'
    where o.is_pending_overdue
       or o.working_days_left <= cast(within_working_days as integer)
       or o.due_on <= o.month_end
),

closed_points as (
    -- each 766 point a dossier resolved in the period lost, with the scorecard's reason
    select p.dossier_id, p.indicator_id, p.kind, p.reason
    from lost_points p
    union all
    -- no rating yet costs no 766 point (§9 reads only a dislike) but is missing from the plan's satisfaction_rate
    select h.dossier_id, 'satisfaction', 'can_win', 'not_rated'
    from handled h
    where h.is_resolved and not h.is_rated
),

closed_rows as (
    select
        'closed'                                                                as row_kind,
        h.dossier_id,
        h.procedure_code,
        h.procedure_name,
        h.unit_name,
        h.unit_key,
        h.field_name,
        h.received_on,
        h.due_on,
        h.finished_on,
        cast(null as integer)                                                   as working_days_left,
        h.status,
        -- resolved by as_of: its closing status (a later 9 -> 10 is not dated in dossier_facts)
        h.status                                                                as status_on_as_of,
        cast(null as utinyint)                                                  as status_now,
        h.supplement_count,
        cast(null as boolean)                                                   as is_waiting_for_applicant,
        cast(null as boolean)                                                   as is_pending_overdue,
        c.indicator_id,
        c.kind,
        c.reason,
        h.period_start,
        h.reference_on
    from handled h
    join closed_points c on c.dossier_id = h.dossier_id
    where h.is_resolved
),

final as (
    select * from open_rows
    union all
    select * from closed_rows
)

select f.* from final f
