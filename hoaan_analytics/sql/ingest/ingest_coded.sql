-- one code (1..len(names)) per cell that holds a numbered value: the code itself, or the position of its name in `names`; null when neither
-- `words`: the cell after ingest_words; `key`: the same, lower-case with single spaces (callers compute it
-- once per row: a macro argument is copied into every branch that uses it); `names`: the names in code
-- order, lower-case. A code may carry leading zeros and a decimal zero part ('02', '2.0').
create or replace temp macro ingest_coded(words, key, names) as
    case
        when regexp_full_match(words, '0*[1-9][0-9]?(\.0+)?')
             and cast(regexp_extract(words, '^0*([0-9]+)', 1) as integer) <= len(names)
            then cast(regexp_extract(words, '^0*([0-9]+)', 1) as utinyint)
        when list_contains(names, key) then list_position(names, key)
    end::utinyint;
