package vn.kpibridge.connectors.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.docsymbol.DocumentSymbol;
import vn.kpibridge.connectors.docsymbol.DocumentSystem;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.connectors.source.SourceFormatException;

class EdxmlReaderTest {
    private static final String PDF_SHA256 = "c012d7f843bf9bfbe128cb3862eaf8ca85bf2b3f5634c1c347aab42646a83e2c";
    private static final String DOCX_SHA256 = "c2ac5eeeeef969cd2e5b2b8d88ea9b13f10b5e0a555fca005d36c47052cd50bc";

    private final EdxmlReader reader = new EdxmlReader();

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(EdxmlReaderTest.class.getResource("/edxml/" + name).toURI());
    }

    @Test
    void readsTheMessageHeaderOfASubmissionOfTheOrganisationBoard() throws Exception {
        EdxmlDocument d = reader.read(sample("sample-to-trinh.edxml"));

        assertThat(d.fileName()).isEqualTo("sample-to-trinh.edxml");
        assertThat(d.headerLine()).isEqualTo(7);
        assertThat(d.from()).isEqualTo(new EdxmlOrganization("000.01.31.H56", "Tỉnh ủy Thái Nguyên",
                "Ban Tổ chức Tỉnh ủy Thái Nguyên", "Số 8, đường Nha Trang, phường Phan Đình Phùng, tỉnh Thái Nguyên",
                "bantochuc@thainguyen.example.vn", "0208 3851 234", "0208 3851 235",
                "https://btctu.thainguyen.example.vn"));
        assertThat(d.to()).extracting(EdxmlOrganization::organId, EdxmlOrganization::organName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("000.00.01.H56", "Thường trực Tỉnh ủy Thái Nguyên"),
                org.assertj.core.groups.Tuple.tuple("000.01.30.H56", "Văn phòng Tỉnh ủy Thái Nguyên"));
        assertThat(d.to().get(1).organizationInCharge()).isNull();
        assertThat(d.documentId()).isEqualTo("000.01.31.H56,2026/05/12,45-TTr/BTCTU");
        assertThat(d.codeNumber()).isEqualTo("45");
        assertThat(d.codeNotation()).isEqualTo("TTr/BTCTU");
        assertThat(d.symbol()).isEqualTo(new DocumentSymbol("45-TTr/BTCTU", "45", null, DocumentSystem.PARTY, "TTr",
                "Tờ trình", "BTCTU", null));
        assertThat(d.promulgationPlace()).isEqualTo("Thái Nguyên");
        assertThat(d.promulgationDate()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(d.documentTypeCode()).isEqualTo("1");
        assertThat(d.documentTypeDetail()).isEqualTo("0");
        assertThat(d.documentTypeName()).isEqualTo("Tờ trình");
        assertThat(d.subject()).isEqualTo("Về việc đề nghị phê duyệt Đề án đánh giá, xếp loại cán bộ, công chức theo bộ"
                + " chỉ số KPI năm 2026");
        assertThat(d.content()).startsWith("Thực hiện Quy định số 870-QĐ/TU").endsWith("(có dự thảo kèm theo).");
        assertThat(d.signer()).isEqualTo(new EdxmlSigner("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Hùng"));
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(d.steeringType()).isEqualTo("1");
        assertThat(d.toPlaces()).containsExactly("Thường trực Tỉnh ủy (để báo cáo)",
                "Lưu Văn phòng Ban, Phòng Tổ chức cán bộ");
        assertThat(d.otherInfo()).containsExactly(Map.entry("Priority", "1"),
                Map.entry("SphereOfPromulgation", "Lưu hành nội bộ"), Map.entry("TyperNotation", "TL"),
                Map.entry("PromulgationAmount", "5"), Map.entry("PageAmount", "4"));
        assertThat(d.appendixes()).containsExactly("Dự thảo Đề án");
    }

    @Test
    void readsTraceBusinessWithTheStandardsSpellingAndTheSignature() throws Exception {
        EdxmlDocument d = reader.read(sample("sample-to-trinh.edxml"));

        assertThat(d.traces()).containsExactly(new EdxmlTrace("000.01.31.H56", LocalDateTime.of(2026, 5, 12, 15, 42, 7)));
        assertThat(d.business()).isEqualTo(new EdxmlBusiness("0", "Văn bản mới", "0", new EdxmlBusiness.StaffInfo(
                "Phòng Tổ chức cán bộ", "Trần Thị Lan", "0912 345 678", "lan.tt@thainguyen.example.vn")));
        assertThat(d.signature()).isEqualTo(new EdxmlSignature("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                "http://www.w3.org/2001/04/xmlenc#sha256", "",
                "CN=Ban Tổ chức Tỉnh ủy Thái Nguyên, O=Tỉnh ủy Thái Nguyên, L=Thái Nguyên, C=VN", true, 82));
    }

    @Test
    void measuresAttachmentsAndFillsMissingNamesFromTheManifest() throws Exception {
        EdxmlDocument d = reader.read(sample("sample-to-trinh.edxml"));

        assertThat(d.manifest()).extracting(EdxmlReference::contentId, EdxmlReference::name, EdxmlReference::href)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("7c0e5a52-3f1b-4d8e-9a61-2b5f0c9d4e11", "45-TTr-BTCTU.pdf",
                                "cid:7c0e5a52-3f1b-4d8e-9a61-2b5f0c9d4e11"),
                        org.assertj.core.groups.Tuple.tuple("b94d27f0-8e6a-4c3d-a1f5-60e2d7c3b982",
                                "Du-thao-De-an-KPI-2026.docx", "cid:b94d27f0-8e6a-4c3d-a1f5-60e2d7c3b982"));
        assertThat(d.attachments()).containsExactly(
                new EdxmlAttachment(1, "7c0e5a52-3f1b-4d8e-9a61-2b5f0c9d4e11", "45-TTr-BTCTU.pdf", "application/pdf",
                        "Tờ trình số 45-TTr/BTCTU (bản ký số)", 292, 218, PDF_SHA256, 126),
                new EdxmlAttachment(2, "b94d27f0-8e6a-4c3d-a1f5-60e2d7c3b982", "Du-thao-De-an-KPI-2026.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Dự thảo Đề án", 832,
                        623, DOCX_SHA256, 136));
    }

    @Test
    void streamsDecodedAttachmentsToTheSink() throws Exception {
        Map<Integer, ByteArrayOutputStream> stored = new HashMap<>();
        Map<Integer, EdxmlReference> announced = new HashMap<>();
        reader.read(sample("sample-to-trinh.edxml"), (ordinal, known) -> {
            announced.put(ordinal, known);
            return stored.computeIfAbsent(ordinal, k -> new ByteArrayOutputStream());
        });

        byte[] pdf = stored.get(1).toByteArray();
        assertThat(pdf).hasSize(218);
        assertThat(new String(pdf, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(PDF_SHA256);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(stored.get(2).toByteArray()))) {
            ZipEntry entry;
            String document = null;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("word/document.xml")) {
                    document = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            assertThat(document).contains("DỰ THẢO ĐỀ ÁN nâng cao chất lượng đánh giá, xếp loại cán bộ theo KPI");
        }
        // AttachmentName comes after the content in the package: only the manifest knew it then
        assertThat(announced.get(1).name()).isEqualTo("45-TTr-BTCTU.pdf");
        assertThat(announced.get(2)).isEqualTo(new EdxmlReference("b94d27f0-8e6a-4c3d-a1f5-60e2d7c3b982",
                "Du-thao-De-an-KPI-2026.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Dự thảo Đề án",
                "cid:b94d27f0-8e6a-4c3d-a1f5-60e2d7c3b982"));
    }

    @Test
    void jsonTreeIsNormalisedByASourceMappingOfPointers() throws Exception {
        EdxmlDocument d = reader.read(sample("sample-to-trinh.edxml"));
        RawRecord raw = d.toRawRecord();

        assertThat(raw.index()).isZero();
        assertThat(raw.line()).isEqualTo(7);
        JsonNode json = raw.payload();
        assertThat(json.at("/recordType").asText()).isEqualTo("EDXML_DOCUMENT");
        assertThat(json.at("/symbol/typeAbbreviation").asText()).isEqualTo("TTr");
        assertThat(json.at("/promulgation/date").asText()).isEqualTo("2026-05-12");
        assertThat(json.at("/traces/0/timestamp").asText()).isEqualTo("2026-05-12T15:42:07");
        assertThat(json.at("/attachments/1/size").asLong()).isEqualTo(623);
        assertThat(json.at("/to/1/organizationInCharge").isNull()).isTrue();
        assertThat(json.at("/signature/certificatePresent").asBoolean()).isTrue();

        SourceMapping mapping = new SourceMapping("edxml-btctu", "Trục liên thông văn bản - Ban Tổ chức Tỉnh ủy", null,
                "/period", null, null, null, null, Map.of("EDXML_DOCUMENT", "TASK"),
                Map.ofEntries(Map.entry("id", "/documentId"), Map.entry("type", "/recordType"),
                        Map.entry("assigneeId", "/business/staffInfo/staff"), Map.entry("unitId", "/from/organId"),
                        Map.entry("title", "/subject"), Map.entry("productType", "/symbol/typeName"),
                        Map.entry("plannedQuantity", "/quantity"), Map.entry("doneQuantity", "/quantity"),
                        Map.entry("dueDate", "/dueDate"), Map.entry("completedDate", "/promulgation/date")),
                List.of("yyyy-MM-dd"), null);
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("period", "2026-Q2");

        NormalizedRecord n = new RecordNormalizer(mapping).normalize(header, raw);

        assertThat(n.recordId()).isEqualTo("000.01.31.H56,2026/05/12,45-TTr/BTCTU");
        assertThat(n.type()).isEqualTo(RecordType.TASK);
        assertThat(n.period()).isEqualTo("2026-Q2");
        assertThat(n.assigneeId()).isEqualTo("Trần Thị Lan");
        assertThat(n.unitId()).isEqualTo("000.01.31.H56");
        assertThat(n.productType()).isEqualTo("Tờ trình");
        assertThat(n.title()).startsWith("Về việc đề nghị phê duyệt Đề án");
        assertThat(n.plannedQuantity()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(n.doneQuantity()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(n.dueDate()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(n.completedDate()).isEqualTo(LocalDate.of(2026, 5, 12));
    }

    @Test
    void malformedXmlNamesFileAndLine() throws Exception {
        assertThatThrownBy(() -> reader.read(sample("malformed-unclosed.edxml")))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("malformed-unclosed.edxml:14: malformed XML: ")
                .hasMessageContaining("edXML:Subject")
                .satisfies(e -> {
                    SourceFormatException s = (SourceFormatException) e;
                    assertThat(s.fileName()).isEqualTo("malformed-unclosed.edxml");
                    assertThat(s.line()).isEqualTo(14);
                });
    }

    @Test
    void aPackageInAnotherNamespaceIsNotEdxml() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXMLEnvelope xmlns="http://www.e-doc.vn/Schema/">
                  <edXMLHeader><MessageHeader><Subject>Công văn</Subject></MessageHeader></edXMLHeader>
                </edXMLEnvelope>
                """;
        assertThatThrownBy(() -> read("cu.edxml", xml)).isInstanceOf(SourceFormatException.class)
                .hasMessage("cu.edxml: not an edXML package: no MessageHeader in namespace "
                        + "http://www.mic.gov.vn/TBT/QCVN_102_2016 (root element {http://www.e-doc.vn/Schema/}edXMLEnvelope)");
    }

    @Test
    void shortElementNamesUnqualifiedAttachmentsAndBusinessSpellingAreAccepted() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                <edXML:Envelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXML:Header>
                    <edXML:MessageHeader>
                      <edXML:From><edXML:OrganId>000.00.00.H56</edXML:OrganId></edXML:From>
                      <edXML:Code><edXML:CodeNumber>1234</edXML:CodeNumber><edXML:CodeNotation>UBND-KT</edXML:CodeNotation></edXML:Code>
                      <edXML:DueDate>2026-06-01</edXML:DueDate>
                    </edXML:MessageHeader>
                    <edXML:TraceHeaderList>
                      <edXML:Business><edXML:BusinessDocType>2</edXML:BusinessDocType><edXML:BusinessDocReason>Cập nhật</edXML:BusinessDocReason></edXML:Business>
                    </edXML:TraceHeaderList>
                  </edXML:Header>
                  <edXML:Body><edXML:Manifest><edXML:Reference><edXML:ContentId>a1</edXML:ContentId><edXML:AttachmentName>cv.txt</edXML:AttachmentName></edXML:Reference></edXML:Manifest></edXML:Body>
                  <AttachmentEncoded><Attachment><ContentId>cid:a1</ContentId><ContentTransferEncoded>Q8O0bmcgdsSDbg==</ContentTransferEncoded></Attachment></AttachmentEncoded>
                </edXML:Envelope>
                </soap:Body></soap:Envelope>
                """;
        EdxmlDocument d = read("soap.edxml", xml);

        assertThat(d.symbol().isOfficialLetter()).isTrue();
        assertThat(d.symbol().issuer()).isEqualTo("UBND");
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(d.business()).isEqualTo(new EdxmlBusiness("2", "Cập nhật", null, null));
        assertThat(d.signature()).isNull();
        assertThat(d.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("cv.txt");
            assertThat(a.contentId()).isEqualTo("a1");
            assertThat(a.size()).isEqualTo("Công văn".getBytes(StandardCharsets.UTF_8).length);
            assertThat(a.encodedLength()).isEqualTo(16);
        });
    }

    @Test
    void dateOutsideTheStandardFormatNamesElementAndLine() {
        String xml = minimal("<edXML:PromulgationInfo>\n<edXML:PromulgationDate>12/05/2026</edXML:PromulgationDate>\n"
                + "</edXML:PromulgationInfo>", "");
        assertThatThrownBy(() -> read("ngay-sai.edxml", xml)).isInstanceOf(SourceFormatException.class)
                .hasMessage("ngay-sai.edxml:7: PromulgationDate \"12/05/2026\" is not a date in the QCVN 102:2016"
                        + " format yyyy/MM/dd");
    }

    @Test
    void unknownTypeAbbreviationInTheCodeRejectsThePackageAtTheCodeLine() {
        String xml = minimal("", "").replace("TTr/BTCTU", "XYZ/BTCTU");
        assertThatThrownBy(() -> read("ky-hieu.edxml", xml)).isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("ky-hieu.edxml:5: Code/CodeNumber + CodeNotation: document symbol "
                        + "\"45-XYZ/BTCTU\": unknown type abbreviation \"XYZ\"");
    }

    @Test
    void missingSenderOrCodeIsAnError() {
        String noCode = minimal("", "").replaceAll("<edXML:Code>.*</edXML:Code>", "");
        assertThatThrownBy(() -> read("khong-so.edxml", noCode))
                .hasMessage("khong-so.edxml:3: MessageHeader has no Code (số, ký hiệu), required by QCVN 102:2016/BTTTT");
        String noSender = minimal("", "").replaceAll("<edXML:From>.*</edXML:From>", "");
        assertThatThrownBy(() -> read("khong-noi-gui.edxml", noSender))
                .hasMessageContaining("khong-noi-gui.edxml:3: MessageHeader has no sender (From/OrganId)");
    }

    @Test
    void bytesThatAreNotUtf8AreAFormatErrorWithTheirLine() {
        byte[] xml = minimal("<edXML:Subject>B\u00e1o c\u00e1o</edXML:Subject>", "").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> reader.read("latin1.edxml", new ByteArrayInputStream(xml)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("latin1.edxml:6: malformed XML: ")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void invalidBase64IsAFormatErrorNamingAttachmentAndLine() {
        assertThatThrownBy(() -> read("b64.edxml", minimal("", attachment("QUJD!RA=="))))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("b64.edxml:10: attachment #1 (phu-luc.txt): character '!' (U+0021) is not base64");
        assertThatThrownBy(() -> read("b64.edxml", minimal("", attachment("QUJDR"))))
                .hasMessageStartingWith("b64.edxml:10: attachment #1 (phu-luc.txt): invalid base64 content: ");
        assertThatThrownBy(() -> read("b64.edxml", minimal("", attachment("QQ==QUJD"))))
                .hasMessage("b64.edxml:10: attachment #1 (phu-luc.txt): data after the base64 padding");
    }

    @Test
    void aFailingSinkIsATechnicalErrorNotAFormatError() {
        AttachmentSink failing = (ordinal, known) -> new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("đĩa đầy");
            }
        };
        assertThatThrownBy(() -> reader.read("a.edxml", bytes(minimal("", attachment("QUJD"))), failing))
                .isExactlyInstanceOf(IOException.class).hasMessage("đĩa đầy");
    }

    @Test
    void largeAttachmentIsDecodedWhileTheInputIsStillBeingRead() throws Exception {
        String[] parts = minimal("", attachment("@@")).split("@@");
        int lines = 300_000; // 57 bytes per 76-character line: 17.1 MB decoded, 23.1 MB on the wire
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        GeneratedPackage in = new GeneratedPackage(parts[0], parts[1], lines, expected);
        long[] servedAtFirstByte = {-1};
        long[] received = {0};
        EdxmlDocument d = reader.read("lon.edxml", in, (ordinal, known) -> new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (servedAtFirstByte[0] < 0) {
                    servedAtFirstByte[0] = in.served;
                }
                received[0] += len;
            }
        });

        EdxmlAttachment a = d.attachments().get(0);
        assertThat(a.size()).isEqualTo(57L * lines).isEqualTo(received[0]);
        assertThat(a.encodedLength()).isEqualTo(76L * lines);
        assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(servedAtFirstByte[0]).as("bytes of input consumed when the first decoded byte arrived")
                .isLessThan(1_000_000L);
        assertThat(in.served).isGreaterThan(76L * lines);
    }

    /** An edXML package whose single attachment is generated line by line, never held whole. */
    private static final class GeneratedPackage extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final int lines;
        private final MessageDigest digest;
        private final Random random = new Random(2026);
        private byte[] current;
        private int position;
        private int line;
        private int stage;
        long served;

        GeneratedPackage(String head, String tail, int lines, MessageDigest digest) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
            this.lines = lines;
            this.digest = digest;
            this.current = this.head;
        }

        @Override
        public int read() {
            while (position >= current.length) {
                if (!advance()) {
                    return -1;
                }
            }
            served++;
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                if (position >= current.length && !advance()) {
                    break;
                }
                int chunk = Math.min(len - n, current.length - position);
                System.arraycopy(current, position, b, off + n, chunk);
                position += chunk;
                n += chunk;
            }
            served += n;
            return n == 0 ? -1 : n;
        }

        private boolean advance() {
            if (stage == 2) {
                return false;
            }
            position = 0;
            if (stage == 0 && line < lines) {
                byte[] raw = new byte[57];
                random.nextBytes(raw);
                digest.update(raw);
                current = (Base64.getEncoder().encodeToString(raw) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                line++;
                return true;
            }
            if (stage == 0) {
                stage = 1;
                current = tail;
                return true;
            }
            stage = 2;
            position = current.length;
            return false;
        }
    }

    private EdxmlDocument read(String name, String xml) throws IOException {
        return reader.read(name, bytes(xml));
    }

    private static InputStream bytes(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A minimal valid package: MessageHeader on line 3, Code on line 5, extra header XML from
     * line 6, attachments after the envelope inside the {@code <edXML>} root.
     */
    private static String minimal(String moreHeader, String attachments) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\" xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"
                + "<edXML:edXMLEnvelope><edXML:edXMLHeader>\n"
                + "<edXML:MessageHeader>\n"
                + "<edXML:From><edXML:OrganId>000.01.31.H56</edXML:OrganId></edXML:From>\n"
                + "<edXML:Code><edXML:CodeNumber>45</edXML:CodeNumber><edXML:CodeNotation>TTr/BTCTU</edXML:CodeNotation></edXML:Code>\n"
                + moreHeader + "\n"
                + "</edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope>\n"
                + attachments
                + "</edXML>\n";
    }

    /** Wraps base64 text in an AttachmentEncoded; with {@link #minimal} the content is on line 10. */
    private static String attachment(String base64) {
        return "<edXML:AttachmentEncoded>\n"
                + "<edXML:Attachment><edXML:AttachmentName>phu-luc.txt</edXML:AttachmentName>\n"
                + "<edXML:ContentTransferEncoded>" + base64 + "</edXML:ContentTransferEncoded>\n"
                + "</edXML:Attachment></edXML:AttachmentEncoded>\n";
    }
}
