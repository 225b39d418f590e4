"""The transport core: pure request, response, retry, pool and stream modules."""
