"""The quarterly report's model and rules: records and numbering, scope, figures and their builders, wording (pure)."""
