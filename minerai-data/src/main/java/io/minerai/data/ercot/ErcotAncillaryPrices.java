package io.minerai.data.ercot;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.Coverage;
import io.minerai.data.DateRange;
import io.minerai.data.csv.ProblemCollector;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ERCOT day-ahead ancillary-service market clearing prices for capacity (MCPC), system-wide, hourly, in $/MW-h per
 * product: {@code REGDN}, {@code REGUP}, {@code RRS}, {@code NSPIN}, {@code ECRS}. Same key and time conversion as
 * {@link ErcotHourlyPrices}. Immutable and thread-safe.
 */
public final class ErcotAncillaryPrices {
    /** Classpath location of the bundled table. */
    public static final String BUNDLED_RESOURCE =
            "/io/minerai/data/ercot_prices_hourly/ercot_dam_as_mcpc_hourly_2024_2026.csv.gz";
    /** Products in the bundled table, as upper-case keys. */
    public static final List<String> PRODUCTS = List.of("REGDN", "REGUP", "RRS", "NSPIN", "ECRS");

    private static final Set<String> PRODUCT_SET = Set.copyOf(PRODUCTS);

    private final Map<String, TimeSeries> byProduct;
    private final DateRange operatingDays;
    private final TimeGrid grid;

    private final List<String> droppedRows;

    private ErcotAncillaryPrices(Map<String, TimeSeries> byProduct, DateRange days, List<String> droppedRows) {
        this.byProduct = byProduct;
        this.droppedRows = droppedRows;
        this.operatingDays = days;
        this.grid = byProduct.values().iterator().next().grid();
    }

    /** The bundled prices, parsed once and cached. */
    public static ErcotAncillaryPrices bundled() {
        return Bundled.PRICES;
    }

    /**
     * Reads a table with {@code delivery_date, hour_ending} and product columns (any case) from a stream. A row with
     * values for an hour that does not exist (hour ending 3 of the spring-forward day) is an error.
     */
    public static ErcotAncillaryPrices read(InputStream in, String fileName) {
        return read(in, fileName, false);
    }

    private static ErcotAncillaryPrices read(InputStream in, String fileName, boolean dropNonexistentHours) {
        ProblemCollector problems = new ProblemCollector();
        HourEndingTable.Result r = HourEndingTable.read(
                in,
                problems.forFile(fileName),
                n -> PRODUCT_SET.contains(n.toUpperCase(Locale.ROOT)),
                "USD/MW-h",
                dropNonexistentHours);
        problems.throwIfAny("ERCOT ancillary prices " + fileName);
        Map<String, TimeSeries> out = new LinkedHashMap<>();
        r.series().forEach((column, s) -> {
            String p = column.toUpperCase(Locale.ROOT);
            out.put(p, s.renamed(p + " MCPC", "USD/MW-h"));
        });
        return new ErcotAncillaryPrices(out, Objects.requireNonNull(r.days()), r.droppedRows());
    }

    /** Parses the bundled table anew, bypassing the cache (for benchmarks); use {@link #bundled()} otherwise. */
    public static ErcotAncillaryPrices parseBundled() {
        return Bundled.load();
    }

    private static final class Bundled {
        static final ErcotAncillaryPrices PRICES = load();

        static ErcotAncillaryPrices load() {
            InputStream in = ErcotAncillaryPrices.class.getResourceAsStream(BUNDLED_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + BUNDLED_RESOURCE);
            }
            // The bundled table labels two rows "hour ending 3" on spring-forward days (2024-03-10, 2025-03-09), an
            // hour that does not exist, while hour ending 2 is absent; which hour they price is unknown, so they
            // are dropped and listed in droppedRows(), and those hours stay missing.
            return read(in, "ercot_dam_as_mcpc_hourly_2024_2026.csv", true);
        }
    }

    /**
     * Rows dropped on load because they label an hour that does not exist (bundled data only), as {@code file:line
     * (date hour ending h)}.
     */
    public List<String> droppedRows() {
        return droppedRows;
    }

    /** Products present, upper case. */
    public List<String> products() {
        return List.copyOf(byProduct.keySet());
    }

    /** UTC span of the table. */
    public Coverage coverage() {
        return new Coverage(grid.startUtc(), grid.endUtc());
    }

    /** First and last operating day (CPT). */
    public DateRange operatingDays() {
        return operatingDays;
    }

    /** One product's hourly series as stored. */
    public TimeSeries hourly(String product) {
        TimeSeries s = byProduct.get(product.toUpperCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown ancillary product " + product + "; known: " + products());
        }
        return s;
    }

    /** Every product on the caller's grid (see {@link ErcotHourlyPrices#series}); missing stays missing. */
    public Map<String, TimeSeries> series(TimeGrid grid) {
        Map<String, TimeSeries> out = new LinkedHashMap<>();
        byProduct.forEach((p, s) -> out.put(p, s.resampleTo(grid)));
        return out;
    }
}
