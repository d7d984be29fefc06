package io.minerai.cli.optimize;

import io.minerai.cli.ScenarioOptions;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.Scenario;
import io.minerai.dispatch.program.MarketTerms;
import io.minerai.optimize.OptimizationProblem;
import java.io.PrintWriter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Loads a scenario, its inputs and 4CP signals into an {@link OptimizationProblem}, applying command-line overrides. */
final class OptimizeSetup {
    private OptimizeSetup() {}

    /**
     * A loaded problem.
     *
     * @param scenario the scenario (with overrides)
     * @param problem the problem
     */
    record Loaded(Scenario scenario, OptimizationProblem problem) {}

    static Loaded load(
            ScenarioOptions options,
            @Nullable ForecastOption forecast,
            @Nullable String solver,
            @Nullable PrintWriter progress) {
        step(progress, "reading the scenario");
        Scenario s = options.load();
        OptimizeSettings settings = s.optimize()
                .withOverrides(
                        java.util.Optional.ofNullable(forecast).map(f -> f.mode),
                        java.util.Optional.ofNullable(solver));
        step(progress, "loading market and Bitcoin data");
        ScenarioInputs inputs = options.resolveInputs(s);
        MarketTerms mt = MarketTerms.of(s, inputs);
        mt.peaks()
                .forEach((program, peaks) -> step(
                        progress,
                        String.format(
                                Locale.ROOT,
                                "%s peaks (ERCOT system load approximated by the bundled fuel mix unless a file is given): %s",
                                program,
                                String.join(", ", peaks.peaksText()))));
        return new Loaded(s, OptimizationProblem.forScenario(s, inputs, settings));
    }

    static void step(@Nullable PrintWriter progress, String what) {
        if (progress != null) {
            progress.println("minerai: " + what);
            progress.flush();
        }
    }

    /** Forecast modes as written on the command line. */
    enum ForecastOption {
        perfect(OptimizeSettings.ForecastMode.PERFECT),
        day_ahead(OptimizeSettings.ForecastMode.DAY_AHEAD),
        persistence(OptimizeSettings.ForecastMode.PERSISTENCE);

        final OptimizeSettings.ForecastMode mode;

        ForecastOption(OptimizeSettings.ForecastMode mode) {
            this.mode = mode;
        }
    }

    /** Whole dollars; amounts that round to zero print as 0 (never -0). */
    static String usd(double v) {
        return String.format(Locale.ROOT, "%,.0f", Math.abs(v) < 0.5 ? 0.0 : v);
    }
}
