package vn.kpibridge.connectors.edxml;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.kpibridge.connectors.docsymbol.DocumentSymbol;
import vn.kpibridge.connectors.docsymbol.DocumentSymbolException;
import vn.kpibridge.connectors.docsymbol.DocumentSymbolParser;
import vn.kpibridge.connectors.source.SourceFormatException;

/**
 * Reads an edXML package (QCVN 102:2016/BTTTT) into an {@link EdxmlDocument} with the StAX
 * streaming parser of the JDK ({@code javax.xml.stream}).
 *
 * <h2>Streaming</h2>
 * Metadata elements (MessageHeader children, trace, manifest, signature) are small and read
 * whole. {@code ContentTransferEncoded} is never turned into a string: its characters are pulled
 * from the parser in chunks and fed through {@link Base64#getMimeDecoder()}{@code .wrap(..)} into
 * a SHA-256 digest, a byte counter and, when the {@link AttachmentSink} asks for it, the sink's
 * stream. Memory use does not grow with attachment size.
 *
 * <h2>Accepted shapes</h2>
 * Elements of namespace {@value #NAMESPACE} under any prefix (normally {@code edXML:}); the
 * envelope may be the root, sit under an {@code <edXML>} wrapper or in a SOAP body; the short
 * names Envelope/Header/Body/Manifest are accepted besides edXMLEnvelope/edXMLHeader/...;
 * {@code AttachmentEncoded} may also be unqualified (as several gateways send it);
 * {@code Bussiness} (the standard's spelling) and {@code Business}. Dates {@code yyyy/MM/dd}
 * (ISO {@code yyyy-MM-dd} tolerated), timestamps {@code yyyy/MM/dd HH:mm:ss}.
 *
 * <h2>Errors</h2>
 * The whole package is rejected with a {@link SourceFormatException} naming the file and line for:
 * malformed XML or bad encoding; no {@code MessageHeader} in the QCVN namespace; no sender
 * {@code From/OrganId}; no {@code Code}, or a CodeNumber/CodeNotation the
 * {@link DocumentSymbolParser} rejects (unknown type abbreviation...); a date not in
 * {@code yyyy/MM/dd}; invalid base64 (a character outside the alphabet, a dangling byte, data
 * after the padding); an {@code Attachment} without content. DTDs and external entities are
 * disabled. Failures to read the input or to write to the sink are {@link IOException}s (a
 * technical error, to be retried), not format errors.
 *
 * <p>Not done here: the XML signature is summarised ({@link EdxmlSignature}), not verified.
 * Instances are thread-safe.
 */
public final class EdxmlReader {
    /** XML namespace of QCVN 102:2016/BTTTT edXML. */
    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** W3C XML-DSig namespace of the header signature. */
    public static final String DSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

    private static final int MAX_TEXT = 1 << 20;
    private static final int MAX_CHILDREN = 10_000;
    private static final int MAX_DEPTH = 64;
    private static final Set<String> MANIFEST = Set.of("edXMLManifest", "Manifest");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final XMLInputFactory factory;
    private final DocumentSymbolParser symbols;

    /** A reader using the bundled document-type tables ({@link DocumentSymbolParser#standard()}). */
    public EdxmlReader() {
        this(DocumentSymbolParser.standard());
    }

