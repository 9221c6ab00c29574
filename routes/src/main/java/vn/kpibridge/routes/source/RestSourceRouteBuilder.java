package vn.kpibridge.routes.source;

import org.apache.camel.component.http.HttpComponent;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.IngestService;

/**
 * The REST/JSON source flow: any e-office API described by the {@code rest:} section of a source
 * mapping file (see {@link vn.kpibridge.connectors.config.SourceMapping.Rest}), with no code per
 * system.
 *
 * <ul>
 *   <li>{@code pull-rest-source} ({@code direct:pullRestSource}; body or header
 *       {@code KpiSourceId} = source id; optional header {@link SourceHeaders#REST_SETTINGS}):
 *       authenticates (login call or OAuth2 token when configured), then loops over the pages
 *       since the stored watermark; each page is read (records array, derived values,
 *       client-side watermark filter), normalised and mapped ({@link IngestService#prepareBatch})
 *       and handed to the {@link PageStore}, which stores it in its own transaction while the next
 *       page is fetched and prepared (write-behind, up to {@code kpi.sources.pages-in-flight} pages
 *       at once), with a progress line per page stored. When the last page is stored the
 *       watermark advances and what the pull touched is re-scored per (source, unit, period)
 *       partition ({@code KpiRouteBuilder.rescoreTouched}). Answers a {@link PullResult}.</li>
 *   <li>{@code call-rest-source} ({@code direct:callRestSource}): one HTTP call through the Camel
 *       HTTP component {@code source-http} (time limits {@code kpi.sources.http.*}); a failed
 *       connection or a non-2xx status becomes a {@link SourcePullException} naming the source and
 *       call. It has no error handler of its own, so the calling step is the one redelivered.</li>
 * </ul>
 * Failures: see {@link PullSourceRouteBuilder}. Nothing is called at start-up.
 */
@Component
public class RestSourceRouteBuilder extends PullSourceRouteBuilder {
    private final RestPullSteps steps;
    private final PullCompletion completion;
    private final IngestService ingest;
    private final PageStore store;
    private final SourcePullProperties props;

    /**
     * @param steps the processors
     * @param completion the end of a complete pull (watermark, result)
     * @param ingest normalisation and mapping of each page
     * @param store the write-behind of the pages (evidence, work items, issues)
     * @param props pull settings (HTTP time limits)
     */
    public RestSourceRouteBuilder(RestPullSteps steps, PullCompletion completion, IngestService ingest,
            PageStore store, SourcePullProperties props) {
        this.steps = steps;
        this.completion = completion;
        this.ingest = ingest;
        this.store = store;
        this.props = props;
    }

    @Override
    protected void routes() {
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(props.http().connectTimeoutMs());
        http.setConnectionRequestTimeout(props.http().connectTimeoutMs());
        http.setResponseTimeout(props.http().responseTimeoutMs());
        http.setSoTimeout(props.http().responseTimeoutMs());
        getContext().addComponent("source-http", http);

        pullFailureHandling();

        rescoreTouched(from("direct:pullRestSource")
                .routeId("pull-rest-source")
                .process(steps::start)
                .choice()
                    .when(steps::needsLogin)
                        .process(steps::loginRequest)
                        .to("direct:callRestSource")
                        .process(steps::takeLoginToken)
                    .when(steps::needsOAuth2Token)
                        .process(steps::tokenRequest)
                        .to("direct:callRestSource")
                        .process(steps::takeOAuth2Token)
                .end()
                .loopDoWhile(steps::hasNextPage)
                    .process(steps::pageRequest)
                    .to("direct:callRestSource")
                    .process(steps::takePage)
                    .bean(ingest, "prepareBatch(${exchangeProperty." + SourceHeaders.SOURCE_ID + "}, ${body})")
                    .process(store::storeBehind)
                .end()
                .process(store::allStored)
                .process(completion::finish))
                .process(completion::result);

        from("direct:callRestSource")
                .routeId("call-rest-source")
                .errorHandler(noErrorHandler())
                .doTry()
                    .to("source-http://rest-source?throwExceptionOnFailure=false")
                .doCatch(Exception.class)
                    .process(steps::callFailed)
                .end()
                .process(steps::checkStatus);
    }
}
