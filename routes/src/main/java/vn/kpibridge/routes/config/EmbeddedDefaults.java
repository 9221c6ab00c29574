package vn.kpibridge.routes.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses between the embedded broker and an external one before auto-configuration runs.
 *
 * <p>Spring Boot runs an embedded Artemis whenever its server classes are on the classpath, even
 * when {@code spring.artemis.broker-url} is set. This post-processor makes the URL decide: with a
 * broker URL (and no explicit {@code spring.artemis.mode}) it sets mode {@code native} and turns
 * the embedded server off; without one it sets mode {@code embedded}. Registered in
 * {@code META-INF/spring.factories}.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (!env.containsProperty("spring.artemis.mode")) {
            if (StringUtils.hasText(env.getProperty("spring.artemis.broker-url"))) {
                defaults.put("spring.artemis.mode", "native");
                defaults.put("spring.artemis.embedded.enabled", "false");
            } else {
                defaults.put("spring.artemis.mode", "embedded");
            }
        }
        env.getPropertySources().addLast(new MapPropertySource("kpiEmbeddedDefaults", defaults));
    }
}
