-- one row per (page, period, node) the portal published, from the latest capture: what a unit scores on a page
-- Per (page, period, unit) the later capture wins: a HAR entry's startedDateTime, a saved answer (which
-- says no time) before any HAR capture; equal or no times: the later loaded answer; an answer split over entries (pagination) adds its units, and an
-- answer of one page never touches another page's rows. The province's own node is kept apart (is_root).
with nodes as (
    select n.* exclude (node, points_text, max_points_text)
    from portal766_answer_nodes n
    where n.page is not null and n.department_id is not null
),

final as (
    select n.*
    from nodes n
    qualify row_number() over (
        partition by n.page, n.period_start, n.period_end, n.is_root, n.department_id
        order by n.captured_at desc nulls last, n.answer_id desc) = 1
)

select * from final
