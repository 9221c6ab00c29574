package vn.kpibridge.routes.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
    private final ObjectMapper mapper = new ObjectMapper();

    public HumanInputs(SelfAssessmentRepository selfAssessments, ReviewerInputRepository reviews) {
        this.selfAssessments = selfAssessments;
        this.reviews = reviews;
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
        Role role = employee.role() != null ? Role.valueOf(employee.role()) : employee.leader() ? Role.DEPUTY : Role.MEMBER;
        Rating self = fromRecords.selfProposedRating();
        var sa = selfAssessments.findByEmployeeCodeAndPeriod(employee.code(), period);
        if (sa.isPresent()) {
            self = Rating.valueOf(sa.get().proposedRating);
        }
        var stored = reviews.findByEmployeeCodeAndPeriod(employee.code(), period);
        if (stored.isEmpty()) {
            return EvaluationSubject.of(new EmployeeInput(fromRecords.employeeId(), fromRecords.fullName(), fromRecords.position(),
                    fromRecords.unitCode(), fromRecords.leader(), fromRecords.generalCriteriaPoints(), fromRecords.items(),
                    fromRecords.forceMajeure(), self), role);
        }
        ReviewerInputs r = read(stored.get().inputs);
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
