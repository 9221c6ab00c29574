package vn.kpibridge.routes.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.connectors.report.EmployeeScoreSheetWriter;
import vn.kpibridge.connectors.report.Grounds;
import vn.kpibridge.connectors.report.Mau06SummaryWriter;
import vn.kpibridge.connectors.report.SummaryRow;
import vn.kpibridge.routes.config.KpiProperties;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.EvaluationRepository;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.Period;

/**
 * Writes a unit's reports for a period from the latest evaluation of each employee: the summary
 * table (seed 001 Mẫu số 06) to {@code <kpi.output.dir>/<period>/mau-06_<unit>.xlsx} and each
 * employee's scoring workbook ("Bảng 2" + Mẫu 03 part B) beside it.
 */
@Service
public class SummaryReportService {
    private final EvaluationRepository evaluations;
    private final KpiProperties props;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Mau06SummaryWriter writer = new Mau06SummaryWriter();
    private final EmployeeScoreSheetWriter employeeSheets = new EmployeeScoreSheetWriter();

    public SummaryReportService(EvaluationRepository evaluations, KpiProperties props) {
        this.evaluations = evaluations;
        this.props = props;
    }

    /** @return where an employee's scoring workbook for a period is written. */
    public Path employeeSheetPath(String unitCode, String period, String employeeCode) {
        return props.output().path().resolve(period).resolve(unitCode).resolve(employeeCode + ".xlsx");
    }

    /** @return where the summary of this unit and period is written. */
    public Path summaryPath(String unitCode, String period) {
        return props.output().path().resolve(period).resolve("mau-06_" + unitCode + ".xlsx");
    }

    /**
     * Writes the unit's Mẫu 06 summary and, for each employee, the scoring workbook ("Bảng 2" and
     * Mẫu 03 part B) to {@code <kpi.output.dir>/<period>/<unit>/<employee>.xlsx}.
     *
     * @param unit any (employee, period) of the unit: its unit code, unit name and period are used
     * @return the written Mẫu 06 file
     * @throws UncheckedIOException when the file cannot be written
     */
    @Transactional(readOnly = true)
    public Path writeUnitSummary(EmployeePeriod unit) {
        List<SummaryRow> rows = new ArrayList<>();
        for (EvaluationEntity e : evaluations.findLatestByUnitAndPeriod(unit.unitCode(), unit.period())) {
            Evaluation ev;
            try {
                ev = mapper.readValue(e.result, Evaluation.class);
            } catch (IOException ex) {
                throw new UncheckedIOException("evaluation " + e.getId() + " cannot be read back", ex);
            }
            try {
                employeeSheets.write(employeeSheetPath(unit.unitCode(), unit.period(), ev.employeeId()), ev,
                        Period.parse(unit.period()).label());
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write the workbook of " + ev.employeeId(), ex);
            }
            rows.add(new SummaryRow(ev.fullName(), ev.position(),
                    ev.selfProposedRating() == null ? "" : ev.selfProposedRating().label(),
                    ev.proposedRating().label(), Grounds.of(ev), ""));
        }
        Path target = summaryPath(unit.unitCode(), unit.period());
        try {
            writer.write(target, unit.unitName(), Period.parse(unit.period()).label(), rows);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + target, ex);
        }
        return target;
    }
}
