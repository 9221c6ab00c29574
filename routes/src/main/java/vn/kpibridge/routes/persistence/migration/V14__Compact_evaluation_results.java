package vn.kpibridge.routes.persistence.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.ScoringService;
import vn.kpibridge.scoring.Evaluation;

/**
 * Flyway V14 (Java): rewrites every stored evaluation result ({@code evaluation.result}, type json
 * since V12) into the compact text that the scoring now writes ({@link ScoringService#resultJsonBytes},
 * no indentation) and recomputes its {@code result_sha256} over those exact UTF-8 bytes.
 *
 * <p><b>Why.</b> A new evaluation version is stored only when the SHA-256 of the freshly scored
 * result differs from the latest stored one. Results were written indented until this version; the
 * scoring now writes them compact, so without this migration the first re-score after the upgrade
 * would find every result "changed", store a spurious new version of every employee, send each
 * evaluation to HR again and restart its approval workflow. After it, an unchanged result hashes
 * to what is stored and adds nothing.
 *
 * <p><b>How.</b> In Java, not SQL, because the new text must be byte for byte what the new code
 * writes: each result is read back as an {@link Evaluation} ({@link ScoringService#readResult}, the
 * mapper that writes it) and written with the one result writer ({@link ScoringService#resultJsonBytes}).
 * The rows are read in pages of {@value #PAGE} by id (keyset: {@code id > last order by id limit
 * PAGE}; a province stores about 100,000 versions a month, none are held in memory beyond a page),
 * the changed ones are updated with one JDBC batch per page (the bytes bound as bytea and stored
 * with {@code convert_from(?, 'UTF8')::json}, as {@code UnitPeriodScoring} inserts them), and
 * progress ({@code rows done / total}) is logged every {@value #PROGRESS_EVERY} rows. Flyway runs it
 * in its transaction (PostgreSQL): all rows are rewritten, or none. Running it again changes
 * nothing (a compact row with its SHA-256 is skipped).
 *
 * <p><b>Rows it leaves or flags.</b>
 * <ul>
 *   <li>a result that cannot be read back as the {@link Evaluation} of its row (not JSON of an
 *       evaluation, a property an evaluation does not have, or another employee's): left as it is,
 *       logged (WARN) with its id, employee and period, counted in the last log line;</li>
 *   <li>a readable result whose stored SHA-256 is neither that of its indented rendering (what was
 *       hashed before V14) nor that of its compact one: rewritten all the same, counted as
 *       <i>unverified</i> (the first {@value #UNVERIFIED_LOGGED} logged with id, employee and
 *       period). These are versions stored before V12 (jsonb re-rendered their text: a number such
 *       as {@code 1E+1} came back as {@code 10}, so its exact value is lost) or by an older result
 *       shape; their next re-score may store a new version, as it might have before.</li>
 * </ul>
 *
 * <p>Found by Spring Boot's Flyway auto-configuration as a bean of type
 * {@link org.flywaydb.core.api.migration.JavaMigration} (this {@link Component}); Flyway's own scan
 * covers only {@code spring.flyway.locations} ({@code classpath:db/migration}: the SQL migrations and
 * classes of package {@code db.migration}, of which there are none), so it is not found twice. Its
 * version and description come from the class name.
 */
@Component
public class V14__Compact_evaluation_results extends BaseJavaMigration {
    /** Rows read and updated per page. */
    static final int PAGE = 500;
    /** Progress is logged every this many rows. */
    static final int PROGRESS_EVERY = 10_000;
    /** Unverified rows logged one by one; the rest are counted. */
    static final int UNVERIFIED_LOGGED = 20;
    /**
     * How results were written before V14 ({@code ScoringService}'s mapper with
     * {@link SerializationFeature#INDENT_OUTPUT}; the ratios came from the scoring's {@code EnumMap},
     * so in key order, which {@link SerializationFeature#ORDER_MAP_ENTRIES_BY_KEYS} restores for an
     * evaluation read back from jsonb's key order): used only to tell whether a stored SHA-256 is the
     * one of the evaluation read back, i.e. whether the rewrite is exact.
     */
    private static final ObjectMapper INDENTED_BEFORE_V14 = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Logger LOG = LoggerFactory.getLogger(V14__Compact_evaluation_results.class);

