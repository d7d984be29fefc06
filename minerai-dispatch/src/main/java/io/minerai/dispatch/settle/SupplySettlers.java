package io.minerai.dispatch.settle;

import io.minerai.core.site.Ppa;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.util.List;
import java.util.Optional;

/** The settlers of the site's supply: export, PPA sell-back and the cost of power. */
public final class SupplySettlers {
    private SupplySettlers() {}

    public static final Stream EXPORT = Stream.of(
                    "export", "Export", Direction.REVENUE, "energy", "own generation exported x real-time price")
            .withLegacyName("revenueExportUsd");
    public static final Stream PPA_SELLBACK = Stream.of(
                    "ppa_sellback",
                    "PPA sell-back",
                    Direction.REVENUE,
                    "energy",
                    "PPA energy not used, max(Q - import, 0) x h, sold back at the real-time price (power credits)")
            .withLegacyName("revenuePpaSellbackUsd");
    public static final Stream POWER_COST = Stream.of(
                    "power_cost",
                    "Power cost",
                    Direction.COST,
                    "energy",
                    "imports x (price + adders) x h; with a PPA of Q MW at K: Q x K x h + max(import - Q, 0) x p x h"
                            + " + import x adders x h")
            .withLegacyName("powerCostUsd");

    /** Export: export MW x p x h. */
    public static final class Export implements Settler {
        @Override
        public List<Stream> streams() {
            return List.of(EXPORT);
        }

        @Override
        public void settle(SettlementContext c, LedgerBuilder out) {
            double[] usd = out.amounts(EXPORT);
            double h = c.hours();
            for (int t = 0; t < c.size(); t++) {
                if (c.dispatched(t)) {
                    usd[t] = c.dispatch().exportMw()[t] * c.priceUsdPerMwh()[t] * h;
                }
            }
        }
    }

    /** PPA sell-back: max(Q - import, 0) x h x p (nothing without a PPA). */
    public static final class PpaSellback implements Settler {
        @Override
        public List<Stream> streams() {
            return List.of(PPA_SELLBACK);
        }

        @Override
        public void settle(SettlementContext c, LedgerBuilder out) {
            Optional<Ppa> ppa = c.site().ppa();
            if (ppa.isEmpty()) {
                return;
            }
            double[] usd = out.amounts(PPA_SELLBACK);
            double h = c.hours();
            double q = ppa.get().quantityMw();
            for (int t = 0; t < c.size(); t++) {
                if (c.dispatched(t)) {
                    double sold = Math.max(q - c.dispatch().importMw()[t], 0) * h;
                    usd[t] = sold * c.priceUsdPerMwh()[t];
                }
            }
        }
    }

    /** Power cost, negative: see {@link #POWER_COST}. */
    public static final class PowerCost implements Settler {
        @Override
        public List<Stream> streams() {
            return List.of(POWER_COST);
        }

        @Override
        public void settle(SettlementContext c, LedgerBuilder out) {
            Dispatch d = c.dispatch();
            Optional<Ppa> ppa = c.site().ppa();
            double adders = c.site().grid().totalAdderUsdPerMwh();
            double h = c.hours();
            double[] usd = out.amounts(POWER_COST);
            for (int t = 0; t < c.size(); t++) {
                if (!c.dispatched(t)) {
                    continue;
                }
                double p = c.priceUsdPerMwh()[t];
                double imp = d.importMw()[t];
                double cost;
                if (ppa.isPresent()) {
                    double q = ppa.get().quantityMw();
                    cost = q * ppa.get().priceUsdPerMwh() * h + Math.max(imp - q, 0) * p * h + imp * adders * h;
                } else {
                    cost = imp * (p + adders) * h;
                }
                usd[t] = 0 - cost;
            }
        }
    }
}
