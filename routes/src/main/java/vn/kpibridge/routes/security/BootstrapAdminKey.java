package vn.kpibridge.routes.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The local login of the embedded default (issue 6 point 3): with
 * {@code kpi.security.bootstrap-admin-key.enabled}, an ADMIN API key is kept in
 * {@code ./data/keys/bootstrap-admin.key} (owner read/write only), generated at the first start;
 * its SHA-256 is registered in {@code api_key}. The key never appears in the log, only the file's
 * path. Revoking it through the API disables it for good; deleting the file makes a new one at the
 * next start.
 */
@Component
@ConditionalOnWebApplication
public class BootstrapAdminKey {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);
    /** Name of the bootstrap key in the key list. */
    public static final String NAME = "bootstrap-admin";

    private final SecurityProperties props;
    private final ApiKeyService keys;

    public BootstrapAdminKey(SecurityProperties props, ApiKeyService keys) {
        this.props = props;
        this.keys = keys;
    }

    /**
     * Writes the key file when missing and registers its key.
     *
     * @throws IllegalStateException when the file cannot be written or read
     */
    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        SecurityProperties.BootstrapAdminKey cfg = props.bootstrapAdminKey();
        if (!cfg.enabled() || cfg.file() == null || cfg.file().isBlank()) {
            return;
        }
        Path file = Path.of(cfg.file());
        try {
            String key;
            if (Files.exists(file)) {
                key = Files.readString(file, StandardCharsets.UTF_8).trim();
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
                key = keys.newKeyText();
                Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            if (keys.registerKnown(key, NAME)) {
                log.info("Local ADMIN API key registered; send it as header X-API-Key, read it from {}", file.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new IllegalStateException("bootstrap ADMIN key file " + file.toAbsolutePath() + ": " + e, e);
        }
    }
}
