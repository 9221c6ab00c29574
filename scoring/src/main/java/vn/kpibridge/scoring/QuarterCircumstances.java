package vn.kpibridge.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * Facts that may defer a quarterly evaluation to the next quarter (seed 001 §7 d; seed 004 §6.1 b).
 *
 * @param absences training, sick and maternity absences (any dates; clipped to the quarter)
 * @param firstAppointedOn the day the employee was first appointed to a leadership post, or null
 *     when appointed before the quarter or not relevant
 * @param underInvestigation non-null (the case reference or note) while the employee is under
 *     investigation for signs of violation ("đang trong thời gian kiểm tra dấu hiệu vi phạm")
 */
public record QuarterCircumstances(List<Absence> absences, LocalDate firstAppointedOn, String underInvestigation) {
    /** Copies the list; null means none. */
    public QuarterCircumstances {
        absences = absences == null ? List.of() : List.copyOf(absences);
    }
}
