package vn.kpibridge.scoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An evaluation period: a month ("2026-06") or a quarter ("2026-Q2"). Monthly schemes (seeds
 * 000, 002) use months, quarterly schemes (seeds 001, 004) quarters.
 *
 * @param code canonical code, "yyyy-MM" or "yyyy-Qn"
 * @param start first day, inclusive
 * @param end last day, inclusive
 */
public record Period(String code, LocalDate start, LocalDate end) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    /**
     * @param code "2026-Q2" or "2026-06"
     * @return the period
     * @throws IllegalArgumentException when the code is neither form
     */
    public static Period parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("period is missing (expected yyyy-Qn or yyyy-MM)");
        }
        Matcher q = QUARTER.matcher(code.trim());
        if (q.matches()) {
            int year = Integer.parseInt(q.group(1));
            int quarter = Integer.parseInt(q.group(2));
            YearMonth first = YearMonth.of(year, quarter * 3 - 2);
            return new Period(code.trim(), first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        Matcher m = MONTH.matcher(code.trim());
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("period " + code + ": month must be 01-12");
            }
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
            return new Period(code.trim(), ym.atDay(1), ym.atEndOfMonth());
        }
        throw new IllegalArgumentException("period " + code + ": expected yyyy-Qn (quarter) or yyyy-MM (month)");
    }

    /** @return true for a quarter. */
    public boolean isQuarter() {
        return code.contains("Q");
    }

    /** @return the Vietnamese label: "Quý II/2026" or "Tháng 6/2026". */
    public String label() {
        if (isQuarter()) {
            return "Quý " + ROMAN[(start.getMonthValue() - 1) / 3] + "/" + start.getYear();
        }
        return "Tháng " + start.getMonthValue() + "/" + start.getYear();
    }
}
