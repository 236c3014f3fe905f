-- one row per dossier open at the end of `as_of` that needs acting on, and one per (dossier closed in as_of's month, 766 point it lost or can still win)
-- within `unit_name` (NULL = all units), most urgent first, e.g. `from worklist(DATE '2026-11-20', NULL)` or
-- `from worklist(DATE '2026-11-20', NULL, within_working_days := 5)`. The rows and their rules are worklist_rows
-- (worklist_rows.sql); the order is the printed list's, so it lives here and not in what counts the rows.
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro worklist(as_of, unit_name, within_working_days := 3) as table
with listed as (
    select w.* from worklist_rows(as_of, unit_name, within_working_days := within_working_days) w
)

-- most urgent first: open before closed; overdue first, then the fewest working days left; of the closed,
-- what can still be won before what is lost, each dossier's points together
select f.*
from listed f
order by f.row_kind = 'closed', f.is_pending_overdue desc, f.working_days_left asc nulls first,
         case when f.row_kind = 'open' then f.due_on end, f.kind, f.dossier_id, f.indicator_id
