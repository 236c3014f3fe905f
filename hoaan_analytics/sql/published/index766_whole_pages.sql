-- one row per page of the whole 766 score of a unit of ours for [d0, d1] (index766_whole summed by page)
-- points: the page's items summed (null when one is unknown); max_points: the page's points in the table.
create or replace macro index766_whole_pages(d0, d1, unit_name) as table
with items as (
    select w.* from index766_whole(d0, d1, unit_name) w
),

final as (
    select
        i.page,
        i.page_order,
        case when count(*) filter (where i.points is null) = 0 then sum(i.points) end as points,
        any_value(p.max_points)                                                    as max_points,
        bool_or(i.source = 'ours')                                                 as has_ours,
        min(i.period_name)                                                         as earliest_period_name
    from items i
    join portal766_pages p on p.page = i.page
    group by i.page, i.page_order
)

select * from final
order by final.page_order
