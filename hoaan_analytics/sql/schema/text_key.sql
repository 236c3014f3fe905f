-- one scalar macro: the comparison key of a text value (METRICS.md §2: NFC, trimmed, case-insensitive)
-- The one statement of that rule after ingest: unit names (dossier_facts.unit_key and a unit asked for),
-- payment methods and ratings compare through it. Created with the stored tables (schema.ensure_schema),
-- so it persists in the file and read-only connections can call it: `where unit_key = text_key($unit)`.
create or replace macro text_key(text_value) as
    lower(trim(nfc_normalize(text_value)));
