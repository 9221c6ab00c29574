package vn.kpibridge.routes.source;

import java.time.LocalDateTime;
import vn.kpibridge.connectors.config.SourceMapping.Sql;
import vn.kpibridge.connectors.pull.RecordDerivation;

/** The state of one running poll of a SQL source: its settings and the rows taken so far. */
public final class SqlPullRun extends PullRun {
    final Sql sql;
    final RecordDerivation derivation;
    int rowsSoFar;
    int batchFirstRow;

    SqlPullRun(String sourceId, Sql sql, RecordDerivation derivation, LocalDateTime watermarkBefore) {
        super(sourceId, "view " + sql.view(), watermarkBefore);
        this.sql = sql;
        this.derivation = derivation;
    }

    @Override
    public String toString() {
        return "SqlPullRun[" + sourceId() + ", " + what() + "]";
    }
}
