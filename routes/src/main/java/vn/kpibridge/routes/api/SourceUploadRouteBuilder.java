package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.source.SourceFormatException;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.flow.IngestResult;
import vn.kpibridge.routes.flow.IngestService;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.security.AccessPolicy;

/**
 * edXML packages "from HTTP" (issue 4 point 2): {@code POST /api/v1/sources/{sourceId}/edxml}
 * with a QCVN 102:2016/BTTTT package as the body ({@code application/xml}), for document exchange
 * gateways that push instead of dropping files. The package takes the same path as one dropped
 * in the inbox ({@link IngestService}: evidence first, record issues kept), then the touched
 * employees are scored and unit summaries written, as the inbox route does.
 *
 * <p>Stream caching is off on these routes and the package is parsed as a stream (StAX; attachments
 * are decoded in a stream and only measured, never decoded whole). Limit: Camel's platform-http
 * binding on Spring MVC (4.17) hands the route the request body already read as text (a
 * {@code ReaderCache}), so the raw package is held in memory once while it is parsed; packages
 * too large for that belong in the inbox folder, which is read from disk as a stream.
 * Query parameter {@code fileName} (optional, default {@code upload.edxml}) names the package in
 * evidence and messages, stored as {@code http/<sourceId>/<fileName>}.
 *
 * <p>Answer 200: {@code {sourceId, fileName, records, stored, duplicates, mapped, unmapped,
 * rejected}}. Errors are problem+json: 404 unknown source, 409 a source of another type, 422 a
 * package that cannot be read (naming file, line and reason; it is kept as REJECTED in table
 * source_file).
 */
@Component
public class SourceUploadRouteBuilder extends KpiRouteBuilder {
    /** Exchange property holding the {@link IngestResult} of the upload. */
    static final String RESULT = "kpiIngestResult";
    private static final String DEFAULT_NAME = "upload.edxml";

    private final IngestService ingest;
    private final MappingRegistry registry;
    private final AccessPolicy access;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param ingest the ingest path shared with the inbox
     * @param registry the configured sources
     * @param access who may upload: ADMIN (people or machine clients with an ADMIN API key)
     */
    public SourceUploadRouteBuilder(IngestService ingest, MappingRegistry registry, AccessPolicy access) {
        this.ingest = ingest;
        this.registry = registry;
        this.access = access;
    }

    @Override
    protected void routes() {
        apiProblems();

        org.apache.camel.model.rest.RestDefinition upload = rest("/sources").description("Source records pushed over HTTP")
                .post("/{sourceId}/edxml").description("Takes in one edXML package (QCVN 102:2016/BTTTT) for an "
                        + "edxml source, as if dropped in its inbox folder; answers the record counts")
                    .param().name("sourceId").type(RestParamType.path).required(true).endParam()
                    .param().name("fileName").type(RestParamType.query).required(false)
                        .description("name of the package for evidence, e.g. 45-TTr-BTCTU.edxml").endParam()
                    .consumes("application/xml").produces("application/json")
                    .to("direct:apiEdxmlUpload");
        upload.getVerbs().forEach(v -> v.setStreamCache("false"));

        rescoreTouched(from("direct:apiEdxmlUpload").routeId("api-edxml-upload")
                .streamCache("false")
                .process(this::take), "exchangeProperty." + RESULT)
                .process(this::answer);
    }

    private void take(Exchange e) {
        access.requireAdmin(RestApiRouteBuilder.caller(e), "take in source packages");
        String sourceId = RestApiRouteBuilder.required(e, "sourceId");
        SourceMapping mapping = registry.source(sourceId).map(MappingRegistry.SourceSetup::mapping)
                .orElseThrow(() -> new ApiProblem(404, "Unknown source", "sourceId", "no source mapping with id \""
                        + sourceId + "\"; configured: " + registry.sources().keySet()));
        if (!SourceMapping.TYPE_EDXML.equals(mapping.type())) {
            throw new ApiProblem(409, "Not an edXML source", "sourceId", "source " + sourceId + " is of type "
                    + mapping.type() + "; edXML packages go to a source of type edxml");
        }
        String name = e.getIn().getHeader("fileName", DEFAULT_NAME, String.class);
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new ApiProblem(400, "Bad request", "fileName", "fileName must be a plain file name, got \"" + name + "\"");
        }
        String fileName = "http/" + sourceId + "/" + name;
        try (InputStream body = body(e.getIn())) {
            e.setProperty(RESULT, ingest.ingest(sourceId, fileName, body));
        } catch (SourceFormatException ex) {
            throw new ApiProblem(422, "Unreadable edXML package", null, ex.getMessage());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The request body as a stream (stream caching is off on these routes, so no second copy is made). */
    private static InputStream body(Message in) throws IOException {
        InputStream body = in.getBody(InputStream.class);
        return body == null ? InputStream.nullInputStream() : body;
    }

    private void answer(Exchange e) {
        IngestResult r = e.getProperty(RESULT, IngestResult.class);
        ObjectNode n = mapper.createObjectNode();
        n.put("sourceId", r.sourceId());
        n.put("fileName", r.fileName());
        n.put("records", r.records());
        n.put("stored", r.stored());
        n.put("duplicates", r.duplicates());
        n.put("mapped", r.mapped());
        n.put("unmapped", r.unmapped());
        n.put("rejected", r.rejected());
        n.put("quarantined", r.quarantined());
        RestApiRouteBuilder.json(e, n.toString());
    }

}
