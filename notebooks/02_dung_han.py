# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # Giải quyết hồ sơ đúng hạn
#
# Kết quả giải quyết theo lĩnh vực và thủ tục, nguyên nhân trả quá hạn, danh sách hồ sơ đang quá hạn.

# %%
from hoaan_analytics.report import display
from hoaan_analytics.sections import context, ontime

display.enable()
ctx = context.open_report(db_path, period, mode, unit, params_dir)

# %%
context.header(ctx)

# %% [markdown]
# ## 1. Tóm tắt

# %%
ontime.summary(ctx)

# %% [markdown]
# ## 2. Theo lĩnh vực

# %%
ontime.by_field_chart(ctx)

# %%
ontime.by_field_table(ctx)

# %% [markdown]
# ## 3. Theo thủ tục

# %%
ontime.by_procedure_table(ctx)

# %% [markdown]
# ## 4. Hồ sơ giải quyết quá hạn theo nguyên nhân

# %%
ontime.late_reasons_chart(ctx)

# %%
ontime.late_reasons_table(ctx)

# %% [markdown]
# ## 5. Hồ sơ đang giải quyết quá hạn

# %%
ontime.overdue_list(ctx)

# %% [markdown]
# ---
# *Số liệu tính theo quy định trong docs/METRICS.md (cách tính từng chỉ tiêu: docs/kpis.md). Báo cáo không chứa thông tin cá nhân của người nộp hồ sơ.*

# %%
ctx.close()
