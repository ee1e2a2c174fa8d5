-- R-G1, R-G2: grading rules as data, and each complaint's category and task-force flag.
create sequence grading_rule_seq start with 10050 increment by 50;
create table grading_rule (
    id          bigint        primary key,
    priority    integer       not null,
    -- Separated by |, matched case-insensitively in subject and description.
    keywords    varchar(2000),
    min_amount  numeric(15,2),
    severity    varchar(16)   not null,
    category    varchar(16),
    description varchar(200)  not null,
    check (keywords is not null or min_amount is not null)
);

insert into grading_rule (id, priority, keywords, min_amount, severity, category, description) values
    (1, 10, '盗刷|被盗|未授权|冒用|诈骗|泄露|信息泄漏|账户被锁|异常交易|fraud|leak', null,
        'RED', 'SECURITY', '账户安全、信息泄露 Security: misuse, leak, fraud'),
    (2, 20, '系统故障|无法登录|闪退|宕机|转账失败|页面报错|ATM吞卡|吞卡|outage', null,
        'YELLOW', 'SYSTEM', '系统、网银与自助设备故障 System faults'),
    (3, 30, '年费|手续费|利息|罚息|扣费|收费|fee', null,
        'GREEN', 'FEES', '收费与利息 Fees and interest'),
    (4, 40, '理财|贷款|信用卡|存款|基金|保险|产品', null,
        'GREEN', 'PRODUCT', '产品功能、规则与宣传 Products'),
    (5, 50, '态度|排队|等待|柜台|服务|大堂|客服|热线', null,
        'GREEN', 'SERVICE', '网点与服务 Service'),
    (6, 60, null, 10000.00,
        'YELLOW', null, '诉求金额 ≥ 10,000 Some financial loss'),
    (7, 70, null, 100000.00,
        'RED', null, '诉求金额 ≥ 100,000 Major financial loss');

alter table complaint add column category varchar(16) default 'OTHER' not null;
alter table complaint add column task_force boolean default false not null;
