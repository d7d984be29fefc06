package io.minerai.core.market;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of the declared fields of market data: ISO 4217 currencies, time zones, interval steps and timestamp
 * patterns. Each {@code ...Problem} method returns the message for a bad value (the caller adds the field path).
 */
public final class MarketFields {
    /** Shortest step a data file may declare. */
    public static final Duration MIN_STEP = Duration.ofMinutes(1);
    /** Longest step a data file may declare. */
    public static final Duration MAX_STEP = Duration.ofDays(1);

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern SHORT_STEP = Pattern.compile(
            "(\\d+)\\s*(m|min|mins|minute|minutes|h|hr|hour|hours|d|day|days)", Pattern.CASE_INSENSITIVE);

    private MarketFields() {}

    /** An ISO 4217 currency from its three-letter code (case-insensitive), e.g. {@code AUD}. */
    public static Optional<Currency> currency(String code) {
        String c = code.strip();
        if (!CODE.matcher(c).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(c.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why {@code code} is not an ISO 4217 currency, if it is not. */
    public static Optional<String> currencyProblem(String code) {
        return currency(code).isPresent()
                ? Optional.empty()
                : Optional.of("unknown currency '" + code + "'; give an ISO 4217 code such as USD, AUD or EUR");
    }

    /** A time zone: a region id ({@code Australia/Brisbane}), {@code UTC}, or an offset ({@code +10:00}). */
    public static Optional<ZoneId> zone(String id) {
        String z = id.strip();
        if (z.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(z));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Why {@code id} is not a time zone, if it is not. */
    public static Optional<String> zoneProblem(String id) {
        return zone(id).isPresent()
                ? Optional.empty()
                : Optional.of("unknown time zone '" + id
                        + "'; give a region id such as Australia/Brisbane or Europe/Berlin, UTC, or an offset such as"
                        + " +10:00");
    }

    /**
     * An interval length: {@code 5m}, {@code 5 min}, {@code 30 minutes}, {@code 1h}, {@code 1 hour}, {@code 1d} or ISO
     * 8601 ({@code PT15M}); whole minutes from 1 minute to 1 day.
     */
    public static Optional<Duration> step(String s) {
        String t = s.strip();
        Duration d;
        Matcher m = SHORT_STEP.matcher(t);
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            char u = Character.toLowerCase(m.group(2).charAt(0));
            d = u == 'm' ? Duration.ofMinutes(n) : u == 'h' ? Duration.ofHours(n) : Duration.ofDays(n);
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        if (d.compareTo(MIN_STEP) < 0 || d.compareTo(MAX_STEP) > 0 || d.toSeconds() % 60 != 0 || d.getNano() != 0) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /** Why {@code s} is not a supported step, if it is not. */
    public static Optional<String> stepProblem(String s) {
        return step(s).isPresent()
                ? Optional.empty()
                : Optional.of("not a step: '" + s + "'; give whole minutes from 1 minute to 1 day, e.g. 5m, 30 min, 1h"
                        + " or PT15M");
    }

    /** A timestamp pattern for {@link DateTimeFormatter#ofPattern(String)}. */
    public static Optional<DateTimeFormatter> timeFormat(String pattern) {
        try {
            return Optional.of(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why {@code pattern} is not a timestamp pattern, if it is not. */
    public static Optional<String> timeFormatProblem(String pattern) {
        return timeFormat(pattern).isPresent()
                ? Optional.empty()
                : Optional.of("not a date-time pattern: '" + pattern + "'; e.g. yyyy/MM/dd HH:mm:ss");
    }
}
