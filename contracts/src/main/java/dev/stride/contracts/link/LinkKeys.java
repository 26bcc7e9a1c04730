package dev.stride.contracts.link;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The link-signing keys, each under a key id that every signed token names: the current one signs, the current and
 * the previous ones verify. Rotating the key is adding a new current key and moving the old one to the previous
 * keys, so every link already sent keeps working until it expires; a key taken off the previous list is retired and
 * its links are refused ({@link LinkVerificationException.Reason#UNKNOWN_KEY}). {@code v1KeyId} names the key
 * that verifies the unversioned tokens signed before key ids existed; empty, those are refused.
 */
public final class LinkKeys {

    static final String ALGORITHM = "HmacSHA256";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;
    private final Optional<String> v1KeyId;

    private LinkKeys(String currentId, Map<String, SecretKeySpec> keys, Optional<String> v1KeyId) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
        this.v1KeyId = v1KeyId;
    }

    /** One key, which also verifies unversioned tokens: what a single-key deployment and the tests use. */
    public static LinkKeys single(String keyId, String secret) {
        return of(keyId, secret, "", keyId);
    }

    /**
     * @param previous {@code id=secret,id2=secret2} (blank: none); a secret must not contain a comma
     * @param v1KeyId  the id of the key that signed the unversioned tokens (blank: refuse them)
     */
    public static LinkKeys of(String currentId, String currentSecret, String previous, String v1KeyId) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        put(keys, currentId, currentSecret, "stride.links.key-id");
        if (previous != null && !previous.isBlank()) {
            for (String entry : previous.split(",")) {
                int equals = entry.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("stride.links.previous-signing-keys: each entry must be id=secret");
                }
                put(keys, entry.substring(0, equals).trim(), entry.substring(equals + 1).trim(), "stride.links.previous-signing-keys");
            }
        }
        Optional<String> v1 = Optional.ofNullable(v1KeyId).map(String::trim).filter(id -> !id.isEmpty());
        if (v1.isPresent() && !keys.containsKey(v1.get())) {
            throw new IllegalArgumentException("stride.links.v1-key-id: " + v1.get() + " is neither the current nor a previous key id");
        }
        return new LinkKeys(currentId, keys, v1);
    }

    private static void put(Map<String, SecretKeySpec> keys, String id, String secret, String setting) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(setting + ": a key id is 1 to 32 letters, digits, '-' or '_'");
        }
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the link-signing key must be at least 32 bytes (key " + id + ")");
        }
        if (keys.putIfAbsent(id, new SecretKeySpec(bytes, ALGORITHM)) != null) {
            throw new IllegalArgumentException(setting + ": key id " + id + " is given twice");
        }
    }

    public String currentId() {
        return currentId;
    }

    SecretKeySpec current() {
        return keys.get(currentId);
    }

    /** The key with this id, if it is still current or previous. */
    Optional<SecretKeySpec> verifying(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    Optional<SecretKeySpec> v1() {
        return v1KeyId.map(keys::get);
    }
}
