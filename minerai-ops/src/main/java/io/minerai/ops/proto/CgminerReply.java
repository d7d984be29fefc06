package io.minerai.ops.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One reply of the cgminer RPC API (bmminer, LuxOS, BOSminer, btminer v1/v2), in either form: JSON ({@code
 * {"STATUS":[{...}],"SUMMARY":[{...}],"id":1}}) or plain text ({@code STATUS=S,When=..,Code=11,Msg=Summary|SUMMARY,
 * Elapsed=..|}). Text replies are turned into the same tree as JSON ones: each {@code |}-separated section becomes an
 * element of the array named by its first item, and values stay strings (read them with {@link Lenient}).
 *
 * @param root the reply tree
 */
public record CgminerReply(JsonNode root) {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * The reply's status.
     *
     * @param letter S success, I info, W warning, E error, F fatal
     * @param code message code (11 summary, 7 pools, 70 stats, 14 invalid command, 45 access denied...), -1 if absent
     * @param msg message text
     * @param description usually the miner software and version
     * @param whenEpochSeconds the device's clock when it answered, -1 if absent
     */
    public record Status(String letter, int code, String msg, String description, long whenEpochSeconds) {
        public boolean ok() {
            return letter.equals("S") || letter.equals("I");
        }
    }

    /** Parses a raw reply (trailing NUL allowed; broken JSON repaired). */
    public static CgminerReply parse(String raw) {
        String s = LenientJson.stripNul(raw).strip();
        if (s.startsWith("{") || s.startsWith("[")) {
            return new CgminerReply(LenientJson.parse(s));
        }
        return new CgminerReply(parseText(s));
    }

    /** The status (first element of {@code STATUS}, or the Whatsminer form with a string STATUS). */
    public Status status() {
        JsonNode st = root.get("STATUS");
        if (st == null) {
            return new Status("", -1, "", "", -1);
        }
        if (st.isArray() && !st.isEmpty()) {
            JsonNode s = st.get(0);
            return new Status(text(s, "STATUS"), (int) num(s, "Code"), text(s, "Msg"), text(s, "Description"), (long)
                    num(s, "When"));
        }
        JsonNode msg = root.get("Msg");
        return new Status(
                st.asText(),
                (int) num(root, "Code"),
                msg == null ? "" : (msg.isTextual() ? msg.asText() : msg.toString()),
                text(root, "Description"),
                (long) num(root, "When"));
    }

    /** Whether the device refused the command for lack of privilege (code 45, "Access denied"). */
    public boolean accessDenied() {
        Status s = status();
        return s.code() == 45 || s.msg().toLowerCase(Locale.ROOT).contains("access denied");
    }

    /**
     * The elements of a section, e.g. {@code SUMMARY}, {@code POOLS}, {@code STATS} (where element 0 is firmware
     * metadata and element 1 the stats). Section names are matched case-insensitively and with or without a plural
     * "S" (text replies name pool sections {@code POOL=0}).
     */
    public List<JsonNode> section(String name) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode sec = find(root, name);
        if (sec == null) {
            return out;
        }
        if (sec.isArray()) {
            sec.forEach(out::add);
        } else {
            out.add(sec);
        }
        return out;
    }

    /** The first element of a section, or an empty object. */
    public JsonNode first(String name) {
        List<JsonNode> s = section(name);
        return s.isEmpty() ? F.objectNode() : s.get(0);
    }

    /** The reply to one command of a {@code summary+pools} multi-command reply. */
    public CgminerReply part(String command) {
        JsonNode p = root.get(command);
        if (p != null && p.isArray() && !p.isEmpty()) {
            return new CgminerReply(p.get(0));
        }
        return new CgminerReply(p == null ? F.objectNode() : p);
    }

    private static @org.jspecify.annotations.Nullable JsonNode find(JsonNode root, String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String singular = upper.endsWith("S") ? upper.substring(0, upper.length() - 1) : upper;
        var it = root.fields();
        while (it.hasNext()) {
            var e = it.next();
            String k = e.getKey().toUpperCase(Locale.ROOT);
            if (k.equals(upper) || k.equals(singular) || k.equals(upper + "S")) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static double num(JsonNode n, String field) {
        double d = Lenient.number(n.get(field));
        return Double.isNaN(d) ? -1 : d;
    }

    /** Converts the plain-text form into the JSON tree shape. */
    static ObjectNode parseText(String s) {
        ObjectNode root = F.objectNode();
        for (String section : splitUnescaped(s, '|')) {
            if (section.isBlank()) {
                continue;
            }
            List<String> items = splitUnescaped(section, ',');
            if (items.isEmpty()) {
                continue;
            }
            String head = items.get(0);
            int eq = indexOfUnescaped(head, '=');
            String name = unescape(eq < 0 ? head : head.substring(0, eq)).strip();
            ObjectNode obj = F.objectNode();
            for (int i = eq < 0 ? 1 : 0; i < items.size(); i++) {
                String item = items.get(i);
                int e = indexOfUnescaped(item, '=');
                if (e < 0) {
                    if (!item.isBlank()) {
                        obj.put(unescape(item).strip(), "");
                    }
                } else {
                    obj.put(unescape(item.substring(0, e)).strip(), unescape(item.substring(e + 1)));
                }
            }
            JsonNode existing = root.get(name);
            ArrayNode arr = existing instanceof ArrayNode a ? a : root.putArray(name);
            arr.add(obj);
        }
        return root;
    }

    private static List<String> splitUnescaped(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static int indexOfUnescaped(String s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
