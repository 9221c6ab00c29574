package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EXCELLENT quota of one unit, per group of similar duties (DOMAIN.md 3a; seed 002 II.2 (5):
 * "không vượt quá 20% tổng số CBCCVC được xếp loại Hoàn thành tốt nhiệm vụ trong phạm vi cùng một
 * cơ quan ... và trong từng nhóm CBCCVC có nhiệm vụ tương đồng", up to 25% for an outstanding unit;
 * seeds 001 §6.1 and 004 §6.2: the head is not counted, round half up).
 *
 * <p>Per group: the head is set aside (marked {@link QuotaStatus#HEAD_NOT_COUNTED}); the base is
 * taken per the scheme's {@link QuotaReading}; cap = round-half-up(rate x base), at most the number
 * of candidates. When there are more EXCELLENT candidates than the cap, the lowest displayed scores
 * are proposed for GOOD first; candidates tied on the displayed score across the cap boundary are
 * listed together and left to the approving authority. The system proposes; the authority decides.
 */
public final class ExcellentQuota {
    private ExcellentQuota() {
    }

    /** The results of a unit with their quota marks, and one outcome per group. */
    public record Applied(List<EmployeeResult> results, List<QuotaOutcome> outcomes) {
        /** Copies the lists. */
        public Applied {
            results = List.copyOf(results);
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * Applies the quota to the results of one unit (all employees whose unit is {@code unit}).
     * Does nothing when the scheme does not enable {@link RuleCode#EXCELLENT_QUOTA}.
     *
     * @param scheme the scheme (quota settings)
     * @param unit the unit (its granted rate, if any)
     * @param results the unit's results, any order; only RATED results take part
     * @return the results in the same order, with quota marks and final proposals, and the
     *     outcome of every group that has at least one rated non-head employee
     * @throws IllegalArgumentException when the unit's granted rate exceeds the scheme's maximum
     *     rate
     */
    public static Applied apply(Scheme scheme, OrgUnit unit, List<EmployeeResult> results) {
        if (!scheme.enabled(RuleCode.EXCELLENT_QUOTA)) {
            return new Applied(results, List.of());
        }
        QuotaSettings q = scheme.quota();
        BigDecimal rate = q.rate();
        String rateSource = "tỷ lệ " + Texts.percent(rate) + " (seed 002 II.2 (5) a)";
        if (unit.excellentRate() != null) {
            if (unit.excellentRate().compareTo(q.maxRate()) > 0) {
                throw new IllegalArgumentException("unit " + unit.code() + ": excellentRate " + Texts.percent(unit.excellentRate())
                        + " exceeds the maximum " + Texts.percent(q.maxRate()) + " of scheme " + scheme.id());
            }
            rate = unit.excellentRate();
            rateSource = "tỷ lệ " + Texts.percent(rate) + " do cấp có thẩm quyền quyết định cho đơn vị có thành tích xuất sắc"
                    + (unit.excellentRateDecision() == null ? "" : " (" + unit.excellentRateDecision() + ")")
                    + ", không quá " + Texts.percent(q.maxRate()) + " (seed 002 II.2 (5) b)";
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            EmployeeResult r = results.get(i);
            if (r.eligibility().rated() && r.evaluation() != null) {
                groups.computeIfAbsent(r.dutyGroup(), k -> new ArrayList<>()).add(i);
            }
        }
        List<EmployeeResult> out = new ArrayList<>(results);
        List<QuotaOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            String duty = g.getKey();
            String where = "Đơn vị " + (unit.name() == null ? unit.code() : unit.name())
                    + (duty.isEmpty() ? "" : ", nhóm nhiệm vụ tương đồng \"" + duty + "\"");
            List<Integer> candidates = new ArrayList<>();
            int good = 0;
            boolean any = false;
            for (int i : g.getValue()) {
                EmployeeResult r = out.get(i);
                if (r.role() == Role.HEAD) {
                    out.set(i, r.withQuota(new QuotaMark(QuotaStatus.HEAD_NOT_COUNTED, unit.code(), duty,
                            "Người đứng đầu: mức xếp loại gắn với kết quả của tập thể, không tính vào tỷ lệ \""
                                    + Rating.EXCELLENT.label() + "\" của các thành viên (seed 001 §6.1; seed 004 §6.2)"),
                            r.finalProposedRating()));
                    continue;
                }
                any = true;
                Rating pre = r.evaluation().proposedRating();
                if (pre == Rating.EXCELLENT) {
                    candidates.add(i);
                } else if (pre == Rating.GOOD) {
                    good++;
                }
            }
            if (!any) {
                continue;
            }
            int e = candidates.size();
            int cap = 0;
            int base = good + e;
            BigDecimal exact = rate.multiply(BigDecimal.valueOf(base));
            if (q.reading() == QuotaReading.GOOD_OR_BETTER) {
                cap = Math.min(e, roundHalfUp(exact));
            } else {
                for (int k = e; k >= 0; k--) {
                    BigDecimal x = rate.multiply(BigDecimal.valueOf(good + e - k));
                    if (k <= roundHalfUp(x)) {
                        cap = k;
                        base = good + e - k;
                        exact = x;
                        break;
                    }
                }
            }
            // highest score first for ranking; lowest first for demotion
            candidates.sort(Comparator.comparing((Integer i) -> out.get(i).evaluation().displayedTotal()).reversed());
            Map<BigDecimal, Integer> rankOf = new HashMap<>();
            for (int pos = 0; pos < e; pos++) {
                rankOf.putIfAbsent(out.get(candidates.get(pos)).evaluation().displayedTotal().stripTrailingZeros(), pos + 1);
            }
            String head = where + ": " + (q.reading() == QuotaReading.GOOD_OR_BETTER
                    ? base + " người được đề xuất từ \"" + Rating.GOOD.label() + "\" trở lên trước khi áp tỷ lệ"
                    : base + " người xếp loại \"" + Rating.GOOD.label() + "\" sau khi áp tỷ lệ")
                    + " (không tính người đứng đầu); " + rateSource + " x " + base + " = " + Texts.exact(exact)
                    + ", làm tròn (từ 0,5 trở lên làm tròn lên 1, seed 001 §6.1) được tối đa " + cap + " người; " + e
                    + " người đề xuất \"" + Rating.EXCELLENT.label() + "\"";
            List<String> proposedForGood = new ArrayList<>();
            List<String> tied = new ArrayList<>();
            int toChoose = 0;
            int over = e - cap;
            if (over <= 0) {
                head += ": trong giới hạn.";
                for (int i : candidates) {
                    EmployeeResult r = out.get(i);
                    int rank = rankOf.get(r.evaluation().displayedTotal().stripTrailingZeros());
                    out.set(i, r.withQuota(new QuotaMark(QuotaStatus.WITHIN_CAP, unit.code(), duty, head + " Xếp thứ " + rank + "/"
                            + e + " (" + Texts.points(r.evaluation().displayedTotal()) + " điểm)."), Rating.EXCELLENT));
                }
            } else {
                head += ": vượt " + over + " người; đề xuất chuyển sang \"" + Rating.GOOD.label()
                        + "\" theo thứ tự điểm từ thấp đến cao, người bằng điểm được liệt kê cùng nhau; cấp có thẩm quyền quyết định.";
                // stable sorts: people with the same score stay in the order they were given
                List<Integer> ascending = new ArrayList<>(candidates);
                ascending.sort(Comparator.comparing((Integer i) -> out.get(i).evaluation().displayedTotal()));
                int remaining = over;
                int pos = 0;
                while (pos < ascending.size()) {
                    BigDecimal score = out.get(ascending.get(pos)).evaluation().displayedTotal();
                    int end = pos;
                    while (end < ascending.size() && out.get(ascending.get(end)).evaluation().displayedTotal().compareTo(score) == 0) {
                        end++;
                    }
                    List<Integer> tieGroup = ascending.subList(pos, end);
                    List<String> names = tieGroup.stream().map(i -> out.get(i).fullName() + " (" + out.get(i).employeeId() + ")").toList();
                    if (remaining <= 0) {
                        for (int i : tieGroup) {
                            mark(out, i, QuotaStatus.WITHIN_CAP, unit, duty, head, rankOf, e, "trong giới hạn " + cap + " người",
                                    Rating.EXCELLENT);
                        }
                    } else if (tieGroup.size() <= remaining) {
                        for (int i : tieGroup) {
                            proposedForGood.add(out.get(i).employeeId());
                            mark(out, i, QuotaStatus.PROPOSED_FOR_GOOD, unit, duty, head, rankOf, e, "ngoài giới hạn "
                                    + cap + " người: đề xuất \"" + Rating.GOOD.label() + "\""
                                    + (tieGroup.size() > 1 ? " (bằng điểm với " + String.join(", ", names) + ")" : ""), Rating.GOOD);
                        }
                        remaining -= tieGroup.size();
                    } else {
                        toChoose = remaining;
                        for (int i : tieGroup) {
                            tied.add(out.get(i).employeeId());
                            mark(out, i, QuotaStatus.TIED_AT_CAP, unit, duty, head, rankOf, e, "bằng điểm tại ranh giới giới hạn "
                                    + "cùng " + String.join(", ", names) + ": cấp có thẩm quyền chọn " + remaining + " trong "
                                    + tieGroup.size() + " người chuyển sang \"" + Rating.GOOD.label()
                                    + "\"; tạm giữ đề xuất \"" + Rating.EXCELLENT.label() + "\"", Rating.EXCELLENT);
                        }
                        remaining = 0;
                    }
                    pos = end;
                }
            }
            List<String> ids = candidates.stream().map(i -> out.get(i).employeeId()).toList();
            outcomes.add(new QuotaOutcome(unit.code(), duty, q.reading(), rate, good, ids, base, exact, cap,
                    proposedForGood, tied, toChoose, head));
        }
        return new Applied(out, outcomes);
    }

    private static void mark(List<EmployeeResult> out, int i, QuotaStatus status, OrgUnit unit, String duty, String head,
            Map<BigDecimal, Integer> rankOf, int e, String what, Rating proposed) {
        EmployeeResult r = out.get(i);
        int rank = rankOf.get(r.evaluation().displayedTotal().stripTrailingZeros());
        out.set(i, r.withQuota(new QuotaMark(status, unit.code(), duty, head + " Xếp thứ " + rank + "/" + e + " ("
                + Texts.points(r.evaluation().displayedTotal()) + " điểm), " + what + "."), proposed));
    }

    /** @return {@code x} rounded half up to an integer (seeds 001 §6.1, 004 §6.2). */
    static int roundHalfUp(BigDecimal x) {
        return x.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
