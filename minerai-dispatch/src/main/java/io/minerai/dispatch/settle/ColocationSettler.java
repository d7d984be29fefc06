package io.minerai.dispatch.settle;

import io.minerai.core.ai.AiEconomics;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Load;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.util.List;

/**
 * Colocation: rent accrues by the hour within each UTC month (a whole month is one month's rent), plus, for
 * pass-through tenants, the energy they drew at the interval's average cost of energy.
 */
public final class ColocationSettler implements Settler {
    public static final Stream COLOCATION = Stream.of(
                    "colocation",
                    "Colocation",
                    Direction.REVENUE,
                    "site",
                    "colocation rent accrued by the hour, plus energy reimbursed by pass-through tenants")
            .withLegacyName("revenueColocationUsd");

    @Override
    public List<Stream> streams() {
        return List.of(COLOCATION);
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        List<Load> loads = c.site().loads();
        double h = c.hours();
        double[] usd = out.amounts(COLOCATION);
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            for (int l = 0; l < loads.size(); l++) {
                if (loads.get(l) instanceof ColocationLease lease) {
                    double r = AiEconomics.colocationRentAccruedUsd(
                            lease.criticalItMw(),
                            lease.priceUsdPerKwMonth(),
                            c.grid().start(t),
                            h);
                    if (lease.energyPassThrough()) {
                        double e = c.dispatch().loadMw(t, l) * h;
                        r += e * c.energyCostUsdPerMwh()[t];
                    }
                    usd[t] += r;
                    out.addLoadRevenue(l, r);
                }
            }
        }
    }
}
