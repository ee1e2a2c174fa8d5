-- R-I4: when and where it happened, and the staff and products involved.
alter table complaint add column occurred_at timestamp with time zone;
alter table complaint add column occurred_where varchar(200);

create table complaint_staff (
    complaint_id bigint       not null references complaint (id),
    position     integer      not null,
    name         varchar(100) not null,
    employee_id  varchar(32),
    unit         varchar(100),
    primary key (complaint_id, position)
);
-- R-P2 (recusal) asks "is this employee named in a complaint?".
create index complaint_staff_employee_idx on complaint_staff (employee_id);

create table complaint_product (
    complaint_id bigint       not null references complaint (id),
    position     integer      not null,
    product      varchar(100) not null,
    primary key (complaint_id, position)
);

-- R-G3: cause tags for root-cause analysis, proposed by grading rules and set by staff.
create table complaint_cause_tag (
    complaint_id bigint      not null references complaint (id),
    tag          varchar(40) not null,
    primary key (complaint_id, tag)
);
alter table grading_rule add column cause_tag varchar(40);
alter table grading_rule alter column severity drop not null;

insert into grading_rule (id, priority, keywords, min_amount, severity, category, cause_tag, description) values
    (8, 80, '办错|操作失误|处理错误|录入错误|错误扣款|办理错误', null,
        null, null, 'BUSINESS_PROCESSING_ERROR', '业务处理差错 Business-processing error'),
    (9, 90, '说法不一|说法不一致|口径不一|互相推诿', null,
        null, null, 'INCONSISTENT_ANSWERS', '大堂经理与柜员说法不一 Inconsistent answers'),
    (10, 100, '不叫号|窗口空闲|柜员空闲', null,
        null, null, 'IDLE_COUNTERS_NOT_CALLING', '空闲窗口不叫号 Idle counters not calling'),
    (11, 110, '窗口关闭|柜台关闭|只开一个窗口|只开了一个窗口', null,
        null, null, 'CLOSED_COUNTERS', '窗口关闭 Closed counters');

-- R-I7: an urgent complaint gets a named owner at once: the department's duty owner.
alter table department add column duty_owner varchar(100);
update department set duty_owner = '值班主管 Duty manager ' || code;

-- R-I5: evidence items, numbered per case; a file's SHA-256 is recorded when it is registered.
create sequence evidence_item_seq start with 50 increment by 50;
create table evidence_item (
    id            bigint        primary key,
    complaint_id  bigint        not null references complaint (id),
    item_number   integer       not null,
    source        varchar(16)   not null,
    kind          varchar(32)   not null,
    description   varchar(500)  not null,
    link          varchar(2000),
    file_name     varchar(255),
    content_type  varchar(100),
    size_bytes    bigint,
    sha256        varchar(64),
    registered_by varchar(100)  not null,
    registered_at timestamp with time zone not null,
    unique (complaint_id, item_number),
    -- An external link, an uploaded file, or (listed at intake, to follow) neither; never both.
    check (link is null or sha256 is null)
);
-- The uploaded bytes, apart from the metadata so that listing evidence never reads them.
create table evidence_content (
    evidence_id bigint primary key references evidence_item (id),
    content     bytea  not null
);
alter table complaint add column evidence_count integer default 0 not null;
alter table complaint add column owner_name varchar(100);
