package vn.kpibridge.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.kpibridge.connectors.mapping.RuleExplanation.ConditionCheck;
import vn.kpibridge.connectors.mapping.RuleExplanation.Outcome;
import vn.kpibridge.connectors.mapping.RuleExplanation.RuleTrial;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Product;

/** First-match product rules and their explanation: one evaluation behind map and explain. */
class ProductRuleEngineTest {
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // seed 001 "Bảng danh mục": standard 100 points
    final Catalog catalog = new Catalog("ban-to-chuc-tinh-uy", "2026.1", LocalDate.of(2026, 4, 1), null,
            new BigDecimal("100"), List.of(
                    new Product("BTC-01", "Báo cáo kết quả thực hiện nhiệm vụ hằng tháng", "Báo cáo", null,
                            new BigDecimal("100"), BigDecimal.ONE, 1),
                    new Product("BTC-04", "Tờ trình về sinh hoạt đảng trực tuyến", "Tờ trình", null,
                            new BigDecimal("150"), new BigDecimal("1.5"), 3),
                    new Product("BTC-07", "Tờ trình về công tác cán bộ", "Tờ trình", null, new BigDecimal("100"),
                            BigDecimal.ONE, 1)));
    final ProductRuleEngine engine = new ProductRuleEngine("ban-to-chuc-tinh-uy.yml", List.of(
            new ProductRule("R01-bc-hang-thang", "TASK", "Báo cáo", null, Pattern.compile("hằng tháng", FLAGS),
                    "BTC-01", null),
            new ProductRule("R02-tt-sinh-hoat-truc-tuyen", "TASK", "Tờ trình", null,
                    Pattern.compile("sinh hoạt đảng trực tuyến", FLAGS), "BTC-04", "4"),
            new ProductRule("R03-tt-cong-tac-can-bo", "TASK", "Tờ trình", "Ban Thường vụ",
                    Pattern.compile("cán bộ", FLAGS), "BTC-07", null),
            new ProductRule("R04-tt-con-lai", "TASK", "Tờ trình", null, null, "BTC-99", null)));

    static NormalizedRecord task(String id, String title, String productType, String submissionLevel) {
        return new NormalizedRecord(id, 1, RecordType.TASK, "2026-Q2", "u-1024", "BTC-TU", title, productType,
                submissionLevel, null, BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, 0, 0, 0, null, null,
                null, null, null, null, null);
    }

    @Test
    void explainListsEachConditionWithExpectedAndActualUpToTheMatchAndAgreesWithMap() {
        NormalizedRecord r = task("CV-2026-0413", "Tờ trình về sinh hoạt đảng trực tuyến quý II", " tờ trình ", null);

        RuleExplanation x = engine.explain(r, catalog);

        assertThat(x.recordId()).isEqualTo("CV-2026-0413");
        assertThat(x.rulesFile()).isEqualTo("ban-to-chuc-tinh-uy.yml");
        assertThat(x.rules()).extracting(RuleTrial::ruleId, RuleTrial::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("R01-bc-hang-thang", Outcome.NOT_MATCHED),
                org.assertj.core.groups.Tuple.tuple("R02-tt-sinh-hoat-truc-tuyen", Outcome.MATCHED),
                org.assertj.core.groups.Tuple.tuple("R03-tt-cong-tac-can-bo", Outcome.NOT_TRIED),
                org.assertj.core.groups.Tuple.tuple("R04-tt-con-lai", Outcome.NOT_TRIED));
        // every condition of a failed rule is evaluated, not only the first failing one
        assertThat(x.rules().get(0).conditions()).containsExactly(
                new ConditionCheck("recordType", "TASK", "TASK", true),
                new ConditionCheck("productType", "Báo cáo", " tờ trình ", false),
                new ConditionCheck("titlePattern", "hằng tháng", "Tờ trình về sinh hoạt đảng trực tuyến quý II", false));
        assertThat(x.rules().get(1).conditions()).extracting(ConditionCheck::passed).containsExactly(true, true, true);
        assertThat(x.rules().get(2).conditions()).isEmpty();
        assertThat(x.matchedRule()).map(RuleTrial::position).contains(2);

        MappingDecision d = x.decision();
        assertThat(d).isEqualTo(engine.map(r, catalog));
        assertThat(d.productCode()).isEqualTo("BTC-04");
        assertThat(d.ruleId()).isEqualTo("R02-tt-sinh-hoat-truc-tuyen");
        assertThat(d.catalogVersion()).isEqualTo("2026.1");
        assertThat(d.coefficient()).isEqualByComparingTo("1.5");
        assertThat(d.axis()).isEqualTo("4");
        assertThat(x.lines()).containsExactly(
                "Bản ghi CV-2026-0413, tệp quy tắc ban-to-chuc-tinh-uy.yml:",
                "1. R01-bc-hang-thang (BTC-01): không khớp",
                "   - recordType: cần \"TASK\", bản ghi có \"TASK\": đạt",
                "   - productType: cần \"Báo cáo\", bản ghi có \" tờ trình \": không đạt",
                "   - titlePattern: cần \"hằng tháng\", bản ghi có \"Tờ trình về sinh hoạt đảng trực tuyến quý II\": không đạt",
                "2. R02-tt-sinh-hoat-truc-tuyen (BTC-04): khớp",
                "   - recordType: cần \"TASK\", bản ghi có \"TASK\": đạt",
                "   - productType: cần \"Tờ trình\", bản ghi có \" tờ trình \": đạt",
                "   - titlePattern: cần \"sinh hoạt đảng trực tuyến\", bản ghi có \"Tờ trình về sinh hoạt đảng trực tuyến quý II\": đạt",
                "3. R03-tt-cong-tac-can-bo (BTC-07): không xét (đã có quy tắc khớp trước)",
                "4. R04-tt-con-lai (BTC-99): không xét (đã có quy tắc khớp trước)",
                "Kết quả: sản phẩm BTC-04 theo quy tắc R02-tt-sinh-hoat-truc-tuyen, danh mục ban-to-chuc-tinh-uy v2026.1, hệ số 1.5");
    }

