package vn.kpibridge.connectors.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The export package for a party-management system on an isolated network (issue 5, point 3): one
 * ZIP per unit and period holding the results as JSON, the report files (XLSX), a
 * {@code manifest.json} listing every file with its size and SHA-256, and
 * {@code manifest.json.sig}, a detached Ed25519 signature (RFC 8032) of the manifest's bytes,
 * Base64-encoded. Whoever carries the package across verifies the signature with the published
 * public key, then each checksum ({@link #verify}).
 */
public final class PartyExportPackage {
    /** Name of the manifest entry. */
    public static final String MANIFEST = "manifest.json";
    /** Name of the detached signature entry. */
    public static final String SIGNATURE = "manifest.json.sig";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Writes a package atomically (temporary file, then move).
     *
     * @param target the .zip to write
     * @param header manifest fields describing the package (unit, period, status, producer...)
     * @param files entry name -> content, in order (e.g. "evaluations.json", "mau-06_BTC-TU.xlsx")
     * @param signingKey Ed25519 private key
     * @param keyId identifier of the key, recorded in the manifest (e.g. the public key's SHA-256)
     * @return the written package
     * @throws IOException when the file cannot be written or signing fails
     */
    public Path write(Path target, ObjectNode header, Map<String, byte[]> files, PrivateKey signingKey, String keyId)
            throws IOException {
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("format", "kpi-bridge-party-export/1");
        manifest.put("createdAt", OffsetDateTime.now().toString());
        manifest.setAll(header);
        manifest.put("signatureAlgorithm", SigningKeys.ALGORITHM);
        manifest.put("keyId", keyId);
        ArrayNode list = manifest.putArray("files");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            ObjectNode n = list.addObject();
            n.put("name", f.getKey());
            n.put("size", f.getValue().length);
            n.put("sha256", sha256(f.getValue()));
        }
        byte[] manifestBytes = mapper.writeValueAsBytes(manifest);
        byte[] signature;
        try {
            Signature s = Signature.getInstance(SigningKeys.ALGORITHM);
            s.initSign(signingKey);
            s.update(manifestBytes);
            signature = Base64.getEncoder().encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the manifest of " + target, e);
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
            put(zip, MANIFEST, manifestBytes);
            put(zip, SIGNATURE, signature);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * Verifies a package: the signature of the manifest with the public key, then the size and
     * SHA-256 of every file the manifest lists, and that no unlisted file is present.
     *
     * @param zip the package
     * @param publicKey the producer's Ed25519 public key
     * @return the manifest, when everything verifies
     * @throws PackageVerificationException naming the first problem (bad signature, missing,
     *     altered or unlisted file)
     * @throws IOException when the ZIP cannot be read
     */
    public JsonNode verify(Path zip, PublicKey publicKey) throws IOException {
        Map<String, byte[]> entries = read(zip);
        byte[] manifestBytes = entries.remove(MANIFEST);
        byte[] signature = entries.remove(SIGNATURE);
        if (manifestBytes == null || signature == null) {
            throw new PackageVerificationException(zip + ": no " + (manifestBytes == null ? MANIFEST : SIGNATURE));
        }
        try {
            Signature s = Signature.getInstance(SigningKeys.ALGORITHM);
            s.initVerify(publicKey);
            s.update(manifestBytes);
            if (!s.verify(Base64.getDecoder().decode(signature))) {
                throw new PackageVerificationException(zip + ": the manifest signature does not verify with this key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PackageVerificationException(zip + ": the manifest signature cannot be checked: " + e.getMessage());
        }
        JsonNode manifest = mapper.readTree(manifestBytes);
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            String name = f.path("name").asText();
            listed.add(name);
            byte[] content = entries.get(name);
            if (content == null) {
                throw new PackageVerificationException(zip + ": " + name + " is listed in the manifest but missing");
            }
            if (content.length != f.path("size").asLong() || !sha256(content).equals(f.path("sha256").asText())) {
                throw new PackageVerificationException(zip + ": " + name + " does not match its SHA-256 in the manifest");
            }
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name)) {
                throw new PackageVerificationException(zip + ": " + name + " is not listed in the manifest");
            }
        }
        return manifest;
    }

    /**
     * @param zip a package
     * @return entry name -> content, in ZIP order
     * @throws IOException when it cannot be read
     */
    public Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                z.transferTo(buf);
                out.put(e.getName(), buf.toByteArray());
            }
        }
        return out;
    }

    /** @return lower-case hex SHA-256 of the bytes */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** A package that does not verify; the message names the package and the problem. */
    public static class PackageVerificationException extends IOException {
        /** @param message the problem */
        public PackageVerificationException(String message) {
            super(message);
        }
    }
}
