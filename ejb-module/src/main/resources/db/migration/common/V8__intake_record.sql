-- R-I2 feedback type; R-I4 the customer's demand (amount in CNY, to the fen); R-I6 who received
-- an offline complaint, and when it was registered (received_at may be earlier: a letter).
alter table complaint add column feedback_type varchar(16) default 'COMPLAINT' not null;
alter table complaint add column demand_type varchar(32);
alter table complaint add column demand_amount numeric(15,2);
alter table complaint add column demand_note varchar(500);
alter table complaint add column received_by varchar(100);
alter table complaint add column registered_at timestamp with time zone;
update complaint set registered_at = received_at;
alter table complaint alter column registered_at set not null;
