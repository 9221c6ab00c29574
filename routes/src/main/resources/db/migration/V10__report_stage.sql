-- The report stage of a sync run (issue 8, province scale): a partition is DONE once its employees
-- are re-scored; the unit's report workbooks and party package follow, once every partition of the
-- run is DONE or FAILED, through one message per DONE partition on the Artemis queue kpi.reports.
alter table sync_run add column scored_at timestamptz;          -- every partition DONE or FAILED: results stored

alter table sync_partition add column reports_queued_at timestamptz;  -- its report message sent
alter table sync_partition add column reports_written_at timestamptz; -- the unit's reports written
alter table sync_partition add column reports_error text;             -- why they could not be (dead-lettered)

-- partitions done before this stage existed had their reports written inline, with the scores
update sync_partition set reports_queued_at = finished_at, reports_written_at = finished_at where status = 'DONE';

-- the partitions whose reports are owed (a run's report stage, the take-over of an ended run)
create index ix_sync_partition_reports_owed on sync_partition (run_id)
    where status = 'DONE' and reports_written_at is null and reports_error is null;
