-- R-X1: repeat complaints. customer_key is the identity the recognition keys on: the keyed hash
-- of the ID number when the customer gave one, else of the mobile (never how a name was typed).
-- A repeat names the first complaint on its issue and its place in the series; past the
-- configured count a supervisor leads it and a named person follows it.
alter table complaint add column customer_key varchar(64);
alter table complaint add column repeat_of varchar(32);
alter table complaint add column repeat_no integer;
alter table complaint add column supervisor_led boolean default false not null;
alter table complaint add column follower varchar(100);
update complaint set customer_key = coalesce(id_number_hash, customer_mobile_hash);
create index complaint_customer_key_idx on complaint (customer_key, received_at);
create index complaint_repeat_of_idx on complaint (repeat_of);
