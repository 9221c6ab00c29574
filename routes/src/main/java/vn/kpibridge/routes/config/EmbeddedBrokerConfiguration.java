package vn.kpibridge.routes.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Memory of the embedded Artemis broker, which shares the application's heap: messages held in
 * memory across all addresses are limited to {@code kpi.embedded-broker.global-max-size} (default
 * {@code 64MB}); beyond it an address pages its messages to the journal directory (Artemis's
 * default address-full policy {@code PAGE}, "Paging" in the Artemis manual) instead of holding them.
 *
 * <p>Why: Artemis's own default is half the JVM's maximum heap. Messages for a consumer that is
 * slow or away (the benchmark's delta runs leave 35,500 evaluation messages of about 16 KB on
 * {@code kpi.evaluations}, which nobody consumes there) then took half of a 1 GiB heap, and the
 * benchmark ran out of memory after its largest delta. Applied only when the broker is the embedded one
 * (Spring Boot calls the customizer when it builds that server).
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerConfiguration {

    /**
     * @param globalMaxSize bytes of messages the embedded broker keeps in memory, e.g. {@code 64MB}
     * @return the customizer of the embedded broker's configuration
     * @throws IllegalArgumentException (at start-up) when the size is not positive
     */
    @Bean
    ArtemisConfigurationCustomizer embeddedBrokerMemory(
            @Value("${kpi.embedded-broker.global-max-size:64MB}") DataSize globalMaxSize) {
        if (globalMaxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("kpi.embedded-broker.global-max-size must be positive, got "
                    + globalMaxSize);
        }
        return configuration -> configuration.setGlobalMaxSize(globalMaxSize.toBytes());
    }
}
