-- one row per (period, portal unit, indicator) of the files being loaded, with the unit of ours it names and how
-- Reads the figures read from the files (portal766_read) and params/units.csv (portal766_aliases), both
-- registered by hoaan_analytics/portal766.py. A name matches a unit of the exports (dossier_units) when
-- both have the same portal_unit_key; an alias names our unit explicitly and wins over the name. Two units
-- of ours with one key cannot be told apart: 'ambiguous', left unmatched. Within the files a later figure of
-- the same (period, unit, indicator) wins, as a later export does.
with read_figures as (
    select r.*, portal_unit_key(r.portal_unit_name) as name_key
    from portal766_read r
),

aliases as (
    select distinct portal_unit_key(a.alias) as alias_key, portal_unit_key(a.unit_name) as target_key
    from portal766_aliases a
),

our_units as (
    select portal_unit_key(u.unit_name) as name_key, count(*) as units, min(u.unit_name) as unit_name
    from dossier_units u
    group by portal_unit_key(u.unit_name)
),

aimed as (
    select
        f.*,
        a.target_key is not null                       as is_by_alias,
        coalesce(a.target_key, f.name_key)             as target_key
    from read_figures f
    left join aliases a on a.alias_key = f.name_key
),

matched as (
    select
        m.*,
        case when o.units = 1 then o.unit_name end     as matched_unit_name,
        case
            when o.units > 1 then 'ambiguous'
            when o.units is null then 'unmatched'
            when m.is_by_alias then 'alias'
            else 'name'
        end                                            as match_kind
    from aimed m
    left join our_units o on o.name_key = m.target_key
),

final as (
    select
        m.source_file,
        m.source_position,
        m.period_start,
        m.period_end,
        m.mode,
        m.portal_unit_name,
        m.department_code,
        m.unit_level,
        m.is_parent,
        m.indicator_id,
        m.portal_indicator_name,
        m.numerator,
        m.denominator,
        m.overdue,
        m.mean_processing_days,
        m.ratio_percent,
        m.points,
        m.max_points,
        m.matched_unit_name                            as unit_name,
        m.match_kind,
        m.name_key,
        m.target_key
    from matched m
    qualify row_number() over (
        partition by m.period_start, m.period_end, m.indicator_id, m.target_key
        order by m.file_order desc, m.row_order desc) = 1
)

select * from final
