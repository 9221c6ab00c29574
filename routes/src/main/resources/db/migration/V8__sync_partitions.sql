-- Partitions of a sync run (issue 7, scale-out): what a run's pulls and files touched, one row per
-- (source, unit, period) with the employees to re-score. At the end of the pulls the run sends one
-- message per row to the Artemis queue kpi.partitions; every instance consumes that queue. A row is
-- claimed (status RUNNING, instance_id) before it is processed, so a message delivered twice (a
-- redelivery, a copy re-sent) is processed once.
create table sync_partition (
    id              bigserial    primary key,
    run_id          bigint       not null references sync_run (id) on delete cascade,
    source_id       varchar(100) not null,
    unit_code       varchar(100) not null,
    unit_name       varchar(500),
    period          varchar(20)  not null,
    employee_codes  text[]       not null,
    status          varchar(20)  not null default 'PENDING', -- PENDING | QUEUED | RUNNING | DONE | FAILED | MOVED
    instance_id     varchar(200),                           -- instance that processed it
    attempts        integer      not null default 0,        -- claims (more than 1: a redelivery after a crash)
    new_versions    integer      not null default 0,        -- evaluation versions stored
    created_at      timestamptz  not null default now(),
    queued_at       timestamptz,
    started_at      timestamptz,
    finished_at     timestamptz,
    error_text      text,
    constraint uq_sync_partition unique (run_id, source_id, unit_code, period)
);
create index ix_sync_partition_open on sync_partition (status) where status in ('PENDING', 'QUEUED', 'RUNNING');

-- the Quartz fire time a SCHEDULED run answers (null for manual runs)
alter table sync_run add column scheduled_for timestamptz;
