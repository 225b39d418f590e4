"""Resource groups, one module each, imported lazily by the client."""
