# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # So sánh các đơn vị
#
# Từng chỉ tiêu của mỗi đơn vị trong kỳ, xếp hạng, so với trung vị các đơn vị và mục tiêu của Kế hoạch.

# %%
from hoaan_analytics.report import display
from hoaan_analytics.sections import context, units

display.enable()
ctx = context.open_report(db_path, period, mode, unit, params_dir)

# %%
context.header(ctx)

# %% [markdown]
# ## 1. Tóm tắt

# %%
units.summary(ctx)

# %% [markdown]
# ## 2. Các chỉ tiêu theo đơn vị

# %%
units.kpi_by_unit_table(ctx)

# %% [markdown]
# ## 3. Xếp hạng

# %%
units.ranking_chart(ctx, "on_time_rate")

# %%
units.ranking_chart(ctx, "online_share")

# %%
units.ranking_chart(ctx, "online_payment_share")

# %%
units.ranking_chart(ctx, "time_reduction")

# %% [markdown]
# ---
# *Số liệu tính theo quy định trong docs/METRICS.md (cách tính từng chỉ tiêu: docs/kpis.md). Báo cáo không chứa thông tin cá nhân của người nộp hồ sơ.*

# %%
ctx.close()
