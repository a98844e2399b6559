"""Stage extract: per-article readings (names, utterances, figures, roles, descriptions).
"""
