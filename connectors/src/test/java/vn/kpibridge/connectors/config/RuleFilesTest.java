package vn.kpibridge.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.mapping.ProductRule;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;

/** Product rule files: the when: keys, one value or a list, and errors naming the rule's line. */
class RuleFilesTest {
    static final Path MAPPINGS = Path.of("").toAbsolutePath().getParent().resolve("mappings");
    final MappingFiles files = new MappingFiles();
    @TempDir
    Path dir;

    @Test
    void shippedRulesLoadWithDocumentConditions() {
        ProductRuleEngine engine = files.loadRules(MAPPINGS.resolve("rules/ban-to-chuc-tinh-uy.yml"));
        assertThat(engine.rules()).extracting(ProductRule::id).startsWith("R01-bc-to-chuc-co-so-dang")
                .contains("R23-qd-cv-can-bo", "R25-tt-van-ban-lien-thong");
        ProductRule r23 = engine.rules().stream().filter(r -> r.id().equals("R23-qd-cv-can-bo")).findFirst().orElseThrow();
        assertThat(r23.when()).extracting(ProductRule.Condition::name, ProductRule.Condition::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("recordType", "TASK"),
                        org.assertj.core.groups.Tuple.tuple("documentType", "QĐ, CV"),
                        org.assertj.core.groups.Tuple.tuple("categoryCodes", "CB"));
        ProductRule r25 = engine.rules().get(engine.rules().size() - 1);
        assertThat(r25.when()).extracting(ProductRule.Condition::name)
                .containsExactly("sourceId", "documentType", "issuer");
    }

    @Test
    void unknownDocumentTypeIsRefusedNamingRuleAndLine() throws Exception {
        Path f = dir.resolve("rules.yml");
        Files.writeString(f, """
                rules:
                  - id: A
                    when: {documentType: TTr}
                    product: P1
                  - id: B
                    when: {documentType: [QĐ, QD]}
                    product: P2
                """);
        assertThatThrownBy(() -> files.loadRules(f)).isInstanceOf(MappingFileException.class)
                .hasMessageContaining("rules.yml:5")
                .hasMessageContaining("rule B: documentType \"QD\" is in no document type table");
    }

    @Test
    void duplicateIdAndBadRecordTypeNameTheirLines() throws Exception {
        Path dup = dir.resolve("dup.yml");
        Files.writeString(dup, "rules:\n  - id: A\n    product: P1\n  - id: A\n    product: P2\n");
        assertThatThrownBy(() -> files.loadRules(dup)).hasMessageContaining("dup.yml:4")
                .hasMessageContaining("duplicate rule id A");
        Path type = dir.resolve("type.yml");
        Files.writeString(type, "rules:\n  - id: A\n    when: {recordType: CONG_VIEC}\n    product: P1\n");
        assertThatThrownBy(() -> files.loadRules(type)).hasMessageContaining("type.yml:2")
                .hasMessageContaining("recordType \"CONG_VIEC\" is not one of [ASSESSMENT, TASK]");
    }

    @Test
    void aRuleWithoutIdAndASecondDuplicateNameTheirOwnLines() throws Exception {
        Path noId = dir.resolve("noid.yml");
        Files.writeString(noId, "rules:\n  - id: A\n    product: P1\n  - when: {recordType: TASK}\n    product: P2\n");
        assertThatThrownBy(() -> files.loadRules(noId)).hasMessageContaining("noid.yml:4")
                .hasMessageContaining("rule #2 needs an id and a product");
        Path flow = dir.resolve("flow.yml");
        Files.writeString(flow, "rules:\n  - {id: A, product: P1}\n  - {id: B, when: {titlePattern: '(quy'}, product: P2}\n");
        assertThatThrownBy(() -> files.loadRules(flow)).hasMessageContaining("flow.yml:3")
                .hasMessageContaining("rule B: bad titlePattern");
    }
}
