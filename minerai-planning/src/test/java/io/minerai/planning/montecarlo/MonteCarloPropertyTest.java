package io.minerai.planning.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.PathOutcome;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.engine.StrategySchedule;
import io.minerai.planning.finance.Discounting;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the Monte Carlo against simple references (the readable {@link CashFlowTable}). Data: synthetic. */
class MonteCarloPropertyTest {
    private static final MarketData DATA = Fixtures.syntheticData();

    private static Plan plan(String power, double btcPrice, double growth, double gpuPrice, double ltc) {
        String yaml = Fixtures.smallPlanYaml(power)
                .replace("startPriceUsdPerBtc: 90000", "startPriceUsdPerBtc: " + btcPrice)
                .replace("priceUsdPerGpuHour: 2.5", "priceUsdPerGpuHour: " + gpuPrice)
                .replace("loanToCost: 0.6", "loanToCost: " + ltc)
                .replace("feesBtcPerBlock: 0.03", "feesBtcPerBlock: 0.03\n    hashrateGrowthPerYear: " + growth);
        return PlanReader.parse(yaml, "generated");
    }

    private static void assertSame(PathOutcome a, PathOutcome b) {
        double tol = 1e-7 * Math.max(1, Math.abs(a.npvUsd()));
        assertThat(a.npvUsd()).isCloseTo(b.npvUsd(), within(tol));
        assertThat(a.unleveredNpvUsd())
                .isCloseTo(b.unleveredNpvUsd(), within(1e-7 * Math.max(1, Math.abs(a.unleveredNpvUsd()))));
        assertThat(a.covenantBreached()).isEqualTo(b.covenantBreached());
        assertThat(a.paybackMonth()).isEqualTo(b.paybackMonth());
        // IRR: flows with several sign changes can have several roots; an ulp of difference may pick another one.
        // What must hold: both undefined, or both are roots of the same flows.
        assertThat(a.irrPerYear().isPresent()).isEqualTo(b.irrPerYear().isPresent());
        assertThat(a.minDscr().isPresent()).isEqualTo(b.minDscr().isPresent());
        if (a.minDscr().isPresent()) {
            assertThat(a.minDscr().getAsDouble()).isCloseTo(b.minDscr().getAsDouble(), within(1e-7));
        }
        assertThat(a.peakEquityNeedUsd()).isCloseTo(b.peakEquityNeedUsd(), within(tol));
        assertThat(a.pureEquityDilution()).isCloseTo(b.pureEquityDilution(), within(1e-9));
    }

