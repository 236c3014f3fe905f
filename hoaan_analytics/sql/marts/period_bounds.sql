-- one row: the period [$d0, $d1] and its reference date r (METRICS.md §5)
-- r = min(d1, the newest event among all stored dossiers, whatever the scope); with no dossiers, r = d1.
-- A running period judges open dossiers on the data's last day, not on a day to come.
with extent as (
    select newest_event_on from dossier_extent
),

final as (
    select
        $d0::date                                                               as d0,
        $d1::date                                                               as d1,
        coalesce(least($d1::date, (select newest_event_on from extent)), $d1::date) as reference_on
)

select * from final
