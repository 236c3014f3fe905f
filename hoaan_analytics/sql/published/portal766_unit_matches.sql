-- one row per portal unit (departmentId, the same on all six pages): the unit of ours it names, and how
-- Its name is the one of its latest capture, matched by the rule of portal_unit_resolution (METRICS.md §10).
create or replace table portal766_unit_matches as
with names as (
    select n.department_id, n.department_name, n.department_code, n.is_root
    from portal766_answer_nodes n
    where n.department_id is not null and n.department_name is not null and n.page is not null
    qualify row_number() over (partition by n.department_id
                               order by n.captured_at desc nulls last, n.answer_id desc, n.position) = 1
),

final as (
    select
        n.department_id,
        n.department_name                                                       as portal_unit_name,
        n.department_code,
        n.is_root,
        r.unit_name,
        coalesce(r.match_kind, 'unmatched')                                     as match_kind
    from names n
    left join portal_unit_resolution() r on r.name_key = portal_unit_key(n.department_name)
)

select * from final
