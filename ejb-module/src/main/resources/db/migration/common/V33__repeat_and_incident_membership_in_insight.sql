-- Issue 21: what insight finds about a complaint is insight's, in rows keyed by the complaint,
-- not columns of the complaint: its place in a customer's series on one issue (R-X1) and the
-- mass-complaint incident it is part of (R-X2). Who leads the case (supervisor_led, follower)
-- stays on the complaint: that is the case's own state.
create table complaint_repeat (
    complaint_id bigint      primary key references complaint (id),
    first_number varchar(32) not null,
    place        integer     not null
);
insert into complaint_repeat (complaint_id, first_number, place)
    select id, repeat_of, repeat_no from complaint where repeat_of is not null;
create index complaint_repeat_first_idx on complaint_repeat (first_number);

create table incident_member (
    complaint_id bigint primary key references complaint (id),
    incident_id  bigint not null references incident (id)
);
insert into incident_member (complaint_id, incident_id)
    select id, incident_id from complaint where incident_id is not null;
create index incident_member_incident_idx on incident_member (incident_id);

drop index complaint_repeat_of_idx;
alter table complaint drop column repeat_of;
alter table complaint drop column repeat_no;
alter table complaint drop column incident_id;
