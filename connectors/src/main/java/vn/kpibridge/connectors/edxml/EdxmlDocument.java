package vn.kpibridge.connectors.edxml;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import vn.kpibridge.connectors.docsymbol.DocumentSymbol;
import vn.kpibridge.connectors.source.RawRecord;

/**
 * One document received as an edXML package (QCVN 102:2016/BTTTT): the MessageHeader, the trace
 * and business information, the signature summary and the attachments' measurements. Optional
 * values that the package does not carry are null; lists are empty, never null.
 *
 * @param fileName name of the package file, as used in messages
 * @param headerLine 1-based line of {@code edXML:MessageHeader} (the record's line as evidence)
 * @param from sender ({@code From})
 * @param to receivers ({@code To}, repeatable), in file order
 * @param documentId {@code DocumentId}, typically "organId,yyyy/MM/dd,number/notation", or null
 * @param codeNumber {@code Code/CodeNumber} as sent, e.g. "45"
 * @param codeNotation {@code Code/CodeNotation} as sent, e.g. "TTr/BTCTU"
 * @param symbol the parsed symbol (number, type abbreviation, issuer) from CodeNumber and CodeNotation
 * @param promulgationPlace {@code PromulgationInfo/Place}, e.g. "Thái Nguyên"
 * @param promulgationDate {@code PromulgationInfo/PromulgationDate} (sent as yyyy/MM/dd)
 * @param documentTypeCode {@code DocumentType/Type}, the numeric code as sent (not interpreted)
 * @param documentTypeDetail {@code DocumentType/TypeDetail} as sent
 * @param documentTypeName {@code DocumentType/TypeName}, e.g. "Tờ trình"
 * @param subject {@code Subject} (trích yếu)
 * @param content {@code Content}
 * @param signer {@code SignerInfo}, or null
 * @param dueDate {@code DueDate} (sent as yyyy/MM/dd), or null
 * @param steeringType {@code SteeringType} code as sent (0 not a steering document, 1 steering
 *     document to process, ...)
 * @param toPlaces {@code ToPlaces/Place} (nơi nhận), in file order
 * @param otherInfo {@code OtherInfo} leaf elements by name (Priority, SphereOfPromulgation,
 *     TyperNotation, PromulgationAmount, PageAmount, Direction...), in file order
 * @param appendixes {@code OtherInfo/Appendixes/Appendix} texts
 * @param traces {@code TraceHeaderList/TraceHeader}, in file order
 * @param business {@code TraceHeaderList/Bussiness}, or null
 * @param signature summary of the XML-DSig signature in the header, or null when unsigned
 * @param manifest {@code edXMLManifest/Reference} entries
 * @param attachments encoded attachments, measured while streamed
 */
