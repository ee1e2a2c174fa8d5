-- R-CAL: 2027, mainland China, the statutory public holidays fixed by the national holiday
-- regulation (as revised in 2024, in force from 2025): New Year 1 day, Spring Festival 4 (the
-- eve and the first three days), Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1,
-- National Day 3. The State Council publishes each year's arrangement (bridging days and the
-- make-up working days on weekends) late in the year before; when it is out, administrators load
-- the whole year with PUT /api/v1/admin/calendars/2027, which replaces these rows.
insert into business_calendar_day (calendar_date, kind, name) values
    ('2027-01-01', 'HOLIDAY', '元旦 New Year'),
    ('2027-02-05', 'HOLIDAY', '春节 Spring Festival (除夕 eve)'),
    ('2027-02-06', 'HOLIDAY', '春节 Spring Festival'),
    ('2027-02-07', 'HOLIDAY', '春节 Spring Festival'),
    ('2027-02-08', 'HOLIDAY', '春节 Spring Festival'),
    ('2027-04-05', 'HOLIDAY', '清明节 Qingming'),
    ('2027-05-01', 'HOLIDAY', '劳动节 Labour Day'),
    ('2027-05-02', 'HOLIDAY', '劳动节 Labour Day'),
    ('2027-06-09', 'HOLIDAY', '端午节 Dragon Boat'),
    ('2027-09-15', 'HOLIDAY', '中秋节 Mid-Autumn'),
    ('2027-10-01', 'HOLIDAY', '国庆节 National Day'),
    ('2027-10-02', 'HOLIDAY', '国庆节 National Day'),
    ('2027-10-03', 'HOLIDAY', '国庆节 National Day');
