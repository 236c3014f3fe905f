# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # Khám phá số liệu: tự đặt câu hỏi, cùng quy tắc với báo cáo
#
# Sáu báo cáo trả lời những câu hỏi của Kế hoạch. Khi cần hỏi điều khác (ví dụ: mỗi thủ tục
# nhận bao nhiêu hồ sơ qua từng hình thức nộp), hãy hỏi thẳng cơ sở dữ liệu bằng một câu SQL.
# Cơ sở dữ liệu lưu sẵn hai **hàm bảng** (table macro) chứa đúng các quy tắc mà báo cáo dùng
# (docs/METRICS.md), nên con số tự tính luôn khớp với báo cáo:
#
# | hàm | trả về |
# |---|---|
# | `period_kpis(d0, d1, unit_name, breakdown)` | các chỉ tiêu §6 của kỳ `[d0, d1]`: một dòng cho mỗi nhóm và một dòng tổng (`is_total`); `unit_name` NULL = toàn bộ đơn vị; `breakdown` là `'none'`, `'field'`, `'procedure'` hoặc `'unit'` |
# | `period_dossiers(d0, d1, unit_name)` | một dòng cho mỗi hồ sơ phải giải quyết trong kỳ, với các cờ §5 (mới tiếp nhận, đã giải quyết, đúng hạn…); không có thông tin cá nhân |
#
# Cách dùng: `db.query(con, "select ... from period_kpis($d0, $d1, NULL, 'field')", {...})`
# trả về một bảng polars. Tham số viết `$tên` và truyền trong từ điển, không ghép chuỗi.

# %%
import altair as alt
import polars as pl

from hoaan_analytics import charts, db, paths
from hoaan_analytics.periods import parse_period
from hoaan_analytics.report import display
from hoaan_analytics.sections.context import default_period

display.enable()
con = db.connect_reader(db_path or paths.default_db())
chosen = default_period(con, mode) if period is None else parse_period(period, mode)
params = {"d0": chosen.start, "d1": chosen.end, "unit": unit}
f"Kỳ: {chosen.label} ({chosen.range_label}); đơn vị: {unit or 'toàn bộ đơn vị'}"

# %% [markdown]
# ## 1. Các chỉ tiêu của kỳ, như `hoaan kpis`
#
# `breakdown = 'none'` cho đúng một dòng: dòng tổng.

# %%
db.query(con, "select * from period_kpis($d0, $d1, $unit, 'none')", params)

# %% [markdown]
# ## 2. Theo lĩnh vực, lĩnh vực nhiều hồ sơ nhất trước
#
# Bỏ dòng tổng bằng `where not is_total`; chọn cột cần xem.

# %%
db.query(con, """
    select field_name, handled, resolved, on_time_rate, online_share
    from period_kpis($d0, $d1, $unit, 'field')
    where not is_total
    order by handled desc
""", params)

# %% [markdown]
# ## 3. Câu hỏi báo cáo chưa trả lời: hồ sơ theo thủ tục và hình thức nộp
#
# Đếm hồ sơ mới tiếp nhận trong kỳ (`is_received`) của mỗi thủ tục, tách trực tuyến
# (`is_online`) và trực tiếp, bưu chính; rồi dùng polars để tính tỷ lệ.

# %%
by_procedure = db.query(con, """
    select procedure_code, procedure_name,
           count(*) filter (where is_online)      as online,
           count(*) filter (where not is_online)  as offline
    from period_dossiers($d0, $d1, $unit)
    where is_received
    group by all
    order by online + offline desc
    limit 15
""", params).with_columns(
    (pl.col("online") / (pl.col("online") + pl.col("offline"))).alias("online_share"),
)
by_procedure

# %% [markdown]
# Và vẽ thành biểu đồ (theo giao diện chung của báo cáo, `charts.register_theme()`):

# %%
charts.register_theme()
(
    alt.Chart(by_procedure.unpivot(index="procedure_name", on=["online", "offline"],
                                   variable_name="kênh", value_name="hồ sơ"))
    .mark_bar()
    .encode(y=alt.Y("procedure_name:N", sort="-x", title="Thủ tục"), x=alt.X("hồ sơ:Q", title="Số hồ sơ"),
            color=alt.Color("kênh:N", title="Hình thức nộp"),
            tooltip=["procedure_name:N", "kênh:N", "hồ sơ:Q"])
    .properties(title="Hồ sơ mới tiếp nhận theo thủ tục và hình thức nộp")
)

# %% [markdown]
# ## 4. Đóng kết nối
#
# Kết nối chỉ đọc; đóng lại để `hoaan ingest` có thể ghi vào cơ sở dữ liệu.

# %%
con.close()