public record EdxmlDocument(
        String fileName,
        int headerLine,
        EdxmlOrganization from,
        List<EdxmlOrganization> to,
        String documentId,
        String codeNumber,
        String codeNotation,
        DocumentSymbol symbol,
        String promulgationPlace,
        LocalDate promulgationDate,
        String documentTypeCode,
        String documentTypeDetail,
        String documentTypeName,
        String subject,
        String content,
        EdxmlSigner signer,
        LocalDate dueDate,
        String steeringType,
        List<String> toPlaces,
        Map<String, String> otherInfo,
        List<String> appendixes,
        List<EdxmlTrace> traces,
        EdxmlBusiness business,
        EdxmlSignature signature,
        List<EdxmlReference> manifest,
        List<EdxmlAttachment> attachments) {

    /** Value of {@code recordType} in {@link #toJson()}. */
    public static final String RECORD_TYPE = "EDXML_DOCUMENT";

    /**
     * Copies the lists and the map so the record is immutable.
     *
     * @param fileName as the record component fileName
     * @param headerLine as the record component headerLine
     * @param from as the record component from
     * @param to as the record component to
     * @param documentId as the record component documentId
     * @param codeNumber as the record component codeNumber
     * @param codeNotation as the record component codeNotation
     * @param symbol as the record component symbol
     * @param promulgationPlace as the record component promulgationPlace
     * @param promulgationDate as the record component promulgationDate
     * @param documentTypeCode as the record component documentTypeCode
     * @param documentTypeDetail as the record component documentTypeDetail
     * @param documentTypeName as the record component documentTypeName
     * @param subject as the record component subject
     * @param content as the record component content
     * @param signer as the record component signer
     * @param dueDate as the record component dueDate
     * @param steeringType as the record component steeringType
     * @param toPlaces as the record component toPlaces
     * @param otherInfo as the record component otherInfo
     * @param appendixes as the record component appendixes
     * @param traces as the record component traces
     * @param business as the record component business
     * @param signature as the record component signature
     * @param manifest as the record component manifest
     * @param attachments as the record component attachments
     */
    public EdxmlDocument {
        to = List.copyOf(to);
        toPlaces = List.copyOf(toPlaces);
        otherInfo = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(otherInfo));
        appendixes = List.copyOf(appendixes);
        traces = List.copyOf(traces);
        manifest = List.copyOf(manifest);
        attachments = List.copyOf(attachments);
    }

    /**
     * The document as a JSON tree, stored as raw evidence and read by the
     * {@link vn.kpibridge.connectors.source.RecordNormalizer} through a source mapping's JSON
     * pointers. Shape (absent values are JSON null, dates ISO {@code yyyy-MM-dd}, timestamps ISO
     * {@code yyyy-MM-ddTHH:mm:ss}):
     * <pre>
     * { "recordType": "EDXML_DOCUMENT", "quantity": 1, "fileName", "documentId",
     *   "from": {organId, organizationInCharge, organName, organAdd, email, telephone, fax, website},
     *   "to": [ {...} ],
     *   "code": {"number", "notation"},
     *   "symbol": {text, number, year, system, typeAbbreviation, typeName, issuer, draftingUnit},
     *   "promulgation": {"place", "date"},
     *   "documentType": {"code", "detail", "name"},
     *   "subject", "content",
     *   "signer": {competence, position, fullName},
     *   "dueDate", "steeringType", "toPlaces": [..], "otherInfo": {..}, "appendixes": [..],
     *   "traces": [ {organId, timestamp} ],
     *   "business": {docType, docReason, paper, staffInfo: {department, staff, mobile, email}},
     *   "signature": {signatureMethod, digestMethod, referenceUri, x509SubjectName, certificatePresent},
     *   "attachments": [ {ordinal, contentId, name, contentType, description, encodedLength, size, sha256} ] }
     * </pre>
     * {@code quantity} is 1: one received document is one product unit, for mappings that point
     * {@code plannedQuantity}/{@code doneQuantity} at it.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        n.put("recordType", RECORD_TYPE);
        n.put("quantity", 1);
        n.put("fileName", fileName);
        n.put("documentId", documentId);
        n.set("from", from == null ? f.nullNode() : from.toJson());
        ArrayNode toArray = n.putArray("to");
        to.forEach(o -> toArray.add(o.toJson()));
        ObjectNode code = n.putObject("code");
        code.put("number", codeNumber);
        code.put("notation", codeNotation);
        n.set("symbol", symbol == null ? f.nullNode() : symbol.toJson());
        ObjectNode promulgation = n.putObject("promulgation");
        promulgation.put("place", promulgationPlace);
        promulgation.put("date", promulgationDate == null ? null : promulgationDate.toString());
        ObjectNode type = n.putObject("documentType");
        type.put("code", documentTypeCode);
        type.put("detail", documentTypeDetail);
        type.put("name", documentTypeName);
        n.put("subject", subject);
        n.put("content", content);
        if (signer == null) {
            n.putNull("signer");
        } else {
            ObjectNode s = n.putObject("signer");
            s.put("competence", signer.competence());
            s.put("position", signer.position());
            s.put("fullName", signer.fullName());
        }
        n.put("dueDate", dueDate == null ? null : dueDate.toString());
        n.put("steeringType", steeringType);
        ArrayNode places = n.putArray("toPlaces");
        toPlaces.forEach(places::add);
        ObjectNode other = n.putObject("otherInfo");
        otherInfo.forEach(other::put);
        ArrayNode appendixArray = n.putArray("appendixes");
        appendixes.forEach(appendixArray::add);
        ArrayNode traceArray = n.putArray("traces");
        for (EdxmlTrace t : traces) {
            ObjectNode tn = traceArray.addObject();
            tn.put("organId", t.organId());
            tn.put("timestamp", timestamp(t.timestamp()));
        }
        if (business == null) {
            n.putNull("business");
        } else {
            ObjectNode b = n.putObject("business");
            b.put("docType", business.docType());
            b.put("docReason", business.docReason());
            b.put("paper", business.paper());
            if (business.staff() == null) {
                b.putNull("staffInfo");
            } else {
                ObjectNode s = b.putObject("staffInfo");
                s.put("department", business.staff().department());
                s.put("staff", business.staff().staff());
                s.put("mobile", business.staff().mobile());
                s.put("email", business.staff().email());
            }
        }
        if (signature == null) {
            n.putNull("signature");
        } else {
            ObjectNode s = n.putObject("signature");
            s.put("signatureMethod", signature.signatureMethod());
            s.put("digestMethod", signature.digestMethod());
            s.put("referenceUri", signature.referenceUri());
            s.put("x509SubjectName", signature.x509SubjectName());
            s.put("certificatePresent", signature.certificatePresent());
        }
        ArrayNode att = n.putArray("attachments");
        for (EdxmlAttachment a : attachments) {
            ObjectNode an = att.addObject();
            an.put("ordinal", a.ordinal());
            an.put("contentId", a.contentId());
            an.put("name", a.name());
            an.put("contentType", a.contentType());
            an.put("description", a.description());
            an.put("encodedLength", a.encodedLength());
            an.put("size", a.size());
            an.put("sha256", a.sha256());
        }
        return n;
    }

    /**
     * @return the document as a raw source record: index 0, line {@link #headerLine()}, payload
     *     {@link #toJson()}
     */
    public RawRecord toRawRecord() {
        return new RawRecord(0, headerLine, toJson());
    }

    private static String timestamp(LocalDateTime t) {
        return t == null ? null : java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
}
