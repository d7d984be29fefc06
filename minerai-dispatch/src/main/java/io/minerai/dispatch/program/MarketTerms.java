package io.minerai.dispatch.program;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.market.pack.MarketPack;
import io.minerai.core.market.pack.MarketPacks;
import io.minerai.core.scenario.AncillaryProgram;
import io.minerai.core.scenario.CapacityObligationProgram;
import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.DemandReductionProgram;
import io.minerai.core.scenario.FlexibleComputeProgram;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The market programs of a scenario as settlers, by its market pack and the rules in force on each date: the one place
 * that turns a scenario's {@code markets} section and its resolved inputs into {@link SettlementTerms}. Every surface
 * (backtest, optimiser, comparison, sustainability, server) settles through it, so a program is charged the same way
 * everywhere.
 *
 * @param terms the program settlers
 * @param peaks the coincident peaks each peak program found, by program id (for the optimiser's alert rule and for
 *     reports)
 */
public record MarketTerms(SettlementTerms terms, Map<String, CoincidentPeaks> peaks) {

    /** The 12CP what-if's stream. */
    public static final Stream TRANSMISSION_12CP = Stream.of(
            "transmission_12cp",
            "12CP transmission charge (what-if)",
            Direction.COST,
            "ercot-12cp",
            "max(average import in the twelve monthly 30-minute peaks, minimum billing demand) x tariff x 1000");

