-- R-G1: a wide system outage is Red (a mass incident in the making), not Yellow like one
-- customer's fault; the most severe matching rule wins, so this outranks the system-fault rule.
-- (Complaints joining a mass incident are regraded Red by the application, R-X2.)
insert into grading_rule (id, priority, keywords, min_amount, severity, category, description) values
    (12, 15, '大面积|大范围|全行系统|全国范围|系统瘫痪|全面瘫痪|所有网点|wide outage|widespread outage|nationwide outage', null,
        'RED', 'SYSTEM', '大面积系统故障 Wide system outage');
