# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # Việc cần làm
#
# Những việc cần làm trước khi tháng và quý khép lại: hồ sơ đang giải quyết đã quá hạn hoặc sắp đến hạn, điểm Chỉ số 766 đã mất hoặc còn gỡ được của hồ sơ đã giải quyết, điểm dự báo cuối tháng và cuối quý, và số liệu Cổng Dịch vụ công quốc gia đã công bố so với ước tính.

# %%
from hoaan_analytics.report import display
from hoaan_analytics.sections import context, worklist

display.enable()
ctx = context.open_report(db_path, period, mode, unit, params_dir)

# %%
context.header(ctx)

# %%
worklist.as_of_note(ctx)

# %% [markdown]
# ## 1. Hồ sơ đang giải quyết cần xử lý

# %%
worklist.open_summary(ctx)

# %%
worklist.units_table(ctx)

# %%
worklist.open_table(ctx)

# %% [markdown]
# ## 2. Hồ sơ đã giải quyết trong tháng: điểm đã mất và điểm còn gỡ được

# %%
worklist.closed_summary(ctx)

# %%
worklist.closed_by_reason_table(ctx)

# %%
worklist.can_win_table(ctx)

# %% [markdown]
# ## 3. Dự báo điểm cuối tháng và cuối quý

# %%
worklist.projection_summary(ctx)

# %%
worklist.projection_chart(ctx)

# %%
worklist.projection_table(ctx)

# %% [markdown]
# ## 4. Số liệu Cổng Dịch vụ công quốc gia công bố

# %%
worklist.portal_comparison(ctx)

# %%
worklist.portal_readings(ctx)

# %% [markdown]
# ---
# *Danh sách và dự báo theo METRICS.md §5 và §9, docs/index766.md. Báo cáo không chứa thông tin cá nhân của người nộp hồ sơ: hồ sơ chỉ được nêu bằng mã hồ sơ và thủ tục.*

# %%
ctx.close()
