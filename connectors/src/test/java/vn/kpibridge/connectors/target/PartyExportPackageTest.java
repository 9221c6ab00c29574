package vn.kpibridge.connectors.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartyExportPackageTest {
    final PartyExportPackage pkg = new PartyExportPackage();

    @Test
    void packageVerifiesAndAnyTamperingIsNamed(@TempDir Path dir) throws Exception {
        KeyPair keys = SigningKeys.loadOrCreate(dir.resolve("keys/party.key"), dir.resolve("keys/party.pub"), true);
        // a second load reads the same key from the PEM files
        KeyPair again = SigningKeys.loadOrCreate(dir.resolve("keys/party.key"), dir.resolve("keys/party.pub"), false);
        assertThat(again.getPublic().getEncoded()).isEqualTo(keys.getPublic().getEncoded());

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("evaluations.json", "[{\"totalPoints\":91.93}]".getBytes(StandardCharsets.UTF_8));
        files.put("mau-06_BTC-TU.xlsx", new byte[] {1, 2, 3});
        ObjectNode header = new ObjectMapper().createObjectNode().put("unitCode", "BTC-TU").put("period", "2026-Q2");
        Path zip = pkg.write(dir.resolve("out/2026-Q2_BTC-TU.zip"), header, files, keys.getPrivate(), "k1");

        JsonNode manifest = pkg.verify(zip, keys.getPublic());
        assertThat(manifest.get("unitCode").asText()).isEqualTo("BTC-TU");
        assertThat(manifest.get("files")).hasSize(2);
        // sha256 of the JSON text above, computed independently: printf '%s' '[{"totalPoints":91.93}]' | sha256sum
        assertThat(manifest.get("files").get(0).get("sha256").asText())
                .isEqualTo("11150e55c5df0b0ca7a3fdf72ffc91e974aedcee03f4c4ef70c6c1b3b510c556");
        assertThat(manifest.get("files").get(0).get("size").asInt()).isEqualTo(23);

        // altered file
        Map<String, byte[]> entries = pkg.read(zip);
        entries.put("evaluations.json", "[{\"totalPoints\":99.99}]".getBytes(StandardCharsets.UTF_8));
        Path altered = rezip(dir.resolve("altered.zip"), entries);
        assertThatThrownBy(() -> pkg.verify(altered, keys.getPublic()))
                .hasMessageContaining("evaluations.json does not match its SHA-256");
        // other key
        KeyPair other = SigningKeys.loadOrCreate(dir.resolve("o.key"), dir.resolve("o.pub"), true);
        assertThatThrownBy(() -> pkg.verify(zip, other.getPublic()))
                .hasMessageContaining("signature does not verify");
        // extra file
        Map<String, byte[]> extra = pkg.read(zip);
        extra.put("note.txt", new byte[] {0});
        Path withExtra = rezip(dir.resolve("extra.zip"), extra);
        assertThatThrownBy(() -> pkg.verify(withExtra, keys.getPublic())).hasMessageContaining("note.txt is not listed");
    }

    @Test
    void missingKeyFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir.resolve("a.key"), dir.resolve("a.pub"), false))
                .hasMessageContaining("a.pub").hasMessageContaining("does not exist");
    }

    private static Path rezip(Path target, Map<String, byte[]> entries) throws Exception {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return target;
    }
}
