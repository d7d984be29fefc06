package io.minerai.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers of result reads (summaries and series of SUCCEEDED runs), kept in memory: a succeeded run's result never
 * changes, so nothing needs invalidating but a deleted run. Least recently used answers go first once the cache holds more than {@code
 * maxChars} characters.
 */
final class ResultCache {
    private final long maxChars;
    private long chars;
    private final LinkedHashMap<String, String> map = new LinkedHashMap<>(64, 0.75f, true);

    ResultCache(long maxChars) {
        this.maxChars = maxChars;
    }

    /** Forgets everything cached for a run (after it was deleted). */
    synchronized void forgetRun(long runId) {
        var it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            String k = e.getKey();
            if (k.equals("summary:" + runId)
                    || k.startsWith("series:" + runId + ":")
                    || k.equals("cashflows.html:" + runId)
                    || k.startsWith("cashflows.csv:" + runId + ":")) {
                chars -= e.getValue().length();
                it.remove();
            }
        }
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    /** The cached answer, or computes, caches and returns it. */
    String computeIfAbsent(String key, Supplier<String> compute) {
        Optional<String> hit = get(key);
        if (hit.isPresent()) {
            return hit.get();
        }
        String value = compute.get();
        put(key, value);
        return value;
    }

    private synchronized void put(String key, String value) {
        if (value.length() > maxChars / 4) {
            return; // too big to be worth keeping
        }
        String old = map.put(key, value);
        chars += value.length() - (old == null ? 0 : old.length());
        var it = map.entrySet().iterator();
        while (chars > maxChars && it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            chars -= e.getValue().length();
            it.remove();
        }
    }

    synchronized int size() {
        return map.size();
    }
}
