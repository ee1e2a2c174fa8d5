-- Beyond-rule (2020 measures on consumer complaint handling for banking and insurance
-- institutions): a decision reaches the complainant within 15 calendar days of receipt, extendable
-- for a complex case (to 30 days; beyond that only with a senior approver, to 60 days).
-- R-I7, R-F2: a complex case (found so by a supervisor or department head, with a reason) has a
-- named owner and an overall clock, a solution within a week of receipt; its first findings are
-- due in 4 working days, a general complaint's in 2 (within the investigation's 3; R-G1's 4
-- working days are the grade's outer bound, the earlier limit holds).
alter table complaint add column complex boolean default false not null;
alter table complaint add column complex_reason varchar(500);

alter table sla_policy add column complex_allowance varchar(32);
update sla_policy set allowance = 'P2D', complex_allowance = 'P4D'
    where stage = 'FIRST_FINDINGS' and severity = 'GREEN';

insert into sla_policy (id, stage, severity, measure, allowance, warn_share, max_extension) values
    (28, 'REGULATOR_DECISION', 'GREEN',  'CALENDAR_TIME', 'P15D', 0.8, 'P45D'),
    (29, 'REGULATOR_DECISION', 'YELLOW', 'CALENDAR_TIME', 'P15D', 0.8, 'P45D'),
    (30, 'REGULATOR_DECISION', 'RED',    'CALENDAR_TIME', 'P15D', 0.8, 'P45D'),
    (31, 'CASE_RESOLUTION',    'GREEN',  'CALENDAR_TIME', 'P7D',  0.75, null),
    (32, 'CASE_RESOLUTION',    'YELLOW', 'CALENDAR_TIME', 'P7D',  0.75, null),
    (33, 'CASE_RESOLUTION',    'RED',    'CALENDAR_TIME', 'P7D',  0.75, null);

insert into sla_escalation_step (policy_id, step_level, recipient, after_breach) values
    (28, 0, 'OWNER', 'PT0S'), (28, 1, 'SUPERVISOR', 'PT4H'),
    (28, 2, 'DEPARTMENT_HEAD', 'P1D'), (28, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    (29, 0, 'OWNER', 'PT0S'), (29, 1, 'SUPERVISOR', 'PT4H'),
    (29, 2, 'DEPARTMENT_HEAD', 'P1D'), (29, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    (30, 0, 'OWNER', 'PT0S'), (30, 1, 'SUPERVISOR', 'PT4H'),
    (30, 2, 'DEPARTMENT_HEAD', 'P1D'), (30, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P1D'),
    (31, 0, 'OWNER', 'PT0S'), (31, 1, 'SUPERVISOR', 'PT4H'),
    (31, 2, 'DEPARTMENT_HEAD', 'P1D'), (31, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (32, 0, 'OWNER', 'PT0S'), (32, 1, 'SUPERVISOR', 'PT4H'),
    (32, 2, 'DEPARTMENT_HEAD', 'P1D'), (32, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (33, 0, 'OWNER', 'PT0S'), (33, 1, 'SUPERVISOR', 'PT4H'),
    (33, 2, 'DEPARTMENT_HEAD', 'P1D'), (33, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D');

-- The statistics count each stage's clocks decided and decided on time.
alter table stat_day add column m_regulator_decision bigint default 0 not null;
alter table stat_day add column ok_regulator_decision bigint default 0 not null;
alter table stat_day add column m_case_resolution bigint default 0 not null;
alter table stat_day add column ok_case_resolution bigint default 0 not null;
