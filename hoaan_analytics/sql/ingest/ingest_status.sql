-- one status code (METRICS.md §2, 1-10) per status cell: its code or its name; null when neither
-- `words`: the cell after ingest_words; `key`: the same, lower-case with single spaces (callers
-- compute it once per row: a macro argument is copied into every branch that uses it).
create or replace temp macro ingest_status(words, key) as
    case
        when regexp_full_match(words, '0*([1-9]|10)(\.0+)?')
            then cast(regexp_extract(words, '^0*([0-9]+)', 1) as utinyint)
        when key = 'mới đăng ký' then 1
        when key = 'được tiếp nhận' then 2
        when key = 'không được tiếp nhận' then 3
        when key = 'đang xử lý' then 4
        when key = 'yêu cầu bổ sung giấy tờ' then 5
        when key = 'yêu cầu thực hiện nghĩa vụ tài chính' then 6
        when key = 'công dân yêu cầu rút hồ sơ' then 7
        when key = 'dừng xử lý' then 8
        when key = 'đã xử lý xong' then 9
        when key = 'đã trả kết quả' then 10
    end::utinyint;
