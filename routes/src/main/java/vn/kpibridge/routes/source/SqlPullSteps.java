package vn.kpibridge.routes.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.config.SourceMapping.Sql;
import vn.kpibridge.connectors.pull.RecordDerivation;
import vn.kpibridge.connectors.pull.UpdatedTimes;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.sql.SqlRows;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.routes.flow.Headers;
import vn.kpibridge.routes.flow.IngestResult;

/**
 * The steps of {@link SqlSourceRouteBuilder}'s route: prepare the poll (connection, watermark as a
 * bound parameter, query built from checked identifiers), group the streamed rows in batches,
 * turn each batch into source records, count what was stored.
 */
@Component
public class SqlPullSteps {
    private static final Logger log = LoggerFactory.getLogger(SqlPullSteps.class);
    /** Watermark of a first poll when the mapping gives no {@code sql.initial}. */
    static final LocalDateTime EPOCH = LocalDateTime.of(1900, 1, 1, 0, 0);

    private final MappingRegistry registry;
    private final SourceDataSources dataSources;
    private final WatermarkStore watermarks;
    private final SourcePullProperties props;


    /**
     * @param registry configured sources
     * @param dataSources connections of SQL sources
     * @param watermarks stored watermarks
     * @param props pull settings (query time limit)
     */
    public SqlPullSteps(MappingRegistry registry, SourceDataSources dataSources, WatermarkStore watermarks,
            SourcePullProperties props) {
        this.registry = registry;
        this.dataSources = dataSources;
        this.watermarks = watermarks;
        this.props = props;
    }

    static SqlPullRun run(Exchange e) {
        return e.getProperty(SourceHeaders.RUN, SqlPullRun.class);
    }

    /**
     * Prepares a poll: finds the source (header {@code KpiSourceId}, else the body), binds its
     * connection, and sets the watermark header {@value SourceHeaders#WATERMARK} and the SQL
     * endpoint URI (property {@code KpiSqlUri}):
     * {@code select * from <view> where <column> >= :#KpiWatermark order by <column>}, streamed.
     *
     * @param e the pull request
     * @throws SourcePullException (not retryable) for an unknown or non-SQL source or an
     *     unconfigured connection
     */
    public void start(Exchange e) {
        Message m = e.getMessage();
        String sourceId = SourceHeaders.requestedSourceId(m);
        final String id = sourceId.trim();
        SourceSetup setup = registry.source(id).orElseThrow(() -> new SourcePullException(id,
                "no source mapping with this id; configured: " + registry.sources().keySet(), false, null));
        SourceMapping mapping = setup.mapping();
        Sql sql = mapping.sql();
        if (sql == null) {
            throw new SourcePullException(id, "is of type " + mapping.type() + ", not sql; nothing to poll", false, null);
        }
        String ref = dataSources.bind(id, sql.datasource());
        LocalDateTime stored = watermarks.read(id).orElse(null);
        LocalDateTime from = stored != null ? stored
                : sql.initial() != null ? UpdatedTimes.parseIso(sql.initial(), "sql.initial") : EPOCH;
        SqlPullRun run = new SqlPullRun(id, sql, RecordDerivation.of(mapping), stored);
        e.setProperty(SourceHeaders.RUN, run);
        e.setProperty(SourceHeaders.SOURCE_ID, id);
        e.setProperty("KpiSqlUri", "sql:select * from " + sql.view() + " where " + sql.watermarkColumn()
                + " >= :#" + SourceHeaders.WATERMARK + " order by " + sql.watermarkColumn()
                + "?dataSource=#" + ref + "&outputType=StreamList&template.fetchSize=" + sql.batchSize()
                + "&template.queryTimeout=" + props.sql().queryTimeoutSeconds());
        m.removeHeaders("*");
        m.setBody(null);
        m.setHeader(SourceHeaders.WATERMARK, Timestamp.valueOf(from));
        log.info("Pull of source {} started: view {} where {} >= {} (connection {})", id, sql.view(),
                sql.watermarkColumn(), from, sql.datasource());
    }

    /**
     * @param e the exchange holding the streamed rows
     * @return the rows in batches of {@code sql.batchSize}, read lazily
     */
    public Iterator<List<Map<String, Object>>> batches(Exchange e) {
        @SuppressWarnings("unchecked")
        Iterator<Map<String, Object>> rows = e.getMessage().getBody(Iterator.class);
        return SqlRows.batches(rows, run(e).sql.batchSize());
    }

    /**
     * Turns a batch of rows into source records (one JSON object per row, with derived values
     * and the watermark column as updated time) for {@code IngestService.ingestBatch}.
     *
     * @param e the exchange holding one batch
     */
    public void takeBatch(Exchange e) {
        SqlPullRun run = run(e);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = e.getMessage().getBody(List.class);
        List<RawRecord> records = new ArrayList<>(rows.size());
        run.batchFirstRow = run.rowsSoFar + 1;
        for (Map<String, Object> row : rows) {
            LocalDateTime updated = time(value(row, run.sql.watermarkColumn()));
            run.seen(updated);
            ObjectNode json;
            try {
                json = SqlRows.toJson(row);
                records.add(new RawRecord(run.rowsSoFar, 0, run.derivation.apply(json, updated).payload()));
            } catch (IllegalArgumentException ex) {
                throw new SourcePullException(run.sourceId(), run.what() + " row " + (run.rowsSoFar + 1) + ": "
                        + ex.getMessage(), false, ex);
            }
            run.rowsSoFar++;
        }
        e.getMessage().setBody(new ExportFile(run.sourceId() + " " + run.what() + " rows " + label(run),
                JsonNodeFactory.instance.objectNode(), records));
        run.taken("rows " + label(run), 0);
    }

    private static String label(SqlPullRun run) {
        return run.batchFirstRow + "-" + run.rowsSoFar;
    }

    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            for (Map.Entry<String, Object> c : row.entrySet()) {
                if (c.getKey().equalsIgnoreCase(column)) {
                    return c.getValue();
                }
            }
        }
        return v;
    }

    private static LocalDateTime time(Object v) {
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toLocalDateTime();
        }
        return null;
    }
}
