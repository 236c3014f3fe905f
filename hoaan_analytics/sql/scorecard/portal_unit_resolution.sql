-- one row per unit-name key a portal unit's name can have (an alias of params/units.csv, or a unit of ours): the unit of ours it names, and how
-- The one matching rule of `hoaan portal766` (METRICS.md §10), for the pages (sql/published/portal766_unit_matches)
-- and the typed CSV (sql/portal/portal766_incoming) alike: a name's key is portal_unit_key(name); a key on no row
-- names no unit of ours ('unmatched'). An alias names our unit explicitly and wins over the name; two units of ours
-- with one key cannot be told apart: 'ambiguous', left unmatched.
create or replace macro portal_unit_resolution() as table
with aliases as (
    select distinct portal_unit_key(a.alias) as name_key, portal_unit_key(a.unit_name) as target_key
    from portal_unit_aliases a
),

our_units as (
    select portal_unit_key(u.unit_name) as name_key, count(*) as units, min(u.unit_name) as unit_name
    from dossier_units u
    group by portal_unit_key(u.unit_name)
),

name_keys as (
    select a.name_key, a.target_key, true as is_by_alias
    from aliases a
    union all
    select o.name_key, o.name_key as target_key, false as is_by_alias
    from our_units o
    where not exists (select 1 from aliases a where a.name_key = o.name_key)
),

final as (
    select
        k.name_key,
        k.target_key,
        case when o.units = 1 then o.unit_name end     as unit_name,
        case
            when o.units > 1 then 'ambiguous'
            when o.units is null then 'unmatched'
            when k.is_by_alias then 'alias'
            else 'name'
        end                                            as match_kind
    from name_keys k
    left join our_units o on o.name_key = k.target_key
)

select * from final
