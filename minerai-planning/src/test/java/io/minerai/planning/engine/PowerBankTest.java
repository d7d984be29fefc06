package io.minerai.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The bank's fenced binary search against a plain count (synthetic prices, labelled synthetic). */
class PowerBankTest {
    @Property(tries = 40)
    void countBelowAndSumsMatchALinearScan(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 40) int hours) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PowerDay> days = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 366; i++) {
            double[] p = new double[hours];
            for (int h = 0; h < hours; h++) {
                // ties, negatives and spikes on purpose
                p[h] = r.nextInt(10) < 2 ? 20.0 : -30 + 100 * r.nextDouble() + (r.nextInt(50) == 0 ? 2000 : 0);
            }
            days.add(new PowerDay(d.plusDays(i), p));
        }
        PowerBank bank = PowerBank.resampled("synthetic", days, 3, seed);
        for (int e = 0; e < 36; e++) {
            int n = bank.size(e);
            double[] all = new double[n];
            for (int k = 0; k < n; k++) {
                // recover the sorted prices from the prefix sums
                all[k] = bank.sumSmallest(e, k + 1) - bank.sumSmallest(e, k);
            }
            for (double t :
                    new double[] {-100, -30, 0, 19.999, 20, 20.0001, 50, 69.9, 500, 3000, r.nextDouble() * 120 - 30}) {
                int expected = 0;
                double sum = 0;
                for (double v : all) {
                    if (v < t) {
                        expected++;
                        sum += v;
                    }
                }
                int k = bank.countBelow(e, t);
                assertThat(k).isEqualTo(expected);
                assertThat(bank.sumSmallest(e, k)).isCloseTo(sum, within(1e-6));
            }
        }
    }
}
