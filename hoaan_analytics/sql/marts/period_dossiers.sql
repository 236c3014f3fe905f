-- one row per dossier handled in [d0, d1] within `unit_name` (NULL = all units), with its §5 flags and day counts
-- e.g. `from period_dossiers(DATE '2026-07-01', DATE '2026-09-30', NULL) where is_pending_overdue`.
-- The sets come from period_list_handled.sql (their one statement); the detail analyses (sql/analysis/)
-- read this macro. No personal data: dossier_facts holds none.
-- Day counts are working days: wd(a, b) of METRICS.md §3, the macro working_days_between.
create or replace macro period_dossiers(d0, d1, unit_name) as table
with handled as (
    select * exclude (period_name)
    from period_list_handled([{'period_name': null::varchar, 'period_start': cast(d0 as date), 'period_end': cast(d1 as date)}],
                             unit_name)
),

returns as (
    select dossier_id, cast(returned_at as date) as returned_on from dossiers
),

counted as (
    select
        h.*,
        r.returned_on,
        -- working days from the due date to r for an overdue open dossier (0 when it is overdue through
        -- its supplement count or pause only); at the effective end for a late resolved one
        case when h.is_pending_overdue
             then working_days_between(h.due_on, h.reference_on) end
                                                                        as working_days_overdue,
        case when h.is_resolved and h.resolution_class = 'late'
             then working_days_between(h.due_on, h.effective_end_on) end
                                                                        as working_days_late,
        -- the supplementation pause, in the same working days as elapsed_working_days subtracts
        case when h.supplement_requested_on is not null and h.supplement_completed_on is not null
             then working_days_between(h.supplement_requested_on, h.supplement_completed_on) end
                                                                        as supplement_pause_working_days,
        case when h.finished_on is not null and r.returned_on is not null
             then working_days_between(h.finished_on, r.returned_on) end
                                                                        as working_days_to_return
    from handled h
    left join returns r on r.dossier_id = h.dossier_id
)

select * from counted
