package vn.kpibridge.routes.target;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A REST target's mapping file ({@code mappings/targets/hr.yml}): where and how to push, how to
 * authenticate, and the JSON names of the payload. Secrets and hosts are {@code ${ENV}}
 * placeholders resolved at delivery time ({@link vn.kpibridge.routes.source.SourcePlaceholders});
 * the file itself holds none.
 *
 * @param id target id, e.g. "hr"
 * @param name human name of the receiving system
 * @param request URL, method and fixed headers
 * @param auth authentication (default none)
 * @param payload our field -> target field names, and constant fields
 */
public record TargetMapping(String id, String name, Request request, Auth auth, Payload payload) {

    /** Checks that the sections are present and fills defaults. */
    public TargetMapping {
        require(id, "id");
        if (request == null) {
            throw new IllegalArgumentException("request: section is missing (baseUrl, path, method)");
        }
        auth = auth == null ? new Auth(null, null, null, null, null, null, null) : auth;
        if (payload == null) {
            throw new IllegalArgumentException("payload: section is missing (fields: our field -> target field name)");
        }
    }

    /**
     * @param baseUrl scheme and host, usually a placeholder such as {@code ${HR_API_URL:}}; the
     *     target is switched on by default only when this resolves to a non-empty value
     * @param path path under the base URL; {@code {employeeCode}}, {@code {period}} and other
     *     payload fields of {@link EvaluationFields} in braces are replaced (URL-encoded)
     * @param method POST (default), PUT or PATCH
     * @param headers fixed headers sent with every push (values may be placeholders)
     */
    public record Request(String baseUrl, String path, String method, Map<String, String> headers) {
        /** Checks the method and fills defaults. */
        public Request {
            require(baseUrl, "request.baseUrl");
            path = path == null ? "" : path.trim();
            method = method == null ? "POST" : method.trim().toUpperCase(Locale.ROOT);
            if (!Set.of("POST", "PUT", "PATCH").contains(method)) {
                throw new IllegalArgumentException("request.method \"" + method + "\" is not POST, PUT or PATCH");
            }
            headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
        }
    }

    /**
     * Authentication of the pushes.
     *
     * <ul>
     *   <li>{@code none};</li>
     *   <li>{@code bearer}: {@code Authorization: Bearer <token>} (RFC 6750);</li>
     *   <li>{@code api-key}: a key in {@code header} (default {@code X-API-Key});</li>
     *   <li>{@code basic}: HTTP basic (RFC 7617) with {@code username} and {@code password};</li>
     *   <li>{@code oauth2-client-credentials}: a token from {@code oauth2.tokenUrl} (RFC 6749
     *       §4.4), cached until it expires, sent as bearer token.</li>
     * </ul>
     *
     * @param type one of the types above (default none)
     * @param token bearer token (placeholder)
     * @param header header of the API key
     * @param value API key (placeholder)
     * @param username user (basic)
     * @param password password (basic, placeholder)
     * @param oauth2 token endpoint and client
     */
    public record Auth(String type, String token, String header, String value, String username, String password,
            OAuth2 oauth2) {
        /** No authentication. */
        public static final String NONE = "none";
        /** Bearer token. */
        public static final String BEARER = "bearer";
        /** API key header. */
        public static final String API_KEY = "api-key";
        /** HTTP basic. */
        public static final String BASIC = "basic";
        /** OAuth2 client credentials. */
        public static final String OAUTH2 = "oauth2-client-credentials";

        /** Fills defaults and checks that the type's settings are present. */
        public Auth {
            type = type == null ? NONE : type.trim();
            switch (type) {
                case NONE -> {
                }
                case BEARER -> require(token, "auth.token");
                case API_KEY -> {
                    header = header == null ? "X-API-Key" : header;
                    require(value, "auth.value");
                }
                case BASIC -> {
                    require(username, "auth.username");
                    require(password, "auth.password");
                }
                case OAUTH2 -> {
                    if (oauth2 == null) {
                        throw new IllegalArgumentException("auth type oauth2-client-credentials needs an oauth2: section");
                    }
                }
                default -> throw new IllegalArgumentException("auth.type \"" + type + "\" is not one of none, bearer, "
                        + "api-key, basic, oauth2-client-credentials");
            }
        }
    }

    /**
     * OAuth2 client credentials (RFC 6749 §4.4).
     *
     * @param tokenUrl token endpoint, absolute (placeholders allowed)
     * @param clientId client id (placeholder)
     * @param clientSecret client secret (placeholder)
     * @param scope requested scope, or null
     * @param clientAuth "basic" (default, RFC 6749 §2.3.1) or "body"
     */
    public record OAuth2(String tokenUrl, String clientId, String clientSecret, String scope, String clientAuth) {
        /** Checks the settings and fills defaults. */
        public OAuth2 {
            require(tokenUrl, "auth.oauth2.tokenUrl");
            require(clientId, "auth.oauth2.clientId");
            require(clientSecret, "auth.oauth2.clientSecret");
            clientAuth = clientAuth == null ? "basic" : clientAuth.trim();
            if (!Set.of("basic", "body").contains(clientAuth)) {
                throw new IllegalArgumentException("auth.oauth2.clientAuth \"" + clientAuth + "\" is not basic or body");
            }
        }
    }

    /**
     * The payload: only the fields listed are sent, under the target's names.
     *
     * @param fields our field name ({@link EvaluationFields#NAMES}) -> the target's field name; a
     *     dotted name ("ketQua.tongDiem") nests the value in objects
     * @param constants target field name -> fixed text sent with every push (e.g. the sending
     *     system's code)
     */
    public record Payload(Map<String, String> fields, Map<String, String> constants) {
        /** Checks that every our-field is known and every target name is usable. */
        public Payload {
            if (fields == null || fields.isEmpty()) {
                throw new IllegalArgumentException("payload.fields is empty: list our field -> target field name");
            }
            fields = new LinkedHashMap<>(fields);
            constants = constants == null ? Map.of() : new LinkedHashMap<>(constants);
            for (Map.Entry<String, String> f : fields.entrySet()) {
                if (!EvaluationFields.NAMES.contains(f.getKey())) {
                    throw new IllegalArgumentException("payload.fields." + f.getKey() + ": unknown field; ours are "
                            + String.join(", ", EvaluationFields.NAMES));
                }
                checkName("payload.fields." + f.getKey(), f.getValue());
            }
            constants.keySet().forEach(k -> checkName("payload.constants." + k, k));
            java.util.List<String> names = new java.util.ArrayList<>(fields.values());
            names.addAll(constants.keySet());
            for (String a : names) {
                for (String b : names) {
                    if (a != b && (a.equals(b) || b.startsWith(a + "."))) {
                        throw new IllegalArgumentException("payload: target field \"" + a + "\" is used twice or "
                                + "also as the object of \"" + b + "\"");
                    }
                }
            }
        }

        private static void checkName(String setting, String name) {
            if (name == null || name.isBlank() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
                throw new IllegalArgumentException(setting + ": target field name \"" + name + "\" is empty or has an "
                        + "empty part");
            }
        }
    }

    static void require(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is missing");
        }
    }
}
