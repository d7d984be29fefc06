package io.minerai.report.html;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Dispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs of consecutive skipped intervals of a dispatch, with the missing inputs behind each run when known. */
public final class GapRuns {
    private GapRuns() {}

    /**
     * A run of skipped intervals.
     *
     * @param fromUtc start of the first skipped interval
     * @param toUtc end of the last skipped interval (exclusive)
     * @param intervals number of intervals
     * @param reasons what was missing somewhere in the run ("price", "Bitcoin data", "generation profile"); empty when
     *     the inputs are not at hand
     */
    public record Run(Instant fromUtc, Instant toUtc, int intervals, List<String> reasons) {
        public Run {
            reasons = List.copyOf(reasons);
        }
    }

    /** The runs of {@code dispatch}'s skipped intervals, in time order. */
    public static List<Run> of(Dispatch dispatch, Optional<ScenarioInputs> inputs) {
        TimeGrid grid = dispatch.grid();
        boolean[] dispatched = dispatch.dispatched();
        List<Run> out = new ArrayList<>();
        int t = 0;
        while (t < grid.count()) {
            if (dispatched[t]) {
                t++;
                continue;
            }
            int from = t;
            while (t < grid.count() && !dispatched[t]) {
                t++;
            }
            int to = t;
            List<String> reasons = inputs.map(in -> reasons(in, from, to)).orElse(List.of());
            out.add(new Run(grid.start(from), grid.start(to - 1).plus(grid.step()), to - from, reasons));
        }
        return out;
    }

    private static List<String> reasons(ScenarioInputs in, int from, int to) {
        if (!in.grid().equals(in.priceUsdPerMwh().grid())) {
            return List.of();
        }
        List<String> r = new ArrayList<>();
        if (anyMissing(in.priceUsdPerMwh(), from, to)) {
            r.add("price");
        }
        if (anyMissing(in.btcPerThDay(), from, to) || anyMissing(in.btcPriceUsd(), from, to)) {
            r.add("Bitcoin data");
        }
        for (TimeSeries cf : in.generatorCapacityFactor()) {
            if (anyMissing(cf, from, to)) {
                r.add("generation profile");
                break;
            }
        }
        return r;
    }

    private static boolean anyMissing(TimeSeries s, int from, int to) {
        if (to > s.size()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.isMissing(i)) {
                return true;
            }
        }
        return false;
    }
}
