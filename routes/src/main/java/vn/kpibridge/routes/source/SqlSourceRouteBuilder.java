package vn.kpibridge.routes.source;

import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.IngestService;

/**
 * The SQL source flow: a view of a legacy database polled through JDBC with a watermark column,
 * as described by the {@code sql:} section of a source mapping file (see
 * {@link vn.kpibridge.connectors.config.SourceMapping.Sql}).
 *
 * <p>Route {@code pull-sql-source} ({@code direct:pullSqlSource}; body or header
 * {@code KpiSourceId} = source id): runs
 * {@code select * from <view> where <watermarkColumn> >= ? order by <watermarkColumn>} through
 * the Camel SQL component (the stored watermark as a bound parameter; rows streamed), stores the
 * rows in batches of {@code sql.batchSize} (each row a JSON object of its columns, kept as
 * evidence; a batch is prepared by {@link IngestService#prepareBatch} and stored by the
 * {@link PageStore} while the next one is read), then advances the watermark to the newest row,
 * re-scores what it touched per (source, unit, period) partition ({@code KpiRouteBuilder.rescoreTouched}).
 * Answers a {@link PullResult}. Rows at the watermark
 * itself are read again by the next poll and recognised as already stored. Failures: see
 * {@link PullSourceRouteBuilder}; a source whose connection is not configured fails its polls
 * and nothing else.
 */
@Component
public class SqlSourceRouteBuilder extends PullSourceRouteBuilder {
    private final SqlPullSteps steps;
    private final PullCompletion completion;
    private final IngestService ingest;
    private final PageStore store;

    /**
     * @param steps the processors
     * @param completion the end of a complete pull (watermark, result)
     * @param ingest normalisation and mapping of each batch
     * @param store the write-behind of the batches (evidence, work items, issues)
     */
    public SqlSourceRouteBuilder(SqlPullSteps steps, PullCompletion completion, IngestService ingest, PageStore store) {
        this.steps = steps;
        this.completion = completion;
        this.ingest = ingest;
        this.store = store;
    }

    @Override
    protected void routes() {
        pullFailureHandling();

        rescoreTouched(from("direct:pullSqlSource")
                .routeId("pull-sql-source")
                .process(steps::start)
                .toD("${exchangeProperty.KpiSqlUri}")
                .split(method(steps, "batches")).streaming().stopOnException()
                    .process(steps::takeBatch)
                    .bean(ingest, "prepareBatch(${exchangeProperty." + SourceHeaders.SOURCE_ID + "}, ${body})")
                    .process(store::storeBehind)
                .end()
                .process(store::allStored)
                .process(completion::finish))
                .process(completion::result);
    }
}
