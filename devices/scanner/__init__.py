"""Barcode scanners: a keyboard-wedge timing classifier and a serial (CDC) reader."""
