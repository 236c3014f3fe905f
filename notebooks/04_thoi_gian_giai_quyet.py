# %% tags=["parameters"]
db_path: str | None = None  # None: data/processed/hoaan.duckdb, or the demo's data/demo/hoaan.duckdb if absent
period: str | None = None
mode: str = "calendar"
unit: str | None = None
params_dir: str | None = None

# %% [markdown]
# # Thời gian giải quyết so với thời hạn quy định
#
# Số ngày làm việc thực tế so với thời hạn của từng thủ tục, mục tiêu giảm ít nhất 30% thời gian giải quyết, và thời gian bị mất ở đâu.

# %%
from hoaan_analytics.report import display
from hoaan_analytics.sections import context, processing_time

display.enable()
ctx = context.open_report(db_path, period, mode, unit, params_dir)

# %%
context.header(ctx)

# %% [markdown]
# ## 1. Tóm tắt

# %%
processing_time.summary(ctx)

# %% [markdown]
# ## 2. Theo thủ tục

# %%
processing_time.elapsed_chart(ctx)

# %%
processing_time.elapsed_table(ctx)

# %% [markdown]
# ## 3. Thời gian mất ở đâu

# %%
processing_time.time_lost_text(ctx)

# %%
processing_time.time_lost_table(ctx)

# %%
processing_time.left_out_note(ctx)

# %% [markdown]
# ---
# *Số liệu tính theo quy định trong docs/METRICS.md (cách tính từng chỉ tiêu: docs/kpis.md). Báo cáo không chứa thông tin cá nhân của người nộp hồ sơ.*

# %%
ctx.close()
