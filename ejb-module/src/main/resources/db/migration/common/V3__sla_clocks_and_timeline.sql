-- SLA policy, per-case clocks, the case timeline, and the calendar's weekly hours as data.
-- Written in the SQL that PostgreSQL and H2 (MODE=PostgreSQL) share. Times are UTC instants.

-- R-CAL weekly working hours (one row). Administrators replace it through the admin API; a trial
-- sets every day to 00:00-24:00.
create table calendar_week (
    id            integer      primary key,
    working_days  varchar(100) not null,
    working_hours varchar(200) not null
);
insert into calendar_week (id, working_days, working_hours)
    values (1, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '09:00-17:00');

-- R-G1: until grading rules arrive every complaint starts Green.
alter table complaint add column severity varchar(16) default 'GREEN' not null;
-- R-I7: when the customer was contacted to confirm receipt.
alter table complaint add column customer_contacted_at timestamp with time zone;

-- The deadline of each stage for each severity (R-P1, R-I7, R-G1, R-F1…R-F8). An allowance is an
-- ISO-8601 duration in the policy's measure: on WORKING_TIME a day (P1D) is one working day.
-- The seeded rows use ids below the sequence's first block.
create sequence sla_policy_seq start with 10050 increment by 50;
create table sla_policy (
    id            bigint       primary key,
    stage         varchar(32)  not null,
    severity      varchar(16)  not null,
    measure       varchar(16)  not null,
    allowance     varchar(32)  not null,
    warn_share    numeric(4,3) not null,
    max_extension varchar(32),
    unique (stage, severity)
);

-- The escalation ladder of each policy: who is alerted, and how long after the breach.
create table sla_escalation_step (
    policy_id    bigint      not null references sla_policy (id) on delete cascade,
    step_level   integer     not null,
    recipient    varchar(32) not null,
    after_breach varchar(32) not null,
    primary key (policy_id, step_level)
);

insert into sla_policy (id, stage, severity, measure, allowance, warn_share, max_extension) values
    ( 1, 'CUSTOMER_CONTACT', 'GREEN', 'CALENDAR_TIME', 'PT24H', 0.75, null),
    ( 2, 'INVESTIGATION_START', 'GREEN', 'CALENDAR_TIME', 'PT24H', 0.75, null),
    ( 3, 'FIRST_FINDINGS', 'GREEN', 'WORKING_TIME', 'P4D', 0.75, null),
    ( 4, 'INVESTIGATION', 'GREEN', 'WORKING_TIME', 'P3D', 0.75, 'P2D'),
    ( 5, 'APPROVAL', 'GREEN', 'WORKING_TIME', 'P1D', 0.75, null),
    ( 6, 'CUSTOMER_ANSWER', 'GREEN', 'WORKING_TIME', 'P3D', 0.75, null),
    ( 7, 'EXECUTION', 'GREEN', 'WORKING_TIME', 'P3D', 0.75, null),
    ( 8, 'FOLLOW_UP_CALL', 'GREEN', 'CALENDAR_TIME', 'P7D', 0.75, null),
    ( 9, 'CUSTOMER_CONTACT', 'YELLOW', 'CALENDAR_TIME', 'PT24H', 0.75, null),
    (10, 'INVESTIGATION_START', 'YELLOW', 'CALENDAR_TIME', 'PT24H', 0.75, null),
    (11, 'FIRST_FINDINGS', 'YELLOW', 'WORKING_TIME', 'P2D', 0.75, null),
    (12, 'INVESTIGATION', 'YELLOW', 'WORKING_TIME', 'P2D', 0.75, 'P1D'),
    (13, 'APPROVAL', 'YELLOW', 'WORKING_TIME', 'P1D', 0.75, null),
    (14, 'CUSTOMER_ANSWER', 'YELLOW', 'WORKING_TIME', 'P3D', 0.75, null),
    (15, 'EXECUTION', 'YELLOW', 'WORKING_TIME', 'P3D', 0.75, null),
    (16, 'FOLLOW_UP_CALL', 'YELLOW', 'CALENDAR_TIME', 'P7D', 0.75, null),
    (17, 'CUSTOMER_CONTACT', 'RED', 'CALENDAR_TIME', 'PT1H', 0.75, null),
    (18, 'INVESTIGATION_START', 'RED', 'CALENDAR_TIME', 'PT1H', 0.75, null),
    (19, 'FIRST_FINDINGS', 'RED', 'CALENDAR_TIME', 'PT4H', 0.75, null),
    (20, 'INVESTIGATION', 'RED', 'CALENDAR_TIME', 'P1D', 0.75, null),
    (21, 'APPROVAL', 'RED', 'WORKING_TIME', 'P1D', 0.75, null),
    (22, 'CUSTOMER_ANSWER', 'RED', 'WORKING_TIME', 'P3D', 0.75, null),
    (23, 'EXECUTION', 'RED', 'WORKING_TIME', 'P3D', 0.75, null),
    (24, 'FOLLOW_UP_CALL', 'RED', 'CALENDAR_TIME', 'P7D', 0.75, null);

