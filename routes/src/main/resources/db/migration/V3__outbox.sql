-- Transactional outbox (issue 5): every message to publish is written in the same transaction as
-- the evaluation it carries; relay routes deliver from here, so nothing is lost when the broker
-- or a target is down, and every message carries an idempotency key (employee, period, version).
create table outbox_message (
    id               bigserial primary key,
    target           varchar(50)  not null,       -- EVALUATIONS_QUEUE, HR, PARTY, ...
    kind             varchar(50)  not null,       -- evaluation, evaluation.finalized, period.closed
    idempotency_key  varchar(300) not null,
    payload          jsonb        not null,
    status           varchar(20)  not null,       -- PENDING, DELIVERED, PARKED, DEAD
    attempts         integer      not null default 0,
    last_answer      text,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    delivered_at     timestamptz,
    constraint uq_outbox unique (target, idempotency_key)
);
create index ix_outbox_pending on outbox_message (id) where status = 'PENDING';
