-- Issue 8: a unit's reports read the latest versions of its evaluations by (unit, period)
-- (EvaluationRepository.findLatestByUnitAndPeriod). Without this index every unit's read scanned
-- the whole table, so the report stage grew with the square of the province: 2.3 ms per unit
-- with 5,500 versions stored, 6.5 ms with 35,500 (benchmark --db-statements, delta x1 and x4).
create index ix_evaluation_unit_period on evaluation (unit_code, period);
