package vn.kpibridge.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity CSV files that cannot be read as CSV: one error naming the file once, the line and the reason. */
class IdentityFilesTest {
    final MappingFiles files = new MappingFiles();
    @TempDir
    Path dir;

    @Test
    void malformedCsvNamesFileLineAndReasonOnce() throws Exception {
        Path f = dir.resolve("ids.csv");
        Files.writeString(f, "source_user_id,employee_code,full_name,unit_code\n"
                + "u-1,CB-1,Nguyễn Văn A,BTC\n"
                + "u-2,CB-2,\"Trần Thị B,BTC\n");
        assertThatThrownBy(() -> files.loadIdentities(f)).isInstanceOfSatisfying(MappingFileException.class, e -> {
            assertThat(e.file()).isEqualTo(f.toString());
            assertThat(e.reason()).startsWith("malformed CSV: ");
            assertThat(e.getMessage()).isEqualTo(f + ":" + e.line() + ": " + e.reason());
            assertThat(e.line()).isGreaterThanOrEqualTo(3);
        });
    }
}
