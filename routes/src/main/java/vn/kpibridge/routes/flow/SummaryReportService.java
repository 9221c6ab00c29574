package vn.kpibridge.routes.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.kpibridge.connectors.report.UnitReport;
import vn.kpibridge.connectors.report.UnitReportSet;
import vn.kpibridge.connectors.report.UnitReportSet.Form;
import vn.kpibridge.routes.config.KpiProperties;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.SchemeKind;

/**
 * Writes a unit's report forms for a period from the latest evaluation of each employee, under
 * {@code <kpi.output.dir>/<period>/} ({@link UnitReportSet}):
 * <ul>
 *   <li>quarterly schemes: {@code mau-04_<unit>.xlsx}, {@code mau-05_<unit>.xlsx},
 *       {@code mau-06_<unit>.xlsx} (seed 001 Mẫu số 04, 05, 06);</li>
 *   <li>every scheme: {@code tong-hop-xep-loai_<unit>.xlsx} (seed 004, count per rating);</li>
 *   <li>monthly schemes: {@code ket-qua-thang_<unit>.xlsx} and {@code de-nghi-khen-thuong_<unit>.xlsx}
 *       (seed 002 V.2: the unit's result list and the reward proposal list);</li>
 *   <li>each employee: {@code <unit>/<employee>.xlsx} (Mẫu 03 parts A and B, "Bảng 2").</li>
 * </ul>
 * The scheme is the one of the source the unit's records came from. Stored evaluations carry no
 * quota mark, leader terms or general-criteria checklist (the main flow scores each employee alone):
 * the forms print what is stored and leave the rest blank.
 */
@Service
public class SummaryReportService {
    private final KpiProperties props;
    private final MappingRegistry registry;
    private final ObjectMapper mapper = new ObjectMapper();
    private final UnitReportSet reports = new UnitReportSet();

    /**
     * @param props output folder ({@code kpi.output.dir})
     * @param registry source setups, for the scheme of a unit's source
     */
    public SummaryReportService(KpiProperties props, MappingRegistry registry) {
        this.props = props;
        this.registry = registry;
    }

    /** @return the folder of a period's reports: {@code <kpi.output.dir>/<period>}. */
    public Path periodDir(String period) {
        return props.output().path().resolve(period);
    }

    /**
     * Builds the report input of a unit and period from the latest evaluation of each employee (by
     * employee code) and the scheme of the source.
     *
     * @param unit any (employee, period) of the unit: its unit code, unit name, period and source are used
     * @param latest the latest evaluation version of each employee of the unit for the period, by
     *     employee code ({@code EvaluationRepository.findLatestByUnitAndPeriod})
     * @return the unit report
     * @throws IllegalStateException when the source is no longer configured
     * @throws UncheckedIOException when a stored evaluation cannot be read back (names its id)
     */
    public UnitReport unitReport(EmployeePeriod unit, List<EvaluationEntity> latest) {
        Scheme scheme = registry.source(unit.sourceId()).map(SourceSetup::scheme)
                .orElseThrow(() -> new IllegalStateException("source " + unit.sourceId() + " is not configured"));
        Period period = Period.parse(unit.period());
        List<EmployeeResult> results = new ArrayList<>();
        for (EvaluationEntity e : latest) {
            try {
                results.add(UnitReport.rated(mapper.readValue(e.result, Evaluation.class), period, scheme));
            } catch (IOException ex) {
                throw new UncheckedIOException("evaluation " + e.getId() + " cannot be read back", ex);
            }
        }
        return new UnitReport(unit.unitCode(), unit.unitName(), period, scheme, results, List.of());
    }

    /**
     * Writes all report forms of the unit and period (see the class comment) and removes those that no
     * longer apply to its scheme.
     *
     * @param unit any (employee, period) of the unit
     * @param latest the latest evaluation version of each employee of the unit for the period, by
     *     employee code ({@code EvaluationRepository.findLatestByUnitAndPeriod})
     * @return the unit's main summary: Mẫu 06 for quarterly schemes, the monthly result list for
     *     monthly ones, the count-per-rating summary otherwise; the other forms are written next to it
     *     ({@link UnitReportSet#existingForms} lists them)
     * @throws UncheckedIOException when a file cannot be written (the message names it)
     * @throws IllegalStateException when the source is no longer configured
     */
    public Path writeUnitSummary(EmployeePeriod unit, List<EvaluationEntity> latest) {
        UnitReport report = unitReport(unit, latest);
        try {
            reports.write(periodDir(unit.period()), report);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the reports of " + unit.unitCode() + " " + unit.period() + ": "
                    + ex.getMessage(), ex);
        }
        Form main = report.scheme().kind() == SchemeKind.QUARTERLY_AXES ? Form.MAU_06
                : report.scheme().kind() == SchemeKind.MONTHLY ? Form.MONTHLY_RESULTS : Form.RATING_COUNTS;
        return periodDir(unit.period()).resolve(main.fileName(unit.unitCode()));
    }
}
