-- one row per (period, portal unit, indicator) of the files being loaded, with the unit of ours it names and how
-- Reads the figures read from the files (portal766_read, registered by hoaan_analytics/portal766.py), matched
-- to our units by the rule of portal_unit_resolution (params/units.csv as stored in portal_unit_aliases by the
-- same load). Within the files a later figure of the same (period, unit, indicator) wins, as a later export does.
with read_figures as (
    select r.*, portal_unit_key(r.portal_unit_name) as name_key
    from portal766_read r
),

matched as (
    select
        f.*,
        coalesce(r.target_key, f.name_key)             as target_key,
        r.unit_name                                    as matched_unit_name,
        coalesce(r.match_kind, 'unmatched')            as match_kind
    from read_figures f
    left join portal_unit_resolution() r on r.name_key = f.name_key
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
