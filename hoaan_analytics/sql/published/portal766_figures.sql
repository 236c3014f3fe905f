-- one row per (period, portal unit, indicator figure) the portal published: the answers' figures and the typed CSV's
-- What portal766_comparison sets beside our estimate. From the stored answers (portal766_page_figures, matched
-- by portal766_unit_matches) and from the CSV a person fills (table portal766_published, matched at its load).
with answers as (
    select
        f.source_file,
        f.position                                                              as source_position,
        f.period_start,
        f.period_end,
        'calendar'                                                              as mode,
        f.department_name                                                       as portal_unit_name,  -- as this page names it
        f.department_code,
        f.level                                                                 as unit_level,
        f.is_root                                                               as is_parent,
        f.indicator_id,
        f.portal_indicator_name,
        f.numerator,
        f.denominator,
        cast(null as bigint)                                                    as overdue,
        cast(null as double)                                                    as mean_processing_days,
        f.ratio_percent,
        cast(f.points as double)                                                as points,
        cast(f.max_points as double)                                            as max_points,
        m.unit_name,
        m.match_kind,
        f.page,
        f.department_id,
        f.is_mapped
    from portal766_page_figures f
    join portal766_unit_matches m on m.department_id = f.department_id
),

typed as (
    select
        p.* exclude (loaded_at),
        cast(null as varchar)                                                   as page,
        cast(null as varchar)                                                   as department_id,
        true                                                                    as is_mapped
    from portal766_published p
),

final as (
    select * from answers
    union all by name
    select * from typed
)

select * from final
