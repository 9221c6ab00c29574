package vn.kpibridge.routes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.routes.api.ApiProblem;
import vn.kpibridge.routes.persistence.ApiKeyEntity;
import vn.kpibridge.routes.persistence.ApiKeyRepository;
import vn.kpibridge.routes.workflow.AuditTrail;

/**
 * API keys of machine clients, sent as {@code X-API-Key} (issue 6 point 3). A key is
 * {@code kpib_} followed by 32 random bytes (Base64url, 256 bits, {@link SecureRandom}); only its
 * SHA-256 is stored (a slow password hash adds nothing for 256 random bits), so the key is shown
 * once, when created. Keys are revoked, never deleted; creation and revocation are audited.
 */
@Service
public class ApiKeyService {
    /** Prefix of every key, so that a leaked key is recognisable by secret scanners. */
    public static final String PREFIX = "kpib_";

    private final ApiKeyRepository keys;
    private final AuditTrail audit;
    private final UnitTree tree;
    private final AccessPolicy access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper mapper = new ObjectMapper();

    public ApiKeyService(ApiKeyRepository keys, AuditTrail audit, UnitTree tree, AccessPolicy access, Clock kpiClock) {
        this.keys = keys;
        this.audit = audit;
        this.tree = tree;
        this.access = access;
        this.clock = kpiClock;
    }

    /**
     * A created key.
     *
     * @param id its id
     * @param key the key itself, shown this once
     */
    public record Created(long id, String key) {
    }

    /**
     * Creates a key.
     *
     * @param caller who creates it: an ADMIN (audited)
     * @param name what the key is for, e.g. "hr-connector"
     * @param roles its roles, at least one
     * @param unitCode its unit (needed for REVIEWER and APPROVER), or null
     * @param employeeCode its employee (needed for EMPLOYEE), or null
     * @return the id and the key
     * @throws ApiProblem 403 unless the caller is an ADMIN; 400 naming the field when the name is
     *     blank, no role is given, a scoped role has no unit or EMPLOYEE has no employee code
     */
    @Transactional
    public Created create(Caller caller, String name, Set<KpiRole> roles, String unitCode, String employeeCode) {
        access.requireAdmin(caller, "create API keys");
        if (name == null || name.isBlank()) {
            throw new ApiProblem(400, "Bad request", "name", "name is required");
        }
        if (roles == null || roles.isEmpty()) {
            throw new ApiProblem(400, "Bad request", "roles", "roles must name at least one of " + Arrays.toString(KpiRole.values()));
        }
        if ((roles.contains(KpiRole.REVIEWER) || roles.contains(KpiRole.APPROVER)) && (unitCode == null || unitCode.isBlank())) {
            throw new ApiProblem(400, "Bad request", "unitCode", "unitCode is required for REVIEWER and APPROVER keys");
        }
        if (unitCode != null && !unitCode.isBlank() && !tree.units().contains(unitCode)) {
            throw new ApiProblem(400, "Bad request", "unitCode", "unit " + unitCode + " is not in the identity maps");
        }
        if (roles.contains(KpiRole.EMPLOYEE) && (employeeCode == null || employeeCode.isBlank())) {
            throw new ApiProblem(400, "Bad request", "employeeCode", "employeeCode is required for EMPLOYEE keys");
        }
        String key = newKeyText();
        ApiKeyEntity k = new ApiKeyEntity();
        k.name = name.trim();
        k.keyPrefix = key.substring(0, 12);
        k.keySha256 = sha256(key);
        k.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        k.unitCode = unitCode == null || unitCode.isBlank() ? null : unitCode.trim();
        k.employeeCode = employeeCode == null || employeeCode.isBlank() ? null : employeeCode.trim();
        k.createdBy = caller.name();
        k.createdAt = OffsetDateTime.now(clock);
        keys.save(k);
        audit.record(caller, "API_KEY_CREATE", subject(k), null, describe(k), null);
        return new Created(k.getId(), key);
    }

