"""Display-ready pieces of the report notebooks, one module per notebook.

Each function takes the ReportContext of `context.open_report` and returns
something a notebook cell shows as its value: a great_tables table, an Altair
chart (charts.py), or a short Vietnamese text (IPython Markdown) built from the
numbers. When there is nothing to show (an empty period, a single unit), the
function returns a plain sentence saying so, never an error.
"""
