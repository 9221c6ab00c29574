package vn.kpibridge.routes.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.persistence.IngestBulkWriter.EvidenceKey;
import vn.kpibridge.routes.persistence.IngestBulkWriter.EvidenceRow;
import vn.kpibridge.routes.persistence.IngestBulkWriter.IssueRow;
import vn.kpibridge.routes.persistence.IngestBulkWriter.StoredEvidence;
import vn.kpibridge.routes.persistence.IngestBulkWriter.WorkItemRow;

/**
 * {@link IngestBulkWriter} against the real embedded PostgreSQL: the COPY into the staging tables
 * and the moves into {@code source_record}, {@code work_item} and {@code record_issue} keep every
 * value exactly (CSV special characters, Vietnamese text, NULL apart from an empty text), store a
 * repeated batch once, let a work item move only forward, and report a refused record's data as
 * data with PostgreSQL's own message.
 */
class IngestBulkWriterTest extends FlowTestSupport {
    /** Texts CSV and COPY treat specially, each of which must come back as it went in. */
    private static final List<String> HARD_TEXTS = List.of("", "a,b", "say \"hi\", \"\"", "line 1\nline 2\r\nline 3",
            "C:\\kpi\\new", "\\.", "\\N", " leading and trailing ", "Báo cáo Lãnh đạo Ban Tổ chức Tỉnh ủy – quý II");

    private final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    IngestBulkWriter bulk;
    @Autowired
    TransactionTemplate tx;

