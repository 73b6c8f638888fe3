"""Campaigns spread over many machines: Celery carries one message per site, PostgreSQL holds everything else.

`campaigns` writes a campaign and sends its sites, `tasks` is what a worker runs for one site, `site_work`
decides between a new crawl and a resume, `claims` makes sure one live worker process has a site at a
time, `child` runs the crawl in its own process, `celery_app` and `worker` configure and start Celery.
"""
