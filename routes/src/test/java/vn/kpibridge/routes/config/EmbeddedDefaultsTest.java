package vn.kpibridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The broker URL decides between the embedded and an external Artemis. */
class EmbeddedDefaultsTest {

    @Test
    void brokerUrlSwitchesToNativeModeAndDisablesTheEmbeddedBroker() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.artemis.broker-url", "tcp://mq.tinh.gov.vn:61616");
        new EmbeddedDefaults().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("native");
        assertThat(env.getProperty("spring.artemis.embedded.enabled")).isEqualTo("false");
    }

    @Test
    void withoutBrokerUrlTheBrokerIsEmbedded() {
        MockEnvironment env = new MockEnvironment();
        new EmbeddedDefaults().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("embedded");
    }

    @Test
    void anExplicitModeIsLeftAlone() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.artemis.mode", "embedded")
                .withProperty("spring.artemis.broker-url", "tcp://x:61616");
        new EmbeddedDefaults().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("embedded");
        assertThat(env.getProperty("spring.artemis.embedded.enabled")).isNull();
    }
}
