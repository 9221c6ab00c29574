package vn.kpibridge.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.scoring.Axis;
import vn.kpibridge.scoring.AxisKpiScorer;
import vn.kpibridge.scoring.EmployeeInput;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.GeneralCriterion;
import vn.kpibridge.scoring.ItemReview;
import vn.kpibridge.scoring.QuotaReading;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.RuleCode;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.SchemeKind;
import vn.kpibridge.scoring.WorkItem;

/** Every file of config/schemes loads; invalid schemes are rejected with file, line and reason (issue 3). */
class SchemeFilesTest {
    static final Path DIR = Paths.get("").toAbsolutePath().getParent().resolve("config/schemes");
    static Map<String, Scheme> schemes;

    @BeforeAll
    static void loadAll() throws IOException {
        MappingFiles files = new MappingFiles();
        try (Stream<Path> s = Files.list(DIR)) {
            schemes = s.filter(p -> p.toString().endsWith(".yml")).sorted().map(files::loadScheme)
                    .collect(Collectors.toMap(Scheme::id, x -> x));
        }
    }

    @Test
    void oneSchemePerSeedLoads() {
        assertThat(schemes).containsOnlyKeys("seed001-worked-example", "thai-nguyen-monthly", "ha-noi-phuc-loi-monthly",
                "an-giang-quarterly-leaders", "vast-quarterly-leaders", "nghe-an-groups");
        for (Scheme s : schemes.values()) {
            assertThat(s.generalCriteriaMax().add(s.taskMax())).as(s.id()).isEqualByComparingTo("100");
            assertThat(s.source()).as(s.id()).contains("seed 00");
        }
    }

    @Test
    void monthlySchemesFollowSeed002AndThaiNguyenSaysItReusesIt() {
        Scheme hn = schemes.get("ha-noi-phuc-loi-monthly");
        assertThat(hn.kind()).isEqualTo(SchemeKind.MONTHLY);
        assertThat(hn.rules()).contains(RuleCode.WORKING_DAYS_BELOW_HALF, RuleCode.DISCIPLINE_VIOLATION, RuleCode.EXCELLENT_QUOTA);
        assertThat(hn.quota().rate()).isEqualByComparingTo("0.20");
        assertThat(hn.quota().maxRate()).isEqualByComparingTo("0.25");
        assertThat(hn.quota().reading()).isEqualTo(QuotaReading.GOOD_OR_BETTER);
        assertThat(hn.timeline().decemberCloseBeforeDay()).isEqualTo(15);
        Scheme tn = schemes.get("thai-nguyen-monthly");
        assertThat(tn.kind()).isEqualTo(SchemeKind.MONTHLY);
        assertThat(tn.source()).contains("reused from seed 002");
        assertThat(tn.notes()).contains("seed 002");
        assertThat(tn.rules()).contains(RuleCode.GENERAL_CRITERIA_REVIEW);
    }

