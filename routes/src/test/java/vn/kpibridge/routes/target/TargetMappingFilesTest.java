package vn.kpibridge.routes.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.kpibridge.connectors.config.MappingFileException;

/** Target mapping files: the shipped HR file, payload building, errors naming file and line. */
class TargetMappingFilesTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shippedHrMappingLoads() {
        TargetMapping m = TargetMappingFiles.load(Path.of("../mappings/targets/hr.yml"));
        assertThat(m.request().baseUrl()).isEqualTo("${HR_API_URL:}");
        assertThat(m.request().method()).isEqualTo("POST");
        assertThat(m.auth().type()).isEqualTo("bearer");
        assertThat(m.payload().fields()).containsEntry("totalPoints", "ketQua.tongDiem");
    }

    @Test
    void payloadNestsDottedNamesAndLeavesOutUnmappedFields() throws Exception {
        TargetMapping.Payload p = new TargetMapping.Payload(java.util.Map.of("employeeCode", "canBo.ma",
                "totalPoints", "ketQua.tong", "rulesFired", "lyDo"), java.util.Map.of("nguon", "kpi-bridge"));
        JsonNode message = mapper.readTree("{\"employeeCode\": \"E1\", \"fullName\": \"A\", \"display\": "
                + "{\"totalPoints\": 91.93}, \"evaluation\": {\"rulesFired\": [{\"code\": \"R\"}]}}");
        JsonNode out = EvaluationFields.payload(mapper, p, message);
        assertThat(out.get("canBo").get("ma").asText()).isEqualTo("E1");
        assertThat(out.get("ketQua").get("tong").decimalValue()).isEqualByComparingTo("91.93");
        assertThat(out.get("lyDo").get(0).get("code").asText()).isEqualTo("R");
        assertThat(out.get("nguon").asText()).isEqualTo("kpi-bridge");
        assertThat(out.size()).isEqualTo(4);
    }

    @Test
    void unknownOurFieldIsNamedWithFileAndLine() {
        assertThatThrownBy(() -> TargetMappingFiles.load(Path.of("src/test/resources/targets/hr-unknown-field.yml")))
                .isInstanceOf(MappingFileException.class)
                .hasMessageStartingWith("src/test/resources/targets/hr-unknown-field.yml:")
                .hasMessageContaining("payload.fields.totalPoint: unknown field; ours are idempotencyKey, employeeCode");
    }

    @Test
    void unknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> TargetMappingFiles.load(Path.of("src/test/resources/targets/hr-bad-auth.yml")))
                .isInstanceOf(MappingFileException.class)
                .hasMessage("src/test/resources/targets/hr-bad-auth.yml:4: auth.token is missing");
    }

    @Test
    void targetNamesMustNotCollide() {
        assertThatThrownBy(() -> new TargetMapping.Payload(java.util.Map.of("employeeCode", "ketQua",
                "totalPoints", "ketQua.tong"), null))
                .hasMessageContaining("target field \"ketQua\" is used twice or also as the object of \"ketQua.tong\"");
    }

    @Test
    void backOffDoublesUpToItsCap() {
        HrTargetProperties.Retry r = new HrTargetProperties.Retry(15, 30_000, 2, 3_600_000);
        assertThat(r.delayAfter(1).toMillis()).isEqualTo(30_000);
        assertThat(r.delayAfter(2).toMillis()).isEqualTo(60_000);
        assertThat(r.delayAfter(7).toMillis()).isEqualTo(1_920_000);
        assertThat(r.delayAfter(8).toMillis()).isEqualTo(3_600_000);
        assertThat(r.delayAfter(14).toMillis()).isEqualTo(3_600_000);
    }

    @Test
    void httpAnswersAreClassifiedAsTheIssueSays() {
        assertThat(DeliveryResult.ofStatus(201, "", null).kind()).isEqualTo(DeliveryResult.Kind.DELIVERED);
        assertThat(DeliveryResult.ofStatus(408, "", null).kind()).isEqualTo(DeliveryResult.Kind.FAILED);
        assertThat(DeliveryResult.ofStatus(429, "", null).kind()).isEqualTo(DeliveryResult.Kind.FAILED);
        assertThat(DeliveryResult.ofStatus(503, "", null).kind()).isEqualTo(DeliveryResult.Kind.FAILED);
        assertThat(DeliveryResult.ofStatus(400, "", null).kind()).isEqualTo(DeliveryResult.Kind.REFUSED);
        assertThat(DeliveryResult.ofStatus(401, "", null).kind()).isEqualTo(DeliveryResult.Kind.REFUSED);
        assertThat(DeliveryResult.ofStatus(422, "", null).kind()).isEqualTo(DeliveryResult.Kind.REFUSED);
        assertThat(HrDeliverySteps.retryAfter("120").getSeconds()).isEqualTo(120);
        assertThat(HrDeliverySteps.retryAfter("soon")).isNull();
    }
}
