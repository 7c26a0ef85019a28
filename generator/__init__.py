"""Turns province_data/ into the site's Markdown pages and the checker's rules file.

Data flows one way: load -> validate (schema, then cross-file rules) -> render.
Nothing here imports MkDocs, so every step is testable on its own.
"""
