-- R-F8: the follow-up call asks whether the problem is really solved, beside the three levels of
-- satisfaction; the statistics count basically satisfied on its own and the solved answers.
alter table work_task add column problem_solved boolean;
alter table case_fact add column problem_solved boolean;
alter table stat_day add column basically_satisfied bigint default 0 not null;
alter table stat_day add column solved_asked bigint default 0 not null;
alter table stat_day add column solved bigint default 0 not null;

-- The rollups so far have no basically-satisfied counts: derive every complaint's facts again.
-- The refresher works through the marks in the background (its backlog is in the metrics); marks
-- of their own (negative ids) cannot meet the sequence's.
delete from stat_day;
delete from stat_day_hours;
delete from case_fact;
insert into stat_pending (id, complaint_id)
    select -id, id from complaint where feedback_type = 'COMPLAINT';
