-- Channel systems retry: a submission under an Idempotency-Key already seen from the same channel
-- returns the complaint it created (same fingerprint) or is refused (different fingerprint).
create table idempotency_key (
    channel      varchar(32)  not null,
    idem_key     varchar(100) not null,
    -- SHA-256 of what was submitted (NewComplaint.fingerprint()).
    fingerprint  varchar(64)  not null,
    complaint_id bigint       references complaint (id),
    created_at   timestamp with time zone not null,
    primary key (channel, idem_key)
);
