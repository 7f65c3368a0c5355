"""Check functions, one module per rule family; each registers through ``register_checks``."""
