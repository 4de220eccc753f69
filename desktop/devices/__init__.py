"""The hall's hardware on the desktop: device threads, status lights, the screen pad.

The drivers in :mod:`devices` are blocking; here each device gets its own thread
(:mod:`desktop.devices.worker`) that owns its port, and a GUI-side service whose
signals the counter connects to. A missing or faulty device never blocks work: the
counter types by hand, the screen pad stands in for a rating pad, a PDF for a receipt.

Entry points for the rest of the desktop:

* :class:`desktop.devices.hub.DeviceHub` — all devices of one terminal, built from
  :class:`desktop.devices.settings.DeviceSettings`;
* :func:`desktop.devices.counter_hooks.connect_counter` — card → form / search;
* :func:`desktop.devices.demo.start_demo_devices` — simulators for ``yichuang demo``.
"""
