package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link EmployeeResult} as the Vietnamese explanation a reviewer reads (issue 3:
 * "the per-item table of seed 001 Bảng 2, each ratio, the rules that fired and why").
 */
final class Explanations {
    private Explanations() {
    }

    static List<String> lines(EmployeeResult r) {
        List<String> out = new ArrayList<>();
        out.add(r.fullName() + " (" + r.employeeId() + "), " + nz(r.position()) + ", đơn vị " + r.unitCode()
                + (r.dutyGroup().isEmpty() ? "" : ", nhóm nhiệm vụ " + r.dutyGroup()) + (r.period() == null ? "" : " - " + r.period().label())
                + ", phương án " + r.schemeId());
        out.add("Tình trạng: " + r.eligibility().status().label());
        r.eligibility().reasons().forEach(s -> out.add("  " + s));
        Evaluation e = r.evaluation();
        if (e == null) {
            return out;
        }
        GeneralCriteriaResult g = r.generalCriteria();
        out.add("A. Tiêu chí chung: " + Texts.points(g.points()) + "/" + Texts.exact(g.max()) + " điểm"
                + (g.fromChecklist() ? " (theo Mẫu 03, mỗi tiêu chí chấm tối đa nếu đảm bảo, 0 điểm nếu không)" : ""));
        for (CriterionLine l : g.lines()) {
            out.add("  " + l.code() + " " + l.name() + ": " + (l.met() ? "Đảm bảo" : "Không đảm bảo") + " - "
                    + Texts.exact(l.points()) + "/" + Texts.exact(l.maxPoints()));
        }
        out.add("B. Bảng tính điểm sản phẩm/công việc (Bảng 2): TT | Nhiệm vụ | Sản phẩm | Trục | Số lượng | Hệ số quy đổi"
                + " | Tỷ trọng | Số lượng quy đổi | Thực tế hoàn thành | Quy đổi (Số lượng) | Hệ số/Quy đổi (Chất lượng)"
                + " | Hệ số/Quy đổi (Tiến độ) | Hệ số/Quy đổi (Lãnh đạo, chỉ đạo, điều hành)");
        int i = 1;
        for (ItemCredit c : e.items()) {
            out.add("  " + i++ + " | " + nz(c.title()) + " [" + c.itemId() + "] | " + nz(c.productCode()) + " | " + c.axisCode()
                    + " | " + Texts.exact(c.plannedQuantity()) + " | " + Texts.exact(c.coefficient()) + " | "
                    + Texts.exact(c.share()) + " | " + Texts.exact(c.plannedConverted()) + " | " + Texts.exact(c.doneQuantity())
                    + " | " + Texts.exact(c.quantityCredit()) + " | " + Texts.exact(c.qualityFactor()) + "/"
                    + Texts.exact(c.qualityCredit()) + " | " + Texts.exact(c.timelinessFactor()) + "/"
                    + Texts.exact(c.timelinessCredit()) + " | " + Texts.exact(c.leadershipFactor()) + "/"
                    + Texts.exact(c.leadershipCredit()));
        }
        for (AxisResult a : e.axes()) {
            StringBuilder s = new StringBuilder("  " + a.code() + " " + nz(a.name()) + " (tối đa " + Texts.exact(a.maxPoints()) + " điểm)");
            if (a.plannedConverted().signum() == 0 && a.ratios().isEmpty() && a.kpi().signum() == 0) {
                out.add(s + ": không có nhiệm vụ trong kỳ (không áp dụng), điểm chia cho các mục còn lại theo tỷ lệ điểm");
                continue;
            }
            s.append(": ");
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Ratio, BigDecimal> ratio : a.ratios().entrySet()) {
                BigDecimal credits = e.items().stream().filter(c -> c.axisCode().equals(a.code()))
                        .map(c -> c.credit(ratio.getKey())).reduce(BigDecimal.ZERO, BigDecimal::add);
                parts.add(ratio.getKey().label() + " = " + Texts.exact(credits) + "/" + Texts.exact(a.plannedConverted()) + " = "
                        + Texts.percent(ratio.getValue()));
            }
            s.append(String.join("; ", parts));
            s.append(parts.isEmpty() ? "" : "; ").append("KPI = ").append(Texts.percent(a.kpi())).append("; điểm = ")
                    .append(Texts.points(a.points()));
            out.add(s.toString());
        }
        for (LeaderTermValue t : r.leaderTerms()) {
            out.add("  " + t.term().letter() + ". " + t.term().label() + " = " + Texts.percent(t.value()) + ": " + t.reason());
        }
        out.add("Điểm kết quả thực hiện nhiệm vụ: " + Texts.points(e.taskPoints()));
        out.add("Tổng điểm: " + Texts.points(e.generalPoints()) + " + " + Texts.points(e.taskPoints()) + " = "
                + Texts.points(e.displayedTotal()) + " điểm, tương ứng mức " + Texts.rating(e.pointsBand()));
        for (FiredRule f : e.rulesFired()) {
            out.add("Quy tắc \"" + f.code().label() + "\" (" + f.code() + ", " + f.source() + ")" + (f.waived() ? " [không áp dụng]" : "") + ": " + f.reason());
        }
        out.add("Đề xuất xếp loại sau quy tắc: " + Texts.rating(e.proposedRating()));
        if (r.quota() != null) {
            out.add("Tỷ lệ Hoàn thành xuất sắc nhiệm vụ: " + r.quota().reason());
        }
        out.add("Đề xuất trình cấp có thẩm quyền: " + Texts.rating(r.finalProposedRating())
                + (e.selfProposedRating() == null ? "" : " (cá nhân tự đề xuất: " + Texts.rating(e.selfProposedRating()) + ")"));
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
