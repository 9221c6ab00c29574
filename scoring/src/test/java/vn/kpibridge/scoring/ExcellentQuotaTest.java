package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kpibridge.scoring.Fixtures.d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** DOMAIN.md 3a / seed 002 II.2 (5): 20% (25%) of GOOD, both readings, head not counted, round half up, lowest first. */
class ExcellentQuotaTest {
    static final Period JUNE = Period.parse("2026-06");

    /** Members of unit U with total = 70 + general (one item fully done). */
    static List<EmployeeResult> unit(Scheme scheme, String... idAndGeneral) {
        ScoringEngine engine = new ScoringEngine(scheme);
        List<EmployeeResult> out = new ArrayList<>();
        for (String spec : idAndGeneral) {
            String[] p = spec.split(":");
            Role role = p.length > 2 ? Role.valueOf(p[2]) : Role.MEMBER;
            EvaluationSubject s = Fixtures.perfect(p[0], "U", role, p[1]).withLeaderAssessment(LeaderAssessment.FULL);
            out.add(engine.score(JUNE, p.length > 3 ? s.withDutyGroup(p[3]) : s, null, null));
        }
        return out;
    }

    static Map<String, EmployeeResult> byId(ExcellentQuota.Applied a) {
        return a.results().stream().collect(Collectors.toMap(EmployeeResult::employeeId, r -> r));
    }

    static String[] goods(int n) {
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = "g" + i + ":10"; // 80 points: GOOD
        }
        return g;
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void overTheCapLowestScoresAreProposedForGoodTiesTogether() {
        Scheme s = Fixtures.monthly();
        // head 95 (not counted); candidates 97, 95, 92, 91, 91; 7 GOOD at 80
        List<EmployeeResult> rs = unit(s, concat(new String[] {"H:25:HEAD", "c97:27", "c95:25", "c92:22", "c91a:21", "c91b:21"}, goods(7)));
        ExcellentQuota.Applied a = ExcellentQuota.apply(s, OrgUnit.of("U", "Phòng U", null), rs);
        QuotaOutcome q = a.outcomes().get(0);
        // base = 7 GOOD + 5 EXCELLENT = 12; 20% x 12 = 2.4 -> 2
        assertThat(q.good()).isEqualTo(7);
        assertThat(q.base()).isEqualTo(12);
        assertThat(q.exactCap()).isEqualByComparingTo("2.4");
        assertThat(q.cap()).isEqualTo(2);
        assertThat(q.candidates()).containsExactly("c97", "c95", "c92", "c91a", "c91b");
        // 3 over the cap: the two 91s (tied, listed together), then 92
        assertThat(q.proposedForGood()).containsExactly("c91a", "c91b", "c92");
        assertThat(q.tiedAtCap()).isEmpty();
        assertThat(q.reason()).contains("12 người").contains("20,00%").contains("= 2,4").contains("tối đa 2 người")
                .contains("5 người đề xuất").contains("vượt 3 người");
        Map<String, EmployeeResult> r = byId(a);
        assertThat(r.get("c97").finalProposedRating()).isEqualTo(Rating.EXCELLENT);
        assertThat(r.get("c97").quota().status()).isEqualTo(QuotaStatus.WITHIN_CAP);
        assertThat(r.get("c91a").finalProposedRating()).isEqualTo(Rating.GOOD);
        assertThat(r.get("c91a").evaluation().proposedRating()).isEqualTo(Rating.EXCELLENT);
        assertThat(r.get("c91a").quota().reason()).contains("Xếp thứ 4/5").contains("bằng điểm với");
        assertThat(r.get("H").quota().status()).isEqualTo(QuotaStatus.HEAD_NOT_COUNTED);
        assertThat(r.get("H").finalProposedRating()).isEqualTo(Rating.EXCELLENT);
        assertThat(r.get("g0").quota()).isNull();
    }

    @Test
    void aTieAcrossTheCapIsLeftToTheAuthority() {
        Scheme s = Fixtures.monthly();
        // candidates 97, 95, 95, 91; 8 GOOD: base 12 -> cap 2; over 2: 91, then one of the two 95s
        ExcellentQuota.Applied a = ExcellentQuota.apply(s, OrgUnit.of("U", null, null),
                unit(s, concat(new String[] {"c97:27", "c95a:25", "c95b:25", "c91:21"}, goods(8))));
        QuotaOutcome q = a.outcomes().get(0);
        assertThat(q.cap()).isEqualTo(2);
        assertThat(q.proposedForGood()).containsExactly("c91");
        assertThat(q.tiedAtCap()).containsExactly("c95a", "c95b");
        assertThat(q.toChooseFromTie()).isEqualTo(1);
        Map<String, EmployeeResult> r = byId(a);
        assertThat(r.get("c95a").quota().status()).isEqualTo(QuotaStatus.TIED_AT_CAP);
        assertThat(r.get("c95a").quota().reason()).contains("chọn 1 trong 2");
        assertThat(r.get("c95a").finalProposedRating()).isEqualTo(Rating.EXCELLENT);
        assertThat(r.get("c97").quota().status()).isEqualTo(QuotaStatus.WITHIN_CAP);
    }

