package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.SchemeKind;

/**
 * The report forms of one unit and period, and where they go: which forms a scheme gets, their file
 * names, and the writing of all of them into one period folder.
 *
 * <p>Layout under a period folder ({@code <kpi.output.dir>/<period>/}):
 * <ul>
 *   <li>{@code mau-04_<unit>.xlsx}, {@code mau-05_<unit>.xlsx}, {@code mau-06_<unit>.xlsx}: seed 001
 *       Mẫu số 04, 05, 06, for quarterly schemes ({@link SchemeKind#QUARTERLY_AXES});</li>
 *   <li>{@code tong-hop-xep-loai_<unit>.xlsx}: seed 004's count-per-rating summary, for every scheme;</li>
 *   <li>{@code ket-qua-thang_<unit>.xlsx} and {@code de-nghi-khen-thuong_<unit>.xlsx}: seed 002 V.2's
 *       unit result list and reward proposal list, for monthly schemes ({@link SchemeKind#MONTHLY});</li>
 *   <li>{@code <unit>/<employee>.xlsx}: each employee's Mẫu 03 and "Bảng 2" ({@link EmployeeScoreSheetWriter}).</li>
 * </ul>
 * A form that does not apply to the scheme is removed from the folder when the unit is written, so
 * the folder always holds exactly the unit's current set (the party package takes it as it is).
 */
public final class UnitReportSet {
    /** The unit-level forms, in the order they are written and packaged. */
    public enum Form {
        /** Seed 001 Mẫu số 04: report of the leaders' ratings to the provincial standing committee. */
        MAU_04("mau-04", EnumSet.of(SchemeKind.QUARTERLY_AXES), new Mau04ReportWriter()),
        /** Seed 001 Mẫu số 05: summary for leaders managed by the provincial standing committee. */
        MAU_05("mau-05", EnumSet.of(SchemeKind.QUARTERLY_AXES), new Mau05SummaryWriter()),
        /** Seed 001 Mẫu số 06: summary for leaders managed by the unit. */
        MAU_06("mau-06", EnumSet.of(SchemeKind.QUARTERLY_AXES), new Mau06SummaryWriter()),
        /** Seed 004: count per rating ("Bảng tổng hợp kết quả đánh giá, xếp loại chất lượng"). */
        RATING_COUNTS("tong-hop-xep-loai", EnumSet.allOf(SchemeKind.class), new RatingCountSummaryWriter()),
        /** Seed 002 V.2 (2): the unit's monthly result list. */
        MONTHLY_RESULTS("ket-qua-thang", EnumSet.of(SchemeKind.MONTHLY), new MonthlyResultListWriter()),
        /** Seed 002 V.2 (3): the reward proposal list. */
        REWARD_PROPOSALS("de-nghi-khen-thuong", EnumSet.of(SchemeKind.MONTHLY), new RewardProposalListWriter());

        private final String prefix;
        private final Set<SchemeKind> kinds;
        private final UnitFormWriter writer;

        Form(String prefix, Set<SchemeKind> kinds, UnitFormWriter writer) {
            this.prefix = prefix;
            this.kinds = kinds;
            this.writer = writer;
        }

        /** @return the file name of this form for a unit, e.g. "mau-04_BTC-TU.xlsx". */
        public String fileName(String unitCode) {
            return prefix + "_" + unitCode + ".xlsx";
        }

        /** @return true when the form applies to schemes of this kind. */
        public boolean appliesTo(SchemeKind kind) {
            return kinds.contains(kind);
        }

        /** @return the form's writer. */
        public UnitFormWriter writer() {
            return writer;
        }
    }

    private final EmployeeScoreSheetWriter employeeSheets = new EmployeeScoreSheetWriter();

    /**
     * @param kind a scheme kind
     * @return the unit-level forms written for it, in {@link Form} order
     */
    public static List<Form> formsFor(SchemeKind kind) {
        return EnumSet.allOf(Form.class).stream().filter(f -> f.appliesTo(kind)).toList();
    }

    /** @return the workbook of an employee: {@code <periodDir>/<unit>/<employee>.xlsx}. */
    public static Path employeeSheet(Path periodDir, String unitCode, String employeeCode) {
        return periodDir.resolve(unitCode).resolve(employeeCode + ".xlsx");
    }

    /**
     * @param periodDir the period folder
     * @param unitCode the unit
     * @return the unit-level form files present in the folder, in {@link Form} order
     */
    public static List<Path> existingForms(Path periodDir, String unitCode) {
        List<Path> out = new ArrayList<>();
        for (Form f : Form.values()) {
            Path p = periodDir.resolve(f.fileName(unitCode));
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Writes the unit's forms for its scheme kind into {@code periodDir}, removes the forms that do not
     * apply, and writes each employee's workbook into {@code periodDir/<unit>/}.
     *
     * @param periodDir the period folder (created when missing)
     * @param report the unit's results
     * @return the unit-level files written, in {@link Form} order (employee workbooks not included)
     * @throws IOException when a file cannot be written or a stale form removed; the message names the file
     */
    public List<Path> write(Path periodDir, UnitReport report) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Form f : Form.values()) {
            Path target = periodDir.resolve(f.fileName(report.unitCode()));
            try {
                if (f.appliesTo(report.scheme().kind())) {
                    f.writer().write(target, report);
                    written.add(target);
                } else {
                    Files.deleteIfExists(target);
                }
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
        for (EmployeeResult e : report.employees()) {
            Path target = employeeSheet(periodDir, report.unitCode(), e.employeeId());
            try {
                employeeSheets.write(target, report, e);
            } catch (IOException ex) {
                throw new IOException("cannot write " + target + " (employee " + e.employeeId() + "): " + ex.getMessage(), ex);
            }
        }
        return written;
    }
}
