-- Issue 21: a case's evidence items are numbered from the items themselves (the next is one past
-- the highest, under the case's row lock), not from a counter the complaint kept for them.
alter table complaint drop column evidence_count;
