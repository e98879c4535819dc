"""Widgets, models and helpers shared by every screen."""
