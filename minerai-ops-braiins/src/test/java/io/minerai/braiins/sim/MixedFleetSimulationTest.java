package io.minerai.braiins.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.minerai.data.ercot.Market;
import io.minerai.ops.audit.InMemoryAuditLog;
import io.minerai.ops.control.ControllerObserver;
import io.minerai.ops.sim.SimulatedSite;
import io.minerai.ops.sim.SimulatedSiteTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate}'s virtual site with this module on the class path: the mixed fleet includes Braiins OS miners
 * (served over loopback gRPC by the plugin's emulator, driven by the plugin's driver), stays under its cap with every
 * command audited, and the same seed gives the same run twice (the spike evening of 2024-08-19/20, real prices).
 */
class MixedFleetSimulationTest {
    @Test
    void braiinsMinersJoinTheMixedFleetAndTheRunIsReproducible() throws Exception {
        assertThat(SimulatedSite.fleetMix(20)).containsEntry("braiins", 2).hasSize(7);
        assertThat(SimulatedSite.fleetMix(120)).containsEntry("braiins", 12).containsEntry("antminer-stock", 36);
        var o = new SimulatedSite.Options(
                Instant.parse("2024-08-19T21:00:00Z"),
                1,
                Duration.ofMinutes(30),
                14,
                1,
                "LZ_WEST",
                Market.RTM,
                0.85,
                0.03,
                7,
                false);
        InMemoryAuditLog la = new InMemoryAuditLog();
        SimulatedSite.Summary a = SimulatedSite.run(o, la, ControllerObserver.NONE, st -> {});
        SimulatedSite.Summary b = SimulatedSite.run(o, new InMemoryAuditLog(), ControllerObserver.NONE, st -> {});
        assertThat(a.overCapSteps()).isZero();
        assertThat(a.commands()).isPositive();
        assertThat(SimulatedSiteTest.withoutWallTime(b)).isEqualTo(SimulatedSiteTest.withoutWallTime(a));
        // miners 5 and 13 run Braiins OS: the controller read them and commanded at least one of them
        assertThat(la.all().stream()
                        .map(AuditEntry::target)
                        .filter(d -> d.contains("r01-005") || d.contains("r01-013"))
                        .count())
                .as("audit entries of the Braiins OS miners")
                .isPositive();
        Map<String, Long> open = new java.util.HashMap<>();
        for (AuditEntry e : la.all()) {
            String id = e.details().get("command");
            if (id != null) {
                open.merge(id, e.outcome().equals("sent") ? 1L : -1L, Long::sum);
            }
        }
        assertThat(open.values()).as("one outcome per command").allMatch(v -> v == 0);
    }
}
