"""The core every stage shares: models, errors, text and language helpers, gazetteer, paths,
the process pool and the stage timer.
"""
