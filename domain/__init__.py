"""Pure rules of the service hall: no Qt, no SQL, no I/O.

Everything here is a plain function or a frozen dataclass, so each rule is a unit test.
Clocks and id generators are passed in as arguments.
"""
