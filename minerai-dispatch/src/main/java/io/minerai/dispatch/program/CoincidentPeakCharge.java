package io.minerai.dispatch.program;

import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.util.List;

/**
 * A charge on the site's demand in a market's coincident peaks: the site's tag is its average grid import over the
 * {@code peaksPerTag} peak intervals, and the charge is max(tag, minimum billing demand) x the rate per MW of tag. Each
 * peak interval of the run therefore costs import MW x rate / peaksPerTag; a minimum billing demand above the tag adds
 * (minimum - tag) x rate in the last peak interval of the run, when the tag is known.
 *
 * <p>Instances: ERCOT 4CP (four monthly 15-minute peaks of June-September, tariff $/kW-year, 16 TAC §25.192), the PUCT
 * Project 58484 staff proposal (12 monthly peaks on 30-minute intervals with a minimum billing demand), PJM's capacity
 * obligation (the peak load contribution from the five summer coincident peaks x the capacity price x days; see {@link
 * PjmCapacityObligation}). On a grid coarser than the peak interval, the peak's interval is the one containing it and
 * its average import stands for the import in the peak.
 *
 * @param program program id, e.g. {@code ercot-4cp}
 * @param stream the stream the charge is booked to
 * @param tagFact name of the tag in the summary's program facts, e.g. {@code tagMw}
 * @param peaksPerTag peaks averaged into the tag (4, 12, 5)
 * @param usdPerMwOfTag charge per MW of tag for the billing period, USD
 * @param minimumBillingMw minimum billing demand, MW (0 for none)
 * @param peakInterval per interval of the run's grid: contains a peak
 */
public record CoincidentPeakCharge(
        String program,
        Stream stream,
        String tagFact,
        int peaksPerTag,
        double usdPerMwOfTag,
        double minimumBillingMw,
        boolean[] peakInterval)
        implements Settler {

    /** The ERCOT 4CP transmission charge stream. */
    public static final Stream TRANSMISSION_4CP = Stream.of(
                    "transmission_4cp",
                    "4CP transmission charge",
                    Direction.COST,
                    "ercot-4cp",
                    "import in each 4CP peak interval x tariff x 1000 / 4")
            .withLegacyName("transmissionChargeUsd");

    /** Intervals that hold a peak (1) or not (0). */
    public Measure peakMeasure() {
        return new Measure(
                program.replace('-', '_') + "_peak", program + " peak interval", "flag", Aggregation.SUM, program);
    }

    /** ERCOT 4CP: tag = average import in the four monthly peaks of June-September; charge = tag x tariff x 1000. */
    public static CoincidentPeakCharge ercot4cp(double tariffUsdPerKwYear, boolean[] peakInterval) {
        return new CoincidentPeakCharge(
                "ercot-4cp", TRANSMISSION_4CP, "tagMw", 4, tariffUsdPerKwYear * 1000.0, 0, peakInterval);
    }

    /** Charge per MW of import in one peak interval, USD. */
    public double usdPerMwInPeak() {
        return usdPerMwOfTag / peaksPerTag;
    }

    public boolean isPeak(int t) {
        return t < peakInterval.length && peakInterval[t];
    }

    /** Checks the mask fits the grid. */
    public void requireGrid(TimeGrid grid) {
        if (peakInterval.length != grid.count()) {
            throw new IllegalArgumentException(
                    program + " peak mask has " + peakInterval.length + " intervals, the grid " + grid.count());
        }
    }

    @Override
    public List<Stream> streams() {
        return List.of(stream);
    }

    @Override
    public List<Measure> measures() {
        return List.of(peakMeasure());
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        requireGrid(c.grid());
        double[] usd = out.amounts(stream);
        double[] flag = out.values(peakMeasure());
        double perMw = usdPerMwInPeak();
        double tag = 0;
        int last = -1;
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t) || !peakInterval[t]) {
                continue;
            }
            double imp = c.dispatch().importMw()[t];
            usd[t] = 0 - imp * perMw;
            flag[t] = 1;
            tag += imp / peaksPerTag;
            last = t;
        }
        if (minimumBillingMw > tag && last >= 0) {
            usd[last] -= (minimumBillingMw - tag) * usdPerMwOfTag;
        }
        out.fact(program, tagFact, tag);
        out.fact(program, "billedMw", Math.max(tag, minimumBillingMw));
    }
}