    /** @param symbols parser for {@code Code/CodeNumber} + {@code Code/CodeNotation} */
    public EdxmlReader(DocumentSymbolParser symbols) {
        this.symbols = symbols;
        this.factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * Reads a package file, measuring attachments without storing them.
     *
     * @param file the .edxml file
     * @return the document
     * @throws SourceFormatException when the package is malformed (see class documentation)
     * @throws IOException when the file cannot be read
     */
    public EdxmlDocument read(Path file) throws IOException {
        return read(file, AttachmentSink.DISCARD);
    }

    /**
     * @param file the .edxml file
     * @param sink receives each attachment's decoded bytes
     * @return the document
     * @throws SourceFormatException when the package is malformed
     * @throws IOException when the file cannot be read or the sink fails
     */
    public EdxmlDocument read(Path file, AttachmentSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in, sink);
        }
    }

    /**
     * @param fileName name used in messages and in {@link EdxmlDocument#fileName()}
     * @param in the package bytes (encoding from the XML declaration, UTF-8 by default); not closed
     * @return the document
     * @throws SourceFormatException when the package is malformed
     * @throws IOException when the stream cannot be read
     */
    public EdxmlDocument read(String fileName, InputStream in) throws IOException {
        return read(fileName, in, AttachmentSink.DISCARD);
    }

    /**
     * @param fileName name used in messages and in {@link EdxmlDocument#fileName()}
     * @param in the package bytes (encoding from the XML declaration, UTF-8 by default); not closed
     * @param sink receives each attachment's decoded bytes ({@link AttachmentSink#DISCARD} to
     *     only measure them)
     * @return the document
     * @throws SourceFormatException when the package is malformed
     * @throws IOException when the stream cannot be read or the sink fails
     */
    public EdxmlDocument read(String fileName, InputStream in, AttachmentSink sink) throws IOException {
        XMLStreamReader r;
        try {
            synchronized (factory) { // XMLInputFactory is not specified to be thread-safe
                r = factory.createXMLStreamReader(in);
            }
        } catch (XMLStreamException e) {
            throw xmlError(fileName, e);
        }
        try {
            return new Parse(fileName, r, sink).run();
        } catch (XMLStreamException e) {
            throw xmlError(fileName, e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing held beyond the caller's stream
            }
        }
    }

    private static IOException xmlError(String fileName, XMLStreamException e) throws IOException {
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof IOException io && !(cause instanceof CharConversionException)) {
            throw io;
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        throw new SourceFormatException(fileName, Math.max(line, 0), "malformed XML: " + message.strip(), e);
    }

    /** A small element read whole: metadata only, never attachment content. */
    private record Elem(String name, int line, Map<String, String> attributes, String text, List<Elem> children) {
        Elem child(String local) {
            return children.stream().filter(c -> c.name.equals(local)).findFirst().orElse(null);
        }

        String text(String local) {
            Elem c = child(local);
            return c == null ? null : c.text;
        }

        List<Elem> all(String local) {
            return children.stream().filter(c -> c.name.equals(local)).toList();
        }
    }

    /** Failures raised inside the attachment byte stream, unwrapped by the caller. */
    private static final class XmlFailure extends IOException {
        XmlFailure(XMLStreamException cause) {
            super(cause);
        }
    }

    private static final class FormatFailure extends IOException {
        final int line;

        FormatFailure(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final class SinkFailure extends IOException {
        SinkFailure(IOException cause) {
            super(cause);
        }
    }

    /** State of one read. */
    private final class Parse {
        private final String fileName;
        private final XMLStreamReader r;
        private final AttachmentSink sink;

        private String root;
        private int headerLine;
        private EdxmlOrganization from;
        private final List<EdxmlOrganization> to = new ArrayList<>();
        private String documentId;
        private Elem code;
        private String place;
        private LocalDate promulgationDate;
        private String typeCode;
        private String typeDetail;
        private String typeName;
        private String subject;
        private String content;
        private EdxmlSigner signer;
        private LocalDate dueDate;
        private String steeringType;
        private final List<String> toPlaces = new ArrayList<>();
        private final Map<String, String> otherInfo = new LinkedHashMap<>();
        private final List<String> appendixes = new ArrayList<>();
        private final List<EdxmlTrace> traces = new ArrayList<>();
        private EdxmlBusiness business;
        private EdxmlSignature signature;
        private final List<EdxmlReference> manifest = new ArrayList<>();
        private final List<EdxmlAttachment> attachments = new ArrayList<>();

        Parse(String fileName, XMLStreamReader r, AttachmentSink sink) {
            this.fileName = fileName;
            this.r = r;
            this.sink = sink;
        }

        EdxmlDocument run() throws XMLStreamException, IOException {
            Deque<String> path = new ArrayDeque<>();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root == null) {
                        root = "{" + r.getNamespaceURI() + "}" + r.getLocalName();
                    }
                    if (!consume(path.peek())) {
                        path.push(r.getLocalName());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                }
            }
            return build();
        }

        /** @return true when the element was read to its end tag, false to descend into it */
        private boolean consume(String parent) throws XMLStreamException, IOException {
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (DSIG_NAMESPACE.equals(ns) && "Signature".equals(name)) {
                signature(element(0));
                return true;
            }
            boolean edxml = NAMESPACE.equals(ns);
            boolean unqualified = ns == null || ns.isEmpty();
            if ("Attachment".equals(name) && "AttachmentEncoded".equals(parent) && (edxml || unqualified)) {
                attachment();
                return true;
            }
            if (!edxml) {
                return false;
            }
            if ("MessageHeader".equals(name)) {
                headerLine = line();
                return false;
            }
            if ("MessageHeader".equals(parent)) {
                return messageHeaderChild(name);
            }
            if ("TraceHeaderList".equals(parent)) {
                if ("TraceHeader".equals(name)) {
                    Elem e = element(0);
                    traces.add(new EdxmlTrace(e.text("OrganId"), timestamp(e.child("Timestamp"))));
                    return true;
                }
                if ("Bussiness".equals(name) || "Business".equals(name)) {
                    business(element(0));
                    return true;
                }
            }
            if (parent != null && MANIFEST.contains(parent) && "Reference".equals(name)) {
                Elem e = element(0);
                manifest.add(new EdxmlReference(cid(e.text("ContentId")), e.text("AttachmentName"),
                        e.text("ContentType"), e.text("Description"), e.attributes.get("href")));
                return true;
            }
            return false;
        }

        private boolean messageHeaderChild(String name) throws XMLStreamException {
            switch (name) {
                case "From" -> from = organization(element(0));
                case "To" -> to.add(organization(element(0)));
                case "DocumentId" -> documentId = element(0).text;
                case "Code" -> code = element(0);
                case "PromulgationInfo" -> {
                    Elem e = element(0);
                    place = e.text("Place");
                    promulgationDate = date(e.child("PromulgationDate"));
                }
                case "DocumentType" -> {
                    Elem e = element(0);
                    typeCode = e.text("Type");
                    typeDetail = e.text("TypeDetail");
                    typeName = e.text("TypeName");
                }
                case "Subject" -> subject = element(0).text;
                case "Content" -> content = element(0).text;
                case "SignerInfo" -> {
                    Elem e = element(0);
                    signer = new EdxmlSigner(e.text("Competence"), e.text("Position"), e.text("FullName"));
                }
                case "DueDate" -> dueDate = date(element(0));
                case "SteeringType" -> steeringType = element(0).text;
                case "ToPlaces" -> element(0).all("Place").forEach(p -> {
                    if (p.text != null) {
                        toPlaces.add(p.text);
                    }
                });
                case "OtherInfo" -> {
                    for (Elem c : element(0).children) {
                        if ("Appendixes".equals(c.name)) {
                            c.all("Appendix").stream().filter(a -> a.text != null).forEach(a -> appendixes.add(a.text));
                        } else if (c.children.isEmpty()) {
                            otherInfo.put(c.name, c.text);
                        }
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private EdxmlOrganization organization(Elem e) {
            return new EdxmlOrganization(e.text("OrganId"), e.text("OrganizationInCharge"), e.text("OrganName"),
                    e.text("OrganAdd"), e.text("Email"), e.text("Telephone"), e.text("Fax"), e.text("Website"));
        }

        private void business(Elem e) {
            String prefix = e.name;
            Elem staff = e.child("StaffInfo");
            business = new EdxmlBusiness(e.text(prefix + "DocType"), e.text(prefix + "DocReason"), e.text("Paper"),
                    staff == null ? null : new EdxmlBusiness.StaffInfo(staff.text("Department"), staff.text("Staff"),
                            staff.text("Mobile"), staff.text("Email")));
        }

        private void signature(Elem e) {
            Elem signedInfo = e.child("SignedInfo");
            Elem method = signedInfo == null ? null : signedInfo.child("SignatureMethod");
            Elem reference = signedInfo == null ? null : signedInfo.child("Reference");
            Elem digest = reference == null ? null : reference.child("DigestMethod");
            Elem keyInfo = e.child("KeyInfo");
            Elem x509 = keyInfo == null ? null : keyInfo.child("X509Data");
            signature = new EdxmlSignature(method == null ? null : method.attributes.get("Algorithm"),
                    digest == null ? null : digest.attributes.get("Algorithm"),
                    reference == null ? null : reference.attributes.get("URI"),
                    x509 == null ? null : x509.text("X509SubjectName"),
                    x509 != null && x509.child("X509Certificate") != null, e.line);
        }

        /** Reads the current START_ELEMENT and its subtree, bounded in size. */
        private Elem element(int depth) throws XMLStreamException {
            if (depth > MAX_DEPTH) {
                throw new SourceFormatException(fileName, line(), "elements nested deeper than " + MAX_DEPTH, null);
            }
            String name = r.getLocalName();
            int line = line();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < r.getAttributeCount(); i++) {
                attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            List<Elem> children = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (children.size() >= MAX_CHILDREN) {
                            throw new SourceFormatException(fileName, line(), "element " + name + " has more than "
                                    + MAX_CHILDREN + " children", null);
                        }
                        children.add(element(depth + 1));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text.length() + r.getTextLength() > MAX_TEXT) {
                            throw new SourceFormatException(fileName, line, "element " + name + " holds more than "
                                    + MAX_TEXT + " characters", null);
                        }
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String t = text.toString().strip();
                        return new Elem(name, line, attributes, t.isEmpty() ? null : t, children);
                    }
                    default -> {
                        // comments and processing instructions carry no data
                    }
                }
            }
        }

        private void attachment() throws XMLStreamException, IOException {
            int ordinal = attachments.size() + 1;
            Map<String, String> fields = new LinkedHashMap<>();
            long[] measured = null;
            String sha256 = null;
            int contentLine = 0;
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("ContentTransferEncoded".equals(r.getLocalName())) {
                    contentLine = line();
                    EdxmlReference known = merge(fields);
                    MessageDigest digest = sha256();
                    measured = decode(ordinal, known, contentLine, digest);
                    sha256 = HexFormat.of().formatHex(digest.digest());
                } else {
                    fields.put(r.getLocalName(), element(0).text);
                }
            }
            if (measured == null) {
                throw new SourceFormatException(fileName, line(), "attachment #" + ordinal
                        + " has no ContentTransferEncoded", null);
            }
            EdxmlReference ref = merge(fields);
            attachments.add(new EdxmlAttachment(ordinal, ref.contentId(), ref.name(), ref.contentType(),
                    ref.description(), measured[0], measured[1], sha256, contentLine));
        }

        /** Attachment fields, completed from the manifest reference with the same content id. */
        private EdxmlReference merge(Map<String, String> fields) {
            String id = cid(fields.get("ContentId"));
            EdxmlReference m = id == null ? null
                    : manifest.stream().filter(x -> id.equals(x.contentId())).findFirst().orElse(null);
            return new EdxmlReference(id, or(fields.get("AttachmentName"), m == null ? null : m.name()),
                    or(fields.get("ContentType"), m == null ? null : m.contentType()),
                    or(fields.get("Description"), m == null ? null : m.description()), m == null ? null : m.href());
        }

        /** @return {base64 characters, decoded bytes}; the reader ends on ContentTransferEncoded's end tag */
        private long[] decode(int ordinal, EdxmlReference known, int contentLine, MessageDigest digest)
                throws XMLStreamException, IOException {
            Base64Chars chars = new Base64Chars();
            long size;
            OutputStream target;
            target = sink.open(ordinal, known); // an IOException here is the sink's, not a format error
            try (OutputStream out = new SinkStream(target == null ? OutputStream.nullOutputStream() : target, digest)) {
                try (InputStream decoded = Base64.getMimeDecoder().wrap(chars)) {
                    size = decoded.transferTo(out);
                }
                chars.drainAfterPadding();
            } catch (XmlFailure e) {
                throw (XMLStreamException) e.getCause();
            } catch (FormatFailure e) {
                throw new SourceFormatException(fileName, e.line, "attachment #" + ordinal + describe(known) + ": "
                        + e.getMessage(), null);
            } catch (SinkFailure e) {
                throw (IOException) e.getCause();
            } catch (IOException e) {
                throw new SourceFormatException(fileName, contentLine, "attachment #" + ordinal + describe(known)
                        + ": invalid base64 content: " + e.getMessage(), e);
            }
            return new long[] {chars.count, size};
        }

        private String describe(EdxmlReference known) {
            return known.name() == null ? "" : " (" + known.name() + ")";
        }

        private EdxmlDocument build() {
            if (headerLine == 0) {
                throw new SourceFormatException(fileName, 0, "not an edXML package: no MessageHeader in namespace "
                        + NAMESPACE + " (root element " + root + ")", null);
            }
            if (from == null || from.organId() == null) {
                throw new SourceFormatException(fileName, headerLine, "MessageHeader has no sender (From/OrganId),"
                        + " required by QCVN 102:2016/BTTTT", null);
            }
            if (code == null) {
                throw new SourceFormatException(fileName, headerLine, "MessageHeader has no Code (số, ký hiệu),"
                        + " required by QCVN 102:2016/BTTTT", null);
            }
            String number = code.text("CodeNumber");
            String notation = code.text("CodeNotation");
            DocumentSymbol symbol;
            try {
                symbol = symbols.parse(number, notation);
            } catch (DocumentSymbolException e) {
                throw new SourceFormatException(fileName, code.line, "Code/CodeNumber + CodeNotation: "
                        + e.getMessage(), e);
            }
            return new EdxmlDocument(fileName, headerLine, from, to, documentId, number, notation, symbol, place,
                    promulgationDate, typeCode, typeDetail, typeName, subject, content, signer, dueDate, steeringType,
                    toPlaces, otherInfo, appendixes, traces, business, signature, manifest, attachments);
        }

        private LocalDate date(Elem e) {
            if (e == null || e.text == null) {
                return null;
            }
            try {
                return LocalDate.parse(e.text, DATE);
            } catch (DateTimeParseException first) {
                try {
                    return LocalDate.parse(e.text, DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException ignored) {
                    throw new SourceFormatException(fileName, e.line, e.name + " \"" + e.text
                            + "\" is not a date in the QCVN 102:2016 format yyyy/MM/dd", first);
                }
            }
        }

        private LocalDateTime timestamp(Elem e) {
            if (e == null || e.text == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(e.text, TIMESTAMP);
            } catch (DateTimeParseException first) {
                try {
                    return LocalDateTime.parse(e.text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                } catch (DateTimeParseException ignored) {
                    throw new SourceFormatException(fileName, e.line, e.name + " \"" + e.text
                            + "\" is not a timestamp in the format yyyy/MM/dd HH:mm:ss", first);
                }
            }
        }

        private int line() {
            return r.getLocation() == null ? 0 : Math.max(r.getLocation().getLineNumber(), 0);
        }

        /**
         * The base64 characters of the current ContentTransferEncoded element as bytes, pulled
         * from the parser chunk by chunk; whitespace skipped, other non-alphabet characters fail.
         */
        private final class Base64Chars extends InputStream {
            private final char[] buffer = new char[8192];
            private int position;
            private int length;
            private int textOffset;
            private boolean inText;
            private boolean ended;
            long count;

            @Override
            public int read() throws IOException {
                while (true) {
                    if (position >= length && !fill()) {
                        return -1;
                    }
                    char c = buffer[position++];
                    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                        continue;
                    }
                    if (!isBase64(c)) {
                        throw new FormatFailure(line(), "character '" + c + "' (U+" + String.format("%04X", (int) c)
                                + ") is not base64");
                    }
                    count++;
                    return c;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        break;
                    }
                    b[off + n++] = (byte) c;
                    if (position >= length) {
                        break; // hand over what we have before pulling the next chunk
                    }
                }
                return n == 0 ? -1 : n;
            }

            /** Consumes the rest of the element; only whitespace may follow the padding. */
            void drainAfterPadding() throws IOException {
                long before = count;
                while (read() >= 0) {
                    if (count > before) {
                        throw new FormatFailure(line(), "data after the base64 padding");
                    }
                }
            }

            @Override
            public void close() {
                // the XML reader belongs to the caller
            }

            private boolean fill() throws IOException {
                try {
                    while (true) {
                        if (inText) {
                            int available = r.getTextLength() - textOffset;
                            if (available > 0) {
                                int n = r.getTextCharacters(textOffset, buffer, 0, Math.min(buffer.length, available));
                                textOffset += n;
                                position = 0;
                                length = n;
                                return true;
                            }
                            inText = false;
                        }
                        if (ended) {
                            return false;
                        }
                        switch (r.next()) {
                            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                                inText = true;
                                textOffset = 0;
                            }
                            case XMLStreamConstants.END_ELEMENT -> ended = true;
                            case XMLStreamConstants.START_ELEMENT -> throw new FormatFailure(line(), "element "
                                    + r.getLocalName() + " inside ContentTransferEncoded; base64 text expected");
                            default -> {
                                // comments carry no data
                            }
                        }
                    }
                } catch (XMLStreamException e) {
                    throw new XmlFailure(e);
                }
            }
        }
    }

    /** Writes to the sink's stream (tagging its failures) and to the digest. */
    private static final class SinkStream extends OutputStream {
        private final OutputStream target;
        private final MessageDigest digest;

        SinkStream(OutputStream target, MessageDigest digest) {
            this.target = target;
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            digest.update((byte) b);
            try {
                target.write(b);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            try {
                target.write(b, off, len);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                target.close();
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
        }
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static String cid(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        return s.regionMatches(true, 0, "cid:", 0, 4) ? s.substring(4) : s;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
