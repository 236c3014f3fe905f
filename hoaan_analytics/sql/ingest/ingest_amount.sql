-- one amount in đồng per fee cell, null when it cannot be read as one
-- `digits`: the cell lower-cased with spaces and currency words removed (ingest_fee_digits).
-- "10000" and "10000.0" (a number cell) are plain; "10.000" / "10,000" use thousands
-- separators (a separator followed by exactly three digits); in "10,000.5" or
-- "10.000,5" the last separator is the decimal one and đồng are rounded.
create or replace temp macro ingest_amount(digits) as
    case
        when regexp_full_match(digits, '[0-9]+')
            then try_cast(digits as bigint)
        when regexp_full_match(digits, '[0-9]{1,3}([.,][0-9]{3})+')
            then try_cast(regexp_replace(digits, '[.,]', '', 'g') as bigint)
        when regexp_full_match(digits, '[0-9]{1,3}(,[0-9]{3})*\.[0-9]+|[0-9]+\.[0-9]+')
            then cast(round(try_cast(replace(digits, ',', '') as double)) as bigint)
        when regexp_full_match(digits, '[0-9]{1,3}(\.[0-9]{3})*,[0-9]+|[0-9]+,[0-9]+')
            then cast(round(try_cast(replace(replace(digits, '.', ''), ',', '.') as double)) as bigint)
    end;
