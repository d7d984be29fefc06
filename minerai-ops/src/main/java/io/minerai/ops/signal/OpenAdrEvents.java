package io.minerai.ops.signal;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.ops.proto.Lenient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads OpenADR 3 events (spec JSON, grid-coordination/openadr3-specification) and finds what is in force at an
 * instant, following the User Guide's timing rules: the event's {@code intervalPeriod} is the default for its
 * intervals, an interval's own period overrides it, intervals without one follow each other; a start of {@code
 * 0001-01-01T00:00:00Z} means "now"; a duration of {@code P9999Y} means forever; a payload with several values splits
 * its interval evenly into sub-intervals. Field names are matched case-insensitively ({@code payLoadType} appears in
 * the spec's own examples).
 */
public final class OpenAdrEvents {
    /**
     * One payload value in force.
     *
     * @param eventId event id ("" when the VTN gave none)
     * @param programId program id
     * @param intervalId interval id (reports must echo it)
     * @param type payload type, e.g. SIMPLE, PRICE, IMPORT_CAPACITY_LIMIT
     * @param value the value in force now
     * @param units units from the payload descriptor, e.g. KW, MW, KWH ("" when none)
     */
    public record Active(String eventId, String programId, int intervalId, String type, double value, String units) {}

    static final Instant NOW_MARKER = Instant.parse("0001-01-01T00:00:00Z");

    private OpenAdrEvents() {}

    /** Every payload value in force at {@code now} across the events (an array, or a single event object). */
    public static List<Active> activeAt(JsonNode events, Instant now) {
        List<Active> out = new ArrayList<>();
        if (events.isArray()) {
            for (JsonNode e : events) {
                activeIn(e, now, out);
            }
        } else if (events.isObject()) {
            activeIn(events, now, out);
        }
        return out;
    }

    private static void activeIn(JsonNode event, Instant now, List<Active> out) {
        String eventId = text(event, "id");
        String programId = text(event, "programID");
        JsonNode defPeriod = get(event, "intervalPeriod");
        Instant cursor = defPeriod == null ? null : start(get(defPeriod, "start"), now);
        Duration defDuration = defPeriod == null ? null : duration(get(defPeriod, "duration"));
        JsonNode descriptors = get(event, "payloadDescriptors");
        JsonNode intervals = get(event, "intervals");
        if (intervals == null || !intervals.isArray()) {
            return;
        }
        for (JsonNode iv : intervals) {
            JsonNode own = get(iv, "intervalPeriod");
            Instant start = own != null && get(own, "start") != null ? start(get(own, "start"), now) : cursor;
            Duration dur = own != null && get(own, "duration") != null ? duration(get(own, "duration")) : defDuration;
            if (start == null) {
                continue; // no period anywhere: cannot place it
            }
            Instant end = dur == null ? Instant.MAX : plus(start, dur);
            cursor = end;
            if (now.isBefore(start) || !now.isBefore(end)) {
                continue;
            }
            JsonNode payloads = get(iv, "payloads");
            if (payloads == null) {
                continue;
            }
            int intervalId = (int) Lenient.number(get(iv, "id"));
            for (JsonNode p : payloads) {
                String type = text(p, "type").toUpperCase(Locale.ROOT);
                JsonNode values = get(p, "values");
                if (values == null || !values.isArray() || values.isEmpty()) {
                    continue;
                }
                int k = 0;
                if (values.size() > 1 && dur != null) {
                    long sub = dur.toMillis() / values.size();
                    k = (int)
                            Math.min(values.size() - 1, (now.toEpochMilli() - start.toEpochMilli()) / Math.max(1, sub));
                }
                double v = Lenient.number(values.get(k));
                out.add(new Active(eventId, programId, intervalId, type, v, units(descriptors, type)));
            }
        }
    }

    private static String units(@Nullable JsonNode descriptors, String type) {
        if (descriptors == null) {
            return "";
        }
        for (JsonNode d : descriptors) {
            if (text(d, "payloadType").equalsIgnoreCase(type)) {
                return text(d, "units").toUpperCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static @Nullable Instant start(@Nullable JsonNode n, Instant now) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(n.asText()).toInstant();
            return t.equals(NOW_MARKER) ? now : t;
        } catch (DateTimeParseException e) {
            try {
                Instant t = java.time.LocalDateTime.parse(n.asText()).toInstant(java.time.ZoneOffset.UTC);
                return t.equals(NOW_MARKER) ? now : t;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** An ISO-8601 duration; null means forever ({@code P9999Y}); years and months count as 365 and 30 days. */
    static @Nullable Duration duration(@Nullable JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        String s = n.asText().toUpperCase(Locale.ROOT);
        if (s.startsWith("P9999Y")) {
            return null;
        }
        int t = s.indexOf('T');
        String datePart = t < 0 ? s : s.substring(0, t);
        String timePart = t < 0 ? "" : s.substring(t);
        Duration d = Duration.ZERO;
        if (datePart.length() > 1) {
            Period p = Period.parse(datePart);
            d = d.plusDays(p.getYears() * 365L + p.getMonths() * 30L + p.getDays());
        }
        if (!timePart.isEmpty()) {
            d = d.plus(Duration.parse("P" + timePart));
        }
        return d;
    }

    private static Instant plus(Instant a, Duration d) {
        try {
            return a.plus(d);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return Instant.MAX;
        }
    }

    /** A field by name, case-insensitively. */
    static @Nullable JsonNode get(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        if (v != null) {
            return v;
        }
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode obj, String name) {
        JsonNode v = get(obj, name);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** A power value in MW from a value and its units (W, KW, MW; no units = KW as in the spec's examples). */
    public static double toMw(double value, String units) {
        return switch (units) {
            case "W" -> value / 1e6;
            case "MW" -> value;
            default -> value / 1e3;
        };
    }
}
