-- R-CAL: the days that break the weekly pattern. Weekly hours and the zone are configuration
-- (complaints.calendar.*); a year's days are replaced through the admin API.
create table business_calendar_day (
    calendar_date date      primary key,
    -- HOLIDAY: no working time; WORKDAY: a make-up working day on a weekend, normal hours.
    kind  varchar(16)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  varchar(100) not null
);

-- 2026, mainland China, as the State Council published it.
insert into business_calendar_day (calendar_date, kind, name) values
    ('2026-01-01', 'HOLIDAY', '元旦 New Year'), ('2026-01-02', 'HOLIDAY', '元旦 New Year'),
    ('2026-01-03', 'HOLIDAY', '元旦 New Year'), ('2026-01-04', 'WORKDAY', '元旦调休 New Year make-up'),
    ('2026-02-14', 'WORKDAY', '春节调休 Spring Festival make-up'),
    ('2026-02-15', 'HOLIDAY', '春节 Spring Festival'), ('2026-02-16', 'HOLIDAY', '春节 Spring Festival'),
    ('2026-02-17', 'HOLIDAY', '春节 Spring Festival'), ('2026-02-18', 'HOLIDAY', '春节 Spring Festival'),
    ('2026-02-19', 'HOLIDAY', '春节 Spring Festival'), ('2026-02-20', 'HOLIDAY', '春节 Spring Festival'),
    ('2026-02-21', 'HOLIDAY', '春节 Spring Festival'), ('2026-02-22', 'HOLIDAY', '春节 Spring Festival'),
    ('2026-02-23', 'HOLIDAY', '春节 Spring Festival'),
    ('2026-02-28', 'WORKDAY', '春节调休 Spring Festival make-up'),
    ('2026-04-04', 'HOLIDAY', '清明节 Qingming'), ('2026-04-05', 'HOLIDAY', '清明节 Qingming'),
    ('2026-04-06', 'HOLIDAY', '清明节 Qingming'),
    ('2026-05-01', 'HOLIDAY', '劳动节 Labour Day'), ('2026-05-02', 'HOLIDAY', '劳动节 Labour Day'),
    ('2026-05-03', 'HOLIDAY', '劳动节 Labour Day'), ('2026-05-04', 'HOLIDAY', '劳动节 Labour Day'),
    ('2026-05-05', 'HOLIDAY', '劳动节 Labour Day'), ('2026-05-09', 'WORKDAY', '劳动节调休 Labour Day make-up'),
    ('2026-06-19', 'HOLIDAY', '端午节 Dragon Boat'), ('2026-06-20', 'HOLIDAY', '端午节 Dragon Boat'),
    ('2026-06-21', 'HOLIDAY', '端午节 Dragon Boat'),
    ('2026-09-20', 'WORKDAY', '国庆节调休 National Day make-up'),
    ('2026-09-25', 'HOLIDAY', '中秋节 Mid-Autumn'), ('2026-09-26', 'HOLIDAY', '中秋节 Mid-Autumn'),
    ('2026-09-27', 'HOLIDAY', '中秋节 Mid-Autumn'),
    ('2026-10-01', 'HOLIDAY', '国庆节 National Day'), ('2026-10-02', 'HOLIDAY', '国庆节 National Day'),
    ('2026-10-03', 'HOLIDAY', '国庆节 National Day'), ('2026-10-04', 'HOLIDAY', '国庆节 National Day'),
    ('2026-10-05', 'HOLIDAY', '国庆节 National Day'), ('2026-10-06', 'HOLIDAY', '国庆节 National Day'),
    ('2026-10-07', 'HOLIDAY', '国庆节 National Day'), ('2026-10-10', 'WORKDAY', '国庆节调休 National Day make-up');
