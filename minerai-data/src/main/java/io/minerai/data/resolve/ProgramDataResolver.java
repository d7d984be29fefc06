package io.minerai.data.resolve;

import io.minerai.core.inputs.MarketInputs;
import io.minerai.core.scenario.CapacityObligationProgram;
import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.DemandReductionProgram;
import io.minerai.core.scenario.FlexibleComputeProgram;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.ercot.ErcotFuelMixReader;
import io.minerai.data.ercot.FuelMix;
import io.minerai.data.market.BundledMarketData;
import io.minerai.data.pjm.PjmCapacityPrices;
import io.minerai.data.series.TimestampedCsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Resolves what the scenario's market programs read from data: the system load behind ERCOT's coincident peaks (the
 * bundled fuel mix or a user CSV), the event windows of a demand-reduction service (a user CSV), and the PJM capacity
 * clearing prices of the delivery years the run's summers set. Engines then find peaks and settle without opening a
 * file.
 */
final class ProgramDataResolver {
    private static final ZoneId ERCOT = ZoneId.of("America/Chicago");
    private static final ZoneId PJM = ZoneId.of("America/New_York");

    private ProgramDataResolver() {}

    /**
     * ERCOT system load for the coincident-peak program when the market section names none: the bundled 15-minute fuel
     * mix (total generation, net of storage charging) or the program's CSV.
     */
    static Optional<TimeSeries> coincidentPeakLoad(Scenario s, TimeGrid grid, Path baseDir, ProblemCollector problems) {
        Optional<CoincidentPeakProgram> cp = s.markets().coincidentPeak();
        if (cp.isEmpty() || s.market().data().systemLoad().isPresent()) {
            return Optional.empty();
        }
        if (cp.get().variant() == CoincidentPeakProgram.Variant.FOUR_CP && !hasSummerMonth(grid)) {
            return Optional.empty(); // no 4CP month in the period: no peaks, no load needed
        }
        return switch (cp.get().peaks()) {
            case CoincidentPeakProgram.PeakSource.ErcotFuelMix e -> fuelMixLoad(e.year(), grid, problems);
            case CoincidentPeakProgram.PeakSource.Csv c -> {
                Path p = baseDir.resolve(c.path());
                if (!Files.exists(p)) {
                    problems.add("markets.coincidentPeak.peakSource.path", "file not found: " + p.toAbsolutePath());
                    yield Optional.empty();
                }
                try {
                    yield Optional.of(TimestampedCsvReader.read(
                                    p,
                                    TimestampedCsvReader.Spec.of(c.timeColumn(), c.loadColumn())
                                            .withRange(0, 1e7)
                                            .withUnit("MW"))
                            .series(c.loadColumn()));
                } catch (ValidationException ex) {
                    problems.addAll(ex.problems());
                    yield Optional.empty();
                }
            }
        };
    }

    /** Whether any interval of the grid falls in June-September, Central time (the 4CP months). */
    static boolean hasSummerMonth(TimeGrid grid) {
        for (int i = 0; i < grid.count(); i += Math.max(1, (int) (86_400 / grid.stepSeconds()))) {
            int m = grid.start(i).atZone(ERCOT).getMonthValue();
            if (m >= 6 && m <= 9) {
                return true;
            }
        }
        int last = grid.endUtc().minusSeconds(1).atZone(ERCOT).getMonthValue();
        return last >= 6 && last <= 9;
    }

    /**
     * System load proxy from the bundled fuel mix on its 15-minute grid: the run's own year (in ERCOT's clock) when the
     * data has it, otherwise the year given, shifted by whole years so peaks keep their date and time of day.
     */
    static Optional<TimeSeries> fuelMixLoad(int year, TimeGrid runGrid, ProblemCollector problems) {
        FuelMix mix = ErcotFuelMixReader.bundled();
        TimeSeries mw = mix.totalGenerationMw(mix.grid());
        TreeSet<Integer> years = new TreeSet<>();
        for (int i = 0; i < mw.size(); i++) {
            if (!mw.isMissing(i)) {
                years.add(mw.grid().start(i).atZone(ERCOT).getYear());
            }
        }
        int runYear = runGrid.startUtc().atZone(ERCOT).getYear();
        int dataYear = year == 0 ? runYear : year;
        if (!years.contains(dataYear)) {
            problems.add(
                    "markets.coincidentPeak.peakSource.year",
                    "the bundled fuel mix covers " + yearList(years) + " (Central time); the run is in " + runYear
                            + ": set peakSource.year to one of those, or give a system-load CSV");
            return Optional.empty();
        }
        if (dataYear == runYear) {
            return Optional.of(mw);
        }
        TimeGrid g = mw.grid();
        TimeGrid shifted = new TimeGrid(
                g.startUtc()
                        .atOffset(ZoneOffset.UTC)
                        .plusYears(runYear - dataYear)
                        .toInstant(),
                g.step(),
                g.count());
        TimeSeries.Builder b = TimeSeries.builder(mw.name(), mw.unit(), shifted);
        for (int i = 0; i < g.count(); i++) {
            if (!mw.isMissing(i)) {
                b.set(i, mw.value(i));
            }
        }
        return Optional.of(b.build());
    }

