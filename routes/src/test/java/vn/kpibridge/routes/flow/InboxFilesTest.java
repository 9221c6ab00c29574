package vn.kpibridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.config.SourceMapping;

/**
 * The inbox file types: the route, the sync run's "still waiting" check and the {@code sync}
 * command's seed copy all use {@link SourceMapping#INBOX_EXTENSIONS}, so a CSV, XLSX or edXML
 * file counts as much as a JSON export (before, the run and the seed copy looked at *.json only).
 */
class InboxFilesTest {

    @Test
    void everyFileSourceTypeIsAnInboxFileWhateverTheCaseOfItsExtension() {
        assertThat(SourceMapping.INBOX_EXTENSIONS).containsExactly("json", "csv", "xlsx", "edxml", "xml");
        for (String name : new String[] {"a.json", "cong-viec.csv", "so-giao-viec.XLSX", "45-TTr.edxml", "goi.Xml"}) {
            assertThat(FileInboxRouteBuilder.takes(Path.of("qlcv-csv", name))).as(name).isTrue();
        }
        for (String name : new String[] {"ghi-chu.txt", "csv", "bao-cao.json.part", "README"}) {
            assertThat(FileInboxRouteBuilder.takes(Path.of(name))).as(name).isFalse();
        }
    }

    @Test
    void filesOfEveryTypeWaitUntilMovedToDoneOrError(@TempDir Path inbox) throws Exception {
        write(inbox.resolve("qlcv-csv/cong-viec-quy-II-2026.csv"));
        write(inbox.resolve("so-giao-viec-xlsx/so-giao-viec.xlsx"));
        write(inbox.resolve("vanban-di-edxml/45-TTr-BTCTU.edxml"));
        write(inbox.resolve("vanban-di-edxml/.46-TTr-BTCTU.edxml.part"));   // still being copied
        write(inbox.resolve("eoffice-btc/.done/eoffice-btc-2026-Q2.json"));  // taken in
        write(inbox.resolve("qlcv-csv/.error/hong.csv"));                    // rejected
        write(inbox.resolve("qlcv-csv/ghi-chu.txt"));                        // not an inbox type

        assertThat(FileInboxRouteBuilder.waitingFiles(inbox)).containsExactly(
                inbox.resolve("qlcv-csv/cong-viec-quy-II-2026.csv"),
                inbox.resolve("so-giao-viec-xlsx/so-giao-viec.xlsx"),
                inbox.resolve("vanban-di-edxml/45-TTr-BTCTU.edxml"));

        Files.createDirectories(inbox.resolve("qlcv-csv/.done"));
        Files.move(inbox.resolve("qlcv-csv/cong-viec-quy-II-2026.csv"), inbox.resolve("qlcv-csv/.done/cong-viec-quy-II-2026.csv"));
        Files.delete(inbox.resolve("so-giao-viec-xlsx/so-giao-viec.xlsx"));
        Files.delete(inbox.resolve("vanban-di-edxml/45-TTr-BTCTU.edxml"));
        assertThat(FileInboxRouteBuilder.waitingFiles(inbox)).isEmpty();
        assertThat(FileInboxRouteBuilder.waitingFiles(inbox.resolve("no-such-folder"))).isEmpty();
    }

    private static void write(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }
}