    /**
     * What the migration did.
     *
     * @param rows rows read
     * @param rewritten rows updated to the compact text and its SHA-256 (unverified ones included)
     * @param unchanged rows already compact with the matching SHA-256 (e.g. a second run)
     * @param unverified rewritten rows whose stored SHA-256 matched neither rendering (see the class doc)
     * @param unreadable rows left as they were: the result cannot be read back as the row's evaluation
     */
    public record Summary(long rows, long rewritten, long unchanged, long unverified, long unreadable) {
    }

    /**
     * Rewrites the results in Flyway's connection and transaction.
     *
     * @param context Flyway's context; only its connection is used
     * @throws SQLException when a read or update fails (Flyway rolls the migration back)
     */
    @Override
    public void migrate(Context context) throws SQLException {
        rewrite(context.getConnection());
    }

    /**
     * Rewrites the results on a connection (the caller commits).
     *
     * @param c a connection to the application's database, with table {@code evaluation} (V12: result json)
     * @return what was done
     * @throws SQLException when a read or update fails
     */
    public Summary rewrite(Connection c) throws SQLException {
        long total;
        try (PreparedStatement count = c.prepareStatement("select count(*) from evaluation");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
        }
        LOG.info("V14: rewriting {} evaluation results as compact JSON", total);
        long rows = 0;
        long rewritten = 0;
        long unchanged = 0;
        long unverified = 0;
        long unreadable = 0;
        long lastId = 0;
        try (PreparedStatement page = c.prepareStatement("select id, employee_code, period, result::text, result_sha256 "
                + "from evaluation where id > ? order by id limit " + PAGE);
                PreparedStatement update = c.prepareStatement("update evaluation set result = convert_from(?, 'UTF8')::json, "
                        + "result_sha256 = ? where id = ?")) {
            int read;
            do {
                read = 0;
                int batched = 0;
                page.setLong(1, lastId);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        lastId = rs.getLong(1);
                        String employee = rs.getString(2);
                        String period = rs.getString(3);
                        String stored = rs.getString(4);
                        String storedSha = rs.getString(5);
                        Evaluation evaluation;
                        try {
                            evaluation = ScoringService.readResult(stored);
                        } catch (IOException ex) {
                            unreadable++;
                            LOG.warn("V14: evaluation id {} ({}, {}) left as it is: its result cannot be read back as an "
                                    + "evaluation: {}", lastId, employee, period, reason(ex));
                            continue;
                        }
                        if (!employee.equals(evaluation.employeeId())) {
                            unreadable++;
                            LOG.warn("V14: evaluation id {} ({}, {}) left as it is: its result is the evaluation of "
                                    + "employee {}", lastId, employee, period, evaluation.employeeId());
                            continue;
                        }
                        byte[] compact = ScoringService.resultJsonBytes(evaluation);
                        String sha = ScoringService.resultSha256(compact);
                        if (sha.equals(storedSha)) { // the same SHA-256: the same text
                            unchanged++;
                            continue;
                        }
                        if (!sha.equals(storedSha) && !storedSha.equals(indentedSha(evaluation))) {
                            if (unverified++ < UNVERIFIED_LOGGED) {
                                LOG.warn("V14: evaluation id {} ({}, {}): its stored SHA-256 is not that of the result "
                                        + "read back (stored before V12, or an older result shape); rewritten from what "
                                        + "was read, its next re-score may store a new version", lastId, employee, period);
                            }
                        }
                        update.setBytes(1, compact);
                        update.setString(2, sha);
                        update.setLong(3, lastId);
                        update.addBatch();
                        batched++;
                        rewritten++;
                    }
                }
                if (batched > 0) {
                    update.executeBatch();
                }
                long before = rows;
                rows += read;
                if (rows / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                    LOG.info("V14: {} / {} rows done ({} rewritten)", rows, total, rewritten);
                }
            } while (read == PAGE);
        }
        Summary s = new Summary(rows, rewritten, unchanged, unverified, unreadable);
        if (unverified > UNVERIFIED_LOGGED) {
            LOG.warn("V14: {} more unverified rows not logged one by one", unverified - UNVERIFIED_LOGGED);
        }
        LOG.info("V14: done: {} rows, {} rewritten as compact JSON ({} of them unverified), {} already compact, "
                + "{} left as they were (unreadable)", s.rows(), s.rewritten(), s.unverified(), s.unchanged(), s.unreadable());
        return s;
    }

    private static String indentedSha(Evaluation evaluation) {
        try {
            return ScoringService.resultSha256(INDENTED_BEFORE_V14.writeValueAsBytes(evaluation));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String reason(IOException ex) {
        return ex instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : ex.toString();
    }
}
