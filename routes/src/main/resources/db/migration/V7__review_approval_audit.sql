-- Review and approval through the secured API, with a full audit trail (issue 6).

-- Workflow state of an employee's evaluation for a period (one row per employee and period):
-- PROVISIONAL (from records) -> SELF_ASSESSED -> REVIEWED -> APPROVED -> PUBLISHED; REOPENED
-- (by the approver with a reason, or when new records change an approved result) goes back to
-- REVIEWED through a new review.
create table evaluation_workflow (
    id                  bigserial primary key,
    employee_code       varchar(100) not null,
    unit_code           varchar(100) not null,
    period              varchar(10)  not null,
    source_id           varchar(100) not null,
    scheme_id           varchar(100) not null,
    state               varchar(20)  not null,
    evaluation_version  integer      not null,     -- latest evaluation version the state refers to
    proposed_rating     varchar(20),               -- proposal after the rules and the quota, at approval
    approved_rating     varchar(20),
    approved_version    integer,
    approval_reason     text,
    approved_by         varchar(200),
    approved_at         timestamptz,
    published_version   integer,
    publications        integer      not null default 0,
    published_at        timestamptz,
    reopen_reason       text,
    row_version         bigint       not null default 0,
    updated_at          timestamptz  not null default now(),
    constraint uq_evaluation_workflow unique (employee_code, period),
    constraint ck_workflow_state check (state in ('PROVISIONAL', 'SELF_ASSESSED', 'REVIEWED', 'APPROVED', 'PUBLISHED', 'REOPENED'))
);
create index ix_evaluation_workflow_unit on evaluation_workflow (unit_code, period);

-- The employee's own proposal ("tự đánh giá"): it feeds the next scoring (self-proposed rating).
create table self_assessment (
    id                      bigserial primary key,
    employee_code           varchar(100) not null,
    period                  varchar(10)  not null,
    general_criteria_points numeric(10,4),
    proposed_rating         varchar(20)  not null,
    comment                 text,
    submitted_by            varchar(200) not null,
    submitted_at            timestamptz  not null default now(),
    constraint uq_self_assessment unique (employee_code, period)
);

-- The direct leader's review ("nhận xét, đánh giá"): general criteria, force majeure, leader inputs
-- đ and e, violations, per-item quality/timeliness outcomes. It feeds every later scoring, so new
-- records never silently overwrite it.
create table reviewer_input (
    id                      bigserial primary key,
    employee_code           varchar(100) not null,
    period                  varchar(10)  not null,
    inputs                  jsonb        not null,
    comment                 text,
    reviewed_by             varchar(200) not null,
    reviewed_at             timestamptz  not null default now(),
    constraint uq_reviewer_input unique (employee_code, period)
);

-- API keys of machine clients: only the SHA-256 of the key is kept; a key is shown once, at creation.
create table api_key (
    id              bigserial primary key,
    name            varchar(200) not null,
    key_prefix      varchar(20)  not null,     -- first characters, to recognise a key in lists
    key_sha256      varchar(64)  not null,
    roles           varchar(200) not null,     -- comma-separated KpiRole names
    unit_code       varchar(100),
    employee_code   varchar(100),
    created_by      varchar(200) not null,
    created_at      timestamptz  not null default now(),
    revoked_at      timestamptz,
    revoked_by      varchar(200),
    revoke_reason   text,
    constraint uq_api_key_sha256 unique (key_sha256)
);

-- A product assigned by hand to an UNMAPPED record, with the rule it suggests.
create table record_assignment (
    id               bigserial primary key,
    record_issue_id  bigint       not null references record_issue (id),
    source_id        varchar(100) not null,
    record_id        varchar(200),
    product_code     varchar(100) not null,
    catalog_id       varchar(100) not null,
    catalog_version  varchar(50)  not null,
    reason           text,
    proposed_rule    text         not null,
    assigned_by      varchar(200) not null,
    assigned_at      timestamptz  not null default now()
);
create index ix_record_assignment_issue on record_assignment (record_issue_id);

-- Audit trail: every write through the API and every workflow change the system makes. Append only.
create table audit_entry (
    id              bigserial primary key,
    occurred_at     timestamptz  not null default now(),
    actor           varchar(200) not null,
    actor_roles     varchar(200),
    auth_method     varchar(50)  not null,     -- JWT, API_KEY, SYSTEM
    remote_address  varchar(100),
    action          varchar(50)  not null,
    entity_type     varchar(50)  not null,
    entity_key      varchar(300) not null,
    employee_code   varchar(100),
    unit_code       varchar(100),
    period          varchar(10),
    before_json     jsonb,
    after_json      jsonb,
    reason          text
);
create index ix_audit_entry_employee_period on audit_entry (employee_code, period, id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op;
end
$$;
create trigger audit_entry_no_update_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
revoke update, delete on audit_entry from public;

-- Evaluations stored before this migration start their workflow as PROVISIONAL.
insert into evaluation_workflow (employee_code, unit_code, period, source_id, scheme_id, state, evaluation_version)
select e.employee_code, e.unit_code, e.period,
       coalesce((select min(w.source_id) from work_item w where w.employee_code = e.employee_code and w.period = e.period),
                (select min(a.source_id) from employee_assessment a where a.employee_code = e.employee_code and a.period = e.period),
                'unknown'),
       e.scheme_id, 'PROVISIONAL', e.version
from evaluation e
where e.version = (select max(x.version) from evaluation x where x.employee_code = e.employee_code and x.period = e.period);
