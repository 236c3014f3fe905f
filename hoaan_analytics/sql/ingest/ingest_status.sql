-- one status code (METRICS.md §2, 1-10) per status cell: its code or its name; null when neither
-- `words`, `key`: as for ingest_coded.
create or replace temp macro ingest_status(words, key) as
    ingest_coded(words, key, ['mới đăng ký', 'được tiếp nhận', 'không được tiếp nhận', 'đang xử lý',
                              'yêu cầu bổ sung giấy tờ', 'yêu cầu thực hiện nghĩa vụ tài chính',
                              'công dân yêu cầu rút hồ sơ', 'dừng xử lý', 'đã xử lý xong', 'đã trả kết quả']);
