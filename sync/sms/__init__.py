"""好差评 by SMS: after a result is issued, the citizen gets an invitation to rate; the
reply (a digit or words, domain.ratings.level_from_sms) becomes a rating with channel
`sms`, one per service, that opens its follow-up when it is bad like any other.

- `gateway`: the `SmsGateway` interface, and `FolderGateway`, the simulator that writes
  each message as a file and reads reply files (`drop_reply` writes one).
- `http_gateway`: the adapter for a hall's HTTP gateway (URL, key).
- `invitations`: the durable queue (table `sms_outbox`): invitations are queued from
  issued cases, sent with an idempotency key and retried with back-off until the
  gateway takes them, so an outage loses nothing and a crash sends nothing twice;
  replies are recorded once (table `sms_replies`) and only then acknowledged.
- `cli`: `yichuang sms run|reply|status`.

A hall turns SMS on and sets its template and gateway URL in its hall record (centre
data, `yichuang admin hall sms`); the one terminal that runs `yichuang sms run` sends.
Phone numbers appear masked in logs; a queued number is dropped once it is sent (a hash
is kept to match a reply that names no message).
"""
