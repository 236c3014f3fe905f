"""hoaan-analytics: KPIs and offline reports from one-stop (một cửa) dossier exports.

Nothing happens at import time; every function takes an explicit DuckDB connection.
"""

__version__ = "0.1.0"
