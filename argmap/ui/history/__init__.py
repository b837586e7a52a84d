"""Estimates over time in the window: record snapshots and the outcome, see the timeline."""
