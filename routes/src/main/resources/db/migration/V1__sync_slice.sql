-- kpi-bridge schema, first slice: evidence, work items, issues, evaluations.
-- Every raw record is kept unchanged (JSONB) as evidence before anything else happens.

create table source_file (
    id              bigserial primary key,
    source_id       varchar(100) not null,
    file_name       varchar(500) not null,
    content_sha256  varchar(64)     not null,
    status          varchar(20)  not null,          -- PROCESSED | REJECTED
    record_count    integer      not null default 0,
    error           text,
    first_seen_at   timestamptz  not null default now(),
    deliveries      integer      not null default 1,
    constraint uq_source_file unique (source_id, content_sha256)
);

create table source_record (
    id           bigserial primary key,
    source_id    varchar(100) not null,
    record_id    varchar(200) not null,
    version      bigint       not null,
    payload      jsonb        not null,
    file_name    varchar(500),
    line         integer,
    received_at  timestamptz  not null default now(),
    constraint uq_source_record unique (source_id, record_id, version)
);

create table work_item (
    id                  bigserial primary key,
    source_record_id    bigint        not null references source_record (id),
    source_id           varchar(100)  not null,
    record_id           varchar(200)  not null,
    version             bigint        not null,
    employee_code       varchar(100)  not null,
    unit_code           varchar(100)  not null,
    period              varchar(10)   not null,
    title               text,
    product_code        varchar(100)  not null,
    catalog_id          varchar(100)  not null,
    catalog_version     varchar(50)   not null,
    coefficient         numeric(20,10) not null,
    rule_id             varchar(200)  not null,
    axis                varchar(20),
    planned_quantity    numeric(20,6) not null,
    done_quantity       numeric(20,6) not null,
    share               numeric(20,10) not null,
    quality_failures    integer       not null,
    late_deliveries     integer       not null,
    leadership_failures integer       not null,
    objective_cause     text,
    quality_factor      numeric(10,6),
    timeliness_factor   numeric(10,6),
    leadership_factor   numeric(10,6),
    updated_at          timestamptz   not null default now(),
    constraint uq_work_item unique (source_id, record_id)
);
create index ix_work_item_employee_period on work_item (employee_code, period);

create table employee_assessment (
    id                      bigserial primary key,
    source_record_id        bigint        not null references source_record (id),
    source_id               varchar(100)  not null,
    employee_code           varchar(100)  not null,
    period                  varchar(10)   not null,
    general_criteria_points numeric(10,4),
    self_proposed_rating    varchar(20),
    force_majeure           text,
    updated_at              timestamptz   not null default now(),
    constraint uq_employee_assessment unique (employee_code, period)
);

-- Records that could not be used: REJECTED (bad data) or UNMAPPED (no product), with the reason.
create table record_issue (
    id           bigserial primary key,
    source_id    varchar(100) not null,
    file_name    varchar(500),
    line         integer,
    record_index integer,
    record_id    varchar(200),
    version      bigint,
    kind         varchar(20)  not null,
    reason       text         not null,
    payload      jsonb,
    created_at   timestamptz  not null default now()
);
create unique index uq_record_issue on record_issue (source_id, kind, record_id, version) where record_id is not null;

create table evaluation (
    id               bigserial primary key,
    employee_code    varchar(100) not null,
    unit_code        varchar(100) not null,
    period           varchar(10)  not null,
    scheme_id        varchar(100) not null,
    version          integer      not null,
    result_sha256    varchar(64)     not null,
    total_points     numeric(10,2) not null,
    points_band      varchar(20)  not null,
    proposed_rating  varchar(20)  not null,
    result           jsonb        not null,
    created_at       timestamptz  not null default now(),
    constraint uq_evaluation unique (employee_code, period, version)
);
