-- Delivery to remote targets (issue 5 points 2, 4 and 6): retry with exponential back-off across
-- polls and restarts, dead letters and parked answers, re-drive, and a queryable status.
--
-- A remote delivery (target HR) is claimed by raising attempts and pushing next_attempt_at past
-- the longest a call can take (a lease), in a short transaction; the HTTP call runs outside any
-- transaction and its outcome is written afterwards. A process that dies during a call leaves
-- the message PENDING: it is sent again, with the same idempotency key, when the lease runs out.
alter table outbox_message
    add column next_attempt_at timestamptz not null default now(),  -- not before this time
    add column last_attempt_at timestamptz,
    add column last_status     integer,                             -- HTTP status of the last answer
    add column redrives        integer     not null default 0,      -- times put back by a re-drive
    add column employee_code   varchar(100),
    add column unit_code       varchar(100),
    add column period          varchar(20);

update outbox_message
   set employee_code = payload->>'employeeCode',
       unit_code     = payload->>'unitCode',
       period        = payload->>'period';

drop index if exists ix_outbox_pending;
create index ix_outbox_due on outbox_message (target, next_attempt_at, id) where status = 'PENDING';
create index ix_outbox_employee_period on outbox_message (employee_code, period);

-- Every attempt at a remote target: when, how long, what came back. SENDING while the call runs;
-- an attempt still SENDING after its lease belongs to a process that stopped during the call.
create table outbox_delivery_attempt (
    id            bigserial primary key,
    message_id    bigint      not null references outbox_message (id) on delete cascade,
    round         integer     not null,   -- the message's re-drives before this attempt (0 = first round)
    attempt       integer     not null,   -- attempt number within the round (1, 2, ...)
    started_at    timestamptz not null,
    finished_at   timestamptz,
    outcome       varchar(20) not null,   -- SENDING, DELIVERED, RETRY, PARKED, DEAD, ABANDONED (cut off)
    http_status   integer,
    answer        text,                    -- status line and the start of the body, or the error
    constraint uq_delivery_attempt unique (message_id, round, attempt)
);
