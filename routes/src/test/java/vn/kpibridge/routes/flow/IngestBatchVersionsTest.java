package vn.kpibridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * The set-based ingest path keeps the rules of issue 4 point 10: a record is stored once per
 * (source, id, version); re-taking it counts nothing twice; a newer version replaces the work item,
 * an older one arriving late does not; two versions of one record in the same batch keep the newer.
 */
class IngestBatchVersionsTest extends FlowTestSupport {
    private final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    IngestService ingest;

    @Test
    void versionsReplaceOnlyForwardAndNothingIsCountedTwice() {
        IngestResult first = ingest.ingestBatch("eoffice-btc", batch("b1", record(2, 2, 1)));
        assertThat(first.stored()).isEqualTo(1);
        assertThat(first.mapped()).isEqualTo(1);
        assertThat(item()).containsEntry("version", 2L).containsEntry("done", new BigDecimal("1.000000"));

        // the same version again: nothing new
        IngestResult again = ingest.ingestBatch("eoffice-btc", batch("b2", record(2, 2, 1)));
        assertThat(again.stored()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);

        // an older version arriving late is kept as evidence but does not replace the work item
        IngestResult late = ingest.ingestBatch("eoffice-btc", batch("b3", record(1, 2, 0)));
        assertThat(late.stored()).isEqualTo(1);
        assertThat(item()).containsEntry("version", 2L).containsEntry("done", new BigDecimal("1.000000"));

        // two newer versions in one batch (and one of them twice): the newest wins, each stored once
        IngestResult both = ingest.ingestBatch("eoffice-btc", batch("b4", record(4, 2, 2), record(3, 2, 0),
                record(4, 2, 2)));
        assertThat(both.stored()).isEqualTo(2);
        assertThat(both.duplicates()).isEqualTo(1);
        assertThat(item()).containsEntry("version", 4L).containsEntry("done", new BigDecimal("2.000000"));

        assertThat(count("select count(*) from source_record where record_id = 'CV-VER-1'")).isEqualTo(4);
        assertThat(count("select count(*) from work_item")).isEqualTo(1);
        // the work item points at the evidence of the version it holds
        assertThat(jdbc.queryForObject("select s.version from work_item w join source_record s on s.id = "
                + "w.source_record_id", Long.class)).isEqualTo(4L);
    }

    private Map<String, Object> item() {
        return jdbc.queryForMap("select version, done_quantity as done from work_item where record_id = 'CV-VER-1'");
    }

    private ObjectNode record(long version, int planned, int done) {
        ObjectNode r = mapper.createObjectNode();
        r.put("id", "CV-VER-1").put("version", version).put("loai", "CONG_VIEC").put("ky", "2026-Q2")
                .put("nguoiThucHienId", "u-1024").put("donViId", "btc-tu")
                .put("tenCongViec", "Báo cáo kết quả thực hiện nhiệm vụ hằng tháng").put("sanPham", "Báo cáo")
                .put("capTrinh", "Lãnh đạo Ban").put("soLuongKeHoach", planned).put("soLuongHoanThanh", done)
                .put("hanXuLy", "2026/06/30").put("trangThai", "HOAN_THANH");
        return r;
    }

    private ExportFile batch(String name, ObjectNode... records) {
        List<RawRecord> raws = new java.util.ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            raws.add(new RawRecord(i, 0, records[i]));
        }
        return new ExportFile(name, mapper.createObjectNode().put("period", "2026-Q2"), raws);
    }
}
