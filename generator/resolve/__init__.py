"""Stage resolve: entities from spellings, speakers, places and their parents, suspected merges.
"""
