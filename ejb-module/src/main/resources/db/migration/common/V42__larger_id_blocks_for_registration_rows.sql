-- Issue 18: the ids of the rows every registration writes are taken from their sequences in blocks
-- of 1,000 instead of 50. A registration writes about 4.6 timeline events, 4 clocks, 2.2 outbox
-- messages and one complaint, audit entry and statistics mark: with blocks of 50 that was a
-- nextval round trip every 3 or 4 registrations, in the middle of a group's writing.
--
-- EclipseLink takes as its block the allocationSize values that end at what nextval returned, so
-- each entity's allocationSize is this increment, and the next value must lie at least a block
-- above every id handed out: a nextval before the change (a sequence never used yet still returns
-- its start) and one after (H2 returns the value it had prepared at the old increment once more)
-- put it there on both databases. A server restart leaves the rest of its blocks unused: gaps in
-- ids, which mean nothing.
select nextval('case_event_seq');
alter sequence case_event_seq increment by 1000;
select nextval('case_event_seq');
select nextval('sla_clock_seq');
alter sequence sla_clock_seq increment by 1000;
select nextval('sla_clock_seq');
select nextval('outbox_seq');
alter sequence outbox_seq increment by 1000;
select nextval('outbox_seq');
select nextval('complaint_seq');
alter sequence complaint_seq increment by 1000;
select nextval('complaint_seq');
select nextval('audit_entry_seq');
alter sequence audit_entry_seq increment by 1000;
select nextval('audit_entry_seq');
select nextval('stat_pending_seq');
alter sequence stat_pending_seq increment by 1000;
select nextval('stat_pending_seq');
