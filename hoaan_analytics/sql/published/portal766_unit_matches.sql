-- one row per portal unit (departmentId, the same on all six pages): the unit of ours it names, and how
-- Its name is the one of its latest capture. A name matches a unit of the exports (dossier_units) when both
-- have the same portal_unit_key; an alias of params/units.csv (portal_unit_aliases) names our unit and wins.
-- Two units of ours with one key cannot be told apart: 'ambiguous', left unmatched (METRICS.md §10).
create or replace table portal766_unit_matches as
with names as (
    select n.department_id, n.department_name, n.department_code, n.is_root
    from portal766_answer_nodes n
    where n.department_id is not null and n.department_name is not null and n.page is not null
    qualify row_number() over (partition by n.department_id
                               order by n.captured_at desc nulls last, n.answer_id desc, n.position) = 1
),

aliases as (
    select distinct portal_unit_key(a.alias) as alias_key, portal_unit_key(a.unit_name) as target_key
    from portal_unit_aliases a
),

our_units as (
    select portal_unit_key(u.unit_name) as name_key, count(*) as units, min(u.unit_name) as unit_name
    from dossier_units u
    group by portal_unit_key(u.unit_name)
),

aimed as (
    select n.*, a.target_key is not null as is_by_alias,
           coalesce(a.target_key, portal_unit_key(n.department_name)) as target_key
    from names n
    left join aliases a on a.alias_key = portal_unit_key(n.department_name)
),

final as (
    select
        m.department_id,
        m.department_name                                                       as portal_unit_name,
        m.department_code,
        m.is_root,
        case when o.units = 1 then o.unit_name end                              as unit_name,
        case
            when o.units > 1 then 'ambiguous'
            when o.units is null then 'unmatched'
            when m.is_by_alias then 'alias'
            else 'name'
        end                                                                     as match_kind
    from aimed m
    left join our_units o on o.name_key = m.target_key
)

select * from final
