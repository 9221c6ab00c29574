/**
 * Reader of edXML packages: documents exchanged between agencies under QCVN 102:2016/BTTTT
 * ("Yêu cầu kỹ thuật về cấu trúc thông điệp dữ liệu công văn điện tử"), namespace
 * {@value vn.kpibridge.connectors.edxml.EdxmlReader#NAMESPACE}.
 *
 * <p>Package layout as exchanged on the national document axis (Trục liên thông văn bản):
 * <pre>
 * edXML                                   (root wrapper; optional, may sit in a SOAP Body)
 *   edXML:edXMLEnvelope
 *     edXML:edXMLHeader
 *       edXML:MessageHeader               From, To*, DocumentId, Code, PromulgationInfo,
 *                                         DocumentType, Subject, Content, SignerInfo, DueDate,
 *                                         ToPlaces, OtherInfo, SteeringType, ...
 *       edXML:TraceHeaderList             TraceHeader*, Bussiness (sic: QCVN spelling)
 *       ds:Signature / edXML:DigitalSignature
 *     edXML:edXMLBody
 *       edXML:edXMLManifest               Reference* (ContentId, AttachmentName, ContentType, ...)
 *   AttachmentEncoded
 *     Attachment*                         ContentId, ContentType, Description, AttachmentName,
 *                                         ContentTransferEncoded (base64)
 * </pre>
 * The shorter names {@code Envelope}, {@code Header}, {@code Body}, {@code Manifest} are accepted
 * too. The reader streams with StAX and never holds an attachment in memory.
 */
package vn.kpibridge.connectors.edxml;
