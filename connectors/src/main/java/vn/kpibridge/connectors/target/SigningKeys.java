package vn.kpibridge.connectors.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signing keys for export packages, stored as PEM files: the private key as PKCS#8
 * ("PRIVATE KEY"), the public key as X.509 SubjectPublicKeyInfo ("PUBLIC KEY"), the formats
 * {@code openssl pkey} reads and writes. Uses only the JDK's security providers (Ed25519 is
 * standard since Java 15, RFC 8032).
 */
public final class SigningKeys {
    /** Signature algorithm of the packages. */
    public static final String ALGORITHM = "Ed25519";

    private SigningKeys() {
    }

    /**
     * Loads a key pair, or creates and stores one when both files are missing and
     * {@code generateIfMissing} is set (the embedded default; production supplies its own key).
     *
     * @param privateKeyPem PKCS#8 PEM file
     * @param publicKeyPem X.509 PEM file
     * @param generateIfMissing create the pair when neither file exists
     * @return the key pair
     * @throws IOException when a file is missing (and generation is off), unreadable or not a key
     */
    public static KeyPair loadOrCreate(Path privateKeyPem, Path publicKeyPem, boolean generateIfMissing)
            throws IOException {
        if (!Files.exists(privateKeyPem) && !Files.exists(publicKeyPem) && generateIfMissing) {
            try {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                Files.createDirectories(privateKeyPem.toAbsolutePath().getParent());
                Files.createDirectories(publicKeyPem.toAbsolutePath().getParent());
                Files.writeString(privateKeyPem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKeyPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                return pair;
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot generate an " + ALGORITHM + " key pair", e);
            }
        }
        return new KeyPair(readPublic(publicKeyPem), readPrivate(privateKeyPem));
    }

    /**
     * @param file X.509 "PUBLIC KEY" PEM file
     * @return the Ed25519 public key
     * @throws IOException when the file is missing or not such a key
     */
    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not an " + ALGORITHM + " public key: " + e.getMessage(), e);
        }
    }

    /**
     * @param file PKCS#8 "PRIVATE KEY" PEM file
     * @return the Ed25519 private key
     * @throws IOException when the file is missing or not such a key
     */
    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not an " + ALGORITHM + " private key: " + e.getMessage(), e);
        }
    }

    private static byte[] der(Path file, String type) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("key file " + file.toAbsolutePath() + " does not exist");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IOException(file + ": no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
