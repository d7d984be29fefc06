package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Properties of the factor model on synthetic (random, labelled as such) fuel mixes. */
class GridIntensityPropertiesTest {

    private static FuelMix randomMix(long seed, int quarters, boolean storage) {
        java.util.Random rnd = new java.util.Random(seed);
        TimeGrid g = new TimeGrid(Instant.parse("2024-03-01T00:00:00Z"), Duration.ofMinutes(15), quarters);
        Map<Fuel, double[]> e = new EnumMap<>(Fuel.class);
        for (Fuel f : Fuel.values()) {
            double[] v = new double[quarters];
            for (int i = 0; i < quarters; i++) {
                v[i] = f == Fuel.STORAGE_CHARGING ? (storage ? -rnd.nextDouble() * 50 : 0) : rnd.nextDouble() * 1000;
            }
            e.put(f, v);
        }
        return FuelMix.ofEnergyMwh(g, e);
    }

    @Property(tries = 200)
    void hourlyFactorIsTotalEmissionsOverTotalNetGeneration(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int hours, @ForAll boolean storage) {
        FuelMix mix = randomMix(seed, hours * 4, storage);
        FuelFactorSet set = FuelFactorSet.COMBUSTION_EPA_EIA;
        TimeGrid hourly = new TimeGrid(mix.grid().startUtc(), Duration.ofHours(1), hours);
        GridFactors g = GridIntensity.of(mix, set, hourly, "synthetic");
        for (int h = 0; h < hours; h++) {
            double em = 0;
            double net = 0;
            for (int q = 4 * h; q < 4 * h + 4; q++) {
                for (Fuel f : Fuel.values()) {
                    double mwh = mix.powerMw(f, q) * 0.25;
                    net += mwh;
                    if (f.isSource()) {
                        em += mwh * set.factor(f);
                    }
                }
            }
            assertThat(g.kgCo2ePerMwh().value(h)).isCloseTo(em / net, within(1e-9 * (1 + em / net)));
        }
    }

    @Property(tries = 200)
    void withoutStorageTheFactorLiesBetweenTheFuelFactors(
            @ForAll long seed, @ForAll @DoubleRange(min = 0, max = 2000) double coal) {
        FuelMix mix = randomMix(seed, 4, false);
        Map<Fuel, Double> m = new EnumMap<>(FuelFactorSet.IPCC_AR5_LIFECYCLE.kgCo2ePerMwh());
        m.put(Fuel.COAL, coal);
        FuelFactorSet set = new FuelFactorSet("p", "p", EmissionBasis.LIFECYCLE, "p", m);
        double lo = m.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = m.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        GridFactors g = GridIntensity.of(mix, set, "synthetic");
        for (int i = 0; i < 4; i++) {
            assertThat(g.kgCo2ePerMwh().value(i)).isBetween(lo - 1e-9, hi + 1e-9);
        }
    }
}
