-- Issue 21: what a bank words and configures, as data read through one cache
-- (platform.ReferenceData).

-- The customer notices' wording, one template per notice. {number} and each notice's own
-- placeholders (notification.NoticeTemplates) are filled in when it is sent.
create table notice_template (
    name       varchar(64)   primary key,
    wording    varchar(4000) not null,
    updated_by varchar(200),
    updated_at timestamp with time zone
);

insert into notice_template (name, wording) values
    ('ACCEPTANCE', '您的投诉已受理，编号 {number}，我们将于 {contactBy} 前与您联系。 Your complaint is registered as {number}; we will contact you by {contactBy}.'),
    ('ACCEPTANCE_FEEDBACK', '您的{label}已登记，编号 {number}。 Your {type} is registered as {number}.'),
    ('DEADLINE_EXTENDED', '您的投诉 {number} 处理期限延长至 {dueBy}。 The handling of your complaint is extended to {dueBy}.'),
    ('FIRST_FINDINGS', '您的投诉 {number} 初步调查结果：{findings} 预计于 {expectedBy} 前给出最终处理结果。 First findings: {findings} The final result is expected by {expectedBy}.'),
    ('RESULT', '您的投诉 {number} 处理结果 Result: {conclusion} 依据 Based on: {ruleReliedOn} 金额 Amount: {amount} 执行方式 How: {howCarriedOut} 请于 {answerBy} 前确认是否接受 Please accept or object by {answerBy}.'),
    ('EXECUTED', '您的投诉 {number} 处理结果已执行完毕。 The resolution of your complaint has been carried out: {outcome}'),
    ('REOPENED', '您的投诉 {number} 已重新调查并提级处理。 Your complaint is reopened and escalated to a supervisor.'),
    ('REFERRAL', '您的投诉 {number} 超出本行处理范围：{why} 可选途径 Routes open to you: {routes}.'),
    ('REFERRAL_CHOSEN', '您的投诉 {number} 超出本行处理范围：{why} 可选途径 Routes open to you: {routes}; you chose {chosen}.');

-- The parts departments play in the case process, until now five configuration properties:
-- where an unrouted complaint goes, who makes follow-up calls and tells results by staff, who
-- reviews repeat complaints, and who joins a Red case's task force.
create table department_role (
    department_code varchar(32) not null references department (code),
    role            varchar(32) not null,
    primary key (department_code, role)
);

insert into department_role (department_code, role) values
    ('CSC', 'DEFAULT'),
    ('CSC', 'FOLLOW_UP'),
    ('CSC', 'RESULT_NOTICE'),
    ('CSC', 'REPEAT_REVIEW'),
    ('CSC', 'TASK_FORCE'),
    ('OPS', 'TASK_FORCE');
