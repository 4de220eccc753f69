"""The queue (叫号) on the counter and the kiosk, kept apart from their screens.

`counter_hooks.attach_queue` mounts the counter's call keys (`panel`) and the kiosk
notice button (`notices_bell`) under the counter's header; `kiosk_waiting` puts the
waiting counts on the kiosk's start screen. The Qt-free steps are in `jobs`; the
screenshots of both in `screenshots`.
"""
