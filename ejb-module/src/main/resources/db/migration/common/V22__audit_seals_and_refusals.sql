-- Issue 19, R-S3: an audit chain that misses nothing and takes in nothing it did not write.
-- Each entry carries the application's seal from its insert: an HMAC under the audit key (which the
-- database does not hold) over the entry. A row inserted behind the application's back has no seal
-- that holds; the linker does not chain it but marks its work-list row refused, and verification
-- reports it.
alter table audit_entry add column seal varchar(64);
alter table audit_pending add column refused_at timestamp with time zone;
-- Entries chained before seals existed carry none: seals are required from this sequence number on
-- (after everything already linked or waiting to be).
alter table audit_chain_head add column sealed_from bigint default 1 not null;
update audit_chain_head set sealed_from = last_seq + 1 + (select count(*) from audit_pending);
