package vn.kpibridge.routes.flow;

import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.EvaluationRepository;

/**
 * A unit's reports and events once its partition is re-scored: within a sync run by the run's report
 * stage ({@code unit-reports}, after every partition of the run is re-scored), outside a run at once
 * after the re-scoring ({@code rescore-partition}).
 *
 * <ul>
 *   <li>{@code write-unit-summary} ({@code direct:writeUnitSummary}, body {@link EmployeePeriod}):
 *       loads the latest evaluation of each employee of the unit and period once (exchange property
 *       {@link Headers#LATEST_EVALUATIONS}), writes the unit's report forms for the period from it,
 *       then the signed export package for the party-management system
 *       ({@link PartyPackageService}), then enqueues the unit's
 *       {@code period.closed} event ({@code direct:enqueuePeriodClosed}, {@link OutboxRouteBuilder}).</li>
 * </ul>
 */
@Component
public class EvaluationRouteBuilder extends KpiRouteBuilder {
    private final SummaryReportService reports;
    private final SyncRunTracker tracker;
    private final PartyPackageService party;
    private final EvaluationRepository evaluations;

    /**
     * @param reports the unit's report forms
     * @param tracker what the sync command prints
     * @param party the party export package
     * @param evaluations stored evaluation versions
     */
    public EvaluationRouteBuilder(SummaryReportService reports, SyncRunTracker tracker,
            PartyPackageService party, EvaluationRepository evaluations) {
        this.party = party;
        this.evaluations = evaluations;
        this.reports = reports;
        this.tracker = tracker;
    }

    @Override
    protected void routes() {
        from("direct:writeUnitSummary")
                .routeId("write-unit-summary")
                // a step of unit-reports and rescore-partition: a failure goes back to the caller's error handling
                .errorHandler(noErrorHandler())
                .process(e -> {
                    EmployeePeriod unit = e.getIn().getBody(EmployeePeriod.class);
                    List<EvaluationEntity> latest = evaluations.findLatestByUnitAndPeriod(unit.unitCode(), unit.period());
                    e.setProperty(Headers.LATEST_EVALUATIONS, latest);
                    Path xlsx = reports.writeUnitSummary(unit, latest);
                    tracker.reportWritten(xlsx);
                    tracker.reportWritten(party.writePackage(unit, xlsx, latest));
                })
                // the unit's period.closed event (until approval exists: when its summary is written)
                .to("direct:enqueuePeriodClosed");
    }
}
