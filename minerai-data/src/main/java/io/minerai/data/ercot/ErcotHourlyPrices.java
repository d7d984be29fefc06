package io.minerai.data.ercot;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.Coverage;
import io.minerai.data.DateRange;
import io.minerai.data.csv.ProblemCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ERCOT hourly settlement point prices for hubs and load zones, real-time and day-ahead, in $/MWh, on UTC hours.
 *
 * <p>The bundled table (2024-01-01..2026-03-17, 15 settlement points) has columns {@code delivery_date},
 * {@code hour_ending} and {@code <SP>_RTM}, {@code <SP>_DAM} per settlement point; RTM is the hourly mean of the four
 * 15-minute real-time SPPs. Hours ending (CPT) are converted to UTC interval starts by {@link CentralTime}. The source
 * lacks the DST repeated hour and some days (see docs/DATA.md); those hours stay missing. Immutable and thread-safe.
 */
public final class ErcotHourlyPrices {
    /** Classpath location of the bundled table. */
    public static final String BUNDLED_RESOURCE =
            "/io/minerai/data/ercot_prices_hourly/ercot_hub_lz_prices_hourly_2024_2026.csv.gz";

    private final String source;
    private final Map<String, Map<Market, TimeSeries>> bySettlementPoint;
    private final DateRange operatingDays;
    private final TimeGrid grid;

    private ErcotHourlyPrices(String source, Map<String, Map<Market, TimeSeries>> series, DateRange days) {
        this.source = source;
        this.bySettlementPoint = series;
        this.operatingDays = days;
        this.grid = series.values().iterator().next().values().iterator().next().grid();
    }

    /** The bundled prices, parsed once and cached. */
    public static ErcotHourlyPrices bundled() {
        return Bundled.PRICES;
    }

    /** Reads a table in the bundled layout from a file; a ValidationException lists every problem. */
    public static ErcotHourlyPrices read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new ValidationException(
                    "ERCOT prices",
                    new Problem(path.getFileName().toString(), "file not found: " + path.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the bundled layout from a stream (closed afterwards). */
    public static ErcotHourlyPrices read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        HourEndingTable.Result r = HourEndingTable.read(
                in, problems.forFile(fileName), ErcotHourlyPrices::isPriceColumn, "USD/MWh", false);
        problems.throwIfAny("ERCOT prices " + fileName);
        Map<String, Map<Market, TimeSeries>> bySp = new LinkedHashMap<>();
        r.series().forEach((column, s) -> {
            String sp = column.substring(0, column.length() - 4);
            Market m = Market.valueOf(column.substring(column.length() - 3).toUpperCase(Locale.ROOT));
            bySp.computeIfAbsent(sp, k -> new LinkedHashMap<>()).put(m, s.renamed(sp + " " + m, "USD/MWh"));
        });
        return new ErcotHourlyPrices(fileName, bySp, Objects.requireNonNull(r.days()));
    }

    private static boolean isPriceColumn(String name) {
        String u = name.toUpperCase(Locale.ROOT);
        return (u.endsWith("_RTM") || u.endsWith("_DAM")) && u.length() > 4;
    }

    private static final class Bundled {
        static final ErcotHourlyPrices PRICES = load();

        private static ErcotHourlyPrices load() {
            InputStream in = ErcotHourlyPrices.class.getResourceAsStream(BUNDLED_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + BUNDLED_RESOURCE);
            }
            return read(in, "ercot_hub_lz_prices_hourly_2024_2026.csv");
        }
    }

    /** Where the prices came from. */
    public String source() {
        return source;
    }

    /** Settlement points in file order, e.g. HB_WEST, LZ_WEST. */
    public List<String> settlementPoints() {
        return List.copyOf(bySettlementPoint.keySet());
    }

    /** The settlement point's name as in the data, matched ignoring case. */
    public Optional<String> find(String settlementPoint) {
        for (String sp : bySettlementPoint.keySet()) {
            if (sp.equalsIgnoreCase(settlementPoint.strip())) {
                return Optional.of(sp);
            }
        }
        return Optional.empty();
    }

    /** Markets available for a settlement point. */
    public List<Market> markets(String settlementPoint) {
        return new ArrayList<>(spSeries(settlementPoint).keySet());
    }

    /** UTC span of the table: local midnight of the first operating day to local midnight after the last. */
    public Coverage coverage() {
        return new Coverage(grid.startUtc(), grid.endUtc());
    }

    /** First and last operating day (CPT) of the table. */
    public DateRange operatingDays() {
        return operatingDays;
    }

    /** The hourly series as stored (UTC hours over {@link #coverage()}, missing hours missing). */
    public TimeSeries hourly(String settlementPoint, Market market) {
        TimeSeries s = spSeries(settlementPoint).get(market);
        if (s == null) {
            throw new IllegalArgumentException("no " + market + " prices for " + settlementPoint);
        }
        return s;
    }

    /**
     * The price on the caller's grid: hourly prices repeat on 5- and 15-minute grids and average (time-weighted) to
     * coarser ones; an interval is missing when any hour it touches is missing or outside the data.
     *
     * @throws IllegalArgumentException for an unknown settlement point (the message lists the known ones)
     */
    public TimeSeries series(String settlementPoint, Market market, TimeGrid grid) {
        return hourly(settlementPoint, market).resampleTo(grid);
    }

    private Map<Market, TimeSeries> spSeries(String settlementPoint) {
        Optional<String> sp = find(settlementPoint);
        if (sp.isEmpty()) {
            throw new IllegalArgumentException("unknown settlement point " + settlementPoint + "; known: "
                    + String.join(", ", bySettlementPoint.keySet()));
        }
        return Objects.requireNonNull(bySettlementPoint.get(sp.get()));
    }
}