    @Test
    void absentValueFailsItsConditionAndShowsAsNull() {
        NormalizedRecord r = task("CV-1", "Tờ trình nhân sự công tác cán bộ", "Tờ trình", null);

        RuleExplanation x = engine.explain(r, catalog);

        assertThat(x.rules().get(2).conditions()).contains(
                new ConditionCheck("submissionLevel", "Ban Thường vụ", null, false));
        // R04 matched, but names a product the catalog version lacks: unmapped with the reason
        assertThat(x.matchedRule()).map(RuleTrial::ruleId).contains("R04-tt-con-lai");
        assertThat(x.decision().mapped()).isFalse();
        assertThat(x.decision().ruleId()).isEqualTo("R04-tt-con-lai");
        assertThat(x.decision().unmappedReason()).isEqualTo("rule R04-tt-con-lai of ban-to-chuc-tinh-uy.yml names "
                + "product BTC-99, which catalog ban-to-chuc-tinh-uy v2026.1 does not have");
        assertThat(x.decision()).isEqualTo(engine.map(r, catalog));
    }

    @Test
    void noMatchTriesEveryRuleAndGivesTheUnmappedReason() {
        NormalizedRecord r = task("CV-2", "Kế hoạch kiểm tra", "Kế hoạch", null);

        RuleExplanation x = engine.explain(r, catalog);

        assertThat(x.rules()).hasSize(4).allMatch(t -> t.outcome() == Outcome.NOT_MATCHED);
        assertThat(x.matchedRule()).isEmpty();
        assertThat(x.decision()).isEqualTo(engine.map(r, catalog));
        assertThat(x.decision().unmappedReason()).isEqualTo("no rule of ban-to-chuc-tinh-uy.yml matched (4 rules "
                + "tried; title \"Kế hoạch kiểm tra\", product type \"Kế hoạch\")");
        assertThat(x.lines()).last().isEqualTo("Kết quả: không ánh xạ được: " + x.decision().unmappedReason());
    }

