-- R-X2: mass complaints. A complaint's similarity key (channel, category and the products it
-- concerns, as configured) finds similar complaints by other customers in the time window; past
-- the configured count an incident opens and links them. The single-row lock serialises only
-- the opening of incidents, not ordinary registrations. A complaint belongs to one incident at most.
alter table complaint add column similarity_key varchar(400);
create index complaint_similarity_idx on complaint (similarity_key, received_at);

create sequence incident_seq start with 50 increment by 50;
create table incident (
    id             bigint        not null primary key,
    similarity_key varchar(400)  not null,
    channel        varchar(32)   not null,
    category       varchar(32)   not null,
    products       varchar(400),
    status         varchar(16)   not null,
    opened_at      timestamp with time zone not null,
    statement      varchar(2000),
    statement_at   timestamp with time zone,
    progress       varchar(2000),
    progress_at    timestamp with time zone,
    evaluation     varchar(4000),
    closed_at      timestamp with time zone,
    closed_by      varchar(100),
    version        bigint        not null
);
create index incident_open_idx on incident (similarity_key, status);

alter table complaint add column incident_id bigint references incident (id);
create index complaint_incident_idx on complaint (incident_id);

create table incident_opening_lock (
    id integer not null primary key
);
insert into incident_opening_lock (id) values (1);
