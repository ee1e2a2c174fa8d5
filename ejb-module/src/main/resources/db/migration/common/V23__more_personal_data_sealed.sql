-- R-S2: the customer's name, e-mail and address, and the complaint's description (where customers
-- type card and phone numbers), are sealed at rest like the numbers (V14): AES-GCM with the key id
-- in the value, which needs room. Values written before this are sealed by V24 (a Java migration:
-- the keys are the application's).
alter table complaint alter column customer_name set data type varchar(600);
alter table complaint alter column customer_email set data type varchar(600);
alter table complaint alter column customer_address set data type varchar(1400);
alter table complaint alter column description set data type varchar(16400);
