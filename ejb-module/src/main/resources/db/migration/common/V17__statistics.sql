-- R-M1, R-M4: statistics. Each complaint's figures (case_fact) are derived from its rows after
-- every change, and added into day rollups per dimension, so that a month's report reads a few
-- thousand rollup rows instead of every case. Days are the bank's calendar days.

-- Complaints changed since their facts were last derived (written with each timeline entry).
create sequence stat_pending_seq start with 50 increment by 50;
create table stat_pending (
    id           bigint primary key,
    complaint_id bigint not null
);

-- One row per complaint (feedback type COMPLAINT): what its rows say, as the rollups hold it.
create table case_fact (
    complaint_id     bigint       primary key references complaint (id),
    stat_day         date         not null,
    channel          varchar(32)  not null,
    category         varchar(16)  not null,
    severity         varchar(16)  not null,
    department_code  varchar(32)  not null,
    employee_id      varchar(32)  not null,
    employee_name    varchar(100) not null,
    cause_tags       varchar(400) not null,
    concluded        boolean      not null,
    handling_seconds bigint,
    first_contact    boolean      not null,
    satisfaction     varchar(32),
    reason           varchar(200),
    escalated        boolean      not null,
    is_repeat        boolean      not null,
    -- Per stage: 1 on time, 0 late, null not yet decided (in the R-I7…R-F8 stage order).
    on_time          varchar(32)  not null,
    derived_at       timestamp with time zone not null
);

-- Sums per bank day, dimension (ALL, DEPARTMENT, EMPLOYEE, CATEGORY, CHANNEL, SEVERITY, CAUSE_TAG,
-- REASON) and key. The stage columns count decided stages (m_) and those on time (ok_).
create table stat_day (
    stat_day         date         not null,
    dimension        varchar(16)  not null,
    dim_key          varchar(200) not null,
    label            varchar(200) not null,
    cases            bigint       not null,
    concluded        bigint       not null,
    handling_seconds bigint       not null,
    first_contact    bigint       not null,
    answered         bigint       not null,
    satisfied        bigint       not null,
    escalated        bigint       not null,
    repeats          bigint       not null,
    m_registration bigint not null, ok_registration bigint not null,
    m_customer_contact bigint not null, ok_customer_contact bigint not null,
    m_investigation_start bigint not null, ok_investigation_start bigint not null,
    m_first_findings bigint not null, ok_first_findings bigint not null,
    m_investigation bigint not null, ok_investigation bigint not null,
    m_approval bigint not null, ok_approval bigint not null,
    m_customer_answer bigint not null, ok_customer_answer bigint not null,
    m_execution bigint not null, ok_execution bigint not null,
    m_follow_up_call bigint not null, ok_follow_up_call bigint not null,
    primary key (stat_day, dimension, dim_key)
);

-- Concluded cases by handling time in whole hours (rounded up), for exact percentiles.
create table stat_day_hours (
    stat_day  date         not null,
    dimension varchar(16)  not null,
    dim_key   varchar(200) not null,
    hours     integer      not null,
    cases     bigint       not null,
    primary key (stat_day, dimension, dim_key, hours)
);

-- One refresher at a time, across servers.
create table stat_refresh_lock (
    id integer primary key
);
insert into stat_refresh_lock (id) values (1);

-- Every complaint registered before this version is derived once.
insert into stat_pending (id, complaint_id) select -id, id from complaint;

-- The dashboard's breached and at-risk cases: running clocks in deadline order.
create index sla_clock_state_due_idx on sla_clock (state, due_at);
