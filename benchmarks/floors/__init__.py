"""Floors: hand-written scripts giving the same answer as the app by the shortest way (not the app's code)."""
