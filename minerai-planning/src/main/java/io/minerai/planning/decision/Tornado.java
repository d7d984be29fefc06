package io.minerai.planning.decision;

import io.minerai.planning.engine.MarketData;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * Tornado sensitivity: the expected NPV of one strategy with each input moved to a low and a high value, everything
 * else at the plan's values, on the same paths (common random numbers), bars sorted by swing.
 */
public final class Tornado {
    private Tornado() {}

    /**
     * One input's swing.
     *
     * @param input what was moved
     * @param lowLabel the low setting, e.g. "x0.7"
     * @param highLabel the high setting
     * @param lowNpvUsd expected NPV at the low setting
     * @param highNpvUsd expected NPV at the high setting
     */
    public record Bar(String input, String lowLabel, String highLabel, double lowNpvUsd, double highNpvUsd) {
        public double swingUsd() {
            return Math.abs(highNpvUsd - lowNpvUsd);
        }
    }

    /**
     * The result.
     *
     * @param strategy strategy measured
     * @param baseNpvUsd expected NPV at the plan's values
     * @param paths paths per evaluation
     * @param bars bars, largest swing first
     */
    public record Result(String strategy, double baseNpvUsd, int paths, List<Bar> bars) {
        public Result {
            bars = List.copyOf(bars);
        }
    }

    /** One input and its two settings. */
    public record Input(
            String name, String lowLabel, UnaryOperator<Plan> low, String highLabel, UnaryOperator<Plan> high) {}

    /** The default inputs: ranges from DOMAIN.md where it gives them (GPU prices +-25 %), else round assumptions. */
    public static List<Input> defaultInputs() {
        return List.of(
                new Input(
                        "BTC start price",
                        "x0.7",
                        p -> PlanTweaks.btcPrice(p, 0.7),
                        "x1.3",
                        p -> PlanTweaks.btcPrice(p, 1.3)),
                new Input(
                        "BTC drift /yr",
                        "-0.10",
                        p -> PlanTweaks.btcDrift(p, -0.1),
                        "+0.10",
                        p -> PlanTweaks.btcDrift(p, 0.1)),
                new Input(
                        "hashrate growth /yr",
                        "+0.10",
                        p -> PlanTweaks.hashrateGrowth(p, 0.1),
                        "-0.10",
                        p -> PlanTweaks.hashrateGrowth(p, -0.1)),
                new Input(
                        "power price $/MWh",
                        "+10",
                        p -> PlanTweaks.powerAdder(p, 10),
                        "-10",
                        p -> PlanTweaks.powerAdder(p, -10)),
                new Input(
                        "GPU rental price",
                        "x0.75",
                        p -> PlanTweaks.gpuPrice(p, 0.75),
                        "x1.25",
                        p -> PlanTweaks.gpuPrice(p, 1.25)),
                new Input("GPU cost", "x1.2", p -> PlanTweaks.gpuCost(p, 1.2), "x0.8", p -> PlanTweaks.gpuCost(p, 0.8)),
                new Input(
                        "lease rate",
                        "x0.85",
                        p -> PlanTweaks.leaseRate(p, 0.85),
                        "x1.15",
                        p -> PlanTweaks.leaseRate(p, 1.15)),
                new Input(
                        "hall capex",
                        "x1.2",
                        p -> PlanTweaks.hallCapex(p, 1.2),
                        "x0.8",
                        p -> PlanTweaks.hallCapex(p, 0.8)),
                new Input(
                        "interest rate",
                        "+0.02",
                        p -> PlanTweaks.interestRate(p, 0.02),
                        "-0.02",
                        p -> PlanTweaks.interestRate(p, -0.02)),
                new Input(
                        "discount rate",
                        "+0.03",
                        p -> PlanTweaks.discountRate(p, 0.03),
                        "-0.03",
                        p -> PlanTweaks.discountRate(p, -0.03)));
    }

    /**
     * Runs the tornado of {@code strategy} with {@code paths} paths per setting ({@code 1 + 2 x inputs} runs).
     *
     * @param pathsDone called with finished paths (for progress)
     */
    public static Result run(
            Plan plan,
            MarketData data,
            StrategyPlan strategy,
            List<Input> inputs,
            int paths,
            RunSettings settings,
            IntConsumer pathsDone) {
        double base = meanNpv(plan, data, strategy, paths, settings, pathsDone);
        List<Bar> bars = new ArrayList<>();
        for (Input in : inputs) {
            double lo = meanNpv(in.low().apply(plan), data, strategy, paths, settings, pathsDone);
            double hi = meanNpv(in.high().apply(plan), data, strategy, paths, settings, pathsDone);
            bars.add(new Bar(in.name(), in.lowLabel(), in.highLabel(), lo, hi));
        }
        bars.sort(Comparator.comparingDouble(Bar::swingUsd).reversed());
        return new Result(strategy.name(), base, paths, bars);
    }

    private static double meanNpv(
            Plan plan, MarketData data, StrategyPlan s, int paths, RunSettings settings, IntConsumer pathsDone) {
        return new PlanSimulation(plan, data)
                .run(List.of(s), paths, settings, pathsDone)
                .summaries()
                .get(0)
                .meanNpvUsd();
    }
}
