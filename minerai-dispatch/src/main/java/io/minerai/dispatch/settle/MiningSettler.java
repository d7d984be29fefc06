package io.minerai.dispatch.settle;

import io.minerai.core.site.Load;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.util.List;

/**
 * Mining: BTC = x x count x TH/s x BTC per TH/s-day x (1 - pool fee) x h / 24, valued at the day's BTC price. Also the
 * BTC mined and the miners' share of the energy cost (their energy x the interval's average cost of energy).
 */
public final class MiningSettler implements Settler {
    public static final Stream MINING = Stream.of(
                    "mining", "Mining", Direction.REVENUE, "site", "BTC mined after pool fees at the day's BTC price")
            .withLegacyName("revenueMiningUsd");
    public static final Measure BTC_MINED = new Measure("btc_mined", "BTC mined", "BTC", Aggregation.SUM, "site");
    public static final Measure MINER_ENERGY_COST =
            new Measure("miner_energy_cost_usd", "Miners' energy cost", "USD", Aggregation.SUM, "site");

    @Override
    public List<Stream> streams() {
        return List.of(MINING);
    }

    @Override
    public List<Measure> measures() {
        return List.of(BTC_MINED, MINER_ENERGY_COST);
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        Dispatch d = c.dispatch();
        List<Load> loads = c.site().loads();
        TimeSeries btcPerThDay = c.inputs().btcPerThDay();
        TimeSeries btcPrice = c.inputs().btcPriceUsd();
        double h = c.hours();
        double[] usd = out.amounts(MINING);
        double[] btc = out.values(BTC_MINED);
        double[] cost = out.values(MINER_ENERGY_COST);
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            double bpt = btcPerThDay.value(t);
            double bp = btcPrice.value(t);
            double cbar = c.energyCostUsdPerMwh()[t];
            for (int l = 0; l < loads.size(); l++) {
                if (loads.get(l) instanceof MinerFleet f) {
                    double x = d.fraction(t, l);
                    double b = x * f.fleetHashrateThPerS() * bpt * (1 - f.poolFeeFraction()) * h / 24.0;
                    btc[t] += b;
                    out.addLoadBtc(l, b);
                    usd[t] += b * bp;
                    out.addLoadRevenue(l, b * bp);
                    cost[t] += x * f.facilityPowerMw() * d.pue().scale(t, l) * h * cbar;
                }
            }
        }
    }
}
