# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # Chỉ số 766: điểm ước tính
#
# Điểm Chỉ số 766 (Quyết định 766/QĐ-TTg) mà Cổng Dịch vụ công quốc gia sẽ chấm, ước tính trước khi Cổng công bố: theo nhóm chỉ tiêu, từng chỉ tiêu thành phần, từng tháng trong năm, xếp hạng các đơn vị và những hồ sơ làm mất điểm.

# %%
from hoaan_analytics.report import display
from hoaan_analytics.sections import context, index766

display.enable()
ctx = context.open_report(db_path, period, mode, unit, params_dir)

# %%
context.header(ctx)

# %%
index766.estimate_note(ctx)

# %% [markdown]
# ## 1. Điểm ước tính theo nhóm chỉ tiêu

# %%
index766.summary(ctx)

# %%
index766.groups_chart(ctx)

# %%
index766.groups_table(ctx)

# %% [markdown]
# ## 2. Các chỉ tiêu thành phần

# %%
index766.indicators_table(ctx)

# %% [markdown]
# ## 3. Điểm ước tính từng tháng trong năm

# %%
index766.monthly_chart(ctx)

# %% [markdown]
# ## 4. Xếp hạng các đơn vị

# %%
index766.units_chart(ctx)

# %%
index766.units_table(ctx)

# %% [markdown]
# ## 5. Hồ sơ làm mất điểm

# %%
index766.lost_points_text(ctx)

# %%
index766.lost_points_by_reason_table(ctx)

# %%
index766.lost_points_list(ctx)

# %% [markdown]
# ## 6. Điểm toàn phần (100 điểm) theo trang Chỉ số 766 của Cổng
#
# Điểm Cổng Dịch vụ công quốc gia công bố cho đơn vị (khi đã tải trang bằng `hoaan portal766`), hoặc, trước khi Cổng công bố, điểm ước tính: các chỉ tiêu tính được lấy từ dữ liệu xuất, các chỉ tiêu còn lại lấy điểm Cổng đã công bố của kỳ gần nhất.

# %%
index766.whole_summary(ctx)

# %%
index766.whole_pages_chart(ctx)

# %%
index766.whole_months_chart(ctx)

# %% [markdown]
# ---
# *Điểm ước tính theo METRICS.md §9 và docs/index766.md, với công thức và trọng số trong params/index766.yaml. Báo cáo không chứa thông tin cá nhân của người nộp hồ sơ: hồ sơ chỉ được nêu bằng mã hồ sơ và thủ tục.*

# %%
ctx.close()
