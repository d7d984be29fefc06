package io.minerai.dispatch.settle;

import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The site's physical measures per interval: the real-time price and hashprice, generation, import, export and spill,
 * power by load class and by load, and the average cost of the energy consumed. No money.
 */
public final class SiteMeasures implements Settler {
    public static final Measure PRICE =
            new Measure("price_usd_per_mwh", "Real-time price", "USD/MWh", Aggregation.MEAN, "energy");
    public static final Measure HASHPRICE =
            new Measure("hashprice_usd_per_ph_day", "Hashprice", "USD/PH/s/day", Aggregation.MEAN, "site");
    public static final Measure GENERATION =
            new Measure("generation_mw", "On-site generation", "MW", Aggregation.MEAN, "site");
    public static final Measure IMPORT = new Measure("import_mw", "Grid import", "MW", Aggregation.MEAN, "site");
    public static final Measure EXPORT = new Measure("export_mw", "Export", "MW", Aggregation.MEAN, "site");
    public static final Measure SPILL = new Measure("spill_mw", "Spilled generation", "MW", Aggregation.MEAN, "site");
    public static final Measure ENERGY_COST = new Measure(
            "energy_cost_usd_per_mwh", "Average cost of energy consumed", "USD/MWh", Aggregation.MEAN, "site");

    private final List<LoadInfo> loads;
    private final List<Measure> classMeasures = new ArrayList<>();
    private final List<LoadClass> classes = new ArrayList<>();
    private final List<Measure> loadMeasures = new ArrayList<>();

    public SiteMeasures(List<LoadInfo> loads) {
        this.loads = List.copyOf(loads);
        Set<String> used = new HashSet<>();
        for (Measure m : List.of(PRICE, HASHPRICE, GENERATION, IMPORT, EXPORT, SPILL, ENERGY_COST)) {
            used.add(m.id());
        }
        for (LoadClass c : LoadClass.values()) {
            Measure m = classMeasure(c);
            used.add(m.id());
            classes.add(c);
            classMeasures.add(m);
        }
        for (LoadInfo l : loads) {
            loadMeasures.add(new Measure(
                    unique("load_" + l.name(), "_mw", used), "Load " + l.name(), "MW", Aggregation.MEAN, "site"));
        }
    }

    /** The measure of the power drawn by loads of one class, e.g. {@code load_class_mining_mw}. */
    public static Measure classMeasure(LoadClass c) {
        return new Measure(
                "load_class_" + c.name().toLowerCase(Locale.ROOT) + "_mw", c.label(), "MW", Aggregation.MEAN, "site");
    }

    /** The measure of the power drawn by load {@code l}. */
    public Measure loadMeasure(int l) {
        return loadMeasures.get(l);
    }

    @Override
    public List<io.minerai.dispatch.ledger.Stream> streams() {
        return List.of();
    }

    @Override
    public List<Measure> measures() {
        List<Measure> out = new ArrayList<>(List.of(PRICE, HASHPRICE, GENERATION, IMPORT, EXPORT, SPILL));
        out.addAll(classMeasures);
        out.addAll(loadMeasures);
        out.add(ENERGY_COST);
        return out;
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        Dispatch d = c.dispatch();
        TimeSeries btcPerThDay = c.inputs().btcPerThDay();
        TimeSeries btcPrice = c.inputs().btcPriceUsd();
        double[] price = out.values(PRICE);
        double[] hash = out.values(HASHPRICE);
        double[] gen = out.values(GENERATION);
        double[] imp = out.values(IMPORT);
        double[] exp = out.values(EXPORT);
        double[] spill = out.values(SPILL);
        double[] cost = out.values(ENERGY_COST);
        double[][] byClass = new double[classes.size()][];
        for (int k = 0; k < classes.size(); k++) {
            byClass[k] = out.values(classMeasures.get(k));
        }
        double[][] byLoad = new double[loads.size()][];
        for (int l = 0; l < loads.size(); l++) {
            byLoad[l] = out.values(loadMeasures.get(l));
        }
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            price[t] = c.priceUsdPerMwh()[t];
            hash[t] = btcPerThDay.isMissing(t) || btcPrice.isMissing(t)
                    ? 0
                    : btcPerThDay.value(t) * btcPrice.value(t) * 1000.0;
            gen[t] = d.generationMw()[t];
            imp[t] = d.importMw()[t];
            exp[t] = d.exportMw()[t];
            spill[t] = d.spillMw()[t];
            cost[t] = c.energyCostUsdPerMwh()[t];
            for (int l = 0; l < loads.size(); l++) {
                double mw = d.loadMw(t, l);
                byLoad[l][t] = mw;
                byClass[classes.indexOf(loads.get(l).loadClass())][t] += mw;
            }
        }
    }

    private static String unique(String stem, String unitSuffix, Set<String> used) {
        String candidate = stem + unitSuffix;
        int k = 2;
        while (!used.add(candidate)) {
            candidate = stem + "_" + k++ + unitSuffix;
        }
        return candidate;
    }
}
