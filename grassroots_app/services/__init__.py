"""Use cases: functions taking a unit of work and plain values; one transaction each; no Qt."""
