package io.minerai.server;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SYNTHETIC inputs for server tests (not market data): a price that swings between -10 and 110 $/MWh over each day,
 * with a spike of 900 $/MWh every 50th interval; constant Bitcoin economics (BTC 60,000 USD, 5e-7 BTC per TH/s per
 * day); every generator at capacity factor 0.3.
 */
final class SyntheticInputs {
    private SyntheticInputs() {}

    static ScenarioInputs resolve(Scenario s, Path baseDir) {
        TimeGrid grid = s.period().grid();
        int n = grid.count();
        double[] price = new double[n];
        for (int i = 0; i < n; i++) {
            double hourOfDay = (grid.start(i).getEpochSecond() % 86_400) / 3600.0;
            price[i] = i % 50 == 49 ? 900 : 50 + 60 * Math.sin(2 * Math.PI * hourOfDay / 24);
        }
        List<TimeSeries> cfs = new ArrayList<>();
        for (int g = 0; g < s.site().generators().size(); g++) {
            cfs.add(TimeSeries.constant("cf" + g, "fraction", grid, 0.3));
        }
        ScenarioInputs synthetic = new ScenarioInputs(
                grid,
                TimeSeries.of("price", "USD/MWh", grid, price),
                TimeSeries.constant("btcPerThDay", "BTC/TH/s/day", grid, 5e-7),
                TimeSeries.constant("btcPrice", "USD", grid, 60_000),
                cfs,
                Optional.empty(),
                Map.of(),
                Map.of());
        // the programs' own data (e.g. the 4CP system load from the bundled fuel mix) as a real run resolves it
        return io.minerai.data.resolve.InputResolver.withProgramData(s, synthetic, baseDir);
    }
}
