"""The bundled demo municipality "Gemeente Voorbeeld": static pages with known defects and a loopback server.

`defects.json` next to this file lists, per page, the axe-core rules that fail there, so a crawl of the demo
site can be checked against a known answer.
"""
