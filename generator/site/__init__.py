"""Stage site: render the pages, write docs/, build with MkDocs, verify; the output folders.
"""