    /** Program data: event windows and capacity prices. */
    static MarketInputs.ProgramData programData(Scenario s, TimeGrid grid, Path baseDir, ProblemCollector problems) {
        Map<String, TimeSeries> events = new LinkedHashMap<>();
        Optional<DemandReductionProgram> dr = s.markets().demandReduction();
        if (dr.isPresent() && dr.get().events() instanceof DemandReductionProgram.EventSource.Csv c) {
            TimeSeries e = events(c, "markets.demandReduction.events.path", grid, baseDir, problems);
            if (e != null) {
                events.put(DemandReductionProgram.PROGRAM, e);
            }
        }
        Optional<FlexibleComputeProgram> fc = s.markets().flexibleCompute();
        if (fc.isPresent()) {
            TimeSeries e = events(fc.get().events(), "markets.flexibleCompute.events.path", grid, baseDir, problems);
            if (e != null) {
                events.put(FlexibleComputeProgram.PROGRAM, e);
            }
        }
        Map<Integer, Double> prices = new LinkedHashMap<>();
        StringBuilder source = new StringBuilder();
        Optional<CapacityObligationProgram> cap = s.markets().capacityObligation();
        if (cap.isPresent()) {
            PjmCapacityPrices table = BundledMarketData.pjmCapacityPrices();
            int first = grid.startUtc().atZone(PJM).getYear();
            int last = grid.endUtc().minusSeconds(1).atZone(PJM).getYear();
            List<String> fallback = new ArrayList<>();
            for (int summer = first; summer <= last; summer++) {
                int dy = summer + 1;
                Optional<PjmCapacityPrices.Lookup> l =
                        table.lookup(LocalDate.of(dy, 6, 1), cap.get().lda());
                if (l.isEmpty()) {
                    problems.add(
                            "markets.capacityObligation",
                            "no RPM clearing price for delivery year " + dy + "/" + (dy + 1)
                                    + ", which the summer " + summer + " peaks set; the bundled table covers "
                                    + table.deliveryYears());
                    continue;
                }
                prices.put(dy, l.get().price().priceUsdPerMwDay());
                if (l.get().basis() == PjmCapacityPrices.Basis.RTO_FALLBACK) {
                    fallback.add(l.get().price().deliveryYear());
                }
            }
            source.append("PJM RPM BRA clearing prices, ")
                    .append(cap.get().lda())
                    .append(" (bundled, ")
                    .append(table.source())
                    .append(')');
            if (!fallback.isEmpty()) {
                source.append("; RTO price stands in for ")
                        .append(cap.get().lda())
                        .append(" in ")
                        .append(fallback);
            }
        }
        return new MarketInputs.ProgramData(events, prices, source.toString());
    }

    /** 1 in every run interval that overlaps an event of the CSV, 0 elsewhere. */
    private static @Nullable TimeSeries events(
            DemandReductionProgram.EventSource.Csv c,
            String pathField,
            TimeGrid grid,
            Path baseDir,
            ProblemCollector problems) {
        Path p = baseDir.resolve(c.path());
        if (!Files.exists(p)) {
            problems.add(pathField, "file not found: " + p.toAbsolutePath());
            return null;
        }
        double[] mask = new double[grid.count()];
        FileProblems fp = problems.forFile(String.valueOf(p.getFileName()));
        int[] cols = new int[2];
        int before = problems.total();
        CsvFile.read(
                p,
                fp,
                header -> {
                    cols[0] = header.require(c.startColumn(), fp);
                    cols[1] = header.require(c.endColumn(), fp);
                    return cols[0] >= 0 && cols[1] >= 0;
                },
                row -> {
                    Instant start = instant(row, cols[0]);
                    Instant end = instant(row, cols[1]);
                    if (start == null || end == null) {
                        return;
                    }
                    if (!end.isAfter(start)) {
                        row.problem(cols[1], "event ends at " + end + ", not after its start " + start);
                        return;
                    }
                    for (int t = 0; t < grid.count(); t++) {
                        Instant a = grid.start(t);
                        if (a.isBefore(end) && a.plusSeconds(grid.stepSeconds()).isAfter(start)) {
                            mask[t] = 1;
                        }
                    }
                });
        return problems.total() > before ? null : TimeSeries.of("program events", "1", grid, mask);
    }

    private static @Nullable Instant instant(CsvRow row, int col) {
        String v = row.text(col).strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            row.problem(col, "not an ISO-8601 date-time with an offset: '" + v + "'");
            return null;
        }
    }

    private static String yearList(TreeSet<Integer> years) {
        List<String> y = years.stream().map(String::valueOf).toList();
        return y.size() <= 1
                ? String.join("", y)
                : String.join(", ", y.subList(0, y.size() - 1)) + " and " + y.getLast();
    }
}
