-- The first slice: departments, complaints, their work tasks, and the transactional outbox.
-- Written in the SQL that PostgreSQL and H2 (MODE=PostgreSQL) share. Times are UTC instants.

create table department (
    code        varchar(32)  primary key,
    name        varchar(200) not null,
    -- The Artemis queue that carries this department's tasks (see jms-config broker.xml).
    task_queue  varchar(200) not null unique
);

insert into department (code, name, task_queue) values
    ('CSC',            '客户服务中心 Customer service centre', 'complaints.tasks.CSC'),
    ('EBANK',          '电子银行部 E-banking',                  'complaints.tasks.EBANK'),
    ('OPS',            '运营管理部 Operations',                 'complaints.tasks.OPS'),
    ('CARDS',          '信用卡中心 Cards',                      'complaints.tasks.CARDS'),
    ('RETAIL_LENDING', '零售信贷部 Retail lending',             'complaints.tasks.RETAIL_LENDING'),
    ('WEALTH',         '财富管理部 Wealth management',          'complaints.tasks.WEALTH');

-- EclipseLink reads each value as the last of a block of 50, so the first must be 50.
create sequence complaint_seq start with 50 increment by 50;

create table complaint (
    id               bigint        primary key,
    complaint_number varchar(32)   not null unique,
    channel          varchar(32)   not null,
    customer_name    varchar(100)  not null,
    customer_mobile  varchar(32)   not null,
    subject          varchar(200)  not null,
    description      varchar(4000) not null,
    status           varchar(32)   not null,
    department_code  varchar(32)   references department (code),
    received_at      timestamp with time zone not null,
    version          bigint        not null
);
create index complaint_received_at_idx on complaint (received_at);

create table work_task (
    id              varchar(36)  primary key,
    complaint_id    bigint       not null references complaint (id),
    kind            varchar(32)  not null,
    department_code varchar(32)  not null references department (code),
    status          varchar(32)  not null,
    created_at      timestamp with time zone not null,
    due_at          timestamp with time zone not null,
    version         bigint       not null
);
create index work_task_complaint_idx on work_task (complaint_id);

create sequence outbox_seq start with 50 increment by 50;

-- Messages written in the business transaction and published by the relay after commit.
create table outbox_message (
    id             bigint         primary key,
    -- Also the broker's duplicate-detection id (_AMQ_DUPL_ID): a resend after a crash is dropped.
    message_id     varchar(36)    not null unique,
    destination    varchar(200)   not null,
    message_type   varchar(64)    not null,
    schema_version integer        not null,
    message_key    varchar(64),
    payload        varchar(16000) not null,
    created_at     timestamp with time zone not null,
    published_at   timestamp with time zone
);
-- The relay's claim: unpublished rows in id order.
create index outbox_message_pending_idx on outbox_message (published_at, id);