    @Test
    void evidenceIsStoredOnceWithEveryValueExactAndARepeatedBatchReturnsTheSameIds() {
        ObjectNode payload = mapper.createObjectNode();
        for (int i = 0; i < HARD_TEXTS.size(); i++) {
            payload.put("t" + i, HARD_TEXTS.get(i));
        }
        payload.putNull("none");
        List<EvidenceRow> rows = List.of(new EvidenceRow("CV,\"1\"\nViệt", 2, payload.toString(), 7),
                new EvidenceRow("CV-2", 1, "{\"tenCongViec\":\"Tờ trình\"}", 0),
                new EvidenceRow("CV-2", 1, "{\"tenCongViec\":\"Tờ trình\"}", 0));
        String file = "GET /tasks, page \"1\"";

        StoredEvidence first = tx.execute(s -> storeEvidence("ioffice-tasks", file, rows));
        assertThat(first.stored()).containsExactlyInAnyOrder(new EvidenceKey("CV,\"1\"\nViệt", 2),
                new EvidenceKey("CV-2", 1));
        assertThat(first.ids()).containsOnlyKeys(first.stored());
        assertThat(count("select count(*) from source_record")).isEqualTo(2);

        long id = first.ids().get(new EvidenceKey("CV,\"1\"\nViệt", 2));
        Map<String, Object> row = jdbc.queryForMap("select record_id, version, file_name, line from source_record "
                + "where id = ?", id);
        assertThat(row).containsEntry("record_id", "CV,\"1\"\nViệt").containsEntry("version", 2L)
                .containsEntry("file_name", file).containsEntry("line", 7);
        for (int i = 0; i < HARD_TEXTS.size(); i++) {
            assertThat(jdbc.queryForObject("select payload->>? from source_record where id = ?", String.class,
                    "t" + i, id)).as("payload text t%d", i).isEqualTo(HARD_TEXTS.get(i));
        }
        assertThat(jdbc.queryForObject("select jsonb_typeof(payload->'none') from source_record where id = ?",
                String.class, id)).isEqualTo("null");

        // the same batch again: nothing stored, the same ids
        StoredEvidence again = tx.execute(s -> storeEvidence("ioffice-tasks", "page 1 again", rows));
        assertThat(again.stored()).isEmpty();
        assertThat(again.ids()).isEqualTo(first.ids());
        assertThat(count("select count(*) from source_record")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select file_name from source_record where id = ?", String.class, id))
                .as("evidence never changed").isEqualTo(file);

        // a new version of a stored record, with a stored one, in one transaction with a second call
        tx.executeWithoutResult(s -> {
            StoredEvidence newer = storeEvidence("ioffice-tasks", "page 2",
                    List.of(new EvidenceRow("CV-2", 2, "{}", 0), new EvidenceRow("CV-2", 1, "{}", 0)));
            assertThat(newer.stored()).containsExactly(new EvidenceKey("CV-2", 2));
            assertThat(newer.ids().get(new EvidenceKey("CV-2", 1))).isEqualTo(first.ids().get(new EvidenceKey("CV-2", 1)));
            StoredEvidence other = storeEvidence("ioffice-tasks", "page 3", List.of(new EvidenceRow("CV-3", 1, "[]", 0)));
            assertThat(other.stored()).as("the stage holds only this call's rows").containsExactly(new EvidenceKey("CV-3", 1));
        });
        assertThat(count("select count(*) from source_record")).isEqualTo(4);
    }

    @Test
    void aWorkItemIsReplacedByANewerOrEqualVersionOnlyAndKeepsNullApartFromEmptyText() {
        StoredEvidence ev = tx.execute(s -> storeEvidence("eoffice-btc", "b1", List.of(
                new EvidenceRow("CV-9", 1, "{}", 1), new EvidenceRow("CV-9", 2, "{}", 1),
                new EvidenceRow("CV-9", 3, "{}", 1))));
        String title = String.join("|", HARD_TEXTS);

        assertThat(upsert(
                List.of(item(ev.ids().get(new EvidenceKey("CV-9", 2)), 2, title, "", null, "1.5")))).isEqualTo(1);
        Map<String, Object> stored = workItem();
        assertThat(stored).containsEntry("version", 2L).containsEntry("title", title).containsEntry("objective_cause", "")
                .containsEntry("axis", null).containsEntry("quality_factor", null)
                .containsEntry("done_quantity", new BigDecimal("1.500000"))
                .containsEntry("coefficient", new BigDecimal("1.2000000000"))
                .containsEntry("employee_code", "BTC-CB-0001").containsEntry("late_deliveries", 1);

        // an older version arriving late changes nothing
        assertThat(upsert(
                List.of(item(ev.ids().get(new EvidenceKey("CV-9", 1)), 1, "older", "x", "A", "9")))).isZero();
        assertThat(workItem()).containsEntry("version", 2L).containsEntry("title", title);

        // a newer version replaces it: the empty text becomes NULL and the other way round
        assertThat(upsert(
                List.of(item(ev.ids().get(new EvidenceKey("CV-9", 3)), 3, "", null, "", "2")))).isEqualTo(1);
        assertThat(workItem()).containsEntry("version", 3L).containsEntry("title", "").containsEntry("objective_cause", null)
                .containsEntry("axis", "").containsEntry("done_quantity", new BigDecimal("2.000000"))
                .containsEntry("source_record_id", ev.ids().get(new EvidenceKey("CV-9", 3)));
        assertThat(count("select count(*) from work_item")).isEqualTo(1);

        // the same version again (redelivery) replaces with equal values
        assertThat(upsert(
                List.of(item(ev.ids().get(new EvidenceKey("CV-9", 3)), 3, "", null, "", "2")))).isEqualTo(1);
        assertThatThrownBy(() -> upsertWorkItems("eoffice-btc", List.of(item(1, 1, "a", null, null, "1"),
                item(1, 2, "b", null, null, "1")))).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record id twice");
    }

    @Test
    void rowsEncodedBeforeTheirEvidenceIdIsKnownAreSentWithTheIdInFront() {
        // the lines leave out the key column: an evidence row's id, a work item's evidence id
        IngestBulkWriter.Encoded<EvidenceRow> evidence = IngestBulkWriter.encode("eoffice-btc", "page 3",
                new EvidenceRow("CV-9", 2, "{\"t\":\"a,\\\"b\\\"\"}", 7));
        assertThat(csvFields(evidence.csv())).containsExactlyInAnyOrder("eoffice-btc", "CV-9", "2",
                "{\"t\":\"a,\\\"b\\\"\"}", "page 3", "7");
        IngestBulkWriter.Encoded<WorkItemRow> encoded = IngestBulkWriter.encode(item(0, 2, "Tờ trình, \"số 2\"", null, "A",
                "1"));
        // 24 columns but the evidence id
        assertThat(csvFields(encoded.csv())).hasSize(23).contains("Tờ trình, \"số 2\"");

        StoredEvidence ev = tx.execute(s -> bulk.storeEvidence("eoffice-btc", List.of(evidence)));
        long id = ev.ids().get(new EvidenceKey("CV-9", 2));
        assertThat(jdbc.queryForObject("select payload->>'t' from source_record where id = ?", String.class, id))
                .isEqualTo("a,\"b\"");
        // the id given after encoding, the same line
        Integer written = tx.execute(s -> bulk.upsertWorkItems("eoffice-btc", List.of(
                new IngestBulkWriter.Encoded<>(encoded.row().withSourceRecordId(id), encoded.csv()))));
        assertThat(written).isEqualTo(1);
        assertThat(workItem()).containsEntry("source_record_id", id).containsEntry("title", "Tờ trình, \"số 2\"")
                .containsEntry("axis", "A").containsEntry("objective_cause", null).containsEntry("version", 2L);
    }

    @Test
    void aBatchSentInManyPiecesIsRefusedWholeForALateBadRecordAndStoredWholeWithoutIt() {
        // 3,000 rows of ~200 bytes: the COPY is sent in several 64 KiB pieces while it is written
        List<EvidenceRow> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            ObjectNode p = mapper.createObjectNode().put("Id", "CV-" + i).put("TrichYeu", "Tờ trình số " + i + " về "
                    + "công tác cán bộ, \"quý II\"; dòng\nmới").put("SoLuong", new BigDecimal(i + ".50"));
            rows.add(new EvidenceRow("CV-" + i, 1, p.toString(), i + 1));
        }
        List<EvidenceRow> withBad = new java.util.ArrayList<>(rows);
        withBad.set(2500, new EvidenceRow("CV-2501", 1, "{\"t\":\"a\\u0000b\"}", 2502));

        IngestBulkWriter.RefusedData refused = refused(() -> tx.execute(s -> storeEvidence("eoffice-btc", "big",
                withBad)));
        assertThat(refused.sqlState()).isEqualTo("22P05");
        assertThat(count("select count(*) from source_record")).as("nothing of the refused batch").isZero();

        StoredEvidence stored = tx.execute(s -> storeEvidence("eoffice-btc", "big", rows));
        assertThat(stored.stored()).hasSize(3000);
        assertThat(count("select count(*) from source_record")).isEqualTo(3000);
        assertThat(jdbc.queryForMap("select payload->>'TrichYeu' t, (payload->>'SoLuong')::numeric q, line "
                + "from source_record where record_id = 'CV-2999'")).containsEntry("t",
                "Tờ trình số 2999 về công tác cán bộ, \"quý II\"; dòng\nmới").containsEntry("q", new BigDecimal("2999.50"))
                .containsEntry("line", 3000);
    }