    public MarketTerms {
        peaks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(peaks));
    }

    /** No programs. */
    public static MarketTerms none() {
        return new MarketTerms(SettlementTerms.NONE, Map.of());
    }

    /**
     * The programs of {@code s} on the grid of {@code inputs}.
     *
     * @throws IllegalStateException when a peak program has no system load resolved (minerai-data's resolver fills it)
     */
    public static MarketTerms of(Scenario s, ScenarioInputs inputs) {
        MarketPack pack = MarketPacks.find(s.market().pack()).orElse(MarketPacks.GENERIC);
        TimeGrid grid = inputs.grid();
        List<Settler> settlers = new ArrayList<>();
        Map<String, CoincidentPeaks> peaks = new LinkedHashMap<>();
        s.markets().ancillary().ifPresent(a -> settlers.add(ancillary(a, pack, s, grid)));
        s.markets().coincidentPeak().ifPresent(cp -> {
            CoincidentPeakDefinition def = cp.variant() == CoincidentPeakProgram.Variant.TWELVE_CP
                    ? CoincidentPeakDefinition.ERCOT_12CP
                    : CoincidentPeakDefinition.ERCOT_4CP;
            double within =
                    cp.rule() instanceof CoincidentPeakProgram.PeakRule.Alert al ? al.withinFraction() : Double.NaN;
            // no system load is resolved when the period holds none of the program's months: no peaks, no charge
            CoincidentPeaks found = inputs.market().systemLoadMw().isPresent()
                    ? PeakFinder.find(def, inputs.market().systemLoadMw().get(), grid, within)
                    : CoincidentPeaks.none(grid);
            peaks.put(def.id(), found);
            if (cp.variant() == CoincidentPeakProgram.Variant.TWELVE_CP) {
                settlers.add(new CoincidentPeakCharge(
                        def.id(),
                        TRANSMISSION_12CP,
                        "tagMw",
                        12,
                        cp.tariffUsdPerKwYear() * 1000.0,
                        cp.minimumBillingMw(),
                        found.peakInterval()));
            } else {
                settlers.add(CoincidentPeakCharge.ercot4cp(cp.tariffUsdPerKwYear(), found.peakInterval()));
            }
        });
        s.markets().demandReduction().ifPresent(d -> settlers.add(demandReduction(d, pack, s, inputs)));
        s.markets().capacityObligation().ifPresent(c -> settlers.addAll(capacity(c, inputs, peaks)));
        s.markets().flexibleCompute().ifPresent(fc -> settlers.add(flexibleCompute(fc, inputs)));
        return new MarketTerms(SettlementTerms.of(settlers), peaks);
    }

    private static Settler ancillary(AncillaryProgram a, MarketPack pack, Scenario s, TimeGrid grid) {
        if (!pack.id().equals("ercot")) {
            return new AncillaryCapacity(a.products());
        }
        Instant rtcb = switch (s.market().rules()) {
            case "ercot-2024" -> Instant.MAX;
            case "rtc-b" -> Instant.MIN;
            default -> MarketPacks.ERCOT_RTC_B.atStartOfDay(pack.clock().zone()).toInstant();
        };
        if (!grid.endUtc().isAfter(rtcb)) {
            return new AncillaryCapacity(a.products());
        }
        return new RtcbAncillary(
                a.products(),
                a.participation() == AncillaryProgram.Participation.CONTROLLABLE_LOAD_RESOURCE,
                a.maxOfferFraction(),
                rtcb);
    }

    private static Settler demandReduction(DemandReductionProgram d, MarketPack pack, Scenario s, ScenarioInputs in) {
        TimeGrid grid = in.grid();
        int n = grid.count();
        boolean[] inForce = new boolean[n];
        boolean[] event = new boolean[n];
        Optional<TimeSeries> eventSeries = in.market().programs().events(DemandReductionService.PROGRAM);
        for (int t = 0; t < n; t++) {
            LocalDate day = LocalDate.ofInstant(grid.start(t), pack.clock().zone());
            inForce[t] = !day.isBefore(d.from());
            event[t] = switch (d.events()) {
                case DemandReductionProgram.EventSource.Csv c ->
                    eventSeries.isPresent()
                            && !eventSeries.get().isMissing(t)
                            && eventSeries.get().value(t) > 0;
                case DemandReductionProgram.EventSource.PriceAtLeast p ->
                    !in.priceUsdPerMwh().isMissing(t) && in.priceUsdPerMwh().value(t) >= p.thresholdUsdPerMwh();
            };
        }
        return new DemandReductionService(
                d.committedMw(s.site().grid().importCapMw()),
                d.firmServiceLevelMw(),
                d.availabilityUsdPerMwHour(),
                d.penaltyUsdPerMwh(),
                inForce,
                event);
    }

    private static Settler flexibleCompute(FlexibleComputeProgram fc, ScenarioInputs in) {
        int n = in.grid().count();
        boolean[] event = new boolean[n];
        Optional<TimeSeries> series = in.market().programs().events(FlexibleComputeProgram.PROGRAM);
        for (int t = 0; t < n && series.isPresent(); t++) {
            event[t] = !series.get().isMissing(t) && series.get().value(t) > 0;
        }
        return new FlexibleComputeContract(
                fc.committedMw(), fc.firmLevelMw(), fc.availability().usdPerMwHour(), fc.clawbackFraction(), event);
    }

    /**
     * PJM: one charge per summer of the run, each for the delivery year that summer's peaks set (beginning 1 June of
     * the next year): usd per MW of PLC = scaling x clearing price x days of that delivery year.
     */
    private static List<Settler> capacity(
            CapacityObligationProgram c, ScenarioInputs in, Map<String, CoincidentPeaks> peaksOut) {
        TimeGrid grid = in.grid();
        CoincidentPeaks all = switch (c.peaks()) {
            case CapacityObligationProgram.PeakHours.Listed l ->
                CoincidentPeaks.ofPeaks(grid, l.hoursUtc(), Duration.ofHours(1));
            case CapacityObligationProgram.PeakHours.FromSystemLoad f ->
                PeakFinder.find(CoincidentPeakDefinition.PJM_5CP, systemLoad(in, "pjm-capacity"), grid);
        };
        peaksOut.put("pjm-capacity", all);
        Map<Integer, List<Instant>> bySummer = new TreeMap<>();
        for (Instant p : all.peaksUtc()) {
            int year = ZonedDateTime.ofInstant(p, CoincidentPeakDefinition.PJM_5CP.zone())
                    .getYear();
            bySummer.computeIfAbsent(year, k -> new ArrayList<>()).add(p);
        }
        List<Settler> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Instant>> e : bySummer.entrySet()) {
            int dy = e.getKey() + 1;
            Double price = in.market().programs().capacityPriceUsdPerMwDay().get(dy);
            if (price == null) {
                throw new IllegalStateException("no capacity price resolved for delivery year " + dy);
            }
            int days = (int)
                    java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(dy, 6, 1), LocalDate.of(dy + 1, 6, 1));
            String id = "pjm-capacity-dy" + dy;
            CoincidentPeaks summer = CoincidentPeaks.ofPeaks(grid, e.getValue(), Duration.ofHours(1));
            out.add(new CoincidentPeakCharge(
                    id,
                    Stream.of(
                            "capacity_obligation_dy" + dy,
                            "PJM capacity obligation, DY " + dy + "/" + (dy + 1) % 100,
                            Direction.COST,
                            "pjm-capacity",
                            "PLC (average import in the five " + e.getKey() + " summer peaks x " + c.scalingFactor()
                                    + ") x $" + price + "/MW-day x " + days + " days"),
                    "plcMw",
                    5,
                    c.scalingFactor() * price * days,
                    0,
                    summer.peakInterval()));
        }
        return out;
    }

    private static TimeSeries systemLoad(ScenarioInputs in, String program) {
        return in.market()
                .systemLoadMw()
                .orElseThrow(() -> new IllegalStateException(program + ": no system load was resolved for the peaks"));
    }
}
