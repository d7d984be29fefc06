package io.minerai.ops.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.ops.proto.CgminerReply;
import io.minerai.ops.proto.Lenient;
import java.time.Clock;
import java.time.Instant;

/** Reading helpers shared by the cgminer-family drivers. */
public final class MinerReadings {
    private MinerReadings() {}

    /**
     * Hashrate in TH/s from a SUMMARY or STATS element, whatever the firmware calls it: {@code GHS 5s} (bmminer,
     * LuxOS), {@code MHS 5s} (cgminer, BOSminer), then the averages. Strings and numbers alike.
     */
    public static double hashrateThPerS(JsonNode n) {
        double ghs = Lenient.number(Lenient.first(n, "GHS 5s", "GHS av", "GHS 30m"));
        if (!Double.isNaN(ghs)) {
            return ghs / 1000.0;
        }
        double mhs = Lenient.number(Lenient.first(n, "MHS 5s", "MHS av", "MHS 1m"));
        if (!Double.isNaN(mhs)) {
            return mhs / 1e6;
        }
        return Double.NaN;
    }

    /**
     * Below this hashrate a miner whose firmware says it is asleep counts as asleep, TH/s. Any hashing board gives
     * tens of TH/s; a miner told to sleep that still reports more is not asleep (stock Antminers have been seen with
     * the config saying sleep and the hashrate not dropping after 60 s).
     */
    public static final double IDLE_HASHRATE_THS = 0.5;

    /**
     * Wall power from a legacy {@code stats} reply: {@code STATS[1].chain_power} ("3250 W") on Antminer firmware that
     * has it, else {@code power}/{@code Power}/{@code watt} (asic-rs: the L9 reports {@code power}, the L11 {@code
     * watt}); NaN when the reply has none.
     */
    public static double statsPowerW(CgminerReply stats) {
        var s = stats.section("STATS");
        JsonNode st = s.size() > 1 ? s.get(1) : (s.isEmpty() ? null : s.get(0));
        if (st == null) {
            return Double.NaN;
        }
        return Lenient.number(Lenient.first(st, "chain_power", "Power", "power", "watt"));
    }

    /**
     * Wall power from a {@code {"command":"stats","new_api":true}} reply of newer Antminer firmware: {@code
     * STATS[0].power} (or {@code watt}), as asic-rs #325 reads it; NaN when absent.
     */
    public static double newApiStatsPowerW(CgminerReply stats) {
        var s = stats.section("STATS");
        if (s.isEmpty()) {
            return Double.NaN;
        }
        return Lenient.number(Lenient.first(s.get(0), "power", "Power", "watt"));
    }

    /**
     * Tells fresh readings from frozen ones without trusting the device clock: the time a reading counts as observed
     * is when the device's own timestamp ({@code When}) was first seen to take its current value.
     */
    public static final class FreshnessTracker {
        private long lastWhen = Long.MIN_VALUE;
        private Instant firstSeen = Instant.EPOCH;

        public synchronized Instant observedAt(long deviceWhen, Clock clock) {
            Instant now = clock.instant();
            if (deviceWhen <= 0) {
                return now; // no device timestamp: trust the read
            }
            if (deviceWhen != lastWhen) {
                lastWhen = deviceWhen;
                firstSeen = now;
            }
            return firstSeen;
        }
    }
}
