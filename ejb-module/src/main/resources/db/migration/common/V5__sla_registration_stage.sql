-- R-I7: registration within 1 working hour of receipt, for every severity. Its clock starts at
-- receipt and stops at registration, so statistics can tell whether the hour was kept.
insert into sla_policy (id, stage, severity, measure, allowance, warn_share, max_extension) values
    (25, 'REGISTRATION', 'GREEN',  'WORKING_TIME', 'PT1H', 0.75, null),
    (26, 'REGISTRATION', 'YELLOW', 'WORKING_TIME', 'PT1H', 0.75, null),
    (27, 'REGISTRATION', 'RED',    'WORKING_TIME', 'PT1H', 0.75, null);

insert into sla_escalation_step (policy_id, step_level, recipient, after_breach) values
    (25, 0, 'OWNER', 'PT0S'), (25, 1, 'SUPERVISOR', 'PT4H'),
    (25, 2, 'DEPARTMENT_HEAD', 'P1D'), (25, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (26, 0, 'OWNER', 'PT0S'), (26, 1, 'SUPERVISOR', 'PT4H'),
    (26, 2, 'DEPARTMENT_HEAD', 'P1D'), (26, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D'),
    (27, 0, 'OWNER', 'PT0S'), (27, 1, 'SUPERVISOR', 'PT4H'),
    (27, 2, 'DEPARTMENT_HEAD', 'P1D'), (27, 3, 'HEAD_OFFICE_COMPLAINT_OFFICE', 'P2D');
