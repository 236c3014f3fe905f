-- one row per (portal unit, indicator) the portal published for [d0, d1] (view portal766_figures), beside our estimate
-- Ours are the scorecard's figures (index766, METRICS.md §9) for the unit of ours the portal's name matched;
-- a matched unit without handled dossiers in the period has 0 of 0. Differences are the portal's minus ours.
-- `reading` is a key (labels_vi.PORTAL766_READINGS_VI says it in Vietnamese), the first that holds of:
--   unit_ambiguous       the portal's name fits several units of ours;
--   parent_not_compared  the page's parent unit (a province: the sum of its units) is none of ours;
--   unit_unmatched       the portal's unit is none of ours (params/units.csv can name it);
--   not_comparable       an indicator the exports cannot give, or a code the rules do not know;
--   portal_fewer_dossiers / portal_more_dossiers   the denominators differ (a dossier missing from the
--                        national sync, or an export missing here);
--   portal_unknown       the portal published neither counts nor points; portal_points_only: points only;
--   ours_unknown         same denominator, but the exports lack a flag our numerator needs;
--   portal_fewer_met / portal_more_met   same denominator, the numerators differ;
--   portal_other_points  same counts, points a cent or more apart (check params/index766.yaml);
--   same.
-- unit_name NULL = every row of the period, matched or not; else only the rows matched to that unit of ours.
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro portal766_comparison(d0, d1, unit_name) as table
with published as (
    select p.*, lower(trim(nfc_normalize(p.unit_name))) as unit_key
    from portal766_figures p
    where p.period_start = cast(d0 as date)
      and p.period_end = cast(d1 as date)
      and (unit_name is null or lower(trim(nfc_normalize(p.unit_name))) = lower(trim(nfc_normalize(unit_name))))
),

ours as (
    select
        lower(trim(nfc_normalize(i.scope_unit_name)))                       as unit_key,
        i.indicator_id,
        i.numerator,
        i.denominator,
        i.unknown,
        i.rate,
        i.points
    from index766(d0, d1, unit_name, 'unit') i
    where not i.is_all_units
),

rules as (
    select r.indicator_id, r.sort_order, r.indicator_name, r.is_computable, r.max_points from index766_rules r
),

compared as (
    select
        p.period_start,
        p.period_end,
        p.mode,
        p.source_file,
        p.source_position,
        p.portal_unit_name,
        p.department_code,
        p.unit_level,
        p.is_parent,
        p.unit_name,
        p.match_kind,
        p.indicator_id,
        r.sort_order,
        coalesce(r.indicator_name, p.portal_indicator_name)                 as indicator_name,
        coalesce(r.is_computable, false)                                    as is_computable,
        p.numerator                                                         as portal_numerator,
        p.denominator                                                       as portal_denominator,
        p.ratio_percent                                                     as portal_ratio_percent,
        p.points                                                            as portal_points,
        p.max_points                                                        as portal_max_points,
        case when r.is_computable and p.unit_name is not null then coalesce(o.numerator, 0) end
                                                                            as our_numerator,
        case when r.is_computable and p.unit_name is not null then coalesce(o.denominator, 0) end
                                                                            as our_denominator,
        case when r.is_computable and p.unit_name is not null then coalesce(o.unknown, 0) end
                                                                            as our_unknown,
        o.rate                                                              as our_rate,
        o.points                                                            as our_points,
        case when r.is_computable then r.max_points end                     as our_max_points
    from published p
    left join rules r on r.indicator_id = p.indicator_id
    left join ours o on o.unit_key = p.unit_key and o.indicator_id = p.indicator_id
),

differences as (
    select
        c.*,
        c.portal_numerator - c.our_numerator                                as numerator_difference,
        c.portal_denominator - c.our_denominator                            as denominator_difference,
        round(c.portal_points - c.our_points, 2)                            as points_difference
    from compared c
),

final as (
    select
        d.*,
        case
            when d.match_kind = 'ambiguous' then 'unit_ambiguous'
            when d.unit_name is null and d.is_parent then 'parent_not_compared'
            when d.unit_name is null then 'unit_unmatched'
            when not d.is_computable then 'not_comparable'
            when d.denominator_difference < 0 then 'portal_fewer_dossiers'
            when d.denominator_difference > 0 then 'portal_more_dossiers'
            when (d.portal_numerator is null or d.portal_denominator is null) and d.portal_points is null
                then 'portal_unknown'
            when d.portal_numerator is null or d.portal_denominator is null then 'portal_points_only'
            when d.our_unknown > 0 then 'ours_unknown'
            when d.numerator_difference < 0 then 'portal_fewer_met'
            when d.numerator_difference > 0 then 'portal_more_met'
            when abs(d.points_difference) >= 0.01 then 'portal_other_points'
            else 'same'
        end                                                                 as reading
    from differences d
)

select * from final
-- the parent first, then each unit of ours (whatever the portal's spellings), then the names left unmatched;
-- last the figure's place in the answer: two codes of one indicator (5.1) come in the same order every time
order by final.period_start, final.is_parent desc, final.unit_name nulls last,
         case when final.unit_name is null then final.portal_unit_name end, final.sort_order nulls last,
         final.indicator_id, final.portal_unit_name, final.source_file, final.source_position
