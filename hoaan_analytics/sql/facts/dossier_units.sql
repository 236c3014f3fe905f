-- one row per unit (unit_key: NFC, trimmed, case-folded, METRICS.md §2) with one spelling of its name
-- Materialised so that naming or checking a unit never scans every dossier.
with facts as (
    select unit_key, unit_name from dossier_facts where unit_key is not null
),

final as (
    select unit_key, min(unit_name) as unit_name, count(*) as dossiers
    from facts
    group by unit_key
)

select * from final
