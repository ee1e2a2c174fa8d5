-- The case lifecycle after investigation: resolutions and their approvals (R-F3, R-F4), task
-- results (R-F7, R-F8), reopening (R-F6, R-F8) and referral outside the bank (R-X3).
create sequence resolution_seq start with 50 increment by 50;
create table resolution (
    id              bigint        primary key,
    complaint_id    bigint        not null references complaint (id),
    type            varchar(40)   not null,
    amount          numeric(15,2),
    conclusion      varchar(2000) not null,
    rule_relied_on  varchar(500)  not null,
    how_carried_out varchar(1000) not null,
    proposed_by     varchar(100)  not null,
    proposed_at     timestamp with time zone not null,
    -- The approver roles in order, separated by commas (R-F4, fixed when proposed).
    required_roles  varchar(200)  not null,
    status          varchar(16)   not null,
    version         bigint        not null
);
create index resolution_complaint_idx on resolution (complaint_id);

create table approval (
    resolution_id        bigint        not null references resolution (id),
    position             integer       not null,
    role                 varchar(40)   not null,
    approver_name        varchar(100)  not null,
    approver_employee_id varchar(32)   not null,
    approver_unit        varchar(100),
    decision             varchar(16)   not null,
    reason               varchar(1000) not null,
    decided_at           timestamp with time zone not null,
    primary key (resolution_id, position)
);

alter table complaint add column reopen_count integer default 0 not null;
-- R-X3: the lawful alternatives offered and the customer's choice.
alter table complaint add column referral_offered varchar(200);
alter table complaint add column referral_chosen varchar(40);

-- What a task asks, and the department's result (idempotent by task id).
alter table work_task add column ask varchar(1000);
alter table work_task add column outcome varchar(2000);
alter table work_task add column satisfaction varchar(32);
alter table work_task add column completed_by varchar(100);
alter table work_task add column completed_at timestamp with time zone;

-- A message the application dead-letters names where it was meant to go and why it failed.
alter table outbox_message add column original_address varchar(200);
alter table outbox_message add column dead_letter_reason varchar(1000);
