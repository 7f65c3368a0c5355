"""Reporters write the results of a run in one output format."""
