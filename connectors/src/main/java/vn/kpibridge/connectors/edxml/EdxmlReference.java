package vn.kpibridge.connectors.edxml;

/**
 * An attachment as announced by the manifest ({@code edXML:edXMLManifest/edXML:Reference},
 * QCVN 102:2016/BTTTT) or as known when its content starts streaming. Absent values are null.
 *
 * @param contentId content id without a "cid:" prefix, e.g. "2f1c9a4e-...", used to pair manifest
 *     references with encoded attachments
 * @param name file name, e.g. "45-TTr-BTCTU.pdf"
 * @param contentType MIME type, e.g. "application/pdf"
 * @param description description, e.g. "Tờ trình (bản ký số)"
 * @param href the {@code xlink:href} attribute, e.g. "cid:2f1c9a4e-...", or null
 */
public record EdxmlReference(String contentId, String name, String contentType, String description, String href) {
}
