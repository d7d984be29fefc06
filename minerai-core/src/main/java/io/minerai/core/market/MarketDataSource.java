package io.minerai.core.market;

import io.minerai.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a market's data comes from: the entries of a scenario's {@code market.data} section. Values are kept as the
 * user wrote them; {@link #problems(String)} checks them (each problem at its field path) and minerai-data's
 * resolver turns a source into series on a run's grid. No file is opened here.
 */
public sealed interface MarketDataSource {

    /**
     * Every problem of the declared fields, located under {@code path} (e.g. {@code market.data.prices}): an unknown
     * format, zone, currency, convention or step. Files are not opened.
     */
    List<Problem> problems(String path);

    /**
     * A dataset bundled with minerai, e.g. {@code aemo-vic1-2025}, {@code pjm-hub-lmp-2025-summer}, {@code
     * de-lu-dayahead}, {@code no2-dayahead-2024}, {@code aemo-nsw1-2025-hourly}, {@code pjm-rpm-bra}.
     *
     * @param dataset the dataset id
     */
    record Bundled(String dataset) implements MarketDataSource {
        public Bundled {
            Objects.requireNonNull(dataset, "dataset");
        }

        @Override
        public List<Problem> problems(String path) {
            return dataset.isBlank() ? List.of(new Problem(path + ".dataset", "must name a dataset")) : List.of();
        }
    }

    /**
     * A user's file in a publisher's own layout; the format fixes clock, currency and units.
     *
     * @param path file or folder; relative paths resolve against the scenario file's folder
     * @param format a {@link PublisherFormat#key()}, e.g. {@code aemo-price-and-demand}
     */
    record PublisherFile(String path, String format) implements MarketDataSource {
        public PublisherFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(format, "format");
        }

        @Override
        public List<Problem> problems(String p) {
            List<Problem> out = new ArrayList<>();
            if (path.isBlank()) {
                out.add(new Problem(p + ".path", "must name a file or folder"));
            }
            if (PublisherFormat.parse(format).isEmpty()) {
                out.add(new Problem(
                        p + ".format", "unknown format '" + format + "'; known: " + PublisherFormat.keys()));
            }
            return out;
        }

        /** The parsed format; throws for an unknown one (check {@link #problems} first). */
        public PublisherFormat publisherFormat() {
            return PublisherFormat.parse(format)
                    .orElseThrow(() -> new IllegalStateException("unknown format " + format));
        }
    }

    /**
     * A generic CSV: a timestamp column and a value column, with everything a publisher's format would fix declared.
     *
     * @param path CSV path; relative paths resolve against the scenario file's folder
     * @param timeColumn the timestamp column (ISO-8601, with an offset or local in {@code zone})
     * @param valueColumn the value column
     * @param currency ISO 4217 code of a price column (e.g. {@code AUD}); empty for a quantity such as system load
     * @param zone the zone of local timestamps (e.g. {@code Australia/Brisbane}, {@code +10:00}, {@code UTC})
     * @param convention {@code starting} or {@code ending}: whether a timestamp marks its interval's start or end
     * @param step the interval length, e.g. {@code 5m}, {@code 30 min}, {@code 1h}, {@code PT15M}
     * @param timeFormat a {@link java.time.format.DateTimeFormatter} pattern for timestamps that are not ISO-8601
     *     (e.g. {@code yyyy/MM/dd HH:mm:ss}); empty for ISO-8601
     */
    record Csv(
            String path,
            String timeColumn,
            String valueColumn,
            Optional<String> currency,
            String zone,
            String convention,
            String step,
            Optional<String> timeFormat)
            implements MarketDataSource {
        public Csv {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(timeColumn, "timeColumn");
            Objects.requireNonNull(valueColumn, "valueColumn");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(convention, "convention");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(timeFormat, "timeFormat");
        }

        @Override
        public List<Problem> problems(String p) {
            List<Problem> out = new ArrayList<>();
            if (path.isBlank()) {
                out.add(new Problem(p + ".path", "must name a file"));
            }
            if (timeColumn.isBlank()) {
                out.add(new Problem(p + ".timeColumn", "must name the timestamp column"));
            }
            if (valueColumn.isBlank()) {
                out.add(new Problem(p + ".valueColumn", "must name the value column"));
            }
            currency.flatMap(MarketFields::currencyProblem).ifPresent(m -> out.add(new Problem(p + ".currency", m)));
            MarketFields.zoneProblem(zone).ifPresent(m -> out.add(new Problem(p + ".zone", m)));
            if (IntervalConvention.parse(convention).isEmpty()) {
                out.add(new Problem(p + ".convention", "must be starting or ending, was '" + convention + "'"));
            }
            MarketFields.stepProblem(step).ifPresent(m -> out.add(new Problem(p + ".step", m)));
            timeFormat
                    .flatMap(MarketFields::timeFormatProblem)
                    .ifPresent(m -> out.add(new Problem(p + ".timeFormat", m)));
            return out;
        }
    }
}
