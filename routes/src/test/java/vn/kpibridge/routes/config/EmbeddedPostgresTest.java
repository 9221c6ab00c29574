package vn.kpibridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.kpibridge.routes.FlowTestSupport;

/** The embedded PostgreSQL of the running application runs with the settings application.yml gives it. */
class EmbeddedPostgresTest extends FlowTestSupport {
    @Test
    void embeddedServerRunsWithTheDefaultServerConfig() {
        assertThat(jdbc.queryForObject("show max_wal_size", String.class)).isEqualTo("4GB");
        assertThat(jdbc.queryForObject("show max_connections", String.class)).isEqualTo("50");
    }
}
