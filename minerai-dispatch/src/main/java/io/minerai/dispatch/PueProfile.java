package io.minerai.dispatch;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.Load;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import java.util.List;

/**
 * Each load's PUE per interval, for sites where some load's PUE follows the ambient temperature (docs/AI_COMPUTE.md,
 * section Cooling): PUE_lt = the load's curve at the interval's temperature, and its facility power when fully running
 * is its nominal facility power (IT power x the stated {@code pue}) x {@link #scale(int, int)} = PUE_lt / pue. Revenue
 * follows IT power, so a load's value per MWh at the meter divides by the same factor. Loads without a curve keep their
 * constant PUE (factor exactly 1). Intervals without a temperature are not {@link #present(int)}: policies skip them,
 * as they skip intervals without a price.
 *
 * <p>{@link #NONE} (no load follows the temperature) has factor 1 everywhere and leaves every result bit for bit as
 * before.
 */
public final class PueProfile {
    /** No load follows the ambient temperature. */
    public static final PueProfile NONE = new PueProfile(0, new double[0], new double[0], new double[0]);

    private final int loads;
    private final double[] pue;
    private final double[] scale;
    private final double[] temperatureC;

    private PueProfile(int loads, double[] pue, double[] scale, double[] temperatureC) {
        this.loads = loads;
        this.pue = pue;
        this.scale = scale;
        this.temperatureC = temperatureC;
    }

    /**
     * The profile of a site's loads ({@link Site#loads()} order) on the inputs' grid.
     *
     * @throws IllegalArgumentException when a load follows the temperature and the inputs have none
     */
    public static PueProfile of(Site site, ScenarioInputs inputs) {
        if (!site.pueFollowsAmbient()) {
            return NONE;
        }
        TimeSeries temp = inputs.ambientTemperatureC()
                .orElseThrow(() -> new IllegalArgumentException("site " + site.name()
                        + " has loads whose PUE follows the ambient temperature, but the inputs have no ambient"
                        + " temperature (site.ambientTemperature)"));
        List<Load> ls = site.loads();
        int nl = ls.size();
        int n = inputs.grid().count();
        double[] pue = new double[n * nl];
        double[] scale = new double[n * nl];
        double[] tc = new double[n];
        for (int t = 0; t < n; t++) {
            boolean known = !temp.isMissing(t);
            tc[t] = known ? temp.value(t) : Double.NaN;
            for (int l = 0; l < nl; l++) {
                Load load = ls.get(l);
                double p = known && load.pueCurve().isPresent()
                        ? load.pueCurve().get().pueAt(tc[t])
                        : load.pue();
                pue[t * nl + l] = p;
                scale[t * nl + l] = p / load.pue();
            }
        }
        return new PueProfile(nl, pue, scale, tc);
    }

    /** Whether some load's PUE follows the temperature. */
    public boolean active() {
        return loads > 0;
    }

    /** Whether interval {@code t} has what the profile needs (always, when not active). */
    public boolean present(int t) {
        return loads == 0 || !Double.isNaN(temperatureC[t]);
    }

    /** Load {@code l}'s facility power in interval {@code t} / its nominal facility power (1 when not active). */
    public double scale(int t, int l) {
        return loads == 0 ? 1.0 : scale[t * loads + l];
    }

    /** Load {@code l}'s PUE in interval {@code t}; {@code statedPue} when the profile is not active. */
    public double pue(int t, int l, double statedPue) {
        return loads == 0 ? statedPue : pue[t * loads + l];
    }

    /** The ambient temperature of interval {@code t}, degrees Celsius (NaN where unknown or not active). */
    public double temperatureC(int t) {
        return loads == 0 ? Double.NaN : temperatureC[t];
    }
}
