-- R-I3, R-I7: the customer's e-mail, and how notices reach them (SMS, EMAIL, IN_APP).
alter table complaint add column customer_email varchar(254);
alter table complaint add column notice_by varchar(16) default 'SMS' not null;
