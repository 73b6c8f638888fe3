"""The HTML report: stored runs and charter statuses turned into a static site (or one file per municipality).

`a11ycheck.report.build.build_report(store, ReportRequest(...))` is the entry point; `a11ycheck report build`
calls it. Data flows one way: queries (aggregates in SQL) -> organisations and findings (plain dataclasses)
-> context (what each page shows, charts included) -> render (Jinja, autoescaped) -> files below the output
folder. Nothing is imported here, so one module of the report can be used without the others.
"""
