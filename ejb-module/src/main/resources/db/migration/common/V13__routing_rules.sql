-- R-F1: routing as data. The first rule (by priority) whose conditions all hold names the
-- responsible department; no match falls back to complaints.routing.default-department.
create sequence routing_rule_seq start with 10050 increment by 50;
create table routing_rule (
    id              bigint       primary key,
    priority        integer      not null,
    category        varchar(16),
    severity        varchar(16),
    -- Separated by |, matched case-insensitively in the subject, description and products.
    keywords        varchar(2000),
    department_code varchar(32)  not null references department (code),
    description     varchar(200) not null
);

insert into routing_rule (id, priority, category, severity, keywords, department_code, description) values
    (1, 10, 'SYSTEM',  null, null,        'EBANK',          '系统故障 → 电子银行部 System faults to e-banking'),
    (2, 20, 'PRODUCT', null, '贷款|房贷|车贷', 'RETAIL_LENDING', '贷款产品 → 零售信贷部 Loans to retail lending'),
    (3, 30, 'PRODUCT', null, '理财|基金|保险', 'WEALTH',         '理财产品 → 财富管理部 Wealth products'),
    (4, 40, 'SERVICE', null, null,        'OPS',            '网点服务 → 运营管理部 Branch service to operations');

-- R-F1, R-G1: the departments of a Red case's task force besides its lead.
create table complaint_task_force (
    complaint_id    bigint      not null references complaint (id),
    department_code varchar(32) not null references department (code),
    primary key (complaint_id, department_code)
);

-- R-P2: the handler named for the case (never someone the complaint names).
alter table complaint add column handler_name varchar(100);
alter table complaint add column handler_employee_id varchar(32);
