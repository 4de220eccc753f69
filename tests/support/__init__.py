"""Helpers the server and sync tests share: real processes on loopback, a faulty proxy."""
