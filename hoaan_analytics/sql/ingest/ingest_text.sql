-- one value per text cell: NFC, trimmed of ingest_trim_chars(); empty -> null
-- Codes, dates and numbers are nearly always printable ASCII with nothing to trim, where NFC and
-- trimming change nothing: one cheap regex test spares them both (about 3x faster per column). Every
-- character of ingest_trim_chars() but the space lies outside printable ASCII, so the test sees them.
create or replace temp macro ingest_text(cell) as
    case
        when regexp_matches(cell, '[^\x{20}-\x{7E}]|^ | $')
            then nullif(trim(nfc_normalize(cell), ingest_trim_chars()), '')
        else nullif(cell, '')
    end;
