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
 *       writes the unit's Mẫu 06 XLSX for the period, then the signed export package for the
 *       party-management system ({@link PartyPackageService}), then enqueues the unit's
 *       {@code period.closed} event ({@code direct:enqueuePeriodClosed}, {@link OutboxRouteBuilder}).</li>
 * </ul>
 */
@Component
public class EvaluationRouteBuilder extends KpiRouteBuilder {
    private final ScoringService scoring;
    private final SummaryReportService reports;
    private final SyncRunTracker tracker;
    private final PartyPackageService party;

    public EvaluationRouteBuilder(ScoringService scoring, SummaryReportService reports, SyncRunTracker tracker,
            PartyPackageService party) {
        this.party = party;
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
                .process(e -> {
                    EmployeePeriod unit = e.getIn().getBody(EmployeePeriod.class);
                    java.nio.file.Path xlsx = reports.writeUnitSummary(unit);
                    tracker.reportWritten(xlsx);
                    tracker.reportWritten(party.writePackage(unit, xlsx));
                })
                // the unit's period.closed event (until approval exists: when its summary is written)
                .to("direct:enqueuePeriodClosed");
    }
}
