package vn.kpibridge.connectors.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.kpibridge.connectors.config.SourceMapping.Derive;
import vn.kpibridge.connectors.config.SourceMapping.PeriodFrom;

/** JSON pointers and JSONPath in source mappings, and the derived values of a pulled record. */
class JsonPathFieldsTest {
    final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    final JsonNode item;

    JsonPathFieldsTest() throws Exception {
        item = mapper.readTree("""
                {"Id": 90235, "TenCv": "Tờ trình", "HanXuLy": "2026/06/20", "NgayCapNhat": "2026/06/12 08:00:00",
                 "NguoiXuLy": [{"VaiTro": "PHOI_HOP", "Id": "u-2048"}, {"VaiTro": "CHU_TRI", "Id": "u-1024"}],
                 "KetQuaDanhGia": [{"TieuChi": "TIEN_DO", "HeSo": 1.1}, {"TieuChi": "CHAT_LUONG", "HeSo": 1.2}]}""");
    }

    @Test
    void pointersAndJsonPathFiltersGiveOneValueEachWithExactDecimals() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "/Id");
        fields.put("chuTri", "$.NguoiXuLy[?(@.VaiTro == 'CHU_TRI')].Id");
        fields.put("heSoChatLuong", "$.KetQuaDanhGia[?(@.TieuChi == 'CHAT_LUONG')].HeSo");
        fields.put("heSoLanhDao", "$.KetQuaDanhGia[?(@.TieuChi == 'LANH_DAO')].HeSo");
        fields.put("tieuDe", "$.TenCv");
        fields.put("khong", "/KhongCo");

        ObjectNode flat = new JsonPathFields(fields).extract(item);

        assertThat(flat.get("id").asInt()).isEqualTo(90235);
        assertThat(flat.get("chuTri").asText()).isEqualTo("u-1024");
        assertThat(flat.get("heSoChatLuong").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(flat.get("heSoChatLuong").decimalValue().toPlainString()).isEqualTo("1.2");
        assertThat(flat.get("tieuDe").asText()).isEqualTo("Tờ trình");
        assertThat(flat.has("heSoLanhDao")).as("no match: left out").isFalse();
        assertThat(flat.has("khong")).isFalse();
        assertThat(JsonLocator.compile("$.NguoiXuLy[*].Id").read(item).size()).isEqualTo(2);
    }

    @Test
    void badExpressionsAreNamed() {
        assertThatThrownBy(() -> new JsonPathFields(Map.of("x", "$.KetQua[?(@.TieuChi == ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("field \"x\": bad JSONPath");
        assertThatThrownBy(() -> JsonLocator.compile("KetQua.HeSo"))
                .hasMessageContaining("neither a JSON pointer (starting with \"/\") nor a JSONPath");
    }

    @Test
    void derivationKeepsTheRecordAndAddsConstantsExtractsPeriodAndVersion() {
        Derive derive = new Derive(Map.of("loai", "CONG_VIEC"),
                Map.of("chuTri", "$.NguoiXuLy[?(@.VaiTro == 'CHU_TRI')].Id"), new PeriodFrom("/HanXuLy", null));
        RecordDerivation d = new RecordDerivation(derive, "/NgayCapNhat",
                new UpdatedTimes(List.of("yyyy/MM/dd HH:mm:ss"), List.of("yyyy/MM/dd"), "Asia/Ho_Chi_Minh"),
                List.of("yyyy/MM/dd"));

        RecordDerivation.Derived r = d.apply(item);

        assertThat(r.updatedAt()).isEqualTo(LocalDateTime.parse("2026-06-12T08:00:00"));
        JsonNode p = r.payload();
        JsonNode received = ((ObjectNode) p.deepCopy()).without("_derived");
        assertThat((Object) received).isEqualTo(item);
        assertThat(item.has("_derived")).as("the received record is not changed").isFalse();
        JsonNode derived = p.get("_derived");
        assertThat(derived.get("loai").asText()).isEqualTo("CONG_VIEC");
        assertThat(derived.get("chuTri").asText()).isEqualTo("u-1024");
        assertThat(derived.get("period").asText()).isEqualTo("2026-Q2");
        assertThat(derived.get("version").asLong()).isEqualTo(20260612080000L);
        assertThat(derived.get("updatedAt").asText()).isEqualTo("2026-06-12T08:00");

        ObjectNode clash = item.deepCopy();
        clash.putObject("_derived");
        assertThatThrownBy(() -> d.apply(clash)).hasMessageContaining("already has a field \"_derived\"");
    }

    @Test
    void updatedTimesInTheFormsSourcesUse() {
        UpdatedTimes t = new UpdatedTimes(List.of("yyyy/MM/dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss"), List.of("dd/MM/yyyy"),
                "Asia/Ho_Chi_Minh");
        assertThat(t.parse("2026-06-30T10:00:00Z")).isEqualTo(LocalDateTime.parse("2026-06-30T17:00:00"));
        assertThat(t.parse("2026-06-30T17:00:00")).isEqualTo(LocalDateTime.parse("2026-06-30T17:00:00"));
        assertThat(t.parse("30/06/2026 17:00:00")).isEqualTo(LocalDateTime.parse("2026-06-30T17:00:00"));
        assertThat(t.parse("30/06/2026")).isEqualTo(LocalDateTime.parse("2026-06-30T00:00:00"));
        assertThat(t.parse(mapper.getNodeFactory().numberNode(1782813600000L)))
                .isEqualTo(LocalDateTime.parse("2026-06-30T17:00:00"));
        assertThat(t.parse("hôm qua")).isNull();
    }
}
