package vn.kpibridge.routes.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/**
 * {@link IngestBulkWriter#refusedData}: which failures of a write are caused by a record's data
 * (quarantined) and which are technical (redelivered, then dead-lettered), by SQLState as
 * PostgreSQL reports it (Appendix A "PostgreSQL Error Codes").
 */
class RefusedDataTest {

    /** The error PostgreSQL sends for a quantity beyond numeric(20,6), in its wire format. */
    private static PSQLException overflow() {
        return new PSQLException(new ServerErrorMessage("SERROR\0VERROR\0C22003\0Mnumeric field overflow\0"
                + "DA field with precision 20, scale 6 must round to an absolute value less than 10^14.\0"));
    }

    @Test
    void aDataExceptionGivesTheServerMessageAndDetailThroughAnyWrapper() {
        IngestBulkWriter.RefusedData r = IngestBulkWriter.refusedData(new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [insert into work_item ...]", overflow())).orElseThrow();
        assertThat(r.sqlState()).isEqualTo("22003");
        assertThat(r.message()).isEqualTo("numeric field overflow");
        assertThat(r.describe()).isEqualTo("numeric field overflow (A field with precision 20, scale 6 must round to "
                + "an absolute value less than 10^14.)");
        // a flush failing at commit comes wrapped once more
        assertThat(IngestBulkWriter.refusedData(new TransactionSystemException("commit failed",
                new RuntimeException(overflow())))).isPresent();
    }

    @Test
    void integrityViolationsOtherThanUniqueKeysAreData() {
        assertThat(IngestBulkWriter.refusedData(new PSQLException("null value in column \"employee_code\"",
                PSQLState.NOT_NULL_VIOLATION))).get().extracting(IngestBulkWriter.RefusedData::describe)
                .isEqualTo("null value in column \"employee_code\"");
        assertThat(IngestBulkWriter.refusedData(new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION))).as("23505: handled by on conflict, else a concurrency matter").isEmpty();
    }

    @Test
    void technicalFailuresAreNotData() {
        assertThat(IngestBulkWriter.refusedData(new DataAccessResourceFailureException("no connection",
                new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new ConnectException("Connection refused"))))).isEmpty();
        assertThat(IngestBulkWriter.refusedData(new SQLException("too many connections for role", "53300"))).isEmpty();
        assertThat(IngestBulkWriter.refusedData(new SQLException("terminating connection due to administrator command",
                "57P01"))).isEmpty();
        assertThat(IngestBulkWriter.refusedData(new SQLException("could not serialize access", "40001"))).isEmpty();
        assertThat(IngestBulkWriter.refusedData(new SQLException("no state"))).isEmpty();
        assertThat(IngestBulkWriter.refusedData(new IllegalStateException("not a database failure"))).isEmpty();
    }
}