    /**
     * Registers a key whose text is already known (the bootstrap ADMIN key read from its file).
     *
     * @param key the key text
     * @param name the key's name
     * @return true when it was registered now, false when it was already there (revoked or not)
     */
    @Transactional
    public boolean registerKnown(String key, String name) {
        String sha = sha256(key);
        if (keys.findByKeySha256(sha).isPresent()) {
            return false;
        }
        ApiKeyEntity k = new ApiKeyEntity();
        k.name = name;
        k.keyPrefix = key.substring(0, Math.min(12, key.length()));
        k.keySha256 = sha;
        k.roles = KpiRole.ADMIN.name();
        k.createdBy = Caller.SYSTEM.name();
        k.createdAt = OffsetDateTime.now(clock);
        keys.save(k);
        audit.record(Caller.SYSTEM, "API_KEY_CREATE", subject(k), null, describe(k), "bootstrap ADMIN key of the embedded default");
        return true;
    }

    /** @return a new random key text (for the bootstrap file). */
    public String newKeyText() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /**
     * Revokes a key: it is refused from the next request on.
     *
     * @param caller who revokes: an ADMIN (audited)
     * @param id the key id
     * @param reason why, required
     * @return the key as listed
     * @throws ApiProblem 403 unless the caller is an ADMIN, 404 for an unknown id, 400 without a
     *     reason, 409 when already revoked
     */
    @Transactional
    public ObjectNode revoke(Caller caller, long id, String reason) {
        access.requireAdmin(caller, "revoke API keys");
        if (reason == null || reason.isBlank()) {
            throw new ApiProblem(400, "Bad request", "reason", "reason is required to revoke a key");
        }
        ApiKeyEntity k = keys.findById(id).orElseThrow(() -> new ApiProblem(404, "Not found", "id", "no API key " + id));
        if (k.revokedAt != null) {
            throw new ApiProblem(409, "Conflict", "id", "API key " + id + " was already revoked at " + k.revokedAt);
        }
        ObjectNode before = describe(k);
        k.revokedAt = OffsetDateTime.now(clock);
        k.revokedBy = caller.name();
        k.revokeReason = reason.trim();
        keys.save(k);
        ObjectNode after = describe(k);
        audit.record(caller, "API_KEY_REVOKE", subject(k), before, after, k.revokeReason);
        return after;
    }

    /**
     * @param caller who asks: an ADMIN
     * @return every key (never the key text or its hash), oldest first
     * @throws ApiProblem 403 unless the caller is an ADMIN
     */
    @Transactional(readOnly = true)
    public ArrayNode list(Caller caller) {
        access.requireAdmin(caller, "list API keys");
        ArrayNode out = mapper.createArrayNode();
        keys.findAllByOrderById().forEach(k -> out.add(describe(k)));
        return out;
    }

    /**
     * @param key the {@code X-API-Key} header value
     * @return the principal of an active key, or empty for an unknown or revoked key
     */
    @Transactional(readOnly = true)
    public Optional<KpiPrincipal> authenticate(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return keys.findByKeySha256(sha256(key.trim())).filter(k -> k.revokedAt == null).map(k -> new KpiPrincipal(
                "api-key:" + k.getId() + ":" + k.name, roles(k.roles), k.unitCode, k.employeeCode, "API_KEY"));
    }

    private static Set<KpiRole> roles(String text) {
        Set<KpiRole> out = EnumSet.noneOf(KpiRole.class);
        for (String r : text.split(",")) {
            KpiRole.parse(r).ifPresent(out::add);
        }
        return out;
    }

    private ObjectNode describe(ApiKeyEntity k) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", k.getId());
        n.put("name", k.name);
        n.put("keyPrefix", k.keyPrefix);
        n.put("roles", k.roles);
        n.put("unitCode", k.unitCode);
        n.put("employeeCode", k.employeeCode);
        n.put("createdBy", k.createdBy);
        n.put("createdAt", k.createdAt.toString());
        n.put("revokedAt", k.revokedAt == null ? null : k.revokedAt.toString());
        n.put("revokedBy", k.revokedBy);
        n.put("revokeReason", k.revokeReason);
        return n;
    }

    private static AuditTrail.Subject subject(ApiKeyEntity k) {
        return new AuditTrail.Subject("api_key", String.valueOf(k.getId()), null, k.unitCode, null);
    }

    /** @return the lowercase hex SHA-256 of the key's UTF-8 bytes. */
    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
