"""Grassroots (Nắm cơ sở): the clerk's tool for the 'grasp the base' work."""

__version__ = "0.1.0"
