"""Pure helpers, one module per resource group (no I/O; shared by the async and sync trees)."""