insert into sla_escalation_step (policy_id, step_level, recipient, after_breach) values
    ( 1, 0, 'OWNER', 'PT0S'),
    ( 1, 1, 'SUPERVISOR', 'PT4H'),
    ( 1, 2, 'DEPARTMENT_HEAD', 'PT12H'),
    ( 1, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    ( 2, 0, 'OWNER', 'PT0S'),
    ( 2, 1, 'SUPERVISOR', 'PT4H'),
    ( 2, 2, 'DEPARTMENT_HEAD', 'PT12H'),
    ( 2, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    ( 3, 0, 'OWNER', 'PT0S'),
    ( 3, 1, 'SUPERVISOR', 'PT4H'),
    ( 3, 2, 'DEPARTMENT_HEAD', 'P1D'),
    ( 3, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    ( 4, 0, 'OWNER', 'PT0S'),
    ( 4, 1, 'SUPERVISOR', 'PT4H'),
    ( 4, 2, 'DEPARTMENT_HEAD', 'P1D'),
    ( 4, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    ( 5, 0, 'OWNER', 'PT0S'),
    ( 5, 1, 'SUPERVISOR', 'PT4H'),
    ( 5, 2, 'DEPARTMENT_HEAD', 'P1D'),
    ( 5, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    ( 6, 0, 'OWNER', 'PT0S'),
    ( 6, 1, 'SUPERVISOR', 'PT4H'),
    ( 6, 2, 'DEPARTMENT_HEAD', 'P1D'),
    ( 6, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    ( 7, 0, 'OWNER', 'PT0S'),
    ( 7, 1, 'SUPERVISOR', 'PT4H'),
    ( 7, 2, 'DEPARTMENT_HEAD', 'P1D'),
    ( 7, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    ( 8, 0, 'OWNER', 'PT0S'),
    ( 8, 1, 'SUPERVISOR', 'PT4H'),
    ( 8, 2, 'DEPARTMENT_HEAD', 'PT12H'),
    ( 8, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    ( 9, 0, 'OWNER', 'PT0S'),
    ( 9, 1, 'SUPERVISOR', 'PT4H'),
    ( 9, 2, 'DEPARTMENT_HEAD', 'PT12H'),
    ( 9, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    (10, 0, 'OWNER', 'PT0S'),
    (10, 1, 'SUPERVISOR', 'PT4H'),
    (10, 2, 'DEPARTMENT_HEAD', 'PT12H'),
    (10, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    (11, 0, 'OWNER', 'PT0S'),
    (11, 1, 'SUPERVISOR', 'PT4H'),
    (11, 2, 'DEPARTMENT_HEAD', 'P1D'),
    (11, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (12, 0, 'OWNER', 'PT0S'),
    (12, 1, 'SUPERVISOR', 'PT4H'),
    (12, 2, 'DEPARTMENT_HEAD', 'P1D'),
    (12, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (13, 0, 'OWNER', 'PT0S'),
    (13, 1, 'SUPERVISOR', 'PT4H'),
    (13, 2, 'DEPARTMENT_HEAD', 'P1D'),
    (13, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (14, 0, 'OWNER', 'PT0S'),
    (14, 1, 'SUPERVISOR', 'PT4H'),
    (14, 2, 'DEPARTMENT_HEAD', 'P1D'),
    (14, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (15, 0, 'OWNER', 'PT0S'),
    (15, 1, 'SUPERVISOR', 'PT4H'),
    (15, 2, 'DEPARTMENT_HEAD', 'P1D'),
    (15, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (16, 0, 'OWNER', 'PT0S'),
    (16, 1, 'SUPERVISOR', 'PT4H'),
    (16, 2, 'DEPARTMENT_HEAD', 'PT12H'),
    (16, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    (17, 0, 'OWNER', 'PT0S'),
    (17, 1, 'SUPERVISOR', 'PT30M'),
    (17, 2, 'DEPARTMENT_HEAD', 'PT1H'),
    (17, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'PT2H'),
    (18, 0, 'OWNER', 'PT0S'),
    (18, 1, 'SUPERVISOR', 'PT30M'),
    (18, 2, 'DEPARTMENT_HEAD', 'PT1H'),
    (18, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'PT2H'),
    (19, 0, 'OWNER', 'PT0S'),
    (19, 1, 'SUPERVISOR', 'PT30M'),
    (19, 2, 'DEPARTMENT_HEAD', 'PT1H'),
    (19, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'PT2H'),
    (20, 0, 'OWNER', 'PT0S'),
    (20, 1, 'SUPERVISOR', 'PT4H'),
    (20, 2, 'DEPARTMENT_HEAD', 'PT12H'),
    (20, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    (21, 0, 'OWNER', 'PT0S'),
    (21, 1, 'SUPERVISOR', 'PT4H'),
    (21, 2, 'DEPARTMENT_HEAD', 'P1D'),
    (21, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (22, 0, 'OWNER', 'PT0S'),
    (22, 1, 'SUPERVISOR', 'PT4H'),
    (22, 2, 'DEPARTMENT_HEAD', 'P1D'),
    (22, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (23, 0, 'OWNER', 'PT0S'),
    (23, 1, 'SUPERVISOR', 'PT4H'),
    (23, 2, 'DEPARTMENT_HEAD', 'P1D'),
    (23, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (24, 0, 'OWNER', 'PT0S'),
    (24, 1, 'SUPERVISOR', 'PT4H'),
    (24, 2, 'DEPARTMENT_HEAD', 'PT12H'),
    (24, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D');

-- One clock per stage of a case. next_action_at is what the escalation scanner claims.
create sequence sla_clock_seq start with 50 increment by 50;
create table sla_clock (
    id                   bigint      primary key,
    complaint_id         bigint      not null references complaint (id),
    stage                varchar(32) not null,
    measure              varchar(16) not null,
    state                varchar(16) not null,
    started_at           timestamp with time zone not null,
    due_at               timestamp with time zone not null,
    warn_at              timestamp with time zone not null,
    warned               boolean     not null,
    escalations_sent     integer     not null,
    next_action_at       timestamp with time zone,
    paused_at            timestamp with time zone,
    remaining_ms         bigint,
    remaining_to_warn_ms bigint,
    paused_total_ms      bigint      not null,
    extended_ms          bigint      not null,
    stopped_at           timestamp with time zone,
    version              bigint      not null
);
create index sla_clock_complaint_idx on sla_clock (complaint_id);
-- The scanner's claim: due rows in time order. Cost follows the due rows, not the open cases.
create index sla_clock_next_action_idx on sla_clock (next_action_at);

-- The case timeline: what happened, when, by whom and why. customer_visible rows make the
-- customer-safe timeline; an alert also records when it was due to go out.
create sequence case_event_seq start with 50 increment by 50;
create table case_event (
    id               bigint        primary key,
    complaint_id     bigint        not null references complaint (id),
    occurred_at      timestamp with time zone not null,
    kind             varchar(32)   not null,
    actor            varchar(100)  not null,
    summary          varchar(2000) not null,
    customer_visible boolean       not null,
    scheduled_for    timestamp with time zone
);
create index case_event_complaint_idx on case_event (complaint_id, occurred_at);
