package io.minerai.dispatch.program;

import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.ReserveOffers;
import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.util.ArrayList;
import java.util.List;

/**
 * Ancillary-service capacity from curtailable running load, paid at the day-ahead clearing price: MW offered of each
 * product x its price ($/MW-h) x h; a missing price pays nothing (ERCOT's rules before RTC+B, and the default for a
 * dispatch with reserve offers). The MW offered of each product is a measure.
 */
public final class AncillaryCapacity implements Settler, AncillarySettler {
    public static final Stream ANCILLARY = Stream.of(
                    "ancillary",
                    "Ancillary services",
                    Direction.REVENUE,
                    "ancillary",
                    "reserve MW offered x day-ahead clearing price x h, per product")
            .withLegacyName("revenueAncillaryUsd");

    private final List<String> products;
    private final List<Measure> offerMeasures = new ArrayList<>();

    public AncillaryCapacity(List<String> products) {
        this.products = List.copyOf(products);
        for (String p : this.products) {
            offerMeasures.add(reserveMeasure(p));
        }
    }

    /** The measure of the MW offered of a product, e.g. {@code reserve_rrs_mw}. */
    public static Measure reserveMeasure(String product) {
        return new Measure(
                "reserve_" + product.toLowerCase(java.util.Locale.ROOT) + "_mw",
                product + " offered",
                "MW",
                Aggregation.MEAN,
                "ancillary");
    }

    @Override
    public List<Stream> streams() {
        return List.of(ANCILLARY);
    }

    @Override
    public List<Measure> measures() {
        return offerMeasures;
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        ReserveOffers reserves = c.dispatch().reserves();
        double h = c.hours();
        double[] usd = out.amounts(ANCILLARY);
        for (int k = 0; k < products.size(); k++) {
            int kk = reserves.products().indexOf(products.get(k));
            if (kk < 0) {
                continue;
            }
            TimeSeries price = c.inputs().ancillaryPricesUsdPerMwH().get(products.get(k));
            double[] mw = out.values(offerMeasures.get(k));
            for (int t = 0; t < c.size(); t++) {
                if (!c.dispatched(t)) {
                    continue;
                }
                double offer = reserves.offerMw(t, kk);
                mw[t] = offer;
                if (price != null && !price.isMissing(t)) {
                    usd[t] += offer * price.value(t) * h;
                }
            }
        }
    }
}
