package vn.kpibridge.connectors.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.config.MappingFileException;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.pull.RecordDerivation;
import vn.kpibridge.connectors.pull.UpdatedTimes;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.connectors.source.RecordType;

/**
 * The shipped REST and SQL source mappings load and normalise their systems' records; a broken
 * {@code rest:} section is reported with file, line and reason; file-inbox mappings are unchanged.
 */
class RestSourceMappingFilesTest {
    static final Path MAPPINGS = Path.of("").toAbsolutePath().getParent().resolve("mappings");
    final MappingFiles files = new MappingFiles();
    final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void iofficeItemNormalisesWithDerivedTypePeriodVersionAndJsonPathReview() throws Exception {
        SourceMapping m = files.loadSource(MAPPINGS.resolve("sources/ioffice-tasks.yml"));
        assertThat(m.type()).isEqualTo("rest");
        assertThat(m.rest().auth().type()).isEqualTo("login-token");
        assertThat(m.rest().auth().header()).isEqualTo("X-Authentication-Token");
        assertThat(m.rest().paging().totalPages()).isEqualTo("/TotalPage");
        SourceMapping.Incremental inc = m.rest().incremental();
        RecordDerivation d = new RecordDerivation(m.rest().derive(), inc.updatedField(),
                new UpdatedTimes(inc.formats(), m.dateFormats(), inc.zone()), m.dateFormats());
        var item = mapper.readTree("""
                {"Id": 90235, "TenCv": "Tờ trình Ban Thường vụ Tỉnh ủy về xây dựng Kết luận", "NguoiThucHienId": "u-1024",
                 "DonViThucHienId": "btc-tu", "HanXuLy": "2026/06/20", "NgayHoanThanh": "2026/06/12", "TrangThai": 2,
                 "NgayCapNhat": "2026/06/12 08:00:00", "LoaiSanPham": "Tờ trình", "CapTrinh": "Ban Thường vụ Tỉnh ủy",
                 "SoLuongKeHoach": 1, "SoLuongHoanThanh": 1,
                 "KetQuaDanhGia": [{"TieuChi": "CHAT_LUONG", "SoLanKhongDat": 0, "HeSo": 1.2},
                                   {"TieuChi": "TIEN_DO", "SoLanKhongDat": 2, "LyDoKhachQuan": "Chờ ý kiến Thường trực"}]}""");

        NormalizedRecord r = new RecordNormalizer(m).normalize(mapper.createObjectNode(),
                new RawRecord(0, 0, d.apply(item).payload()));

        assertThat(r.recordId()).isEqualTo("90235");
        assertThat(r.version()).isEqualTo(20260612080000L);
        assertThat(r.type()).isEqualTo(RecordType.TASK);
        assertThat(r.period()).isEqualTo("2026-Q2");
        assertThat(r.status()).isEqualTo("DONE");
        assertThat(r.qualityFactor()).isEqualByComparingTo("1.2");
        assertThat(r.timelinessFactor()).isNull();
        assertThat(r.lateDeliveries()).isEqualTo(2);
        assertThat(r.objectiveCause()).isEqualTo("Chờ ý kiến Thường trực");
        assertThat(r.dueDate()).hasToString("2026-06-20");
    }

    @Test
    void sqlSourceAndFileInboxSourceLoad() {
        SourceMapping sql = files.loadSource(MAPPINGS.resolve("sources/qlcv-btc.yml"));
        assertThat(sql.type()).isEqualTo("sql");
        assertThat(sql.sql().view()).isEqualTo("qlcv.v_cong_viec_kpi");
        assertThat(sql.sql().batchSize()).isEqualTo(500);
        new RecordNormalizer(sql);
        SourceMapping inbox = files.loadSource(MAPPINGS.resolve("sources/eoffice-btc.yml"));
        assertThat(inbox.type()).isEqualTo("file-inbox");
        assertThat(inbox.rest()).isNull();
    }

    @Test
    void brokenRestSectionsNameFileLineAndReason(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yml");
        Files.writeString(f, """
                id: bad
                type: rest
                rest:
                  baseUrl: ${X_URL}
                  paging:
                    type: pages
                """);
        assertThatThrownBy(() -> files.loadSource(f)).isInstanceOf(MappingFileException.class)
                .hasMessageContaining("bad.yml:5: ").hasMessageContaining("rest.paging.type \"pages\" is not one of");
        Files.writeString(f, """
                id: bad
                type: rest
                rest:
                  baseUrl: ${X_URL}
                  derive:
                    extract:
                      heSo: "$.KetQua[?(@.TieuChi == "
                """);
        assertThatThrownBy(() -> files.loadSource(f)).hasMessageContaining("derive.extract.heSo: bad JSONPath");
        Files.writeString(f, """
                id: bad
                rest:
                  baseUrl: http://x
                """);
        assertThatThrownBy(() -> files.loadSource(f)).hasMessageContaining("a rest: section needs type: rest");
        Files.writeString(f, """
                id: bad
                type: sql
                sql:
                  datasource: qlcv
                  view: "v; drop table x"
                  watermarkColumn: ngay_cap_nhat
                """);
        assertThatThrownBy(() -> files.loadSource(f)).hasMessageContaining("sql.view \"v; drop table x\" must be");
    }
}
