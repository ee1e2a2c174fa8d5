-- R-I3: the customer's identity document and address, and the accounts or cards concerned.
-- Stored in full (masked in every response, log line and message); protection at rest is the
-- security issue's.
alter table complaint add column id_type varchar(32);
alter table complaint add column id_number varchar(32);
alter table complaint add column customer_address varchar(300);

create table complaint_account (
    complaint_id   bigint      not null references complaint (id),
    position       integer     not null,
    kind           varchar(16) not null,
    account_number varchar(19) not null,
    primary key (complaint_id, position)
);
