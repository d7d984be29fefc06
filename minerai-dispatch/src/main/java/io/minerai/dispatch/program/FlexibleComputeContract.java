package io.minerai.dispatch.program;

import io.minerai.core.scenario.FlexibleComputeProgram;
import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flexible-compute demand-response contract with the utility (Google / Indiana Michigan Power style, see {@link
 * FlexibleComputeProgram}): committed MW x availability ($/MW-h) x h in every decided interval; in an event (a run of
 * consecutive event intervals) the site must import at most its firm level; the claw-back of an event is {@code
 * clawbackFraction x min(1, average MW above the firm level over the event's decided intervals / committed MW) x the
 * annual availability payment}, booked in the event's last decided interval, at most the annual payment per calendar
 * year (UTC). Events are known ahead, so policies see them as an import limit ({@link ImportLimitProgram}).
 */
public final class FlexibleComputeContract implements Settler, ImportLimitProgram {
    public static final String PROGRAM = FlexibleComputeProgram.PROGRAM;

    public static final Stream AVAILABILITY = Stream.of(
            "flexible_compute_availability",
            "Flexible compute: availability",
            Direction.REVENUE,
            PROGRAM,
            "committed curtailable MW x availability payment ($/MW-h; $/MW-month x 12 / 8,760) x h");
    public static final Stream CLAWBACK = Stream.of(
            "flexible_compute_clawback",
            "Flexible compute: claw-back",
            Direction.COST,
            PROGRAM,
            "per event missed: claw-back share x min(1, average MW above the firm level / committed MW) x annual"
                    + " availability payment, at most that payment per year");
    public static final Measure EVENT =
            new Measure("flexible_compute_event", "Flexible-compute event", "flag", Aggregation.SUM, PROGRAM);

    private final double committedMw;
    private final double firmLevelMw;
    private final double availabilityUsdPerMwHour;
    private final double clawbackFraction;
    private final boolean[] event;

    /**
     * @param committedMw committed curtailable MW (paid)
     * @param firmLevelMw the most the site may import during an event
     * @param availabilityUsdPerMwHour payment per committed MW per hour
     * @param clawbackFraction share of the annual payment repaid for an event missed by the whole committed MW
     * @param event per interval of the run's grid: inside an event
     */
    public FlexibleComputeContract(
            double committedMw,
            double firmLevelMw,
            double availabilityUsdPerMwHour,
            double clawbackFraction,
            boolean[] event) {
        this.committedMw = committedMw;
        this.firmLevelMw = firmLevelMw;
        this.availabilityUsdPerMwHour = availabilityUsdPerMwHour;
        this.clawbackFraction = clawbackFraction;
        this.event = event.clone();
    }

    @Override
    public String program() {
        return PROGRAM;
    }

    @Override
    public double maxImportMw(int t) {
        return t < event.length && event[t] ? firmLevelMw : Double.POSITIVE_INFINITY;
    }

    @Override
    public List<Stream> streams() {
        return List.of(AVAILABILITY, CLAWBACK);
    }

    @Override
    public List<Measure> measures() {
        return List.of(EVENT);
    }

    /** The availability payment of a year of 8,760 hours. */
    public double annualAvailabilityUsd() {
        return committedMw * availabilityUsdPerMwHour * 8760.0;
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        double h = c.hours();
        double[] pay = out.amounts(AVAILABILITY);
        double[] claw = out.amounts(CLAWBACK);
        double[] flag = out.values(EVENT);
        double annual = annualAvailabilityUsd();
        Map<Integer, Double> clawedByYear = new HashMap<>();
        int called = 0;
        int missed = 0;
        double shortMwhTotal = 0;
        double eventShortMwh = 0;
        double eventHours = 0;
        int lastDecided = -1;
        for (int t = 0; t < c.size(); t++) {
            boolean in = t < event.length && event[t];
            if (c.dispatched(t)) {
                pay[t] = committedMw * availabilityUsdPerMwHour * h;
                if (in) {
                    flag[t] = 1;
                    eventHours += h;
                    eventShortMwh += Math.max(0, c.dispatch().importMw()[t] - firmLevelMw) * h;
                    lastDecided = t;
                }
            }
            boolean ends = in && (t + 1 >= c.size() || t + 1 >= event.length || !event[t + 1]);
            if (ends && lastDecided >= 0) {
                called++;
                shortMwhTotal += eventShortMwh;
                if (eventShortMwh > 1e-9 && committedMw > 0) {
                    missed++;
                    double share = Math.min(1, eventShortMwh / eventHours / committedMw);
                    int year =
                            c.grid().start(lastDecided).atZone(ZoneOffset.UTC).getYear();
                    double before = clawedByYear.getOrDefault(year, 0.0);
                    double usd = Math.min(clawbackFraction * share * annual, Math.max(0, annual - before));
                    clawedByYear.put(year, before + usd);
                    claw[lastDecided] -= usd;
                }
            }
            if (ends) {
                eventShortMwh = 0;
                eventHours = 0;
                lastDecided = -1;
            }
        }
        out.fact(PROGRAM, "committedMw", committedMw);
        out.fact(PROGRAM, "eventsCalled", called);
        out.fact(PROGRAM, "eventsMissed", missed);
        out.fact(PROGRAM, "nonPerformanceMwh", shortMwhTotal);
    }
}
