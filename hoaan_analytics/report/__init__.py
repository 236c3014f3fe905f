"""Rendering notebooks into offline reports: chart display, HTML export, the papermill batch.

Submodules are imported where used (`from hoaan_analytics.report import batch`), so
that a notebook importing `display` does not pull in papermill or nbconvert.
"""
