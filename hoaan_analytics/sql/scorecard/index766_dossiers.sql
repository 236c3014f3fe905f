-- one row per (handled dossier, §9 indicator whose denominator counts it) for [d0, d1] within `unit_name`
-- The one-period form of index766_list_dossiers: `where not meets` lists the dossiers that cost points.
create or replace macro index766_dossiers(d0, d1, unit_name) as table
select * exclude (period_name)
from index766_list_dossiers([{'period_name': null::varchar, 'period_start': cast(d0 as date), 'period_end': cast(d1 as date)}],
                            unit_name)
