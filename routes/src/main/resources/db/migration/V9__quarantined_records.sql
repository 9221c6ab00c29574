-- Poison records (issue 7 point 3): a record that passes normalisation but that PostgreSQL refuses
-- for its data (a NUL character, a number beyond a numeric column, a text too long) is kept in
-- record_issue with kind QUARANTINED (record_issue.kind is a varchar(20) without a check: no change
-- there) while the rest of its batch is stored. A sync run counts them per source.
alter table sync_run_source add column quarantined integer not null default 0;  -- also counted in errors
