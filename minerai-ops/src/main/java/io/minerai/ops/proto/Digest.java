package io.minerai.ops.proto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** HTTP Digest authentication (RFC 7616, MD5, qop=auth), as the stock Antminer web interface uses. */
public final class Digest {
    private Digest() {}

    public static String md5Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses the parameters of a {@code WWW-Authenticate: Digest ...} or {@code Authorization: Digest ...} value. */
    public static Map<String, String> params(String header) {
        String h = header.strip();
        if (h.regionMatches(true, 0, "Digest", 0, 6)) {
            h = h.substring(6);
        }
        Map<String, String> out = new HashMap<>();
        int i = 0;
        while (i < h.length()) {
            while (i < h.length() && (h.charAt(i) == ',' || Character.isWhitespace(h.charAt(i)))) {
                i++;
            }
            int eq = h.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = h.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < h.length() && h.charAt(i) == '"') {
                int end = h.indexOf('"', i + 1);
                if (end < 0) {
                    end = h.length();
                }
                value = h.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = h.indexOf(',', i);
                if (end < 0) {
                    end = h.length();
                }
                value = h.substring(i, end).strip();
                i = end;
            }
            out.put(key, value);
        }
        return out;
    }

    /** The expected {@code response} value for the given credentials and request. */
    public static String response(
            String user, String password, Map<String, String> p, String method, String uri, String nc, String cnonce) {
        String ha1 = md5Hex(user + ":" + p.getOrDefault("realm", "") + ":" + password);
        String ha2 = md5Hex(method + ":" + uri);
        String nonce = p.getOrDefault("nonce", "");
        if (p.containsKey("qop")) {
            return md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        }
        return md5Hex(ha1 + ":" + nonce + ":" + ha2);
    }

    /** Builds an {@code Authorization} header answering a challenge. */
    public static String authorization(
            String user, String password, Map<String, String> challenge, String method, String uri, String cnonce) {
        String nc = "00000001";
        String resp = response(user, password, challenge, method, uri, nc, cnonce);
        StringBuilder b = new StringBuilder("Digest ");
        b.append("username=\"").append(user).append("\", realm=\"").append(challenge.getOrDefault("realm", ""));
        b.append("\", nonce=\"")
                .append(challenge.getOrDefault("nonce", ""))
                .append("\", uri=\"")
                .append(uri);
        b.append("\", response=\"").append(resp).append('"');
        if (challenge.containsKey("opaque")) {
            b.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        if (challenge.containsKey("qop")) {
            b.append(", qop=auth, nc=")
                    .append(nc)
                    .append(", cnonce=\"")
                    .append(cnonce)
                    .append('"');
        }
        return b.toString();
    }
}