    @Test
    void quarterlySchemesHaveTheirAxesAndTheMau03Checklist() {
        Scheme ag = schemes.get("an-giang-quarterly-leaders");
        assertThat(ag.axes()).extracting(Axis::maxPoints).extracting(BigDecimal::intValue).containsExactly(30, 15, 10, 5, 5, 5);
        Scheme vast = schemes.get("vast-quarterly-leaders");
        // the form's column values, not the headings 30/10/10/25
        assertThat(vast.axes()).extracting(Axis::maxPoints).extracting(BigDecimal::intValue).containsExactly(30, 10, 15, 15);
        for (Scheme s : List.of(ag, vast)) {
            assertThat(s.generalCriteria()).hasSize(17);
            assertThat(s.generalCriteria().stream().map(GeneralCriterion::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("30");
            assertThat(s.rules()).contains(RuleCode.TASKS_BELOW_100_PERCENT, RuleCode.COLLECTIVE_BELOW_70_PERCENT,
                    RuleCode.QUARTERLY_DEFERRAL);
        }
        Scheme na = schemes.get("nghe-an-groups");
        assertThat(na.kind()).isEqualTo(SchemeKind.GROUP_WEIGHTED);
        assertThat(na.indicatorGroups()).hasSize(4);
        assertThat(na.positionGroups()).isNotEmpty();
    }

    @Test
    void theWorkedExampleFileStillGives9193() {
        List<WorkItem> items = List.of(
                new WorkItem("1", "Báo cáo hằng tháng", "BTC-01", null, d("1"), null, d("2"), d("1"), new ItemReview(1, 1, 1, null, null, null, null)),
                new WorkItem("2", "Báo cáo quý", "BTC-02", null, d("1"), null, d("1"), d("1"), null),
                new WorkItem("3", "Báo cáo tổ chức cơ sở đảng", "BTC-03", null, d("1.2"), null, d("1"), d("1"), null),
                new WorkItem("4", "Tờ trình sinh hoạt đảng trực tuyến", "BTC-04", null, d("1.5"), null, d("1"), d("1"), null),
                new WorkItem("5", "Tờ trình NQ 21", "BTC-05", null, d("2"), null, d("1"), d("1"),
                        new ItemReview(0, 0, 0, null, d("1.2"), d("1.2"), d("1.2"))));
        Evaluation e = new AxisKpiScorer().score(schemes.get("seed001-worked-example"),
                new EmployeeInput("CB-0001", "Nguyễn Văn A", "Phó Trưởng Ban", "BTC", true, d("30"), items, null, null));
        // 30 + 88.47% x 70 = 91.93 (seed 001 Phụ lục 2); quantity 87.01% < 100% -> NOT_COMPLETED
        assertThat(e.displayedTotal()).isEqualByComparingTo("91.93");
        assertThat(e.proposedRating()).isEqualTo(Rating.NOT_COMPLETED);
    }

    @TempDir
    Path tmp;

    private Path write(String name, String yaml) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    static final String BANDS = """
            bands:
              - {rating: EXCELLENT, minPoints: 90}
              - {rating: GOOD, minPoints: 70}
              - {rating: COMPLETED, minPoints: 50}
              - {rating: NOT_COMPLETED, minPoints: 0}
            """;

    static String scheme(String axes, String bands, String rules) {
        return "id: bad\nname: bad\nsource: test\ngeneralCriteriaMax: 30\ntaskMax: 70\n" + axes
                + "ratios: [QUANTITY, QUALITY, TIMELINESS]\ndeductionStep: 0.25\nfactorCap: 1.2\n" + bands + rules;
    }

    @Test
    void weightsNotSummingTo70AreRejectedWithFileLineAndReason() throws IOException {
        Path f = write("axes60.yml", scheme("axes:\n  - {code: \"1\", name: a, maxPoints: 40}\n  - {code: \"2\", name: b, maxPoints: 20}\n",
                BANDS, "rules: []\n"));
        assertThatThrownBy(() -> new MappingFiles().loadScheme(f)).isInstanceOf(MappingFileException.class)
                .hasMessageMatching("(?s).*axes60\\.yml:\\d+: .*axis points sum to 60, task maximum is 70.*");
    }

    @Test
    void unknownRuleIsRejectedWithFileLineAndReason() throws IOException {
        Path f = write("rule.yml", scheme("axes:\n  - {code: \"1\", name: a, maxPoints: 70}\n", BANDS,
                "rules: [TASKS_BELOW_100_PERCENT, TASKS_BELOW_90_PERCENT]\n"));
        // the rules line is line 16 of the file (id 1, ..., axes 6-7, ..., bands 11-15)
        assertThatThrownBy(() -> new MappingFiles().loadScheme(f)).isInstanceOf(MappingFileException.class)
                .hasMessageContaining("rule.yml:16: ").hasMessageContaining("TASKS_BELOW_90_PERCENT");
    }

    @Test
    void overlappingBandsAreRejectedWithFileLineAndReason() throws IOException {
        String overlapping = "bands:\n  - {rating: EXCELLENT, minPoints: 90}\n  - {rating: GOOD, minPoints: 90.0}\n"
                + "  - {rating: NOT_COMPLETED, minPoints: 0}\n";
        Path f = write("bands.yml", scheme("axes:\n  - {code: \"1\", name: a, maxPoints: 70}\n", overlapping, "rules: []\n"));
        assertThatThrownBy(() -> new MappingFiles().loadScheme(f)).isInstanceOf(MappingFileException.class)
                .hasMessageMatching("(?s).*bands\\.yml:\\d+: .*overlapping bands.*");
    }

    @Test
    void groupWeightsNotSummingTo70AndUnknownKeysAreRejected() throws IOException {
        Path groups = write("groups.yml", "id: g\nname: g\nsource: t\nkind: GROUP_WEIGHTED\ngeneralCriteriaMax: 30\ntaskMax: 70\n"
                + "ratios: [QUANTITY]\ndeductionStep: 0.25\nfactorCap: 1.2\n" + BANDS
                + "indicatorGroups:\n  - {code: KQ, name: k, measure: TASK_RATIOS}\n  - {code: HL, name: h, measure: INPUT}\n"
                + "positionGroups:\n  - {code: CV, name: c, weights: {KQ: 50, HL: 10}}\n");
        assertThatThrownBy(() -> new MappingFiles().loadScheme(groups)).isInstanceOf(MappingFileException.class)
                .hasMessageMatching("(?s).*groups\\.yml:\\d+: .*position group CV weights sum to 60.*");
        Path unknown = write("unknown.yml", scheme("axes:\n  - {code: \"1\", name: a, maxPoints: 70}\n", BANDS,
                "rules: []\nquotaRate: 0.2\n"));
        assertThatThrownBy(() -> new MappingFiles().loadScheme(unknown)).isInstanceOf(MappingFileException.class)
                .hasMessageContaining("unknown.yml:17: ").hasMessageContaining("quotaRate");
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
