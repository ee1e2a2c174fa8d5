-- Several servers relay one outbox (issue 17): each claims a batch for a short lease (rows locked
-- with SKIP LOCKED while claiming), so two relays never send the same row and never wait on each
-- other; a claim left by a server that died expires and another server sends the rows, with the
-- same duplicate-detection ids (the broker's cache stays the backstop, not the mechanism).
alter table outbox_message add column claimed_until timestamp with time zone;
