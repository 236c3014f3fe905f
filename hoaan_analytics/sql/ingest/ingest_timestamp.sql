-- one value per cleaned date cell: the timestamp it names, null when empty or unreadable
-- Accepted: dd/mm/yyyy [HH:MM[:SS]] (Vietnamese order, never mm/dd), ISO yyyy-mm-dd[ T]HH:MM[:SS[.f]],
-- yyyyMMddHHmmss (14 digits, the sync payload's form),
-- and Excel serial day numbers (days since 1899-12-30, fraction = time of day, rounded to the second).
-- Any year is read here; ingest_parsed.sql keeps only the plausible window (ingest_plausible,
-- models.PLAUSIBLE_DATES) and sets the rest aside as unreadable, with their own reason.
-- ISO comes first: the national sync writes it, so most cells stop at the cheapest test. The test is
-- `^[0-9]{4}-[^\n]*$` without a regex (GLOB and a byte search cost a third of one; a digit is one byte).
create or replace temp macro ingest_timestamp(cell) as
    case
        when cell is null then null
        when cell glob '[0-9][0-9][0-9][0-9]-*' and not contains(cell, chr(10))
            then try_cast(cell as timestamp)
        -- dd/mm/yyyy HH:MM:SS, the workbooks' form: the first format of the list below, whose other formats
        -- cannot read a cell of this shape; the glob spares it the two regexes in between
        when cell glob '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]'
            then try_strptime(cell, '%d/%m/%Y %H:%M:%S')
        -- yyyyMMddHHmmss, as the national sync payload writes them (far above any Excel serial)
        when regexp_full_match(cell, '[0-9]{14}')
            then try_strptime(cell, '%Y%m%d%H%M%S')
        when regexp_full_match(cell, '[0-9]+(\.[0-9]+)?')
            then case
                when try_cast(cell as double) between 1 and 2958465
                    then timestamp '1899-12-30' + to_seconds(cast(round(cast(cell as double) * 86400) as bigint))
            end
        else try_strptime(cell, ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y',
                                 '%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M', '%d-%m-%Y'])
    end;
