package vn.kpibridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.kpibridge.routes.FlowTestSupport;

/** The embedded broker of the running application keeps at most 64 MiB of messages in memory. */
class EmbeddedBrokerTest extends FlowTestSupport {
    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void embeddedBrokerPagesBeyondItsConfiguredMemoryInsteadOfHalfTheHeap() {
        long globalMaxSize = broker.getActiveMQServer().getConfiguration().getGlobalMaxSize();
        assertThat(globalMaxSize).isEqualTo(64L * 1024 * 1024);
        assertThat(globalMaxSize).isLessThan(Runtime.getRuntime().maxMemory() / 2);
        assertThat(broker.getActiveMQServer().getAddressSettingsRepository().getMatch("kpi.evaluations")
                .getAddressFullMessagePolicy().name()).isEqualTo("PAGE");
    }
}
