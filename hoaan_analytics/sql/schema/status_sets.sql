-- one scalar macro per status set of METRICS.md §2 and §6, over a national status code (TrangThaiHoSo, 1..10)
-- The one statement of each set: every query outside sql/ingest/ calls these instead of listing codes.
-- Created with the stored tables (schema.ensure_schema), so they persist in the file and read-only
-- connections can call them.
create or replace macro is_never_received_status(status_code) as
    status_code in (1, 3);      -- 1 Mới đăng ký, 3 Không được tiếp nhận: count nowhere
create or replace macro is_closing_status(status_code) as
    status_code in (7, 8, 9, 10);   -- rút hồ sơ, dừng xử lý, đã xử lý xong, đã trả kết quả
create or replace macro is_completed_status(status_code) as
    status_code in (9, 10);     -- đã xử lý xong, đã trả kết quả: the dossiers of time_reduction
