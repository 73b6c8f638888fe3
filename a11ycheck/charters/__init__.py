"""Accessibility charters: commitments with deadlines, measured against the audits or reported by hand.

- `charter.py`: what a loaded charter is; `kpis.py`: the measured KPIs (direction, unit, rounding)
- `marked_yaml.py`, `fields.py`, `loader.py`: reading `charters/<slug>.yaml`, every problem as FILE:LINE
- `measures.py`: KPI values from the latest completed crawl of each of an organisation's sites
- `updates.py`: reported progress, kept with date and author
- `status.py`: trajectory and status rules; `evaluate_charter` and `evaluate_all` are the entry points
- `status_output.py`: statuses as a table, JSON or CSV
- `tallies.py`: the counts behind the headline KPIs (shared with the report); `queries.py`: the rest of the
  wing's reads and writes
"""
