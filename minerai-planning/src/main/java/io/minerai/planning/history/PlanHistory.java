package io.minerai.planning.history;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.bitcoin.BtcDailyHistoryReader;
import io.minerai.data.bitcoin.BtcLongHistory;
import io.minerai.data.bitcoin.DailySeries;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.Market;
import io.minerai.planning.engine.BtcReturns;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.PowerDay;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.PowerSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real history behind a plan's Monte Carlo, read with minerai-data's readers (no second reader for the same
 * files): daily BTC log-returns of the bundled long history (btc_daily.csv: CoinMarketCap daily average price) from
 * {@code uncertainty.historyFrom}, and the bundled ERCOT hourly prices at the plan's settlement point cut into
 * operating days (US Central), keeping the days with all 24 hours.
 */
public final class PlanHistory {
    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");

    private PlanHistory() {}

    /** The market data a plan needs: BTC returns always, power days for an ERCOT source. */
    public static MarketData load(Plan plan) {
        BtcReturns returns =
                btcReturns(BtcDailyHistoryReader.bundled(), plan.uncertainty().historyFrom());
        List<PowerDay> days = switch (plan.power()) {
            case PowerSource.Deck d -> List.of();
            case PowerSource.ErcotResampled e ->
                ercotDays(ErcotHourlyPrices.bundled(), e.settlementPoint(), e.market());
        };
        return new MarketData(returns, days);
    }

    /** Daily log-returns of the price from {@code from} on (the days with a price on both ends). */
    public static BtcReturns btcReturns(BtcLongHistory history, LocalDate from) {
        DailySeries r = history.priceLogReturns();
        List<DailySeries.DatedValue> present =
                r.present().stream().filter(v -> !v.date().isBefore(from)).toList();
        if (present.size() < 365) {
            throw new IllegalArgumentException("the BTC history has only " + present.size() + " daily returns from "
                    + from + "; choose an earlier uncertainty.historyFrom");
        }
        double[] x = new double[present.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = present.get(i).value();
        }
        String label = history.source() + ", daily log-returns "
                + present.get(0).date() + ".." + present.get(present.size() - 1).date() + " (" + x.length + " days)";
        return new BtcReturns(label, x);
    }

    /** Whole operating days (24 hours present) of one settlement point and market. */
    public static List<PowerDay> ercotDays(ErcotHourlyPrices prices, String settlementPoint, String market) {
        Market m = Market.parse(market).orElseThrow(() -> new IllegalArgumentException("unknown market " + market));
        TimeSeries s = prices.hourly(settlementPoint, m);
        TimeGrid grid = s.grid();
        Map<LocalDate, double[]> byDay = new LinkedHashMap<>();
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.isMissing(i)) {
                continue;
            }
            var local = grid.start(i).atZone(CENTRAL);
            LocalDate day = local.toLocalDate();
            int hour = local.getHour();
            double[] h = byDay.computeIfAbsent(day, d -> new double[24]);
            h[hour] = s.value(i);
            counts.merge(day, 1, Integer::sum);
        }
        List<PowerDay> out = new ArrayList<>();
        byDay.forEach((day, h) -> {
            if (counts.getOrDefault(day, 0) == 24) {
                out.add(new PowerDay(day, h));
            }
        });
        return out;
    }
}
