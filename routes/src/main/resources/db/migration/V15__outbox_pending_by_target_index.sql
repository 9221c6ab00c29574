-- Issue 8: the outbox relays claim the oldest due messages of their target
-- (OutboxRepository.claimPending / findDueIds: status PENDING, target, next_attempt_at <= now(),
-- order by id, limit 100). ix_outbox_due (target, next_attempt_at, id) gives the due rows in the
-- order of their due time, so every poll read all of them and sorted them by id: 5.95 s of the
-- database's time in a nightly delta of 800,000 records (20,000 new evaluation versions, one poll
-- every half second; benchmark --db-statements, delta x4), against 0.53 s at 200,000. This index
-- gives them in id order: a poll reads its 100 rows (and the few not yet due) and stops.
create index ix_outbox_pending_target_id on outbox_message (target, id) where status = 'PENDING';
