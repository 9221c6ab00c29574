package vn.kpibridge.routes.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The client-credentials token request and answer shared by REST sources and the HR target
 * (RFC 6749 §4.4.2, §2.3.1, §5.1, Appendix B). Plain JUnit: the HTTP calls themselves are tested
 * against WireMock in RestSourceFlowTest and HrDeliveryFlowTest.
 */
class OAuth2TokenCacheTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void basicClientAuthenticationFormEncodesIdAndSecretAndSpacesBecomePlus() {
        OAuth2TokenCache.TokenRequest r = OAuth2TokenCache.tokenForm("kpi bridge", "s&c:r=t é", "tasks.read tasks.write",
                false);

        // application/x-www-form-urlencoded (Appendix B): a space is "+", reserved characters %XX, UTF-8
        assertThat(r.body()).isEqualTo("grant_type=client_credentials&scope=tasks.read+tasks.write");
        String credentials = new String(Base64.getDecoder().decode(r.authorization().substring("Basic ".length())),
                StandardCharsets.UTF_8);
        assertThat(r.authorization()).startsWith("Basic ");
        assertThat(credentials).isEqualTo("kpi+bridge:s%26c%3Ar%3Dt+%C3%A9");
    }

    @Test
    void bodyClientAuthenticationSendsIdAndSecretAsFieldsWithoutAuthorization() {
        OAuth2TokenCache.TokenRequest r = OAuth2TokenCache.tokenForm("kpi-bridge", "a+b/c", null, true);

        assertThat(r.authorization()).isNull();
        assertThat(r.body()).isEqualTo("grant_type=client_credentials&client_id=kpi-bridge&client_secret=a%2Bb%2Fc");
    }

    @Test
    void aTokenWithALifetimeIsCachedOneWithoutIsUsedOnceAndNoTokenIsNothing() throws Exception {
        OAuth2TokenCache cache = new OAuth2TokenCache();

        OAuth2TokenCache.Token t = cache.take("src|a", mapper.readTree(
                "{\"access_token\": \"at-1\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")).orElseThrow();
        assertThat(t.accessToken()).isEqualTo("at-1");
        assertThat(t.expiresInSeconds()).isEqualTo(3600L);
        assertThat(cache.get("src|a")).contains("at-1");

        OAuth2TokenCache.Token once = cache.take("src|b", mapper.readTree("{\"access_token\": \"at-2\"}")).orElseThrow();
        assertThat(once.expiresInSeconds()).isNull();
        assertThat(cache.get("src|b")).isEmpty();

        assertThat(cache.take("src|c", mapper.readTree("{\"error\": \"invalid_client\"}"))).isEmpty();
        assertThat(cache.take("src|c", mapper.readTree("{\"access_token\": \" \", \"expires_in\": 60}"))).isEmpty();
        assertThat(cache.take("src|c", null)).isEmpty();
        assertThat(cache.get("src|c")).isEmpty();

        cache.evict("src|a");
        assertThat(cache.get("src|a")).isEmpty();
    }
}
