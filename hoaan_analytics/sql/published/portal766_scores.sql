-- one row per (portal unit, page) for [d0, d1]: the unit's published points on each page, its total and rank
-- The stored macro of METRICS.md §10's published score (table portal766_unit_scores, pages by
-- portal766_unit_pages): a page the unit is not on has null points. Macro parameters shadow columns.
create or replace macro portal766_scores(d0, d1) as table
with units as (
    select s.* from portal766_unit_scores s
    where s.period_start = cast(d0 as date) and s.period_end = cast(d1 as date)
),

final as (
    select
        u.*,
        p.page,
        p.sort_order                                                            as page_order,
        p.max_points                                                            as page_rule_max_points,
        up.points                                                               as page_points,
        up.max_points                                                           as page_max_points
    from units u
    cross join portal766_pages p
    left join portal766_unit_pages up
      on up.page = p.page and up.department_id = u.department_id and not up.is_root
     and up.period_start = u.period_start and up.period_end = u.period_end
)

select * from final
order by final.level, final.rank nulls last, final.portal_unit_name, final.department_id, final.page_order
