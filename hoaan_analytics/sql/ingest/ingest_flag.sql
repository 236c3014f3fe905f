-- one value per yes/no cell (METRICS.md §2 flags): true, false, or null when unknown
-- `1`, `Có`, `x`, `true` are yes; `0`, `Không`, `false` and an empty cell ('') are no, whatever the case.
-- null stays null: the file has no such column (the readers turn an empty cell of a present column into '').
-- Any other text is unknown too: no reason of §8 sets a row aside for it.
-- The codes systems write ('1', '0', '', 'true', 'false') skip NFC and trimming, which cost the most:
-- a payload has several flags in every entry of its lists.
create or replace temp macro ingest_flag(cell) as
    case
        when cell = '1' or cell = 'true' then true
        when cell = '0' or cell = '' or cell = 'false' then false
        -- the words a workbook writes, as the slow branch below reads them (NFC 'Có' is 'có' there): nfc_normalize
        -- costs about 2 µs a cell, which made the six flags most of a 100k-row workbook's parse
        when cell = 'Có' or cell = 'có' or cell = 'x' or cell = 'X' then true
        when cell = 'Không' or cell = 'không' then false
        else case lower(trim(nfc_normalize(cell), ingest_trim_chars()))
            when '1' then true
            when '1.0' then true
            when 'có' then true
            when 'x' then true
            when 'true' then true
            when '0' then false
            when '0.0' then false
            when 'không' then false
            when 'false' then false
            when '' then false
        end
    end;
