-- one row per (period, portal unit, indicator) the national portal published for the 766 index, as `hoaan portal766` read it
-- Figures and names only. A null figure was not published (or the page showed it empty): unknown, never 0.
-- Loading the same (period, unit, indicator) again replaces the row (hoaan_analytics/portal766.py).
create table if not exists portal766_published (
    source_file           varchar   not null,  -- base name only: folders may name people or machines
    source_position       varchar   not null,  -- where in the file: a JSON path (data.children[3]) or 'line 4'
    period_start          date      not null,
    period_end            date      not null,
    mode                  varchar   not null,  -- 'calendar' | 'cutoff': how the period was named
    portal_unit_name      varchar   not null,  -- departmentName / the CSV's unit, NFC and trimmed
    department_code       varchar,             -- the portal's code of the unit (JSON only)
    unit_level            varchar,             -- 'PROVINCE' | 'COMMUNE' as the portal says (JSON only)
    is_parent             boolean   not null,  -- data.parent: the unit whose page it is, children are below it
    indicator_id          varchar   not null,  -- '2.1', '5.4', ... as the portal numbers them; 'total' = the parent's totalScore
    portal_indicator_name varchar,             -- the metric's name as the portal writes it
    numerator             bigint,              -- 2.1: totalOnTime; a metric: its numerator
    denominator           bigint,              -- 2.1: totalReceived (the handled dossiers, METRICS.md §9); a metric: its denominator
    overdue               bigint,              -- 2.1 only: totalOverdue
    mean_processing_days  double,              -- 2.1 only: avgProcessingDays, as published
    ratio_percent         double,              -- the published ratio, in percent
    points                double,              -- score
    max_points            double,              -- maxScore
    unit_name             varchar,             -- our unit (dossier_units.unit_name) it names; null = not matched
    match_kind            varchar   not null,  -- 'name' | 'alias' (params/units.csv) | 'unmatched' | 'ambiguous'
    loaded_at             timestamp not null   -- local time of the load
);
