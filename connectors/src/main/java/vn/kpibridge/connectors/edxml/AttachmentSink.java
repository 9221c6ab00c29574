package vn.kpibridge.connectors.edxml;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Receives attachment content while an edXML package is read. The reader decodes
 * {@code ContentTransferEncoded} (base64, MIME line breaks allowed) in a stream and writes the
 * decoded bytes to the stream this sink opens, then closes it; nothing is buffered whole.
 */
@FunctionalInterface
public interface AttachmentSink {
    /** A sink that stores nothing: attachments are only measured (size and SHA-256). */
    AttachmentSink DISCARD = (ordinal, known) -> null;

    /**
     * Called when an attachment's encoded content starts.
     *
     * @param ordinal 1-based position among the package's attachments
     * @param known what is known at that point: the {@code Attachment} children that precede
     *     {@code ContentTransferEncoded}, completed from the manifest reference with the same
     *     content id (QCVN packages usually list ContentId and ContentType first; AttachmentName
     *     may come after the content and then only the manifest supplies it)
     * @return where to write the decoded bytes, or null to only measure. The reader closes it
     *     when the attachment ends, also when the read fails half-way (bad base64, malformed XML):
     *     the content written so far is then incomplete and must be discarded
     * @throws IOException when the destination cannot be opened; the read fails with it
     */
    OutputStream open(int ordinal, EdxmlReference known) throws IOException;
}
