package io.minerai.ops.driver.whatsminerv2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.Md5Crypt;

/**
 * The Whatsminer API v2 cipher, as the vendor's API document (WhatsMiner API V2.0.5, section "API ciphertext") and
 * two public clients (UpstreamData/pyasic {@code rpc/btminer.py}, 256foundation/asic-rs {@code whatsminer/v2/rpc.rs})
 * describe it:
 *
 * <ul>
 *   <li>{@code get_token} answers {@code time}, {@code salt} and {@code newsalt};
 *   <li>key = the hash part of {@code md5crypt(password, "$1$" + salt + "$")} (what {@code openssl passwd -1 -salt
 *       salt password} prints after the third {@code $});
 *   <li>sign (the token sent in each command) = the hash part of {@code md5crypt(key + time, "$1$" + newsalt + "$")};
 *   <li>AES key = SHA-256 of the key's text (32 bytes), AES-256 in ECB mode, the plaintext zero-padded to 16 bytes,
 *       the ciphertext in base64: the request is {@code {"enc":1,"data":"<base64>"}}, an encrypted reply is {@code
 *       {"enc":"<base64>"}}.
 * </ul>
 *
 * Pure functions; the emulator uses the same ones to check and answer, and {@code WhatsminerV2CryptoTest} pins them
 * against values computed independently with {@code openssl}.
 */
public final class WhatsminerV2Crypto {
    private WhatsminerV2Crypto() {}

    /** The hash part (after the third {@code $}) of an md5-crypt of {@code word} with {@code salt}. */
    static String md5CryptHash(String word, String salt) {
        String full = Md5Crypt.md5Crypt(word.getBytes(StandardCharsets.UTF_8), "$1$" + salt + "$");
        String[] parts = full.split("\\$");
        if (parts.length < 4) {
            throw new IllegalStateException("unexpected md5-crypt output");
        }
        return parts[3];
    }

    /** The key derived from the admin password and the token's salt. */
    public static String key(String password, String salt) {
        return md5CryptHash(password, salt);
    }

    /** The token (sign) sent in each privileged command. */
    public static String sign(String key, String time, String newSalt) {
        return md5CryptHash(key + time, newSalt);
    }

    private static Cipher cipher(String key, int mode) throws GeneralSecurityException {
        byte[] aesKey = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(mode, new SecretKeySpec(aesKey, "AES"));
        return c;
    }

    /** Encrypts a JSON command: zero-padded to 16 bytes, AES-256-ECB, base64 (no line breaks). */
    public static String encrypt(String key, String plaintext) {
        byte[] raw = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(raw, (raw.length + 15) / 16 * 16);
        try {
            return Base64.getEncoder()
                    .encodeToString(cipher(key, Cipher.ENCRYPT_MODE).doFinal(padded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-ECB unavailable", e);
        }
    }

    /**
     * Decrypts base64 ciphertext and strips the zero padding.
     *
     * @throws IllegalArgumentException when the text is not base64 of whole AES blocks
     */
    public static String decrypt(String key, String base64) {
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage(), e);
        }
        if (data.length == 0 || data.length % 16 != 0) {
            throw new IllegalArgumentException("ciphertext is not whole AES blocks (" + data.length + " bytes)");
        }
        try {
            byte[] plain = cipher(key, Cipher.DECRYPT_MODE).doFinal(data);
            int end = plain.length;
            while (end > 0 && plain[end - 1] == 0) {
                end--;
            }
            return new String(plain, 0, end, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-ECB unavailable", e);
        }
    }
}
