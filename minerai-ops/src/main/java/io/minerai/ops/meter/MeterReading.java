package io.minerai.ops.meter;

import java.time.Instant;

/**
 * One reading of the site meter.
 *
 * @param sitePowerW total active power at the point of connection, W (devices, cooling, losses, everything)
 * @param observedAtUtc when the meter sampled it (the meter's own time where it reports one, else the read time)
 */
public record MeterReading(double sitePowerW, Instant observedAtUtc) {
    public MeterReading {
        if (!Double.isFinite(sitePowerW)) {
            throw new IllegalArgumentException("sitePowerW must be finite, was " + sitePowerW);
        }
    }
}
