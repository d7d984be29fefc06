package io.minerai.planning.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.MonthRow;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.engine.StrategySchedule;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The Monte Carlo's minimum DSCR by plan year (the bands behind the lender's DSCR path) against the readable {@link
 * CashFlowTable}'s monthly covenant tests on the same paths, and its summary against the sorted per-path values. Data:
 * synthetic ({@link Fixtures}).
 */
class DscrByYearTest {
    private static final MarketData DATA = Fixtures.syntheticData();

    @Property(tries = 6)
    void minimumDscrByYearIsTheMinimumOfTheMonthlyTests(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll boolean contracts) {
        Plan base = contracts
                ? PlanReader.parse(
                        Fixtures.contractPlanYaml("", ", annualDefaultProbability: 0.3, backstopFraction: 0"),
                        "contract")
                : PlanReader.parse(Fixtures.smallPlanYaml(Fixtures.ERCOT), "small");
        Uncertainty u = base.uncertainty();
        Plan p = base.withUncertainty(
                new Uncertainty(12, seed, 1.0, 30, u.historyFrom(), 0.05, 0.5, 0.1, true, 8, true));
        PlanSimulation sim = new PlanSimulation(p, DATA);
        MonteCarloResult mc = sim.run(new RunSettings(1, 5, false, 0.1), n -> {});
        boolean sawUntestedYearAfterTests = false;
        for (StrategyPlan s : p.strategies()) {
            StrategySchedule schedule = StrategySchedule.compile(p, s, sim.market());
            StrategyPaths paths = mc.pathsOf(s.name()).orElseThrow();
            for (int i = 0; i < paths.paths(); i++) {
                List<MonthRow> rows = CashFlowTable.evaluate(
                                schedule, sim.market().bank(), sim.market().path(i))
                        .rows();
                boolean tested = false;
                for (int y = 0; y < paths.years(); y++) {
                    double min = Double.POSITIVE_INFINITY;
                    for (int m = 12 * y; m < Math.min(rows.size(), 12 * y + 12); m++) {
                        if (rows.get(m).covenant().tested()) {
                            min = Math.min(min, rows.get(m).covenant().dscr());
                        }
                    }
                    double got = paths.minDscrInYear(y)[i];
                    if (min == Double.POSITIVE_INFINITY) {
                        assertThat(got).as("%s path %d year %d", s.name(), i, y).isInfinite();
                        sawUntestedYearAfterTests |= tested;
                    } else {
                        tested = true;
                        assertThat(got)
                                .as("%s path %d year %d", s.name(), i, y)
                                .isCloseTo(min, within(1e-9 * Math.max(1, Math.abs(min))));
                    }
                }
            }
            // the summary's bands are the quantiles of the tested paths' values
            StrategySummary sum = mc.summary(s.name()).orElseThrow();
            for (DscrYear band : sum.minDscrByYear()) {
                double[] v = Arrays.stream(paths.minDscrInYear(band.year()))
                        .filter(Double::isFinite)
                        .sorted()
                        .toArray();
                assertThat(band.testedShare()).isEqualTo((double) v.length / paths.paths());
                if (v.length > 0) {
                    assertThat(band.p10()).isEqualTo(Stats.quantile(v, 0.1));
                    assertThat(band.p50()).isEqualTo(Stats.quantile(v, 0.5));
                    // ordered (up to the rounding of the quantiles' interpolation between equal values)
                    double ulps = 1e-12 * Math.abs(band.p50());
                    assertThat(band.p10()).isLessThanOrEqualTo(band.p50() + ulps);
                    assertThat(band.p50()).isLessThanOrEqualTo(band.p90() + ulps);
                }
            }
        }
        if (contracts) {
            // a customer default repays the contract-backed loan: later years have no test on some path (30 %/yr)
            assertThat(sawUntestedYearAfterTests).isTrue();
        }
    }
}
