-- Issue 18, ADR 0009: a registration is audited as one entry that lists each of its steps (the
-- grading, the notice, the assignment, ...), so its reason needs more room than one step's.
-- Widening a varchar rewrites nothing; no entry's content or seal changes.
alter table audit_entry alter column reason set data type varchar(8000);
