package vn.kpibridge.routes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.mapping.IdentityMap;

class SyntheticProvinceTest {
    private final SyntheticProvince province = new SyntheticProvince(45, 20, 40, YearMonth.of(2026, 6), 7L);
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void sizesFollowTheParameters() {
        assertThat(province.units()).isEqualTo(3);
        assertThat(province.records()).isEqualTo(1800);
        assertThat(province.period()).isEqualTo("2026-06");
    }

    @Test
    void mappingsLoadAndNameEveryEmployee(@TempDir Path dir) throws Exception {
        province.writeMappings(dir, Path.of("../mappings"), "thai-nguyen-monthly", 200);
        MappingFiles files = new MappingFiles();
        SourceMapping m = files.loadSource(dir.resolve("sources/bench-ioffice.yml"));
        assertThat(m.type()).isEqualTo("rest");
        assertThat(m.rest().paging().size()).isEqualTo(200);
        IdentityMap ids = files.loadIdentities(dir.resolve("identities/bench.csv"));
        assertThat(ids.bySourceUser()).hasSize(45);
        assertThat(ids.employee("u-000021").orElseThrow().unitCode()).isEqualTo("DV-0002");
        assertThat(ids.employee("u-000021").orElseThrow().leader()).isTrue();
        assertThat(ids.employee("u-000022").orElseThrow().leader()).isFalse();
        assertThat(files.loadRules(dir.resolve("rules/ban-to-chuc-tinh-uy.yml")).rules())
                .hasSameSizeAs(files.loadRules(Path.of("../mappings/rules/ban-to-chuc-tinh-uy.yml")).rules());
        assertThat(Files.readAllLines(dir.resolve("identities/bench.csv"))).hasSize(46);
    }

    @Test
    void serverPagesTheRecordsInTheIofficeShapeBehindItsLogin() throws Exception {
        try (IofficeStubServer server = new IofficeStubServer(province)) {
            server.serve(100, 250, "2026/06/30 23:00:00");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/qlvb/api/cong-viec/danh-sach/?CurrentPage=1&PageSize=100")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);

            String token = mapper.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/qlvb/api/login/v3/")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).at("/data/token").asText();
            JsonNode page3 = mapper.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/qlvb/api/cong-viec/danh-sach/?CurrentPage=3&PageSize=100"))
                    .header("X-Authentication-Token", token).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(page3.get("TotalRows").asLong()).isEqualTo(250);
            assertThat(page3.get("TotalPage").asInt()).isEqualTo(3);
            assertThat(page3.get("CurrentPage").asInt()).isEqualTo(3);
            assertThat(page3.get("PageData")).hasSize(50);
            JsonNode first = page3.get("PageData").get(0);
            // record 300 of the province: employee 300 / 40 = 7 (u-000008), unit 7 / 20 = 0
            assertThat(first.get("Id").asText()).isEqualTo("T-00000301");
            assertThat(first.get("NguoiThucHienId").asText()).isEqualTo("u-000008");
            assertThat(first.get("DonViThucHienId").asText()).isEqualTo("DV-0001");
            assertThat(first.get("NgayCapNhat").asText()).isEqualTo("2026/06/30 23:00:00");
            assertThat(first.get("HanXuLy").asText()).startsWith("2026/06/");
            assertThat(List.of("1", "2", "3")).contains(first.get("TrangThai").asText());
            // the same record renders the same way every time
            assertThat(server.renderPage(3, 100)).isEqualTo(server.renderPage(3, 100));
            assertThat(server.bytesServed()).isGreaterThan(0);
        }
    }

    @Test
    void codesAndDatesAreWrittenAsTheFormatterWritesThem() {
        for (long n : new long[] {0, 1, 9, 10, 999, 1_000, 99_999, 100_000, 123_456_789}) {
            assertThat(SyntheticProvince.padded("T-", n, 8)).isEqualTo(String.format("T-%08d", n));
            assertThat(SyntheticProvince.padded("DV-", n, 4)).isEqualTo(String.format("DV-%04d", n));
        }
        assertThat(SyntheticProvince.userId(20)).isEqualTo("u-000021");
        assertThat(SyntheticProvince.employeeCode(99_999)).isEqualTo("CB-100000");
        assertThat(SyntheticProvince.unitCode(4_999)).isEqualTo("DV-5000");
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd");
        for (java.time.LocalDate d = java.time.LocalDate.of(2026, 5, 25); d.isBefore(java.time.LocalDate.of(2026, 12, 3));
                d = d.plusDays(1)) {
            assertThat(SyntheticProvince.day(d)).isEqualTo(d.format(day));
        }
    }
}
