package io.minerai.dispatch.program;

import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.util.List;

/**
 * An emergency demand-reduction service (Texas SB 6): committed MW x availability payment x h in every interval in
 * force; in an event interval the site must import at most its firm service level, and every MWh above it is charged
 * the non-performance penalty. The events are known {@code noticeHours} ahead (SB 6: 24 h), so policies see them as an
 * import limit ({@link ImportLimitProgram}).
 */
public final class DemandReductionService implements Settler, ImportLimitProgram {
    public static final String PROGRAM = io.minerai.core.scenario.DemandReductionProgram.PROGRAM;

    public static final Stream AVAILABILITY = Stream.of(
            "demand_reduction_availability",
            "SB 6 demand reduction: availability",
            Direction.REVENUE,
            PROGRAM,
            "committed MW x availability payment ($/MW-h) x h, every interval in force");
    public static final Stream PENALTY = Stream.of(
            "demand_reduction_penalty",
            "SB 6 demand reduction: non-performance",
            Direction.COST,
            PROGRAM,
            "max(import - firm service level, 0) x h x penalty ($/MWh), in event intervals");
    public static final Measure EVENT =
            new Measure("demand_reduction_event", "SB 6 event", "flag", Aggregation.SUM, PROGRAM);

    private final double committedMw;
    private final double firmServiceLevelMw;
    private final double availabilityUsdPerMwHour;
    private final double penaltyUsdPerMwh;
    private final boolean[] inForce;
    private final boolean[] event;

    /**
     * @param committedMw committed MW (paid)
     * @param firmServiceLevelMw the most the site may import during an event
     * @param availabilityUsdPerMwHour payment per committed MW per hour in force
     * @param penaltyUsdPerMwh charge per MWh above the firm service level in an event
     * @param inForce per interval of the run's grid: the service is in force
     * @param event per interval: inside an event (only where in force)
     */
    public DemandReductionService(
            double committedMw,
            double firmServiceLevelMw,
            double availabilityUsdPerMwHour,
            double penaltyUsdPerMwh,
            boolean[] inForce,
            boolean[] event) {
        if (inForce.length != event.length) {
            throw new IllegalArgumentException("in-force and event masks differ in length");
        }
        this.committedMw = committedMw;
        this.firmServiceLevelMw = firmServiceLevelMw;
        this.availabilityUsdPerMwHour = availabilityUsdPerMwHour;
        this.penaltyUsdPerMwh = penaltyUsdPerMwh;
        this.inForce = inForce.clone();
        this.event = event.clone();
        for (int t = 0; t < event.length; t++) {
            this.event[t] = event[t] && inForce[t];
        }
    }

    @Override
    public String program() {
        return PROGRAM;
    }

    @Override
    public double maxImportMw(int t) {
        return t < event.length && event[t] ? firmServiceLevelMw : Double.POSITIVE_INFINITY;
    }

    @Override
    public List<Stream> streams() {
        return List.of(AVAILABILITY, PENALTY);
    }

    @Override
    public List<Measure> measures() {
        return List.of(EVENT);
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        double h = c.hours();
        double[] pay = out.amounts(AVAILABILITY);
        double[] pen = out.amounts(PENALTY);
        double[] flag = out.values(EVENT);
        double shortMwh = 0;
        double eventHours = 0;
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t) || !inForce[t]) {
                continue;
            }
            pay[t] = committedMw * availabilityUsdPerMwHour * h;
            if (event[t]) {
                flag[t] = 1;
                eventHours += h;
                double over = Math.max(0, c.dispatch().importMw()[t] - firmServiceLevelMw) * h;
                shortMwh += over;
                pen[t] = 0 - over * penaltyUsdPerMwh;
            }
        }
        out.fact(PROGRAM, "committedMw", committedMw);
        out.fact(PROGRAM, "eventHours", eventHours);
        out.fact(PROGRAM, "nonPerformanceMwh", shortMwh);
    }
}
