-- Issue 8: source_record (evidence, never updated) and work_item take a night's records in bulk.
-- PostgreSQL (13+) vacuums a table after inserts alone once they pass 1,000 + 20% of its rows; in
-- the benchmark's 800,000-record delta that vacuum ran during the load and cost 6.8 s of
-- PostgreSQL CPU: 44.9 s to results with autovacuum, 38.0 s without (time growing 4.40x for 4x
-- the records instead of 4.00x). The insert-triggered vacuum of these two tables is turned off;
-- each sync run vacuums and analyses them itself once its results and reports are written
-- (SyncRunService.vacuumLoadedTables). Autovacuum still vacuums them for dead rows (work items
-- replaced) and against transaction-id wraparound, and still analyses them.
alter table source_record set (autovacuum_vacuum_insert_threshold = -1);
alter table work_item set (autovacuum_vacuum_insert_threshold = -1);
