package io.minerai.dispatch.program;

import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.ReserveOffers;
import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ERCOT ancillary services by the rules in force on each date. Before RTC+B (operating days up to 2025-12-04) a load
 * resource is paid the day-ahead MCPC for the capacity awarded, exactly as {@link AncillaryCapacity}. From RTC+B
 * (2025-12-05) the day-ahead award is still paid at the day-ahead MCPC, and the real-time award settles the deviation
 * from it at the real-time MCPC (two-settlement):
 *
 * <ul>
 *   <li>real-time capability = max offer fraction x the curtailable load running in the interval;
 *   <li>a (non-controllable) load resource keeps its day-ahead award where the capability allows, product by product in
 *       the order given; a shortfall is bought back: (real-time award - day-ahead award) x real-time MCPC x h;
 *   <li>a Controllable Load Resource, dispatched by SCED, keeps its award and is also awarded its capability beyond
 *       the day-ahead award in the product with the highest real-time MCPC (when positive), paid at that price.
 * </ul>
 *
 * The day-ahead award is the dispatch's reserve offer in the interval. Where a real-time price is missing the
 * deviation is not settled and the MWh left unpriced are a program fact ({@code unpricedDeviationMwh}).
 */
public final class RtcbAncillary implements Settler, AncillarySettler {
    public static final String PROGRAM = "ercot-rtc-b";

    /** Real-time deviations from day-ahead awards, at real-time MCPC (after RTC+B). */
    public static final Stream DEVIATION = Stream.of(
            "ancillary_rt_deviation",
            "AS real-time deviation",
            Direction.REVENUE,
            PROGRAM,
            "(real-time AS award - day-ahead award) x real-time MCPC x h, after RTC+B");

    private final List<String> products;
    private final boolean controllable;
    private final double maxOfferFraction;
    private final Instant rtcbStartUtc;
    private final List<Measure> daMeasures = new ArrayList<>();
    private final List<Measure> rtMeasures = new ArrayList<>();

    /**
     * @param products the products offered, in priority order
     * @param controllable a Controllable Load Resource (true) or a non-controllable load resource (false)
     * @param maxOfferFraction share of curtailable running load that can be held as reserve
     * @param rtcbStartUtc first instant under RTC+B (Instant.MIN: always, Instant.MAX: never)
     */
    public RtcbAncillary(List<String> products, boolean controllable, double maxOfferFraction, Instant rtcbStartUtc) {
        this.products = List.copyOf(products);
        this.controllable = controllable;
        this.maxOfferFraction = maxOfferFraction;
        this.rtcbStartUtc = rtcbStartUtc;
        for (String p : this.products) {
            daMeasures.add(AncillaryCapacity.reserveMeasure(p));
            rtMeasures.add(new Measure(
                    "reserve_" + p.toLowerCase(Locale.ROOT) + "_rt_mw",
                    p + " real-time award",
                    "MW",
                    Aggregation.MEAN,
                    PROGRAM));
        }
    }

    @Override
    public List<Stream> streams() {
        return List.of(AncillaryCapacity.ANCILLARY, DEVIATION);
    }

    @Override
    public List<Measure> measures() {
        List<Measure> out = new ArrayList<>(daMeasures);
        out.addAll(rtMeasures);
        return out;
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        Dispatch d = c.dispatch();
        ReserveOffers offers = d.reserves();
        double h = c.hours();
        int np = products.size();
        int[] k = new int[np];
        TimeSeries[] da = new TimeSeries[np];
        TimeSeries[] rt = new TimeSeries[np];
        Map<String, TimeSeries> daPrices = c.inputs().ancillaryPricesUsdPerMwH();
        Map<String, TimeSeries> rtPrices = c.inputs().market().realTimeAncillaryPricesUsdPerMwH();
        double[][] daMw = new double[np][];
        double[][] rtMw = new double[np][];
        for (int i = 0; i < np; i++) {
            k[i] = offers.products().indexOf(products.get(i));
            da[i] = orMissing(daPrices, products.get(i), c);
            rt[i] = orMissing(rtPrices, products.get(i), c);
            daMw[i] = out.values(daMeasures.get(i));
            rtMw[i] = out.values(rtMeasures.get(i));
        }
        double[] capacity = out.amounts(AncillaryCapacity.ANCILLARY);
        double[] deviation = out.amounts(DEVIATION);
        double unpriced = 0;
        double[] award = new double[np];
        double[] real = new double[np];
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            double awarded = 0;
            for (int i = 0; i < np; i++) {
                award[i] = k[i] < 0 ? 0 : offers.offerMw(t, k[i]);
                daMw[i][t] = award[i];
                awarded += award[i];
                if (!da[i].isMissing(t)) {
                    capacity[t] += award[i] * da[i].value(t) * h;
                }
            }
            if (c.grid().start(t).isBefore(rtcbStartUtc)) {
                continue;
            }
            double capability = maxOfferFraction * curtailableRunningMw(d, t);
            double left = capability;
            for (int i = 0; i < np; i++) {
                real[i] = controllable ? award[i] : Math.min(award[i], Math.max(0, left));
                left -= real[i];
            }
            if (controllable && capability > awarded) {
                int best = -1;
                for (int i = 0; i < np; i++) {
                    if (rt[i] != null
                            && !rt[i].isMissing(t)
                            && rt[i].value(t) > 0
                            && (best < 0 || rt[i].value(t) > rt[best].value(t))) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    real[best] += capability - awarded;
                }
            }
            for (int i = 0; i < np; i++) {
                rtMw[i][t] = real[i];
                double dev = real[i] - award[i];
                if (dev == 0) {
                    continue;
                }
                if (rt[i].isMissing(t)) {
                    unpriced += Math.abs(dev) * h;
                } else {
                    deviation[t] += dev * rt[i].value(t) * h;
                }
            }
        }
        out.fact(PROGRAM, "unpricedDeviationMwh", unpriced);
    }

    private static TimeSeries orMissing(Map<String, TimeSeries> prices, String product, SettlementContext c) {
        TimeSeries s = prices.get(product);
        return s != null ? s : TimeSeries.builder(product, "USD/MW-h", c.grid()).build();
    }

    /** Power drawn by the dispatch's curtailable loads in interval {@code t}, MW. */
    static double curtailableRunningMw(Dispatch d, int t) {
        double mw = 0;
        for (int l = 0; l < d.loads().size(); l++) {
            if (!d.loads().get(l).firm()) {
                mw += d.loadMw(t, l);
            }
        }
        return mw;
    }
}
