package vn.kpibridge.routes.flow;

import org.springframework.stereotype.Component;

/**
 * Scoring and publication.
 *
 * <ul>
 *   <li>{@code score-employee-period} ({@code direct:scoreEmployeePeriod}, body
 *       {@link EmployeePeriod}): re-scores with {@link ScoringService}; a new evaluation version is
 *       stored together with its outbox message (relayed to the queue by
 *       {@link OutboxRouteBuilder}); an unchanged result adds nothing.</li>
 *   <li>{@code write-unit-summary} ({@code direct:writeUnitSummary}, body {@link EmployeePeriod}):
 *       writes the unit's Mẫu 06 XLSX for the period.</li>
 * </ul>
 */
@Component
public class EvaluationRouteBuilder extends KpiRouteBuilder {
    private final ScoringService scoring;
    private final SummaryReportService reports;
    private final SyncRunTracker tracker;

    public EvaluationRouteBuilder(ScoringService scoring, SummaryReportService reports, SyncRunTracker tracker) {
        this.scoring = scoring;
        this.reports = reports;
        this.tracker = tracker;
    }

    @Override
    protected void routes() {
        from("direct:scoreEmployeePeriod")
                .routeId("score-employee-period")
                .process(e -> {
                    ScoreOutcome o = scoring.score(e.getIn().getBody(EmployeePeriod.class));
                    tracker.scored(o);
                    e.getIn().setBody(o);
                });

        from("direct:writeUnitSummary")
                .routeId("write-unit-summary")
                .process(e -> tracker.reportWritten(reports.writeUnitSummary(e.getIn().getBody(EmployeePeriod.class))));
    }
}
