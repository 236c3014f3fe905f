# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # Nộp hồ sơ trực tuyến và thanh toán phí, lệ phí
#
# Tỷ lệ nộp trực tuyến và thanh toán theo lĩnh vực, thủ tục và tháng; thanh toán tiền mặt, không dùng tiền mặt và trực tuyến.

# %%
from hoaan_analytics.report import display
from hoaan_analytics.sections import context, online

display.enable()
ctx = context.open_report(db_path, period, mode, unit, params_dir)

# %%
context.header(ctx)

# %% [markdown]
# ## 1. Tóm tắt

# %%
online.summary(ctx)

# %% [markdown]
# ## 2. Nộp hồ sơ trực tuyến theo lĩnh vực

# %%
online.channel_by_field_chart(ctx)

# %%
online.by_field_table(ctx)

# %% [markdown]
# ## 3. Theo tháng

# %%
online.by_month_chart(ctx)

# %%
online.by_month_table(ctx)

# %% [markdown]
# ## 4. Hình thức thanh toán phí, lệ phí

# %%
online.payment_mix_chart(ctx)

# %%
online.payment_mix_table(ctx)

# %% [markdown]
# ## 5. Theo thủ tục

# %%
online.by_procedure_table(ctx)

# %% [markdown]
# ---
# *Số liệu tính theo quy định trong docs/METRICS.md (cách tính từng chỉ tiêu: docs/kpis.md). Báo cáo không chứa thông tin cá nhân của người nộp hồ sơ.*

# %%
ctx.close()
