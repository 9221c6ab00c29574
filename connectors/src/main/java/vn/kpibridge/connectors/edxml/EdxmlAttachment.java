package vn.kpibridge.connectors.edxml;

/**
 * An attachment of the package ({@code AttachmentEncoded/Attachment}), measured while it was
 * stream-decoded: only these figures are kept, never the content.
 *
 * @param ordinal 1-based position among the package's attachments
 * @param contentId content id without "cid:" prefix, or null
 * @param name file name ({@code AttachmentName}, else the manifest's), or null
 * @param contentType MIME type ({@code ContentType}, else the manifest's), or null
 * @param description description ({@code Description}, else the manifest's), or null
 * @param encodedLength number of base64 characters in {@code ContentTransferEncoded}, "="
 *     padding included, line breaks and spaces not counted
 * @param size decoded size in bytes
 * @param sha256 lower-case hex SHA-256 of the decoded bytes
 * @param line 1-based line where {@code ContentTransferEncoded} starts
 */
public record EdxmlAttachment(int ordinal, String contentId, String name, String contentType, String description,
        long encodedLength, long size, String sha256, int line) {
}
