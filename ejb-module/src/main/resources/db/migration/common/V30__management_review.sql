-- R-M2: the typical cases staff select for the quarterly analysis (complex ones solved, failures,
-- mass complaints), each with a comment.
create table typical_case (
    complaint_id bigint        primary key references complaint (id),
    kind         varchar(32)   not null,
    comment      varchar(2000) not null,
    flagged_by   varchar(200)  not null,
    flagged_at   timestamp with time zone not null
);
create index typical_case_flagged_idx on typical_case (flagged_at);

-- R-M3: improvement actions on the weaknesses found in rules, process, training and technology,
-- with an owner and a due date, tracked until done.
create sequence improvement_action_seq start with 50 increment by 50;
create table improvement_action (
    id         bigint        primary key,
    area       varchar(16)   not null,
    weakness   varchar(2000) not null,
    action     varchar(2000) not null,
    owner      varchar(200)  not null,
    due_on     date          not null,
    status     varchar(16)   not null,
    created_by varchar(200)  not null,
    created_at timestamp with time zone not null,
    done_at    timestamp with time zone,
    version    bigint        default 0 not null
);
