-- Claim check (issue 8): the messages of a new evaluation version that only repeat it (the
-- kpi.evaluations queue message and the HR push) no longer copy its result JSON, about 16 KB per
-- version stored a second time; they reference the stored version, and the relay builds the message
-- from it when it delivers (OutboxService.payload). Every other message keeps its own payload.
alter table outbox_message alter column payload drop not null;
alter table outbox_message add column evaluation_id bigint references evaluation (id);
alter table outbox_message add constraint ck_outbox_payload check (payload is not null or evaluation_id is not null);
