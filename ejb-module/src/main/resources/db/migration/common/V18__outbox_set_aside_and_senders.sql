-- A row the broker refuses (an address that does not exist on it, a message it will not take) must
-- not hold up every other message: after complaints.outbox.max-attempts refusals it is set aside,
-- with the broker's reason, where operations see it and send it again once the cause is fixed.
alter table outbox_message add column send_attempts integer default 0 not null;
alter table outbox_message add column last_refusal varchar(1000);
alter table outbox_message add column set_aside_at timestamp with time zone;
create index outbox_message_set_aside_idx on outbox_message (set_aside_at);
alter table outbox_message add column last_refused_at timestamp with time zone;

-- An application dead letter (a department's result that could not apply) keeps its sender as the
-- broker authenticated them, so that a replay is judged as the original was, not as the platform.
alter table outbox_message add column original_sender varchar(100);
