"""Files in, canonical rows out: reading, header finding, label mapping, value parsing, the load.

`ingest_files(con, paths, params_dir=...)` is the one entry point; see load.py.
"""

from hoaan_analytics.ingest.load import FileSummary, IngestSummary, ingest_files, rebuild_if_stale

__all__ = ["FileSummary", "IngestSummary", "ingest_files", "rebuild_if_stale"]
