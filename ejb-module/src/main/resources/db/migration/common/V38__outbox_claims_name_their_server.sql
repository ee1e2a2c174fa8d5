-- A claim names the server that holds it (ADR 0003, "Claims name their server"). The server that
-- writes a row claims it in the same insert, for longer than its hand-off can take, so another
-- server's table read never sends a row at the moment its writer does: the broker drops a resend
-- that comes after a send, not one that races it. The writer's own table read ignores its own
-- claims (its drains never overlap); another server takes the rows once the claim has lapsed.
alter table outbox_message add column claimed_by varchar(100);
