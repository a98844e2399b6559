"""Stage analyze: competing claims, the timeline, the key points and the derived title.
"""
