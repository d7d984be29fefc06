package io.minerai.core.market;

/** Whether a publisher's timestamp marks the start or the end of the interval it labels. */
public enum IntervalConvention {
    /** The timestamp is the interval's start (ERCOT's 15-minute SPP report after conversion, PJM, EPEX/ENTSO-E). */
    STARTING,
    /** The timestamp is the interval's end (AEMO's SETTLEMENTDATE, ERCOT's hour-ending tables). */
    ENDING;

    /** Parses {@code starting} / {@code ending} (case-insensitive). */
    public static java.util.Optional<IntervalConvention> parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "starting", "start", "interval-starting" -> java.util.Optional.of(STARTING);
            case "ending", "end", "interval-ending" -> java.util.Optional.of(ENDING);
            default -> java.util.Optional.empty();
        };
    }
}
