package vn.kpibridge.routes.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.routes.persistence.ReviewerInputRepository;
import vn.kpibridge.routes.persistence.SelfAssessmentRepository;
import vn.kpibridge.scoring.EmployeeInput;
import vn.kpibridge.scoring.EvaluationSubject;
import vn.kpibridge.scoring.ItemReview;
import vn.kpibridge.scoring.LeaderAssessment;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Role;
import vn.kpibridge.scoring.WorkItem;

/**
 * Puts the people's inputs over what the records say, so that re-scoring from new records never
 * silently drops them (issue 6 point 2): the employee's self-proposed rating replaces the record's;
 * the reviewer's general criteria, force majeure, per-item outcomes, leader inputs đ and e
 * (seed 002 III.4.2) and violations (Decree 335/2025) replace or complete the record's. Used by
 * every scoring of a stored evaluation (ScoringService) and by the approval's quota pass, so both
 * see the same subject.
 */
@Component
public class HumanInputs {
    private final SelfAssessmentRepository selfAssessments;
    private final ReviewerInputRepository reviews;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param selfAssessments stored self-assessments (one employee at a time)
     * @param reviews stored reviewer inputs (one employee at a time)
     * @param jdbc the same database, for the set-based read of a whole unit ({@link #storedInputs})
     */
    public HumanInputs(SelfAssessmentRepository selfAssessments, ReviewerInputRepository reviews, JdbcTemplate jdbc) {
        this.selfAssessments = selfAssessments;
        this.reviews = reviews;
        this.jdbc = jdbc;
    }

    /**
     * The stored inputs of one employee and period, as {@link #storedInputs} reads them.
     *
     * @param selfProposedRating the self-assessment's proposed rating (a {@link Rating} name), or null
     *     without a self-assessment
     * @param reviewerInputs the reviewer's inputs (JSON of {@link ReviewerInputs}), or null without a review
     */
    public record Stored(String selfProposedRating, String reviewerInputs) {
        /** No self-assessment and no review. */
        public static final Stored NONE = new Stored(null, null);
    }

    /**
     * Reads the self-assessments and reviewer inputs of many employees of one period in two
     * statements ({@code employee_code = any(?)}), for re-scoring a whole unit at once.
     *
     * @param period period code
     * @param employeeCodes the employees
     * @return per employee code that has a self-assessment or a review, what is stored; employees
     *     without either are absent (use {@link Stored#NONE})
     */
    @Transactional(readOnly = true)
    public Map<String, Stored> storedInputs(String period, Collection<String> employeeCodes) {
        String[] codes = employeeCodes.toArray(String[]::new);
        Map<String, Stored> out = new HashMap<>();
        jdbc.query("select employee_code, proposed_rating from self_assessment where period = ? and employee_code = any(?)",
                rs -> {
                    out.put(rs.getString(1), new Stored(rs.getString(2), null));
                }, period, codes);
        jdbc.query("select employee_code, inputs::text from reviewer_input where period = ? and employee_code = any(?)",
                rs -> {
                    out.merge(rs.getString(1), new Stored(null, rs.getString(2)),
                            (a, b) -> new Stored(a.selfProposedRating(), b.reviewerInputs()));
                }, period, codes);
        return out;
    }

    /**
     * @param employee the employee as the identity map knows them (role: the map's, else DEPUTY for a
     *     leader and MEMBER otherwise)
     * @param period period code
     * @param fromRecords the input built from the stored work items and assessment record
     * @return the subject to score, with the stored self-assessment and reviewer inputs applied
     * @throws IllegalStateException when stored reviewer inputs cannot be read
     */
    @Transactional(readOnly = true)
    public EvaluationSubject subject(Employee employee, String period, EmployeeInput fromRecords) {
        var sa = selfAssessments.findByEmployeeCodeAndPeriod(employee.code(), period);
        var stored = reviews.findByEmployeeCodeAndPeriod(employee.code(), period);
        return subject(employee, fromRecords, new Stored(sa.map(x -> x.proposedRating).orElse(null),
                stored.map(x -> x.inputs).orElse(null)));
    }

    /**
     * Applies stored inputs already read (e.g. by {@link #storedInputs}) over the records: the same
     * rules as {@link #subject(Employee, String, EmployeeInput)}, with no database access.
     *
     * @param employee the employee as the identity map knows them
     * @param fromRecords the input built from the stored work items and assessment record
     * @param stored the employee's stored inputs ({@link Stored#NONE} for none)
     * @return the subject to score
     * @throws IllegalStateException when the reviewer inputs cannot be read
     */
    public EvaluationSubject subject(Employee employee, EmployeeInput fromRecords, Stored stored) {
        Role role = employee.role() != null ? Role.valueOf(employee.role()) : employee.leader() ? Role.DEPUTY : Role.MEMBER;
        Rating self = fromRecords.selfProposedRating();
        if (stored.selfProposedRating() != null) {
            self = Rating.valueOf(stored.selfProposedRating());
        }
        if (stored.reviewerInputs() == null) {
            return EvaluationSubject.of(new EmployeeInput(fromRecords.employeeId(), fromRecords.fullName(), fromRecords.position(),
                    fromRecords.unitCode(), fromRecords.leader(), fromRecords.generalCriteriaPoints(), fromRecords.items(),
                    fromRecords.forceMajeure(), self), role);
        }
        ReviewerInputs r = read(stored.reviewerInputs());
        List<WorkItem> items = new ArrayList<>();
        for (WorkItem w : fromRecords.items()) {
            ReviewerInputs.ItemInputs in = r.items() == null ? null : r.items().get(w.id());
            if (in == null) {
                items.add(w);
                continue;
            }
            ItemReview old = w.review() == null ? ItemReview.NONE : w.review();
            ItemReview review = new ItemReview(
                    in.qualityFailures() != null ? in.qualityFailures() : old.qualityFailures(),
                    in.lateDeliveries() != null ? in.lateDeliveries() : old.lateDeliveries(),
                    in.leadershipFailures() != null ? in.leadershipFailures() : old.leadershipFailures(),
                    in.objectiveCause() != null ? in.objectiveCause() : old.objectiveCause(),
                    in.qualityFactor() != null ? in.qualityFactor() : old.qualityFactor(),
                    in.timelinessFactor() != null ? in.timelinessFactor() : old.timelinessFactor(),
                    in.leadershipFactor() != null ? in.leadershipFactor() : old.leadershipFactor());
            items.add(new WorkItem(w.id(), w.title(), w.productCode(), w.axisCode(), w.coefficient(), w.share(),
                    w.plannedQuantity(), w.doneQuantity(), review));
        }
        EmployeeInput input = new EmployeeInput(fromRecords.employeeId(), fromRecords.fullName(), fromRecords.position(),
                fromRecords.unitCode(), fromRecords.leader(),
                r.generalCriteriaPoints() != null ? r.generalCriteriaPoints() : fromRecords.generalCriteriaPoints(), items,
                r.forceMajeure() != null ? r.forceMajeure() : fromRecords.forceMajeure(), self);
        EvaluationSubject s = EvaluationSubject.of(input, role);
        if (r.leaderAssessment() != null) {
            ReviewerInputs.LeaderInputs l = r.leaderAssessment();
            s = s.withLeaderAssessment(new LeaderAssessment(Boolean.TRUE.equals(l.prolongedDelays()), l.delaysNote(),
                    Boolean.TRUE.equals(l.disunityComplaints()), l.disunityNote()));
        }
        if (r.violations() != null && !r.violations().isEmpty()) {
            s = s.withViolations(r.violations());
        }
        return s;
    }

    ReviewerInputs read(String json) {
        try {
            return mapper.readValue(json, ReviewerInputs.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored reviewer inputs cannot be read: " + e.getMessage(), e);
        }
    }
}