    @Test
    void ruleWithoutConditionsMatchesEverything() {
        ProductRuleEngine any = new ProductRuleEngine("r.yml", List.of(new ProductRule("ALL", List.of(), "BTC-01", null)));
        RuleExplanation x = any.explain(task("CV-3", null, null, null), catalog);
        assertThat(x.rules()).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.MATCHED);
            assertThat(t.conditions()).isEmpty();
        });
        assertThat(x.lines()).contains("   - không có điều kiện: luôn khớp");
        assertThat(x.decision().productCode()).isEqualTo("BTC-01");
    }

    static NormalizedRecord document(String sourceId, String symbol, List<String> codes) {
        return new NormalizedRecord("VB-1", 1, RecordType.TASK, "2026-Q2", "lan.tt", "BTC-TU", "Văn bản", null, null,
                null, BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, 0, 0, 0, null, null, null, null, null, null,
                null, sourceId, symbol == null ? null
                        : vn.kpibridge.connectors.docsymbol.DocumentSymbolParser.standard().parse(symbol), codes);
    }

    @Test
    void documentConditionsMatchSourceTypeAbbreviationIssuerAndAnyCategoryCode() {
        ProductRuleEngine rules = new ProductRuleEngine("r.yml", List.of(
                new ProductRule("D1", ProductRule.conditions(List.of("vanban-di-edxml"), "TASK", List.of("TTr"),
                        List.of("BTCTU", "BTCTW"), null, null, null, null), "BTC-07", null),
                new ProductRule("D2", ProductRule.conditions(null, null, List.of("QĐ", "CV"), null, null, null,
                        List.of("CB", "TCCS"), null), "BTC-06", null),
                new ProductRule("D3", ProductRule.conditions(null, null, List.of("bc"), null, null, null, null, null),
                        "BTC-01", null)));

        assertThat(rules.map(document("vanban-di-edxml", "45-TTr/BTCTU", List.of()), catalog).productCode())
                .isEqualTo("BTC-07");
        // same document through another source: D1 fails on sourceId only
        RuleExplanation other = rules.explain(document("qlcv-csv", "45-TTr/BTCTU", List.of()), catalog);
        assertThat(other.rules().get(0).conditions()).containsExactly(
                new ConditionCheck("sourceId", "vanban-di-edxml", "qlcv-csv", false),
                new ConditionCheck("recordType", "TASK", "TASK", true),
                new ConditionCheck("documentType", "TTr", "TTr", true),
                new ConditionCheck("issuer", "BTCTU, BTCTW", "BTCTU", true));
        assertThat(other.decision().mapped()).isFalse();
        // party decision, party công văn and state công văn (no abbreviation in its symbol) with one matching code
        assertThat(rules.map(document("qlcv-csv", "1052 - QĐ/TU", List.of("KT", "CB")), catalog).ruleId()).isEqualTo("D2");
        assertThat(rules.map(document("qlcv-csv", "318-CV/BTCTU", List.of("TCCS")), catalog).ruleId()).isEqualTo("D2");
        RuleExplanation state = rules.explain(document("qlcv-csv", "1234/UBND-KT", List.of("CB")), catalog);
        assertThat(state.rules().get(1).conditions()).containsExactly(
                new ConditionCheck("documentType", "QĐ, CV", "CV", true),
                new ConditionCheck("categoryCodes", "CB, TCCS", "CB", true));
        // no category code in common, and a record without symbol or codes
        RuleExplanation noCode = rules.explain(document("qlcv-csv", "156/QĐ-UBND", List.of("KT")), catalog);
        assertThat(noCode.rules().get(1).conditions()).extracting(ConditionCheck::passed).containsExactly(true, false);
        RuleExplanation none = rules.explain(document("qlcv-csv", null, List.of()), catalog);
        assertThat(none.rules().get(1).conditions()).containsExactly(
                new ConditionCheck("documentType", "QĐ, CV", null, false),
                new ConditionCheck("categoryCodes", "CB, TCCS", null, false));
        // abbreviations compare ignoring case: "bc" matches BC
        assertThat(rules.map(document("qlcv-csv", "12-BC/BTCTU", List.of()), catalog).ruleId()).isEqualTo("D3");
        assertThat(rules.map(document("qlcv-csv", "21-NQ/TW", List.of()), catalog).mapped()).isFalse();
    }
    @Test
    void eachCatalogVersionGivesItsOwnCoefficientsWhenRecordsAlternateBetweenVersions() {
        // version 2027.1 re-rates BTC-04 at 120 points (coefficient 1.2) and drops BTC-07
        Catalog next = new Catalog("ban-to-chuc-tinh-uy", "2027.1", LocalDate.of(2027, 1, 1), null,
                new BigDecimal("100"), List.of(
                        new Product("BTC-04", "Tờ trình về sinh hoạt đảng trực tuyến", "Tờ trình", null,
                                new BigDecimal("120"), null, 3)));
        NormalizedRecord online = task("CV-1", "Tờ trình về sinh hoạt đảng trực tuyến", "Tờ trình", null);
        NormalizedRecord cadre = task("CV-2", "Tờ trình về công tác cán bộ", "Tờ trình", "Ban Thường vụ");
        // more versions than the engine keeps, in turn, so each is computed again after it was dropped
        List<Catalog> versions = new java.util.ArrayList<>(List.of(catalog, next));
        for (int v = 3; v <= 6; v++) {
            versions.add(new Catalog("ban-to-chuc-tinh-uy", "2026." + v, LocalDate.of(2026, 4, 1), null,
                    new BigDecimal("200"), catalog.products()));
        }
        for (int round = 0; round < 3; round++) {
            assertThat(engine.map(online, catalog).coefficient()).isEqualByComparingTo("1.5");
            assertThat(engine.map(online, next).coefficient()).isEqualByComparingTo("1.2");
            assertThat(engine.map(cadre, catalog).coefficient()).isEqualByComparingTo("1");
            MappingDecision dropped = engine.map(cadre, next);
            assertThat(dropped.mapped()).isFalse();
            assertThat(dropped.unmappedReason()).isEqualTo("rule R03-tt-cong-tac-can-bo of ban-to-chuc-tinh-uy.yml "
                    + "names product BTC-07, which catalog ban-to-chuc-tinh-uy v2027.1 does not have");
            for (Catalog c : versions.subList(2, versions.size())) {
                // standard points 200: half the coefficient of the same points
                assertThat(engine.map(online, c).coefficient()).isEqualByComparingTo("0.75");
                assertThat(engine.map(online, c).catalogVersion()).isEqualTo(c.version());
            }
        }
    }
}
