package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import vn.kpibridge.scoring.AxisResult;
import vn.kpibridge.scoring.CriterionLine;
import vn.kpibridge.scoring.Decimals;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.FiredRule;
import vn.kpibridge.scoring.GeneralCriteriaResult;
import vn.kpibridge.scoring.GeneralCriterion;
import vn.kpibridge.scoring.ItemCredit;
import vn.kpibridge.scoring.LeaderTermValue;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Ratio;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.SchemeKind;
import vn.kpibridge.scoring.Texts;

/**
 * Writes one employee's scoring workbook (XLSX, Apache POI, Vietnamese labels) with two sheets:
 *
 * <ul>
 *   <li>{@value #SCORE_SHEET}: the self-assessment and scoring sheet of seed 001 Mẫu số 03 ("Bản tự
 *       đánh giá, chấm điểm và xếp loại của cá nhân"; seed 004 prints the same sheet):
 *       <ul>
 *         <li>part A "Nhóm tiêu chí chung" ({@link #PART_A_HEADERS}): one row per group (1, 2, 3 with
 *             the form's titles, {@link #GROUP_TITLES}, and the sum of its items) and per item of the
 *             scheme's checklist with its maximum points; when the general criteria were assessed
 *             item by item, an "X" under "Đảm bảo" or "Không đảm bảo" and the points; when only a
 *             total was given, the item cells stay blank (no split is invented) and the "Tổng (A)" row
 *             carries the total with a note. A scheme without a checklist prints only "Tổng (A)";</li>
 *         <li>part B "Kết quả thực hiện nhiệm vụ được giao" ({@link #PART_B_HEADERS}): per axis the
 *             planned and achieved converted quantities, KPI %, maximum and points, with the axis'
 *             items listed under it; "TỔNG (B)" and "TỔNG (A) + (B)";</li>
 *         <li>II the employee's own proposal; III the figures the authority reviews: points, the
 *             rating proposed after the rules and the quota, the points band, each rule that fired,
 *             the quota mark; an employee not rated gets the eligibility status and reasons instead
 *             of parts A-B figures.</li>
 *       </ul></li>
 *   <li>{@value #KPI_SHEET} (rated employees only): the KPI calculation table of seed 001 Phụ lục 2
 *       ("Bảng 2"): one row per planned item (task, product, planned quantity, coefficient, converted
 *       quantity, then done and converted for quantity, quality, timeliness and leadership), a total
 *       row, and, per axis with a plan (titled when there are several), the ratios the scheme averages
 *       (A-D as seed 001 writes them; a-c under a monthly scheme, seed 002 III.4), a leader's terms d,
 *       đ, e under a monthly scheme, and the KPI the engine computed, e.g. "KPI = (A+B+C+D)/4" or
 *       "KPI = (a+b+c)/3", as percentages (2 decimals); {@link #NO_PLAN} when nothing was planned.</li>
 * </ul>
 *
 * <p>Numbers are numeric cells (exact value, rounded half-up to 2 decimals only where the form shows
 * a rounded figure: percentages and points); the file is written to a temporary name and moved into
 * place.
 */
