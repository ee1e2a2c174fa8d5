-- R-S2: identity, account, card and mobile numbers are stored encrypted (AES-GCM, the key id in
-- the value: "enc:v1:<key id>:…"), which needs room; equality lookups use a keyed hash column.
alter table complaint alter column customer_mobile set data type varchar(200);
alter table complaint alter column id_number set data type varchar(200);
alter table complaint_account alter column account_number set data type varchar(200);
alter table complaint add column customer_mobile_hash varchar(64);
alter table complaint add column id_number_hash varchar(64);
create index complaint_customer_mobile_hash_idx on complaint (customer_mobile_hash);
create index complaint_id_number_hash_idx on complaint (id_number_hash);

-- R-S3: the audit log. Entries are only ever inserted, in the transaction of what they record.
-- A single linker then chains them in commit order (audit_link, also insert-only): each link's
-- hash is an HMAC over the entry and the previous link's hash, so altering, removing or
-- reordering an entry breaks the chain from there on. In production the application's database
-- role needs only INSERT and SELECT on both tables.
create sequence audit_entry_seq start with 50 increment by 50;
create table audit_entry (
    id          bigint        not null primary key,
    recorded_at timestamp with time zone not null,
    principal   varchar(200)  not null,
    actor       varchar(200),
    action      varchar(64)   not null,
    subject     varchar(200)  not null,
    reason      varchar(2000),
    request_id  varchar(100)  not null
);

create table audit_link (
    seq       bigint       not null primary key,
    entry_id  bigint       not null unique references audit_entry (id),
    prev_hash varchar(64)  not null,
    hash      varchar(64)  not null
);

-- Entries not yet linked (the linker's work list; rows leave it once linked).
create table audit_pending (
    entry_id  bigint       not null primary key
);

-- The linker's lock and the chain's head; one row.
create table audit_chain_head (
    id        integer      not null primary key,
    last_seq  bigint       not null,
    last_hash varchar(64)  not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
