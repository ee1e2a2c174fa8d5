-- Beyond-rule 42: the periodic complaint statistics in the classification the regulator's returns
-- use: business category (业务类别) x cause (投诉原因) x region (地区), modelled on the banking
-- consumer-complaint statistics return (银行业消费投诉统计表) of the NFRA. The code lists and the
-- mapping from this platform's departments and categories are data: a bank aligns them with the
-- return template in force without a release.

-- Where the complaint arises: a province-level division (GB/T 2260); the bank's default when the
-- channel does not say (complaints.returns.default-region).
alter table complaint add column region varchar(6);

create table region (
    code varchar(6)  primary key,
    name varchar(50) not null
);
insert into region (code, name) values
    ('110000', '北京市'), ('120000', '天津市'), ('130000', '河北省'), ('140000', '山西省'),
    ('150000', '内蒙古自治区'), ('210000', '辽宁省'), ('220000', '吉林省'), ('230000', '黑龙江省'),
    ('310000', '上海市'), ('320000', '江苏省'), ('330000', '浙江省'), ('340000', '安徽省'),
    ('350000', '福建省'), ('360000', '江西省'), ('370000', '山东省'), ('410000', '河南省'),
    ('420000', '湖北省'), ('430000', '湖南省'), ('440000', '广东省'), ('450000', '广西壮族自治区'),
    ('460000', '海南省'), ('500000', '重庆市'), ('510000', '四川省'), ('520000', '贵州省'),
    ('530000', '云南省'), ('540000', '西藏自治区'), ('610000', '陕西省'), ('620000', '甘肃省'),
    ('630000', '青海省'), ('640000', '宁夏回族自治区'), ('650000', '新疆维吾尔自治区');

create table return_code (
    list varchar(16)  not null,
    code varchar(16)  not null,
    name varchar(100) not null,
    primary key (list, code)
);
insert into return_code (list, code, name) values
    ('BUSINESS', '01', '人民币储蓄 RMB savings'),
    ('BUSINESS', '02', '借记卡 Debit cards'),
    ('BUSINESS', '03', '信用卡 Credit cards'),
    ('BUSINESS', '04', '个人贷款 Personal loans'),
    ('BUSINESS', '05', '理财 Wealth management'),
    ('BUSINESS', '06', '支付结算 Payment and settlement'),
    ('BUSINESS', '07', '银行代理业务 Agency business'),
    ('BUSINESS', '08', '个人金融信息 Personal financial information'),
    ('BUSINESS', '99', '其他 Other'),
    ('CAUSE', '01', '服务态度及服务质量 Service attitude and quality'),
    ('CAUSE', '02', '营销方式和手段 Marketing practices'),
    ('CAUSE', '03', '信息披露 Disclosure'),
    ('CAUSE', '04', '自主选择权 Freedom of choice'),
    ('CAUSE', '05', '定价收费 Pricing and fees'),
    ('CAUSE', '06', '产品收益 Product returns'),
    ('CAUSE', '07', '合同条款 Contract terms'),
    ('CAUSE', '08', '消费者资金损失 Loss of customer funds'),
    ('CAUSE', '09', '债务催收方式和手段 Debt collection'),
    ('CAUSE', '10', '消费者信息安全 Customer information security'),
    ('CAUSE', '99', '其他 Other');

-- The business category of a complaint: by its responsible department (else 99).
create table return_business_map (
    department_code varchar(32) primary key,
    business_code   varchar(16) not null
);
insert into return_business_map (department_code, business_code) values
    ('OPS', '01'), ('CARDS', '03'), ('RETAIL_LENDING', '04'), ('WEALTH', '05'), ('EBANK', '06'),
    ('CSC', '99');

-- The cause of a complaint: by its category (R-G2; else 99).
create table return_cause_map (
    category   varchar(16) primary key,
    cause_code varchar(16) not null
);
insert into return_cause_map (category, cause_code) values
    ('SERVICE', '01'), ('SYSTEM', '01'), ('FEES', '05'), ('PRODUCT', '07'), ('SECURITY', '10'),
    ('OTHER', '99');