public final class EmployeeScoreSheetWriter {
    /** Name of the "Bảng 2" sheet. */
    public static final String KPI_SHEET = "Bảng 2 - KPI";
    /** Name of the Mẫu 03 sheet. */
    public static final String SCORE_SHEET = "Mẫu 03 - Chấm điểm";
    /** Header of the "Bảng 2" item table, in the seed's column order. */
    public static final List<String> KPI_HEADERS = List.of("TT", "Nhiệm vụ", "Sản phẩm", "Số lượng", "Hệ số quy đổi",
            "Số lượng quy đổi", "Số lượng: thực tế hoàn thành", "Số lượng: quy đổi", "Chất lượng: hệ số",
            "Chất lượng: quy đổi", "Tiến độ: hệ số", "Tiến độ: quy đổi", "Lãnh đạo, chỉ đạo, điều hành: hệ số",
            "Lãnh đạo, chỉ đạo, điều hành: quy đổi");
    /** 0-based row of the item table header on the KPI sheet. */
    public static final int KPI_HEADER_ROW = 3;
    /** Header of Mẫu 03 part A, in the form's order. */
    public static final List<String> PART_A_HEADERS = List.of("TT", "Tiêu chí / Nội dung", "Đảm bảo (Đánh dấu X)",
            "Không đảm bảo (Đánh dấu X)", "Điểm tối đa",
            "Điểm đạt (Chấm tối đa nếu đảm bảo; Chấm 0 điểm nếu không đảm bảo)", "Ghi chú");
    /** Header of Mẫu 03 part B, in the form's order. */
    public static final List<String> PART_B_HEADERS = List.of("TT", "Tiêu chí / Nội dung", "Mục tiêu, nhiệm vụ đề ra",
            "Kết quả sản phẩm thực tế", "Điểm KPI (%)", "Điểm tối đa", "Điểm đạt (= Điểm KPI x Điểm tối đa)", "Ghi chú");
    /** 0-based row of the part A header on the Mẫu 03 sheet (after heading, 3 identity lines and 2 part titles). */
    public static final int PART_A_HEADER_ROW = 11;
    /** Titles of the checklist groups as Mẫu 03 part A prints them, by group code. */
    public static final Map<String, String> GROUP_TITLES = Map.of(
            "1", "Về phẩm chất chính trị, đạo đức, lối sống, thực hiện trách nhiệm nêu gương",
            "2", "Tư duy đổi mới, chiến lược, khát vọng cống hiến, dám nghĩ, dám làm",
            "3", "Về tự phê bình và phê bình, tự soi, tự sửa, khắc phục hạn chế, khuyết điểm");
    /** Label of part A's total row (column 1). */
    public static final String TOTAL_A = "Tổng (A)";
    /** Label of part B's total row (column 1). */
    public static final String TOTAL_B = "TỔNG (B)";
    /** Label of the grand total row (column 1). */
    public static final String TOTAL_AB = "TỔNG (A) + (B)";
    /** Note on "Tổng (A)" when the general criteria were given as a total under a scheme with a checklist. */
    public static final String TOTAL_ONLY = "Chấm theo tổng điểm; không có kết quả từng tiêu chí";
    /** Line of the KPI sheet in place of the ratios when no axis has a plan (nothing planned, KPI 0). */
    public static final String NO_PLAN = "Không có sản phẩm kế hoạch trong kỳ (tổng số lượng quy đổi bằng 0): KPI = 0";
    /** Note on "Tổng (A)" when the scheme has no checklist. */
    public static final String NO_CHECKLIST = "Chấm theo tổng điểm (phương án chấm điểm không có danh mục tiêu chí chung)";

    private static final int SCORE_COLUMNS = PART_B_HEADERS.size();

    /**
     * @param target the .xlsx to write
     * @param unit the unit report the employee belongs to (unit name, period, scheme)
     * @param e the employee's result
     * @throws IOException when the file cannot be written
     */
    public void write(Path target, UnitReport unit, EmployeeResult e) throws IOException {
        try (ReportWorkbook wb = new ReportWorkbook()) {
            scoreSheet(wb, unit, e);
            if (e.evaluation() != null) {
                kpiSheet(wb, unit.scheme(), e, unit.periodLabel());
            }
            wb.save(target);
        }
    }

