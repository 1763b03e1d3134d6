"""Helpers of the service tests (named so as not to shadow the `service` package on sys.path)."""
