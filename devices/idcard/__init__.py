"""Second-generation ID-card readers (SAM serial protocol): codec, driver, simulator.

Use :class:`devices.idcard.driver.IdCardReader`; it yields
:class:`devices.idcard.card.IdCard` records. The photo stays raw (WLT) on the record;
:func:`devices.idcard.photo.photo_png` gives something to show.
"""
