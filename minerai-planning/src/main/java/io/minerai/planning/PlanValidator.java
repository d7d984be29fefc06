package io.minerai.planning;

import io.minerai.core.validation.Problems;
import io.minerai.planning.model.AsicPurchase;
import io.minerai.planning.model.CoolingType;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.SearchPlan;
import io.minerai.planning.model.StrategyPlan;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules of a plan that span fields (per-field ranges live in {@link PlanSchema}): unique names, references that
 * resolve, months inside the horizon, halls that fit the site, leases that start after their hall is built, IT that
 * fits its hall, facilities whose asset is in the strategy. Reports every violation with its path.
 */
public final class PlanValidator {
    private PlanValidator() {}

    /**
     * Validates {@code plan}; paths start with {@code root} (e.g. "plan").
     *
     * @return the problems found (empty when valid)
     */
    public static Problems validate(Plan plan, String root) {
        Problems p = new Problems();
        String r = root.isEmpty() ? "" : root + ".";
        int horizon = plan.horizonMonths();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < plan.halls().size(); i++) {
            Hall h = plan.halls().get(i);
            String path = r + "halls[" + i + "]";
            unique(names, h.name(), path, p);
            if (h.startMonth() >= horizon) {
                p.add(
                        path + ".startMonth",
                        "must be before the horizon (" + horizon + " months), was " + h.startMonth());
            }
            double mw = plan.hallFacilityMw(h);
            if (mw > plan.site().gridMw() + 1e-9) {
                p.add(
                        path + ".criticalItMw",
                        String.format(
                                Locale.ROOT,
                                "%.1f MW critical IT x PUE %.2f = %.1f MW exceeds the site's gridMw %.1f MW",
                                h.criticalItMw(),
                                plan.coolingOf(h).pue(),
                                mw,
                                plan.site().gridMw()));
            }
        }
        for (int i = 0; i < plan.gpuClouds().size(); i++) {
            GpuCloudPlan g = plan.gpuClouds().get(i);
            String path = r + "gpuClouds[" + i + "]";
            unique(names, g.name(), path, p);
            Optional<Hall> h = plan.hall(g.hall());
            if (h.isEmpty()) {
                p.add(
                        path + ".hall",
                        unknown(
                                "hall",
                                g.hall(),
                                plan.halls().stream().map(Hall::name).toList()));
            } else if (g.criticalItMw() > h.get().criticalItMw() + 1e-9) {
                p.add(
                        path + ".gpuCount",
                        String.format(
                                Locale.ROOT,
                                "%d GPUs x %.3f kW = %.1f MW critical IT exceed hall '%s' (%.1f MW)",
                                g.gpuCount(),
                                g.itKwPerGpu(),
                                g.criticalItMw(),
                                h.get().name(),
                                h.get().criticalItMw()));
            }
        }
        for (int i = 0; i < plan.gpuClouds().size(); i++) {
            refresh(plan, plan.gpuClouds().get(i), r + "gpuClouds[" + i + "]", p);
        }
        coolingFits(plan, r, p);
        for (int i = 0; i < plan.contracts().size(); i++) {
            GpuContract c = plan.contracts().get(i);
            String path = r + "gpuContracts[" + i + "]";
            unique(names, c.name(), path, p);
            contract(plan, c, path, p);
        }
        for (int i = 0; i < plan.leases().size(); i++) {
            LeasePlan l = plan.leases().get(i);
            String path = r + "leases[" + i + "]";
            unique(names, l.name(), path, p);
            Optional<Hall> h = plan.hall(l.hall());
            if (h.isEmpty()) {
                p.add(
                        path + ".hall",
                        unknown(
                                "hall",
                                l.hall(),
                                plan.halls().stream().map(Hall::name).toList()));
            } else {
                if (l.startMonth() < h.get().readyMonth()) {
                    p.add(
                            path + ".startMonth",
                            "lease starts in month " + l.startMonth() + " but hall '"
                                    + h.get().name()
                                    + "' is only ready in month " + h.get().readyMonth() + " (startMonth "
                                    + h.get().startMonth() + " + leadTimeMonths "
                                    + h.get().leadTimeMonths() + ")");
                }
                if (l.criticalItMw() > h.get().criticalItMw() + 1e-9) {
                    p.add(
                            path + ".criticalItMw",
                            "leases " + l.criticalItMw() + " MW but hall '"
                                    + h.get().name() + "' has only " + h.get().criticalItMw() + " MW critical IT");
                }
            }
            if (l.startMonth() >= horizon) {
                p.add(
                        path + ".startMonth",
                        "must be before the horizon (" + horizon + " months), was " + l.startMonth());
            }
        }
        for (int i = 0; i < plan.asicPurchases().size(); i++) {
            AsicPurchase a = plan.asicPurchases().get(i);
            String path = r + "asicPurchases[" + i + "]";
            unique(names, a.name(), path, p);
            if (a.month() >= horizon) {
                p.add(path + ".month", "must be before the horizon (" + horizon + " months), was " + a.month());
            }
        }
        List<Facility> facilities = plan.financing().facilities();
        for (int i = 0; i < facilities.size(); i++) {
            facility(plan, facilities.get(i), r + "financing.facilities[" + i + "]", names, p);
        }
        Set<String> strategyNames = new HashSet<>();
        if (plan.strategies().isEmpty()) {
            p.add(r + "strategies", "must list at least one strategy");
        }
        for (int i = 0; i < plan.strategies().size(); i++) {
            StrategyPlan s = plan.strategies().get(i);
            String path = r + "strategies[" + i + "]";
            if (!strategyNames.add(s.name())) {
                p.add(path + ".name", "duplicate strategy name '" + s.name() + "'");
            }
            strategy(plan, s, path, p);
        }
        plan.search().ifPresent(s -> search(plan, s, r + "search", p));
        return p;
    }

    /**
     * Every GPU generation runs in a hall whose cooling it can use: the hall's own cooling, or what a cloud's
     * {@code convertHallTo} (or an earlier cloud's, along a refresh chain) converted it to.
     */
    private static void coolingFits(Plan plan, String r, Problems p) {
        List<GpuCloudPlan> clouds = plan.gpuClouds();
        java.util.Set<String> refreshTargets = new java.util.HashSet<>();
        for (GpuCloudPlan g : clouds) {
            refreshTargets.add(g.refreshWith());
        }
        java.util.Set<String> roots = new java.util.HashSet<>();
        for (StrategyPlan s : plan.strategies()) {
            roots.addAll(s.gpuClouds());
        }
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        for (GpuCloudPlan root : clouds) {
            if (!roots.contains(root.name()) && refreshTargets.contains(root.name())) {
                continue; // only ever a refresh: checked along the chain that reaches it
            }
            Optional<Hall> hall = plan.hall(root.hall());
            if (hall.isEmpty()) {
                continue;
            }
            CoolingType cooling = hall.get().cooling();
            java.util.Set<String> seen = new java.util.HashSet<>();
            GpuCloudPlan g = root;
            while (g != null && seen.add(g.name()) && g.hall().equals(root.hall())) {
                cooling = g.model().convertHallTo().orElse(cooling);
                int i = clouds.indexOf(g);
                if (!g.model().requiredCooling().isEmpty()
                        && !g.model().requiredCooling().contains(cooling)
                        && reported.add(i)) {
                    p.add(
                            r + "gpuClouds[" + i + "].gpuModel",
                            "GPU model " + g.model().gpuModel() + " needs "
                                    + g.model().requiredCooling().stream()
                                            .map(CoolingType::key)
                                            .sorted()
                                            .collect(java.util.stream.Collectors.joining(" or "))
                                    + " cooling (GPU catalogue), hall '"
                                    + hall.get().name() + "' is "
                                    + cooling.key() + (g == root ? "" : " when it goes live as a refresh")
                                    + "; set convertHallTo: liquid (cooling capex per MW IT) or choose a model that"
                                    + " fits the hall");
                }
                g = g.refreshWith().isEmpty()
                        ? null
                        : plan.gpuCloud(g.refreshWith()).orElse(null);
            }
        }
    }

    private static void refresh(Plan plan, GpuCloudPlan g, String path, Problems p) {
        if (g.residualValueByAgeYears().isEmpty()) {
            p.add(path + ".residualValueByAgeYears", "must list at least one value (the share at age 0)");
        }
        if (g.refreshWith().isEmpty()) {
            return;
        }
        Optional<GpuCloudPlan> next = plan.gpuCloud(g.refreshWith());
        if (next.isEmpty()) {
            p.add(
                    path + ".refreshWith",
                    unknown(
                            "GPU cloud",
                            g.refreshWith(),
                            plan.gpuClouds().stream().map(GpuCloudPlan::name).toList()));
            return;
        }
        if (next.get().name().equals(g.name())) {
            p.add(path + ".refreshWith", "a GPU cloud cannot refresh itself");
        } else if (!next.get().hall().equals(g.hall())) {
            p.add(
                    path + ".refreshWith",
                    "GPU cloud '" + next.get().name() + "' is in hall '"
                            + next.get().hall() + "', not in '" + g.hall() + "' where it would replace these GPUs");
        }
    }

    private static void contract(Plan plan, GpuContract c, String path, Problems p) {
        if (c.prepaymentMonth().isPresent() && c.prepaymentMonth().get() >= plan.horizonMonths()) {
            p.add(
                    path + ".prepaymentMonth",
                    "must be before the horizon (" + plan.horizonMonths() + " months), was "
                            + c.prepaymentMonth().get());
        }
        Optional<GpuCloudPlan> g = plan.gpuCloud(c.gpuCloud());
        if (g.isEmpty()) {
            p.add(
                    path + ".gpuCloud",
                    unknown(
                            "GPU cloud",
                            c.gpuCloud(),
                            plan.gpuClouds().stream().map(GpuCloudPlan::name).toList()));
            return;
        }
        GpuCloudPlan cloud = g.get();
        double itMw = c.gpuCount() * cloud.itKwPerGpu() / 1000.0;
        Optional<Hall> hall = plan.hall(cloud.hall());
        if (hall.isPresent() && itMw > hall.get().criticalItMw() + 1e-9) {
            p.add(
                    path + ".gpuCount",
                    String.format(
                            Locale.ROOT,
                            "contracts %d GPUs x %.3f kW = %.1f MW critical IT, more than hall '%s' holds (%.1f MW)",
                            c.gpuCount(),
                            cloud.itKwPerGpu(),
                            itMw,
                            hall.get().name(),
                            hall.get().criticalItMw()));
        } else if (c.gpuCount() > cloud.gpuCount()) {
            p.add(
                    path + ".gpuCount",
                    "contracts " + c.gpuCount() + " GPUs but GPU cloud '" + cloud.name() + "' has only "
                            + cloud.gpuCount());
        }
        if (c.termMonths() > cloud.lifeMonths() && cloud.refreshWith().isEmpty()) {
            p.add(
                    path + ".termMonths",
                    "the term of " + c.termMonths() + " months is longer than the GPUs' life of "
                            + cloud.lifeMonths() + " months (GPU cloud '" + cloud.name()
                            + "' lifeYears) and the cloud has no refreshWith: shorten the term or say which GPUs"
                            + " replace them");
        }
        if (c.termMonths() > cloud.lifeMonths() && !cloud.refreshWith().isEmpty()) {
            plan.gpuCloud(cloud.refreshWith()).ifPresent(next -> {
                if (next.gpuCount() < c.gpuCount()) {
                    p.add(
                            path + ".gpuCount",
                            "the term outlives GPU cloud '" + cloud.name() + "' and its refresh '" + next.name()
                                    + "' has only " + next.gpuCount() + " GPUs for the " + c.gpuCount()
                                    + " contracted");
                }
            });
        }
    }

    private static void facility(Plan plan, Facility f, String path, Map<String, String> names, Problems p) {
        unique(names, f.name(), path, p);
        switch (f) {
            case Facility.TermLoan t -> {
                if (t.drawMonth() >= plan.horizonMonths()) {
                    p.add(
                            path + ".drawMonth",
                            "must be before the horizon (" + plan.horizonMonths() + " months), was " + t.drawMonth());
                }
            }
            case Facility.ProjectFinance pf -> {
                boolean found = plan.hall(pf.finances()).isPresent()
                        || plan.gpuCloud(pf.finances()).isPresent()
                        || plan.asicPurchase(pf.finances()).isPresent();
                if (!found) {
                    p.add(path + ".finances", "no hall, GPU cloud or ASIC purchase named '" + pf.finances() + "'");
                }
            }
            case Facility.ContractBacked cb -> {
                Optional<GpuContract> c = plan.contract(cb.contract());
                if (c.isEmpty()) {
                    p.add(
                            path + ".contract",
                            unknown(
                                    "GPU contract",
                                    cb.contract(),
                                    plan.contracts().stream()
                                            .map(GpuContract::name)
                                            .toList()));
                } else if (cb.interestOnlyMonths() + cb.tenorMonths() > c.get().termMonths() - 1) {
                    p.add(
                            path + ".tenorMonths",
                            "interest-only " + cb.interestOnlyMonths() + " + tenor " + cb.tenorMonths()
                                    + " months run past the contract's term of "
                                    + c.get().termMonths()
                                    + " months (service starts the month after the draw): the contract must cover"
                                    + " every payment");
                }
            }
            case Facility.LeaseBackedNotes n -> {
                if (plan.lease(n.lease()).isEmpty()) {
                    p.add(
                            path + ".lease",
                            unknown(
                                    "lease",
                                    n.lease(),
                                    plan.leases().stream().map(LeasePlan::name).toList()));
                }
            }
        }
    }

    private static void strategy(Plan plan, StrategyPlan s, String path, Problems p) {
        Set<String> halls = new HashSet<>();
        double facilityMw = 0;
        for (int j = 0; j < s.halls().size(); j++) {
            String n = s.halls().get(j);
            Optional<Hall> h = plan.hall(n);
            if (h.isEmpty()) {
                p.add(
                        path + ".halls[" + j + "]",
                        unknown("hall", n, plan.halls().stream().map(Hall::name).toList()));
                continue;
            }
            if (!halls.add(n)) {
                p.add(path + ".halls[" + j + "]", "hall '" + n + "' is listed twice");
                continue;
            }
            facilityMw += plan.hallFacilityMw(h.get());
        }
        if (facilityMw > plan.site().gridMw() + 1e-9) {
            p.add(
                    path + ".halls",
                    String.format(
                            Locale.ROOT,
                            "converts %.1f MW of site power (critical IT x PUE) but the site has only gridMw %.1f MW",
                            facilityMw,
                            plan.site().gridMw()));
        }
        Map<String, Double> itUsed = new HashMap<>();
        Set<String> inStrategy = new HashSet<>(halls);
        for (int j = 0; j < s.gpuClouds().size(); j++) {
            String n = s.gpuClouds().get(j);
            Optional<GpuCloudPlan> g = plan.gpuCloud(n);
            String at = path + ".gpuClouds[" + j + "]";
            if (g.isEmpty()) {
                p.add(
                        at,
                        unknown(
                                "GPU cloud",
                                n,
                                plan.gpuClouds().stream()
                                        .map(GpuCloudPlan::name)
                                        .toList()));
                continue;
            }
            inStrategy.add(n);
            if (!halls.contains(g.get().hall())) {
                p.add(
                        at,
                        "GPU cloud '" + n + "' needs hall '" + g.get().hall()
                                + "', which this strategy does not build");
            }
            if (halls.contains(g.get().hall())) {
                itUsed.merge(g.get().hall(), g.get().criticalItMw(), Double::sum);
            }
        }
        for (int j = 0; j < s.leases().size(); j++) {
            String n = s.leases().get(j);
            Optional<LeasePlan> l = plan.lease(n);
            String at = path + ".leases[" + j + "]";
            if (l.isEmpty()) {
                p.add(
                        at,
                        unknown(
                                "lease",
                                n,
                                plan.leases().stream().map(LeasePlan::name).toList()));
                continue;
            }
            inStrategy.add(n);
            if (!halls.contains(l.get().hall())) {
                p.add(at, "lease '" + n + "' needs hall '" + l.get().hall() + "', which this strategy does not build");
            }
            if (halls.contains(l.get().hall())) {
                itUsed.merge(l.get().hall(), l.get().criticalItMw(), Double::sum);
            }
        }
        itUsed.forEach((hallName, mw) -> plan.hall(hallName).ifPresent(h -> {
            if (mw > h.criticalItMw() + 1e-9) {
                p.add(
                        path,
                        String.format(
                                Locale.ROOT,
                                "GPU clouds and leases in hall '%s' use %.1f MW critical IT but it has only %.1f MW",
                                hallName,
                                mw,
                                h.criticalItMw()));
            }
        }));
        for (int j = 0; j < s.asicPurchases().size(); j++) {
            String n = s.asicPurchases().get(j);
            if (plan.asicPurchase(n).isEmpty()) {
                p.add(
                        path + ".asicPurchases[" + j + "]",
                        unknown(
                                "ASIC purchase",
                                n,
                                plan.asicPurchases().stream()
                                        .map(AsicPurchase::name)
                                        .toList()));
            } else {
                inStrategy.add(n);
            }
        }
        Map<String, Integer> contracted = new HashMap<>();
        for (int j = 0; j < s.contracts().size(); j++) {
            String n = s.contracts().get(j);
            Optional<GpuContract> c = plan.contract(n);
            String at = path + ".contracts[" + j + "]";
            if (c.isEmpty()) {
                p.add(
                        at,
                        unknown(
                                "GPU contract",
                                n,
                                plan.contracts().stream().map(GpuContract::name).toList()));
                continue;
            }
            inStrategy.add(n);
            if (!s.gpuClouds().contains(c.get().gpuCloud())) {
                p.add(
                        at,
                        "contract '" + n + "' needs GPU cloud '" + c.get().gpuCloud()
                                + "', which this strategy does not run");
            } else {
                contracted.merge(c.get().gpuCloud(), c.get().gpuCount(), Integer::sum);
            }
        }
        contracted.forEach((cloudName, count) -> plan.gpuCloud(cloudName).ifPresent(g -> {
            if (count > g.gpuCount()) {
                p.add(
                        path + ".contracts",
                        "contracts on GPU cloud '" + cloudName + "' take " + count + " GPUs but it has only "
                                + g.gpuCount());
            }
        }));
        for (int j = 0; j < s.facilities().size(); j++) {
            String n = s.facilities().get(j);
            Optional<Facility> f = plan.facility(n);
            String at = path + ".facilities[" + j + "]";
            if (f.isEmpty()) {
                p.add(
                        at,
                        unknown(
                                "facility",
                                n,
                                plan.financing().facilities().stream()
                                        .map(Facility::name)
                                        .toList()));
                continue;
            }
            String target = switch (f.get()) {
                case Facility.TermLoan t -> "";
                case Facility.ProjectFinance pf -> pf.finances();
                case Facility.LeaseBackedNotes notes -> notes.lease();
                case Facility.ContractBacked cb -> cb.contract();
            };
            if (!target.isEmpty() && !inStrategy.contains(target)) {
                p.add(at, "facility '" + n + "' finances '" + target + "', which this strategy does not include");
            }
        }
    }

    private static void search(Plan plan, SearchPlan s, String path, Problems p) {
        if (plan.strategy(s.base()).isEmpty()) {
            p.add(
                    path + ".base",
                    unknown(
                            "strategy",
                            s.base(),
                            plan.strategies().stream().map(StrategyPlan::name).toList()));
        }
        Optional<Hall> h = plan.hall(s.hall());
        if (h.isEmpty()) {
            p.add(
                    path + ".hall",
                    unknown(
                            "hall",
                            s.hall(),
                            plan.halls().stream().map(Hall::name).toList()));
        }
        plan.gpuCloud(s.gpuCloud())
                .ifPresentOrElse(
                        g -> {
                            if (!g.hall().equals(s.hall())) {
                                p.add(
                                        path + ".gpuCloud",
                                        "GPU cloud '" + g.name() + "' is in hall '" + g.hall()
                                                + "', not in the searched hall '" + s.hall() + "'");
                            }
                        },
                        () -> p.add(
                                path + ".gpuCloud",
                                unknown(
                                        "GPU cloud",
                                        s.gpuCloud(),
                                        plan.gpuClouds().stream()
                                                .map(GpuCloudPlan::name)
                                                .toList())));
        for (int i = 0; i < s.gpuClouds().size(); i++) {
            String at = path + ".gpuClouds[" + i + "]";
            String name = s.gpuClouds().get(i);
            plan.gpuCloud(name)
                    .ifPresentOrElse(
                            g -> {
                                if (!g.hall().equals(s.hall())) {
                                    p.add(
                                            at,
                                            "GPU cloud '" + g.name() + "' is in hall '" + g.hall()
                                                    + "', not in the searched hall '" + s.hall() + "'");
                                }
                            },
                            () -> p.add(
                                    at,
                                    unknown(
                                            "GPU cloud",
                                            name,
                                            plan.gpuClouds().stream()
                                                    .map(GpuCloudPlan::name)
                                                    .toList())));
        }
        plan.lease(s.lease())
                .ifPresentOrElse(
                        l -> {
                            if (!l.hall().equals(s.hall())) {
                                p.add(
                                        path + ".lease",
                                        "lease '" + l.name() + "' is in hall '" + l.hall()
                                                + "', not in the searched hall '" + s.hall() + "'");
                            }
                        },
                        () -> p.add(
                                path + ".lease",
                                unknown(
                                        "lease",
                                        s.lease(),
                                        plan.leases().stream()
                                                .map(LeasePlan::name)
                                                .toList())));
        boolean contracted = s.contractShares().stream().anyMatch(c -> c > 0);
        if (contracted && s.contract().isEmpty()) {
            p.add(
                    path + ".contract",
                    "is required when a contract share is above 0 (contractShares " + s.contractShares() + ")");
        }
        s.contract()
                .ifPresent(name -> plan.contract(name)
                        .ifPresentOrElse(
                                c -> {
                                    if (!c.gpuCloud().equals(s.gpuCloud())) {
                                        p.add(
                                                path + ".contract",
                                                "contract '" + c.name() + "' is on GPU cloud '" + c.gpuCloud()
                                                        + "', not on the searched GPU cloud '" + s.gpuCloud() + "'");
                                    }
                                },
                                () -> p.add(
                                        path + ".contract",
                                        unknown(
                                                "GPU contract",
                                                name,
                                                plan.contracts().stream()
                                                        .map(GpuContract::name)
                                                        .toList()))));
        for (int i = 0; i < s.startMonths().size(); i++) {
            if (s.startMonths().get(i) >= plan.horizonMonths()) {
                p.add(
                        path + ".startMonths[" + i + "]",
                        "must be before the horizon (" + plan.horizonMonths() + " months), was "
                                + s.startMonths().get(i));
            }
        }
    }

    private static void unique(Map<String, String> seen, String name, String path, Problems p) {
        String prev = seen.putIfAbsent(name, path);
        if (prev != null) {
            p.add(path + ".name", "duplicate name '" + name + "' (also used by " + prev + ")");
        }
    }

    private static String unknown(String what, String name, List<String> known) {
        return "no " + what + " named '" + name + "'" + (known.isEmpty() ? "" : "; known: " + known);
    }
}