    @Property(tries = 25)
    void zeroVolatilityMonteCarloEqualsTheDeterministicPlan(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 20_000, max = 200_000) double btcPrice,
            @ForAll @DoubleRange(min = -0.2, max = 0.8) double growth,
            @ForAll @DoubleRange(min = 0.5, max = 6) double gpuPrice,
            @ForAll boolean ercot) {
        Plan base = plan(ercot ? Fixtures.ERCOT : Fixtures.DECK, btcPrice, growth, gpuPrice, 0.6);
        Uncertainty u = base.uncertainty();
        // every scale at zero, but a random seed and real resampling switched off: paths must all be the deck
        Plan zero = base.withUncertainty(
                new Uncertainty(40, seed, 0, u.bootstrapBlockDays(), u.historyFrom(), 0, 0, 0, false, 8, false));
        PlanSimulation sim = new PlanSimulation(zero, DATA);
        MonteCarloResult mc = sim.run(new RunSettings(2, 7, false, 0.1), n -> {});
        PlanSimulation det = PlanSimulation.deterministicOf(base, DATA);
        CashFlowTable baseline = det.deterministicTable(zero.strategies().get(0));
        for (StrategyPlan s : zero.strategies()) {
            CashFlowTable table = det.deterministicTable(s);
            PathOutcome expected =
                    s == zero.strategies().get(0) ? table.baselineOutcome() : table.outcomeVersus(baseline);
            StrategyPaths paths = mc.pathsOf(s.name()).orElseThrow();
            for (int i = 0; i < paths.paths(); i++) {
                assertSame(paths.outcome(i), expected);
            }
        }
    }

    @Property(tries = 10)
    void fastEngineAgreesWithTheReferenceOnVolatilePaths(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll boolean ercot) {
        Plan base = plan(ercot ? Fixtures.ERCOT : Fixtures.DECK, 90_000, 0.3, 2.5, 0.6);
        Uncertainty u = base.uncertainty();
        Plan p = base.withUncertainty(
                new Uncertainty(12, seed, 1.0, 30, u.historyFrom(), 0.05, 0.5, 0.1, true, 8, true));
        PlanSimulation sim = new PlanSimulation(p, DATA);
        MonteCarloResult mc = sim.run(new RunSettings(1, 5, false, 0.1), n -> {});
        var baseSchedule = StrategySchedule.compile(p, p.strategies().get(0), sim.market());
        for (StrategyPlan s : p.strategies()) {
            var schedule = StrategySchedule.compile(p, s, sim.market());
            StrategyPaths paths = mc.pathsOf(s.name()).orElseThrow();
            boolean isBaseline = s == p.strategies().get(0);
            for (int i = 0; i < paths.paths(); i++) {
                CashFlowTable baseline = CashFlowTable.evaluate(
                        baseSchedule, sim.market().bank(), sim.market().path(i));
                CashFlowTable table = CashFlowTable.evaluate(
                        schedule, sim.market().bank(), sim.market().path(i));
                PathOutcome ref = isBaseline ? table.baselineOutcome() : table.outcomeVersus(baseline);
                assertSame(paths.outcome(i), ref);
                double[] flows = table.equityCashFlowsUsd();
                if (!isBaseline) {
                    double[] b0 = baseline.equityCashFlowsUsd();
                    for (int t = 0; t < flows.length; t++) {
                        flows[t] -= b0[t];
                    }
                }
                assertIsRoot(paths.outcome(i), flows);
            }
        }
    }

    private static void assertIsRoot(PathOutcome o, double[] flows) {
        if (o.irrPerYear().isEmpty()) {
            return;
        }
        double scale = 0;
        for (double f : flows) {
            scale += Math.abs(f);
        }
        double monthly = Discounting.monthlyRate(o.irrPerYear().getAsDouble());
        assertThat(Discounting.npvMonthly(monthly, flows, flows.length)).isCloseTo(0, within(1e-6 * scale));
    }

    @Property(tries = 8)
    void resultsAreIdenticalForOneAndManyThreads(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 6) int threads,
            @ForAll @IntRange(min = 1, max = 64) int blockSize) {
        Plan base = plan(Fixtures.ERCOT, 90_000, 0.3, 2.5, 0.6);
        Uncertainty u = base.uncertainty();
        Plan p = base.withUncertainty(
                new Uncertainty(150, seed, 1.0, 30, u.historyFrom(), 0.05, 0.5, 0.1, true, 16, true));
        PlanSimulation sim = new PlanSimulation(p, DATA);
        MonteCarloResult one = sim.run(new RunSettings(1, 256, false, 0.1), n -> {});
        MonteCarloResult many =
                new PlanSimulation(p, DATA).run(new RunSettings(threads, blockSize, false, 0.1), n -> {});
        for (int s = 0; s < one.paths().size(); s++) {
            // bit-for-bit identical, not merely close
            assertThat(many.paths().get(s).npvUsd())
                    .containsExactly(one.paths().get(s).npvUsd());
            assertThat(many.paths().get(s).minDscr())
                    .containsExactly(one.paths().get(s).minDscr());
            assertThat(many.paths().get(s).irrPerYear())
                    .containsExactly(one.paths().get(s).irrPerYear());
        }
        assertThat(many.summaries()).isEqualTo(one.summaries());
    }

    @Property(tries = 10)
    void moreLeverageNeverLowersTheCovenantBreachProbability(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double ltcA,
            @ForAll @DoubleRange(min = 0.0, max = 0.5) double extra) {
        double ltcB = Math.min(1.0, ltcA + extra);
        List<Double> probs = new java.util.ArrayList<>();
        for (double ltc : new double[] {ltcA, ltcB}) {
            Plan base = plan(Fixtures.ERCOT, 60_000, 0.4, 1.5, ltc);
            Uncertainty u = base.uncertainty();
            Plan p = base.withUncertainty(
                    new Uncertainty(200, seed, 1.5, 30, u.historyFrom(), 0.05, 0.5, 0.2, true, 16, true));
            MonteCarloResult r = new PlanSimulation(p, DATA).run(new RunSettings(2, 50, false, 0.1), n -> {});
            probs.add(r.summary("gpu").orElseThrow().covenantBreachProbability());
        }
        assertThat(probs.get(1)).isGreaterThanOrEqualTo(probs.get(0));
    }
}
