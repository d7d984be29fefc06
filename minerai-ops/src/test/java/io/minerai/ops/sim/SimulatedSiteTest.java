package io.minerai.ops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.minerai.data.ercot.Market;
import io.minerai.ops.audit.InMemoryAuditLog;
import io.minerai.ops.metrics.ControllerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A small virtual site over real sockets on the evening of the 2024-08-19/20 price spike (bundled real prices). */
public class SimulatedSiteTest {
    @Test
    void spikeEveningStaysUnderTheCapWithEveryCommandAudited() throws Exception {
        var o = new SimulatedSite.Options(
                Instant.parse("2024-08-19T21:00:00Z"),
                1,
                Duration.ofMinutes(10),
                30,
                1,
                "LZ_WEST",
                Market.RTM,
                0.85,
                0.01,
                7,
                true);
        // One simulated day at 10-minute steps = 144 steps.
        InMemoryAuditLog audit = new InMemoryAuditLog();
        try (ControllerMetrics metrics = new ControllerMetrics()) {
            SimulatedSite.Summary s = SimulatedSite.run(o, audit, metrics, st -> {});
            System.out.println(s);
            assertThat(s.steps()).isEqualTo(144);
            assertThat(s.overCapSteps()).isZero();
            assertThat(s.maxTruePowerMw()).isLessThanOrEqualTo(s.capMw());
            // the meter sees cooling, losses and auxiliaries on top of what the devices report
            assertThat(s.meteredEnergyMwh()).isGreaterThan(s.deviceEnergyMwh() * 1.03);
            assertThat(s.maxDevicePowerMw()).isLessThan(s.maxTruePowerMw());
            assertThat(s.curtailedMwh()).isPositive(); // the spike evening curtails
            assertThat(s.commands()).isPositive();
            Set<String> open = new HashSet<>();
            for (AuditEntry e : audit.all()) {
                String id = e.details().get("command");
                if (id != null) {
                    if (e.outcome().equals("sent")) {
                        open.add(id);
                    } else {
                        open.remove(id);
                    }
                }
            }
            assertThat(open).as("commands without an outcome").isEmpty();
            String text = metrics.scrape();
            assertThat(text).contains("minerai_site_power_watts").contains("minerai_commands_total");
            assertThat(text).contains("minerai_command_latency_seconds_count");
        }
    }

    @Test
    void theSameSeedGivesTheSameRunTwice() throws Exception {
        var o = new SimulatedSite.Options(
                Instant.parse("2024-08-20T00:00:00Z"),
                1,
                Duration.ofMinutes(20),
                20,
                1,
                "LZ_WEST",
                Market.RTM,
                0.85,
                0.03,
                7,
                true);
        InMemoryAuditLog la = new InMemoryAuditLog();
        InMemoryAuditLog lb = new InMemoryAuditLog();
        SimulatedSite.Summary a = SimulatedSite.run(o, la, ControllerObserverNone.INSTANCE, st -> {});
        SimulatedSite.Summary b = SimulatedSite.run(o, lb, ControllerObserverNone.INSTANCE, st -> {});
        assertThat(a.commands()).isPositive();
        assertThat(a.failures()).isPositive(); // faults happened, the same way both times
        assertThat(withoutWallTime(b)).isEqualTo(withoutWallTime(a));
    }

    /**
     * The mixed fleet: every firmware this module emulates (the Braiins OS slots run stock firmware here, as the
     * Braiins module is not on this module's class path; minerai-ops-braiins tests the fleet with it).
     */
    @Test
    void theFleetMixesEveryFirmware() {
        assertThat(SimulatedSite.fleetMix(120))
                .containsExactly(
                        java.util.Map.entry("antminer-stock", 36 + 12),
                        java.util.Map.entry("luxos", 18),
                        java.util.Map.entry("whatsminer-v3", 18),
                        java.util.Map.entry("whatsminer-v2", 12),
                        java.util.Map.entry("vnish", 18),
                        java.util.Map.entry("epic", 6));
        assertThat(SimulatedSite.fleetMix(7))
                .hasSize(6)
                .allSatisfy((fw, n) -> assertThat(n).isPositive());
    }

    public static SimulatedSite.Summary withoutWallTime(SimulatedSite.Summary s) {
        return new SimulatedSite.Summary(
                s.steps(),
                s.energyMwh(),
                s.energyCostUsd(),
                s.curtailedMwh(),
                s.commands(),
                s.failures(),
                s.overCapSteps(),
                s.maxTruePowerMw(),
                s.capMw(),
                s.safeSteps(),
                s.auditEntries(),
                0,
                s.meteredEnergyMwh(),
                s.deviceEnergyMwh(),
                s.maxDevicePowerMw());
    }

    /** No observer. */
    static final class ControllerObserverNone {
        static final io.minerai.ops.control.ControllerObserver INSTANCE =
                io.minerai.ops.control.ControllerObserver.NONE;
    }
}
