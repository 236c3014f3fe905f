# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # Tổng quan kết quả giải quyết thủ tục hành chính
#
# Kết quả các chỉ tiêu của Kế hoạch cải cách hành chính trong kỳ, so với mục tiêu; xu hướng qua các kỳ; lộ trình đến các mục tiêu năm 2030; Biểu số 06/VPCP/KSTT.

# %%
from hoaan_analytics.report import display
from hoaan_analytics.sections import context, overview

display.enable()
ctx = context.open_report(db_path, period, mode, unit, params_dir)

# %%
context.header(ctx)

# %% [markdown]
# ## 1. Kết quả chính trong kỳ

# %%
overview.kpi_summary(ctx)

# %%
overview.index766_line(ctx)

# %%
overview.worklist_line(ctx)

# %%
overview.targets_table(ctx)

# %%
overview.targets_chart(ctx)

# %%
overview.field_satisfaction_table(ctx)

# %% [markdown]
# ## 2. Xu hướng qua các kỳ

# %%
overview.trend_chart(ctx)

# %%
overview.trend_table(ctx)

# %% [markdown]
# ## 3. Lộ trình đến mục tiêu năm 2030

# %%
overview.glide_path_text(ctx)

# %%
overview.glide_path_table(ctx)

# %% [markdown]
# ## 4. Biểu số 06/VPCP/KSTT

# %%
overview.form06_table(ctx)

# %%
overview.form06_download(ctx)

# %% [markdown]
# ---
# *Số liệu tính theo quy định trong docs/METRICS.md (cách tính từng chỉ tiêu: docs/kpis.md). Báo cáo không chứa thông tin cá nhân của người nộp hồ sơ.*

# %%
ctx.close()
