package io.minerai.portfolio.engine;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.time.TimeGrid;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import io.minerai.dispatch.settle.SiteMeasures;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.Optimizer;
import io.minerai.optimize.ScenarioSettlement;
import io.minerai.planning.engine.PowerDay;
import io.minerai.portfolio.model.SiteDispatch;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A site's power prices from its own dispatch: the scenario is resolved on its own market's real prices (any market
 * pack, converted to USD) and dispatched with the merit-order backtest settled under the scenario's market programs
 * ({@link ScenarioSettlement#meritOrder}, what {@code minerai backtest} runs). Each interval's all-in price is what the
 * site paid per MWh imported: energy at the market price plus tariff adders plus the market programs' charges booked
 * in that interval (e.g. a 4CP transmission charge), or the market price plus adders when it imported nothing. The
 * intervals are averaged into local hours (the scenario's clock) and cut into whole days; the planning engine
 * resamples these real days into months and, on each Monte Carlo path, runs mining in the hours whose all-in price is
 * below its revenue per MWh (the merit-order rule at that path's hashprice).
 *
 * <p>Firm loads of the plan (GPU clouds, contracted GPU capacity) pay the mean of these prices, so an interval in
 * which the dispatched site imported nothing (its load curtailed, e.g. in a 4CP peak) is priced at what a firm MW
 * would have paid in it: the market price plus adders plus the coincident-peak charges of a MW drawn in that
 * interval, not the market price alone. Otherwise a contracted hall would be priced as if it, too, could be switched
 * off in the peaks.
 */
public final class DispatchedPower {
    private DispatchedPower() {}

    /** Dispatches {@code scenario} over its own period by merit order and returns its days of all-in prices. */
    public static SiteModel.PowerInfo of(Scenario scenario, Path baseDir) {
        return of(scenario, baseDir, SiteDispatch.MERIT_ORDER);
    }

    /**
     * Dispatches {@code scenario} over its own period by {@code method} and returns its days of all-in prices: the
     * merit-order backtest, or the optimiser exactly as {@code minerai optimize} runs it (the scenario's
     * {@code optimize:} forecast mode and solver; perfect foresight with GLOP by default), settled the same way.
     *
     * @throws io.minerai.core.validation.ValidationException if the optimiser's model cannot be solved (naming the
     *     constraint family and interval)
     */
    public static SiteModel.PowerInfo of(Scenario scenario, Path baseDir, SiteDispatch method) {
        ScenarioInputs inputs = InputResolver.resolve(scenario, baseDir);
        DispatchResult result;
        String label;
        switch (method) {
            case MERIT_ORDER -> {
                result = ScenarioSettlement.meritOrder(scenario, inputs, baseDir);
                label = "merit-order dispatch";
            }
            case OPTIMISER -> {
                OptimizeSettings settings = scenario.optimize();
                Optimizer optimizer = Optimizer.forSettings(settings);
                result = optimizer
                        .run(OptimizationProblem.forScenario(scenario, inputs, settings))
                        .result();
                label = "optimiser dispatch ("
                        + settings.forecast().name().toLowerCase(Locale.ROOT).replace('_', '-') + ", "
                        + settings.solver() + ")";
            }
            default -> throw new IllegalStateException("unknown dispatch " + method);
        }
        return fromLedger(
                scenario,
                result.ledger(),
                firmChargesUsdPerMwh(
                        ScenarioSettlement.terms(scenario, inputs, baseDir),
                        result.ledger().grid()),
                label);
    }

    /**
     * Per interval, the charge per MWh a firm MW drawn in it pays to the programs whose charge follows the site's
     * import in given intervals (coincident peaks: import in a peak interval x rate / peaks; per MWh that is rate /
     * peaks / interval hours), 0 elsewhere.
     */
    static double[] firmChargesUsdPerMwh(SettlementTerms terms, TimeGrid grid) {
        double[] out = new double[grid.count()];
        for (Settler s : terms.programs()) {
            if (s instanceof CoincidentPeakCharge cp) {
                for (int t = 0; t < out.length; t++) {
                    if (cp.isPeak(t)) {
                        out[t] += cp.usdPerMwInPeak() / grid.stepHours();
                    }
                }
            }
        }
        return out;
    }

    /** The all-in hourly days of a settled dispatch. */
    static SiteModel.PowerInfo fromLedger(Scenario scenario, Ledger ledger) {
        return fromLedger(scenario, ledger, new double[ledger.size()], "merit-order dispatch");
    }

    /**
     * The all-in hourly days of a settled dispatch; {@code firmChargesUsdPerMwh} prices the intervals in which the
     * site imported nothing (see {@link #firmChargesUsdPerMwh}).
     */
    static SiteModel.PowerInfo fromLedger(
            Scenario scenario, Ledger ledger, double[] firmChargesUsdPerMwh, String method) {
        TimeGrid grid = ledger.grid();
        double h = grid.stepHours();
        double[] price = ledger.values(SiteMeasures.PRICE);
        double[] importMw = ledger.values(SiteMeasures.IMPORT);
        double[] powerCost = ledger.amountsOrZero("power_cost");
        double adders = scenario.site().grid().totalAdderUsdPerMwh();
        double[] charges = new double[ledger.size()];
        for (Stream s : ledger.streams()) {
            if (s.direction() == Direction.COST
                    && !s.program().equals("site")
                    && !s.program().equals("energy")) {
                double[] a = ledger.amounts(s);
                for (int t = 0; t < charges.length; t++) {
                    charges[t] -= a[t];
                }
            }
        }
        double[] mining = ledger.values(SiteMeasures.classMeasure(LoadClass.MINING));
        double fleetMw = 0;
        for (MinerFleet f : scenario.site().minerFleets()) {
            fleetMw += f.facilityPowerMw();
        }
        ZoneOffset offset = localOffset(grid);
        Map<LocalDate, double[]> sums = new LinkedHashMap<>();
        Map<LocalDate, double[]> counts = new LinkedHashMap<>();
        int intervals = 0;
        double importMwh = 0;
        double energyCost = 0;
        double chargesUsd = 0;
        double minedMwh = 0;
        double fleetMwh = 0;
        for (int t = 0; t < ledger.size(); t++) {
            if (!ledger.dispatched(t)) {
                continue;
            }
            intervals++;
            double mwh = importMw[t] * h;
            // what the site paid per MWh imported; with nothing imported, what a firm MW would have paid
            double allIn =
                    mwh > 1e-9 ? (-powerCost[t] + charges[t]) / mwh : price[t] + adders + firmChargesUsdPerMwh[t];
            importMwh += mwh;
            energyCost += -powerCost[t];
            chargesUsd += charges[t];
            minedMwh += mining[t] * h;
            fleetMwh += fleetMw * h;
            var local = grid.start(t).atOffset(offset);
            LocalDate day = local.toLocalDate();
            int hour = local.getHour();
            sums.computeIfAbsent(day, d -> new double[24])[hour] += allIn;
            counts.computeIfAbsent(day, d -> new double[24])[hour] += 1;
        }
        List<PowerDay> days = new ArrayList<>();
        double total = 0;
        int hours = 0;
        for (Map.Entry<LocalDate, double[]> e : sums.entrySet()) {
            double[] c = counts.get(e.getKey());
            double[] s = e.getValue();
            boolean whole = true;
            double[] p = new double[24];
            for (int k = 0; k < 24; k++) {
                if (c == null || c[k] == 0) {
                    whole = false;
                    break;
                }
                p[k] = s[k] / c[k];
            }
            if (whole) {
                days.add(new PowerDay(e.getKey(), p));
                for (double v : p) {
                    total += v;
                    hours++;
                }
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException(
                    "scenario " + scenario.name() + ": its dispatch has no whole day of prices");
        }
        String currency = ledger.money().currency().getCurrencyCode();
        String label = scenario.site().grid().settlementPoint() + " " + method + " "
                + days.get(0).date() + ".." + days.get(days.size() - 1).date() + " (" + days.size() + " days)";
        return new SiteModel.PowerInfo(
                label,
                days,
                total / hours,
                Optional.of(new SiteModel.DispatchFacts(
                        intervals,
                        importMwh,
                        energyCost,
                        chargesUsd,
                        fleetMwh > 0 ? 1 - minedMwh / fleetMwh : 0,
                        currency)));
    }

    /**
     * The offset of the market's clock, taken from where the scenario's period starts: periods start at local
     * midnight (past noon UTC it is a positive offset; the Americas win at exactly 12 h).
     */
    static ZoneOffset localOffset(TimeGrid grid) {
        int secondsOfDay =
                grid.startUtc().atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        int offset = secondsOfDay <= 12 * 3600 ? -secondsOfDay : 24 * 3600 - secondsOfDay;
        return ZoneOffset.ofTotalSeconds(offset);
    }
}
