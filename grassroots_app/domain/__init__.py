"""Pure-Python core: the model, the rules and the figures; no framework imports."""