    private void scoreSheet(ReportWorkbook wb, UnitReport unit, EmployeeResult e) {
        Sheet s = wb.sheet(SCORE_SHEET, 7, 62, 14, 14, 12, 14, 16, 34);
        Scheme scheme = unit.scheme();
        Evaluation ev = e.evaluation();
        int r = wb.heading(s, new FormHeading("ĐẢNG ỦY/CƠ QUAN, ĐƠN VỊ: " + unit.unitName(), true,
                List.of("BẢN TỰ ĐÁNH GIÁ, CHẤM ĐIỂM VÀ XẾP LOẠI CỦA CÁ NHÂN", unit.periodLabel())), SCORE_COLUMNS);
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "Họ và tên: " + e.fullName(), wb.st.plain);
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "Chức vụ: " + nz(e.position()), wb.st.plain);
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "Đơn vị công tác: " + unit.unitName(), wb.st.plain);
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "I. Tự đánh giá kết quả thực hiện nhiệm vụ", wb.st.plainBold);
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "A. NHÓM TIÊU CHÍ CHUNG (" + Texts.exact(scheme.generalCriteriaMax()) + " ĐIỂM)",
                wb.st.plainBold);
        r = partA(wb, s, r, scheme, e);
        r++;
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "B. KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO (" + Texts.exact(scheme.taskMax())
                + " ĐIỂM)", wb.st.plainBold);
        r = partB(wb, s, r, scheme, ev);
        r++;
        Rating self = ev == null ? null : ev.selfProposedRating();
        wb.labelled(s, r++, 2, SCORE_COLUMNS, "II. Tự đề xuất xếp loại mức chất lượng:", self == null ? "" : self.label());
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "(Theo 04 mức: 1- Hoàn thành xuất sắc nhiệm vụ, 2- Hoàn thành tốt nhiệm "
                + "vụ, 3- Hoàn thành nhiệm vụ và 4- Không hoàn thành nhiệm vụ)", wb.st.plain);
        r = wb.signer(s, r, SCORE_COLUMNS, List.of("CÁ NHÂN TỰ ĐÁNH GIÁ", "(Ký, ghi rõ họ tên)"));
        r++;
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "III. Nhận xét, đánh giá của cấp có thẩm quyền", wb.st.plainBold);
        if (ev == null) {
            wb.labelled(s, r++, 2, SCORE_COLUMNS, "- Đánh giá, xếp loại:", Grounds.of(e));
        } else {
            wb.merged(s, r, 0, 1, "- Chấm điểm:", wb.st.plainBold);
            wb.number(s, r++, 2, ev.displayedTotal(), wb.st.plainDecimal);
            Rating proposed = UnitReport.rating(e);
            wb.labelled(s, r++, 2, SCORE_COLUMNS, "- Đề xuất xếp loại:", proposed.label());
            wb.labelled(s, r++, 2, SCORE_COLUMNS, "- Mức độ đáp ứng đối với các mục tiêu, nhiệm vụ then chốt:", "");
            wb.labelled(s, r++, 2, SCORE_COLUMNS, "- Mức điểm:", ev.pointsBand().label());
            for (FiredRule rule : ev.rulesFired()) {
                wb.labelled(s, r++, 2, SCORE_COLUMNS, rule.waived() ? "- Quy định (được miễn):" : "- Quy định áp dụng:",
                        rule.reason() + " (" + rule.source() + ")");
            }
            if (e.quota() != null) {
                wb.labelled(s, r++, 2, SCORE_COLUMNS, "- Tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\":", e.quota().reason());
            }
        }
        r++;
        wb.signer(s, r, SCORE_COLUMNS, List.of("XÁC NHẬN CỦA TẬP THỂ LÃNH ĐẠO HOẶC CẤP ỦY/BTV CẤP ỦY",
                "ĐỀ XUẤT CẤP THẨM QUYỀN XẾP LOẠI CÁN BỘ", "(Xác lập thời điểm, ký, ghi rõ họ tên và đóng dấu)"));
    }

    /** Part A: groups and items of the scheme's checklist, then "Tổng (A)". */
    private int partA(ReportWorkbook wb, Sheet s, int r, Scheme scheme, EmployeeResult e) {
        int cols = PART_A_HEADERS.size();
        r = wb.header(s, r, PART_A_HEADERS);
        GeneralCriteriaResult g = e.generalCriteria();
        boolean itemized = g != null && g.fromChecklist();
        Map<String, CriterionLine> lines = new LinkedHashMap<>();
        if (itemized) {
            g.lines().forEach(l -> lines.put(l.code(), l));
        }
        Map<String, List<GeneralCriterion>> groups = new LinkedHashMap<>();
        for (GeneralCriterion c : scheme.generalCriteria()) {
            int dot = c.code().indexOf('.');
            groups.computeIfAbsent(dot < 0 ? c.code() : c.code().substring(0, dot), k -> new ArrayList<>()).add(c);
        }
        for (var group : groups.entrySet()) {
            BigDecimal max = BigDecimal.ZERO;
            BigDecimal got = BigDecimal.ZERO;
            for (GeneralCriterion c : group.getValue()) {
                max = max.add(c.points());
                got = itemized ? got.add(lines.get(c.code()).points()) : got;
            }
            wb.text(s, r, 0, group.getKey(), wb.st.header);
            wb.text(s, r, 1, GROUP_TITLES.getOrDefault(group.getKey(), "Nhóm tiêu chí " + group.getKey()), wb.st.headerLeft);
            wb.blanks(s, r, 2, 3, wb.st.center);
            wb.number(s, r, 4, max, wb.st.decimalBold);
            wb.number(s, r, 5, itemized ? got : null, wb.st.decimalBold);
            wb.text(s, r++, 6, "", wb.st.cell);
            for (GeneralCriterion c : group.getValue()) {
                CriterionLine line = lines.get(c.code());
                wb.text(s, r, 0, c.code(), wb.st.center);
                wb.text(s, r, 1, c.name(), wb.st.cell);
                wb.text(s, r, 2, line != null && line.met() ? "X" : "", wb.st.center);
                wb.text(s, r, 3, line != null && !line.met() ? "X" : "", wb.st.center);
                wb.number(s, r, 4, c.points(), wb.st.decimal);
                wb.number(s, r, 5, line == null ? null : line.points(), wb.st.decimal);
                wb.text(s, r++, 6, "", wb.st.cell);
            }
        }
        wb.text(s, r, 0, "", wb.st.cell);
        wb.text(s, r, 1, TOTAL_A, wb.st.headerLeft);
        wb.blanks(s, r, 2, 3, wb.st.cell);
        wb.number(s, r, 4, scheme.generalCriteriaMax(), wb.st.decimalBold);
        BigDecimal general = e.evaluation() == null ? null : Decimals.display(e.evaluation().generalPoints());
        wb.number(s, r, 5, general, wb.st.decimalBold);
        String note = general == null || itemized ? "" : scheme.generalCriteria().isEmpty() ? NO_CHECKLIST : TOTAL_ONLY;
        wb.text(s, r, cols - 1, note, wb.st.cell);
        return r + 1;
    }

    /** Part B: per axis with its items, then "TỔNG (B)" and "TỔNG (A) + (B)". */
    private int partB(ReportWorkbook wb, Sheet s, int r, Scheme scheme, Evaluation ev) {
        r = wb.header(s, r, PART_B_HEADERS);
        if (ev != null) {
            for (AxisResult axis : ev.axes()) {
                List<ItemCredit> items = ev.items().stream().filter(i -> axis.code().equals(axisOf(i, ev))).toList();
                BigDecimal achieved = items.stream().map(ItemCredit::quantityCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
                wb.text(s, r, 0, axis.code(), wb.st.header);
                wb.text(s, r, 1, axisTitle(axis, scheme), wb.st.headerLeft);
                wb.number(s, r, 2, axis.plannedConverted(), wb.st.decimal);
                wb.number(s, r, 3, achieved, wb.st.decimal);
                boolean applies = axis.plannedConverted().signum() > 0;
                if (applies) {
                    wb.number(s, r, 4, Decimals.percent(axis.kpi()), wb.st.decimal);
                } else {
                    wb.text(s, r, 4, "không áp dụng", wb.st.center);
                }
                wb.number(s, r, 5, axis.maxPoints(), wb.st.decimal);
                wb.number(s, r, 6, Decimals.display(axis.points()), wb.st.decimalBold);
                wb.text(s, r++, 7, applies ? "" : "Không có nhiệm vụ trong kỳ (nếu có)", wb.st.cell);
                for (ItemCredit i : items) {
                    wb.text(s, r, 0, "", wb.st.cell);
                    wb.text(s, r, 1, "- " + i.title() + (i.productCode() == null ? "" : " (" + i.productCode() + ")"), wb.st.cell);
                    wb.number(s, r, 2, i.plannedConverted(), wb.st.decimal);
                    wb.number(s, r, 3, i.quantityCredit(), wb.st.decimal);
                    wb.blanks(s, r++, 4, 7, wb.st.cell);
                }
            }
        }
        wb.text(s, r, 0, "", wb.st.cell);
        wb.text(s, r, 1, TOTAL_B, wb.st.headerLeft);
        wb.blanks(s, r, 2, 4, wb.st.cell);
        wb.number(s, r, 5, scheme.taskMax(), wb.st.decimalBold);
        wb.number(s, r, 6, ev == null ? null : Decimals.display(ev.taskPoints()), wb.st.decimalBold);
        wb.text(s, r++, 7, "", wb.st.cell);
        wb.text(s, r, 0, "", wb.st.cell);
        wb.text(s, r, 1, TOTAL_AB, wb.st.headerLeft);
        wb.blanks(s, r, 2, 4, wb.st.cell);
        wb.number(s, r, 5, scheme.generalCriteriaMax().add(scheme.taskMax()), wb.st.decimalBold);
        wb.number(s, r, 6, ev == null ? null : ev.displayedTotal(), wb.st.decimalBold);
        wb.text(s, r++, 7, "", wb.st.cell);
        wb.merged(s, r++, 0, SCORE_COLUMNS - 1, "Mục tiêu và kết quả tính bằng số lượng quy đổi (số lượng x hệ số quy "
                + "đổi); chi tiết từng sản phẩm tại bảng \"" + KPI_SHEET + "\".", wb.st.italic);
        return r;
    }

    /** @return the axis an item counts toward: its own, or the only axis of the evaluation. */
    private static String axisOf(ItemCredit i, Evaluation ev) {
        if (i.axisCode() != null) {
            return i.axisCode();
        }
        return ev.axes().size() == 1 ? ev.axes().get(0).code() : null;
    }

    private void kpiSheet(ReportWorkbook wb, Scheme scheme, EmployeeResult er, String periodLabel) {
        Evaluation e = er.evaluation();
        Sheet s = wb.sheet(KPI_SHEET, 5, 48, 10, 9, 9, 10, 11, 10, 10, 10, 10, 10, 12, 12);
        int cols = KPI_HEADERS.size();
        wb.merged(s, 0, 0, cols - 1, "BẢNG TÍNH ĐIỂM KẾT QUẢ THỰC HIỆN NHIỆM VỤ (KPI) - "
                + periodLabel.toUpperCase(Locale.forLanguageTag("vi")), wb.st.title);
        wb.merged(s, 1, 0, cols - 1, "Họ và tên: " + e.fullName() + " - " + nz(e.position()), wb.st.plainBold);
        int r = wb.header(s, KPI_HEADER_ROW, KPI_HEADERS);
        int tt = 1;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (ItemCredit i : e.items()) {
            wb.integer(s, r, 0, tt++, wb.st.integer);
            wb.text(s, r, 1, i.title(), wb.st.cell);
            wb.text(s, r, 2, i.productCode(), wb.st.cell);
            BigDecimal[] values = {i.plannedQuantity(), i.coefficient(), i.plannedConverted(), i.doneQuantity(),
                    i.quantityCredit(), i.qualityFactor(), i.qualityCredit(), i.timelinessFactor(), i.timelinessCredit(),
                    i.leadershipFactor(), i.leadershipCredit()};
            for (int c = 0; c < values.length; c++) {
                wb.number(s, r, 3 + c, values[c], wb.st.decimal);
            }
            r++;
            planned = planned.add(i.plannedConverted());
            totals[0] = totals[0].add(i.quantityCredit());
            totals[1] = totals[1].add(i.qualityCredit());
            totals[2] = totals[2].add(i.timelinessCredit());
            totals[3] = totals[3].add(i.leadershipCredit());
        }
        wb.text(s, r, 1, "Tổng", wb.st.header);
        wb.number(s, r, 5, planned, wb.st.decimalBold);
        for (int k = 0; k < 4; k++) {
            wb.number(s, r, 7 + 2 * k, totals[k], wb.st.decimalBold);
        }
        r += 2;
        // the ratios and KPI the engine computed: per axis with a plan, the scheme's own ratios and,
        // for a leader under a monthly scheme, the leader terms (seed 001 Phụ lục 2; seed 002 III.4)
        boolean monthly = scheme.kind() == SchemeKind.MONTHLY;
        List<String> terms = new ArrayList<>();
        for (Ratio ratio : scheme.ratios()) {
            terms.add(letter(ratio, monthly));
        }
        for (LeaderTermValue t : er.leaderTerms()) {
            terms.add(t.term().letter());
        }
        String kpiLabel = "KPI = (" + String.join("+", terms) + ")/" + terms.size() + " (%)";
        List<AxisResult> withPlan = e.axes().stream().filter(a -> a.plannedConverted().signum() > 0).toList();
        if (withPlan.isEmpty()) {
            wb.text(s, r, 1, NO_PLAN, wb.st.plainBold);
        }
        for (AxisResult axis : withPlan) {
            if (withPlan.size() > 1) {
                wb.text(s, r++, 1, axisTitle(axis, scheme), wb.st.plainBold);
            }
            for (Ratio ratio : scheme.ratios()) {
                wb.text(s, r, 1, letter(ratio, monthly) + " - " + ratio.label() + " (%)", wb.st.plainBold);
                wb.number(s, r++, 2, Decimals.percent(axis.ratios().get(ratio)), wb.st.decimal);
            }
            for (LeaderTermValue t : er.leaderTerms()) {
                wb.text(s, r, 1, t.term().letter() + " - " + t.term().label() + " (%)", wb.st.plainBold);
                wb.number(s, r++, 2, Decimals.percent(t.value()), wb.st.decimal);
            }
            wb.text(s, r, 1, kpiLabel, wb.st.plainBold);
            wb.number(s, r++, 2, Decimals.percent(axis.kpi()), wb.st.decimal);
        }
    }

    /** @return the ratio's letter: A-D as seed 001 Phụ lục 2 writes them, a-c under a monthly scheme (seed 002 III.4). */
    private static String letter(Ratio ratio, boolean monthly) {
        String letter = String.valueOf((char) ('A' + ratio.ordinal()));
        return monthly ? letter.toLowerCase(Locale.ROOT) : letter;
    }

    /** @return the axis as part B of Mẫu 03 names it. */
    private static String axisTitle(AxisResult axis, Scheme scheme) {
        return axis.name() + (scheme.kind() == SchemeKind.QUARTERLY_AXES ? " (Trục " + axis.code() + ")" : "");
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
