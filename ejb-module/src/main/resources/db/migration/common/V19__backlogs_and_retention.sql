-- Operations watch every work list's age, not only its length: a statistics backlog that is old
-- means the refresher has stalled, however short it is.
alter table stat_pending add column created_at timestamp with time zone default current_timestamp not null;

-- Retention deletes idempotency keys by age (complaints.retention.idempotency-keys).
create index idempotency_key_created_idx on idempotency_key (created_at);
