"""Stage ingest: read the content folder (articles and the YAML files); clean each article.
"""
