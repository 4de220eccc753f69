"""The counter side of printing: preview, print, keep, reprint every paper of a case.

`printing/` builds and renders papers (Qt-free); this package shows them before they
print, sends A4 through Qt's print support and receipts through the devices layer's
printer, and keeps every paper handed out as a PDF beside the case. Entry points:

* :func:`desktop.printing.papers.papers_after` — which papers follow a step (one table);
* :class:`desktop.printing.flow.PrintFlow` — render in the background, preview, print, keep;
* :func:`desktop.printing.counter_hooks.connect_printing` — wires it into the counter.
"""
