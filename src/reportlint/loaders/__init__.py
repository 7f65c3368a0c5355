"""Loaders turn one file's bytes into a Document; one module per format."""
