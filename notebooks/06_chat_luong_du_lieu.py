# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # Chất lượng dữ liệu
#
# Các tệp đã nạp, các dòng bị loại và lý do, các điểm bất thường trong hồ sơ của kỳ cần xem lại.

# %%
from hoaan_analytics.report import display
from hoaan_analytics.sections import context, quality

display.enable()
ctx = context.open_report(db_path, period, mode, unit, params_dir)

# %%
context.header(ctx)

# %% [markdown]
# ## 1. Tóm tắt

# %%
quality.summary(ctx)

# %% [markdown]
# ## 2. Nhật ký nạp dữ liệu

# %%
quality.load_log_table(ctx)

# %% [markdown]
# ## 3. Các dòng bị loại khi nạp

# %%
quality.set_aside_table(ctx)

# %% [markdown]
# ## 4. Điểm bất thường cần xem lại

# %%
quality.anomalies_table(ctx)

# %% [markdown]
# ---
# *Số liệu tính theo quy định trong docs/METRICS.md (cách tính từng chỉ tiêu: docs/kpis.md). Báo cáo không chứa thông tin cá nhân của người nộp hồ sơ.*

# %%
ctx.close()
