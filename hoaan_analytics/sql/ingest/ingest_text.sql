-- one value per text cell: NFC, trimmed of spaces, tabs, line breaks and no-break spaces; empty -> null
create or replace temp macro ingest_text(cell) as
    nullif(trim(nfc_normalize(cell), ' ' || chr(9) || chr(10) || chr(13) || chr(160)), '');