    @Test
    void outstandingUnitRateRoundsHalfUpAndIsCapped() {
        Scheme s = Fixtures.monthly();
        OrgUnit outstanding = new OrgUnit("U", "Phòng U", null, null, d("0.25"), "Quyết định 15/QĐ");
        // 4 candidates + 6 GOOD: 25% x 10 = 2.5 -> 3 (half up); the lowest (96) is proposed for GOOD
        ExcellentQuota.Applied a = ExcellentQuota.apply(s, outstanding,
                unit(s, concat(new String[] {"c99:29", "c98:28", "c97:27", "c96:26"}, goods(6))));
        assertThat(a.outcomes().get(0).exactCap()).isEqualByComparingTo("2.5");
        assertThat(a.outcomes().get(0).cap()).isEqualTo(3);
        assertThat(a.outcomes().get(0).proposedForGood()).containsExactly("c96");
        assertThat(a.outcomes().get(0).reason()).contains("Quyết định 15/QĐ");
        OrgUnit tooHigh = new OrgUnit("U", "Phòng U", null, null, d("0.30"), null);
        assertThatThrownBy(() -> ExcellentQuota.apply(s, tooHigh, unit(s, "c99:29")))
                .hasMessageContaining("unit U").hasMessageContaining("30,00%").hasMessageContaining("25,00%");
    }

    @Test
    void theTwoReadingsOfTwentyPercentOfGood() {
        String[] people = concat(new String[] {"c1:29", "c2:28", "c3:27", "c4:26", "c5:25"}, goods(10));
        // GOOD_OR_BETTER: base = 10 + 5 = 15; 20% x 15 = 3 -> cap 3
        Scheme orBetter = Fixtures.monthly(new QuotaSettings(null, null, QuotaReading.GOOD_OR_BETTER));
        QuotaOutcome a = ExcellentQuota.apply(orBetter, OrgUnit.of("U", null, null), unit(orBetter, people)).outcomes().get(0);
        assertThat(a.base()).isEqualTo(15);
        assertThat(a.cap()).isEqualTo(3);
        assertThat(a.proposedForGood()).containsExactly("c5", "c4");
        // GOOD_ONLY: largest k with k <= round(20% x (10 + 5 - k)):
        // k=5: 2 no; k=4: 2.2 -> 2 no; k=3: 2.4 -> 2 no; k=2: 2.6 -> 3 yes -> cap 2, base 13 finally GOOD
        Scheme goodOnly = Fixtures.monthly(new QuotaSettings(null, null, QuotaReading.GOOD_ONLY));
        QuotaOutcome b = ExcellentQuota.apply(goodOnly, OrgUnit.of("U", null, null), unit(goodOnly, people)).outcomes().get(0);
        assertThat(b.base()).isEqualTo(13);
        assertThat(b.exactCap()).isEqualByComparingTo("2.6");
        assertThat(b.cap()).isEqualTo(2);
        assertThat(b.proposedForGood()).containsExactly("c5", "c4", "c3");
        assertThat(b.reason()).contains("13 người xếp loại \"Hoàn thành tốt nhiệm vụ\" sau khi áp tỷ lệ");
    }

    @Test
    void eachGroupOfSimilarDutiesHasItsOwnQuota() {
        Scheme s = Fixtures.monthly();
        // CV: 1 candidate + 4 GOOD: 20% x 5 = 1 -> within; KT: 1 candidate + 1 GOOD: 20% x 2 = 0.4 -> 0 -> proposed GOOD
        ExcellentQuota.Applied a = ExcellentQuota.apply(s, OrgUnit.of("U", null, null), unit(s,
                "cv1:25:MEMBER:CV", "cv2:10:MEMBER:CV", "cv3:10:MEMBER:CV", "cv4:10:MEMBER:CV", "cv5:10:MEMBER:CV",
                "kt1:25:MEMBER:KT", "kt2:10:MEMBER:KT"));
        assertThat(a.outcomes()).extracting(QuotaOutcome::dutyGroup).containsExactly("CV", "KT");
        assertThat(a.outcomes().get(0).cap()).isEqualTo(1);
        assertThat(a.outcomes().get(0).proposedForGood()).isEmpty();
        assertThat(a.outcomes().get(1).cap()).isZero();
        assertThat(a.outcomes().get(1).proposedForGood()).containsExactly("kt1");
    }

    @Test
    void noQuotaWhenTheSchemeDoesNotEnableIt() {
        Scheme s = Fixtures.ngheAn();
        List<EmployeeResult> rs = List.of(EmployeeResult.failed(s.id(), JUNE, Fixtures.perfect("x", "U", Role.MEMBER, "1"), "n/a"));
        assertThat(ExcellentQuota.apply(s, OrgUnit.of("U", null, null), rs).outcomes()).isEmpty();
    }
}
