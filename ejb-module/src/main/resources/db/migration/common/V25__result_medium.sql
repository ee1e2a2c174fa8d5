-- R-F5: how the result reaches the customer. Letters and counter complaints are answered by staff
-- (a letter or a call); complaints registered before this keep their notice medium for the result.
-- The default matches notice_by's (V6) for rows written outside the application.
alter table complaint add column result_by varchar(16) default 'SMS' not null;
update complaint set result_by = notice_by;