    @Test
    void dataThePostgresqlRefusesIsClassifiedAsDataWithItsMessage() {
        // a NUL character in a record id: the COPY refuses its byte
        IngestBulkWriter.RefusedData nul = refused(() -> tx.execute(s -> storeEvidence("eoffice-btc", "b",
                List.of(new EvidenceRow("CV-1", 1, "{}", 1), new EvidenceRow("CV-\0-2", 1, "{}", 2)))));
        assertThat(nul.sqlState()).isEqualTo("22021");
        assertThat(nul.describe()).isEqualTo("invalid byte sequence for encoding \"UTF8\": 0x00");

        // \u0000 in the JSON payload: jsonb refuses it when the insert casts the staged text
        IngestBulkWriter.RefusedData json = refused(() -> tx.execute(s -> storeEvidence("eoffice-btc", "b",
                List.of(new EvidenceRow("CV-1", 1, "{\"t\":\"a\\u0000b\"}", 1)))));
        assertThat(json.sqlState()).isEqualTo("22P05");
        assertThat(json.describe()).isEqualTo("unsupported Unicode escape sequence (\\u0000 cannot be converted to text.)");

        // a quantity beyond numeric(20,6): the insert into work_item refuses it with the column's message
        StoredEvidence ev = tx.execute(s -> storeEvidence("eoffice-btc", "b", List.of(new EvidenceRow("CV-9", 1,
                "{}", 1))));
        IngestBulkWriter.RefusedData overflow = refused(() -> tx.execute(s -> upsertWorkItems("eoffice-btc",
                List.of(item(ev.ids().get(new EvidenceKey("CV-9", 1)), 1, "t", null, null, "123456789012345")))));
        assertThat(overflow.sqlState()).isEqualTo("22003");
        assertThat(overflow.describe()).isEqualTo("numeric field overflow (A field with precision 20, scale 6 must round "
                + "to an absolute value less than 10^14.)");

        // a record id longer than its column
        IngestBulkWriter.RefusedData tooLong = refused(() -> tx.execute(s -> storeEvidence("eoffice-btc", "b",
                List.of(new EvidenceRow("X".repeat(201), 1, "{}", 1)))));
        assertThat(tooLong.sqlState()).isEqualTo("22001");
        assertThat(tooLong.describe()).isEqualTo("value too long for type character varying(200)");
        assertThat(count("select count(*) from source_record")).as("only the committed good batch").isEqualTo(1);
        assertThat(count("select count(*) from work_item")).isZero();
    }

