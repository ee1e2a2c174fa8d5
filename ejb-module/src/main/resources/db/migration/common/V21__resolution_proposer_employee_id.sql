-- Issue 19, R-F4: maker–checker. The proposer is the signed-in person, and their employee id is
-- kept so that no approver of the resolution is the one who proposed it. Resolutions proposed
-- before this have none (the name typed in the request was all there was).
alter table resolution add column proposed_by_employee_id varchar(32);
