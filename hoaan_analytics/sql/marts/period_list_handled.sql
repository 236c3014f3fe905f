-- one row per (period of `periods`, dossier handled in it) within the scope `unit_name` (NULL = all units)
-- The one statement of METRICS.md §5's sets: H = R ∪ C, resolved S, pending P = H − S judged at r.
-- `periods`: a list of {period_name, period_start, period_end} structs (one for period_dossiers, the months for KPIs by month).
-- A unit matches as METRICS.md §2 says: NFC, trimmed, case-insensitive (dossier_facts.unit_key).
-- `judged_on`: see period_list_bounds; `facts_relation` (default the table dossier_facts): the name of a
-- relation with dossier_facts' columns, e.g. a CTE of the caller holding the facts of a scenario's dossiers.
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro period_list_handled(periods, unit_name, judged_on := NULL,
                                            facts_relation := 'dossier_facts') as table
with bounds as (
    select period_name, period_start, period_end, reference_on from period_list_bounds(periods, judged_on := judged_on)
),

scoped as (
    select f.*
    from query_table(facts_relation) f
    where (unit_name is null or f.unit_key = text_key(unit_name))
      -- what finished before the earliest period starts is handled in none of them (a stored dossier never
      -- finishes before it is received, METRICS.md §8): a bound on one column, read from the parameter, that
      -- DuckDB applies inside the scan, so a month of 10M stored rows reads only its own and the open ones
      and (f.finished_on is null
           or f.finished_on >= list_min(list_transform(periods, lambda p: cast(p.period_start as date))))
),

handled as (
    -- received by the end, and either received in the period (R) or still open at its start (C)
    select b.period_name, b.period_start, b.period_end, b.reference_on, s.*
    from bounds b
    join scoped s
      on s.received_on <= b.period_end
     and (s.received_on >= b.period_start or s.finished_on is null or s.finished_on >= b.period_start)
),

flagged as (
    select
        h.*,
        h.received_on >= h.period_start                                           as is_received,
        coalesce(h.is_closed and h.finished_on <= h.period_end, false)          as is_resolved,
        -- waiting for the applicant at r: asked by r and not answered by r
        coalesce(h.supplement_requested_on <= h.reference_on
                 and (h.supplement_completed_on is null or h.supplement_completed_on > h.reference_on),
                 false)                                                 as is_waiting_for_applicant
    from handled h
),

ended as (
    -- a pending dossier's end as the national portal judges an unfinished one (METRICS.md §5): the request
    -- date while waiting for the applicant, else r minus a finished pause in whole days (never below 0)
    select
        f.*,
        case
            when f.is_resolved then null
            when f.is_waiting_for_applicant then f.supplement_requested_on
            else f.reference_on - cast(case
                when f.supplement_requested_on is not null and f.supplement_completed_on <= f.reference_on
                then greatest(f.supplement_completed_on - f.supplement_requested_on, 0)
                else 0
            end as integer)
        end                                                             as pending_end_on
    from flagged f
),

final as (
    select
        e.*,
        -- a missing due date compares as unknown and counts as overdue (docs/kpis.md)
        not e.is_resolved and e.supplement_count <= 1
            and coalesce(e.pending_end_on <= e.due_on, false)          as is_pending_in_time,
        not e.is_resolved and not (e.supplement_count <= 1
            and coalesce(e.pending_end_on <= e.due_on, false))         as is_pending_overdue
    from ended e
)

select * from final