    @Test
    void issuesAreKeptOncePerRecordVersionOrPosition() {
        IssueRow unmapped = new IssueRow("page 1", 0, 3, "CV-1", 2L, RecordIssueEntity.UNMAPPED,
                "page 1:0: record CV-1: no product rule matched \"Họp, \"giao ban\"\"", "{\"t\":\"Họp\\n\"}");
        IssueRow noId = new IssueRow("f.json", 12, 4, null, null, RecordIssueEntity.REJECTED, "f.json:12: record #5 has no id",
                "{}");
        IssueRow noVersion = new IssueRow("f.json", 13, 5, "CV-5", null, RecordIssueEntity.REJECTED, "bad", null);
        assertThat(keep("eoffice-btc", List.of(unmapped, noId, unmapped, noVersion)))
                .containsExactly(unmapped, noId, noVersion);
        assertThat(jdbc.queryForMap("select file_name, line, record_index, version, kind, reason, payload->>'t' as t "
                + "from record_issue where record_id = 'CV-1'")).containsEntry("file_name", "page 1").containsEntry("line", 0)
                .containsEntry("record_index", 3).containsEntry("version", 2L).containsEntry("kind", "UNMAPPED")
                .containsEntry("reason", unmapped.reason()).containsEntry("t", "Họp\n");
        assertThat(jdbc.queryForObject("select payload is null from record_issue where record_id = 'CV-5'", Boolean.class))
                .isTrue();

        // again, with a new version and the same record as another kind: only those are new
        IssueRow newer = new IssueRow("page 2", 0, 0, "CV-1", 3L, RecordIssueEntity.UNMAPPED, "newer", "{}");
        IssueRow rejected = new IssueRow("page 2", 0, 0, "CV-1", 2L, RecordIssueEntity.REJECTED, "rejected", "{}");
        IssueRow noIdElsewhere = new IssueRow("g.json", 12, 4, null, null, RecordIssueEntity.REJECTED, "g", "{}");
        assertThat(keep("eoffice-btc", List.of(unmapped, noId, noVersion, newer, rejected,
                noIdElsewhere))).containsExactly(newer, rejected, noIdElsewhere);
        assertThat(keep("other-source", List.of(unmapped))).containsExactly(unmapped);
        assertThat(count("select count(*) from record_issue")).isEqualTo(7);
    }

    /** {@link IngestBulkWriter#storeEvidence} of rows encoded here, as the preparation of a batch encodes them. */
    private StoredEvidence storeEvidence(String sourceId, String fileName, List<EvidenceRow> rows) {
        return bulk.storeEvidence(sourceId, rows.stream().map(r -> IngestBulkWriter.encode(sourceId, fileName, r)).toList());
    }

    /** {@link IngestBulkWriter#upsertWorkItems} of rows encoded here. */
    private int upsertWorkItems(String sourceId, List<WorkItemRow> rows) {
        return bulk.upsertWorkItems(sourceId, rows.stream().map(IngestBulkWriter::encode).toList());
    }

    private int upsert(List<WorkItemRow> rows) {
        Integer n = tx.execute(s -> upsertWorkItems("eoffice-btc", rows));
        return n == null ? -1 : n;
    }

    private List<IssueRow> keep(String sourceId, List<IssueRow> rows) {
        return tx.execute(s -> bulk.keepIssues(sourceId, rows));
    }

    /** @return the fields of one CSV line, as Jackson's CSV parser reads them */
    private static List<String> csvFields(byte[] line) {
        try {
            // without a schema each line reads as an array of its fields
            return List.of(new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                    .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerFor(String[][].class).<String[][]>readValue(line)[0]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Object> workItem() {
        return jdbc.queryForMap("select * from work_item where source_id = 'eoffice-btc' and record_id = 'CV-9'");
    }

    private static WorkItemRow item(long evidenceId, long version, String title, String objectiveCause, String axis,
            String done) {
        return new WorkItemRow("eoffice-btc", evidenceId, "CV-9", version, "BTC-CB-0001", "BTC-TU", "2026-Q2", title, "BTC-01",
                "ban-to-chuc-tinh-uy", "2026.1", new BigDecimal("1.2"), "R01", axis, BigDecimal.ONE, new BigDecimal(done),
                BigDecimal.ONE, 0, 1, 0, objectiveCause, null, null, null);
    }

    private static IngestBulkWriter.RefusedData refused(Runnable write) {
        Throwable t = catchThrowable(write::run);
        assertThat(t).as("the write is refused").isNotNull();
        return IngestBulkWriter.refusedData(t).orElseThrow(() -> new AssertionError("not classified as data", t));
    }
}
