package io.minerai.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.scenario.DocumentText;
import io.minerai.core.scenario.FieldReader;
import io.minerai.core.scenario.ObjectSpec;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioPaths;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.Problems;
import io.minerai.core.validation.ValidationException;
import io.minerai.planning.PlanReader;
import io.minerai.planning.PlanSchema;
import io.minerai.planning.model.Amortization;
import io.minerai.planning.model.BitcoinPlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.portfolio.model.Acquisition;
import io.minerai.portfolio.model.AcquisitionFinancing;
import io.minerai.portfolio.model.Company;
import io.minerai.portfolio.model.CorporateDebt;
import io.minerai.portfolio.model.Equity;
import io.minerai.portfolio.model.FleetMoves;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.portfolio.model.SiteDispatch;
import io.minerai.portfolio.model.SiteEntry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a portfolio document and every scenario and plan it names. One pass reports every problem with its path:
 * the fields (types, units, ranges, unknown names), then the rules across them (unique site names over the company
 * and its targets, strategies that exist in the site's plan, financing fractions summing to 1, closing dates not
 * before today and inside the horizon), and each named file's own problems prefixed with the field naming it.
 */
public final class PortfolioReader {
    /** Folder of the bundled example. */
    public static final String EXAMPLE_DIR = "/io/minerai/portfolio/example/";
    /** The bundled example's portfolio file in {@link #EXAMPLE_DIR}. */
    public static final String EXAMPLE_FILE = "portfolio.yaml";

    private PortfolioReader() {}

    /** The bundled example (a 3-site company and a 2-site target on bundled real data). */
    public static LoadedPortfolio bundledExample(LocalDate today) {
        DocumentFolder folder = new DocumentFolder.Bundled(EXAMPLE_DIR);
        return parse(folder.require(EXAMPLE_FILE, ""), "the bundled example portfolio", folder, today);
    }

    /** The bundled example's portfolio text. */
    public static String bundledExampleText() {
        return DocumentText.resource(PortfolioReader.class, EXAMPLE_DIR + EXAMPLE_FILE);
    }

    /** Reads {@code file}; files it names resolve against its folder. */
    public static LoadedPortfolio read(Path file, LocalDate today) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent() == null ? Path.of(".").toAbsolutePath() : abs.getParent();
        return parse(
                DocumentText.readFile(file, "portfolio"), "portfolio " + file, new DocumentFolder.OnDisk(dir), today);
    }

    /** Parses a document whose named files are found in {@code folder}. */
    public static LoadedPortfolio parse(String text, String what, DocumentFolder folder, LocalDate today) {
        JsonNode root = DocumentText.parseObject(text, what, "a field 'portfolio'");
        Problems problems = new Problems();
        FieldReader file = new FieldReader(root, "", PortfolioSchema.FILE, problems);
        Optional<Portfolio> read = file.object("portfolio", PortfolioSchema.PORTFOLIO, PortfolioReader::portfolio);
        problems.throwIfAny(what);
        Portfolio p = read.orElseThrow();
        rules(p, today, problems);
        List<LoadedSite> sites = new ArrayList<>();
        for (int i = 0; i < p.sites().size(); i++) {
            load(p.sites().get(i), "portfolio.sites[" + i + "]", folder, problems)
                    .ifPresent(sites::add);
        }
        List<List<LoadedSite>> targets = new ArrayList<>();
        for (int a = 0; a < p.acquisitions().size(); a++) {
            List<LoadedSite> t = new ArrayList<>();
            Acquisition acq = p.acquisitions().get(a);
            for (int i = 0; i < acq.sites().size(); i++) {
                load(acq.sites().get(i), "portfolio.acquisitions[" + a + "].sites[" + i + "]", folder, problems)
                        .ifPresent(t::add);
            }
            targets.add(t);
        }
        problems.throwIfAny(what);
        return new LoadedPortfolio(p, what, sites, targets, text, folder, today);
    }

    private static void rules(Portfolio p, LocalDate today, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        List<String> paths = new ArrayList<>();
        List<SiteEntry> all = new ArrayList<>();
        for (int i = 0; i < p.sites().size(); i++) {
            paths.add("portfolio.sites[" + i + "]");
            all.add(p.sites().get(i));
        }
        for (int a = 0; a < p.acquisitions().size(); a++) {
            Acquisition acq = p.acquisitions().get(a);
            String ap = "portfolio.acquisitions[" + a + "]";
            for (int i = 0; i < acq.sites().size(); i++) {
                paths.add(ap + ".sites[" + i + "]");
                all.add(acq.sites().get(i));
            }
            AcquisitionFinancing f = acq.financing();
            double sum = f.cashFraction() + f.debtFraction() + f.sharesFraction();
            if (Math.abs(sum - 1) > 1e-9) {
                problems.add(
                        ap + ".cashFraction",
                        String.format(
                                java.util.Locale.ROOT,
                                "cashFraction + debtFraction + sharesFraction must be 1, was %.4f",
                                sum));
            }
            if (acq.closingDate().isBefore(today)) {
                problems.add(
                        ap + ".closingDate",
                        "closes on " + acq.closingDate() + ", before today (" + today + "): a deal that has closed is"
                                + " part of the company (add its sites to portfolio.sites)");
            }
            YearMonth close = YearMonth.from(acq.closingDate());
            long k = p.startMonth().until(close, java.time.temporal.ChronoUnit.MONTHS);
            if (k < 0 || k >= p.horizonMonths()) {
                problems.add(
                        ap + ".closingDate",
                        "closes in " + close + ", outside the portfolio's horizon (" + p.startMonth() + ", "
                                + p.horizonMonths() + " months)");
            }
            if (acq.sites().isEmpty()) {
                problems.add(ap + ".sites", "must name at least one site");
            }
            for (int b = 0; b < a; b++) {
                if (p.acquisitions().get(b).name().equals(acq.name())) {
                    problems.add(ap + ".name", "duplicate acquisition name '" + acq.name() + "'");
                }
            }
        }
        for (int i = 0; i < all.size(); i++) {
            String n = all.get(i).name();
            String before = seen.putIfAbsent(n, paths.get(i));
            if (before != null) {
                problems.add(
                        paths.get(i) + ".name",
                        "duplicate site name '" + n + "' (also " + before + ".name); site names must be unique across"
                                + " the company and its targets");
            }
        }
        if (p.sites().isEmpty()) {
            problems.add("portfolio.sites", "must name at least one site");
        }
        for (int d = 0; d < p.company().startDelaysMonths().size(); d++) {
            int delay = p.company().startDelaysMonths().get(d);
            if (delay < 0 || delay >= p.horizonMonths()) {
                problems.add(
                        "portfolio.company.startDelaysMonths[" + d + "]",
                        "must be 0 .. " + (p.horizonMonths() - 1) + " months, was " + delay);
            }
        }
        if (p.company().startDelaysMonths().isEmpty()) {
            problems.add("portfolio.company.startDelaysMonths", "must hold at least one delay, e.g. [0]");
        }
    }

    private static Optional<LoadedSite> load(SiteEntry e, String path, DocumentFolder folder, Problems problems) {
        Optional<Scenario> scenario = Optional.empty();
        String sp = path + ".scenario";
        Optional<String> sText = folder.text(e.scenario().toString());
        if (sText.isEmpty()) {
            problems.add(sp, "file not found: " + folder.describe(e.scenario().toString()));
        } else {
            try {
                Scenario s = ScenarioReader.parse(sText.get(), "scenario " + e.scenario());
                Path base = folder.baseDirOf(e.scenario().toString());
                for (Problem q : ScenarioPaths.unreadable(s, base)) {
                    problems.add(sp, "scenario " + folder.describe(e.scenario().toString()) + ": " + q);
                }
                scenario = Optional.of(s);
            } catch (ValidationException ex) {
                for (Problem q : ex.problems()) {
                    problems.add(sp, "scenario " + folder.describe(e.scenario().toString()) + ": " + q);
                }
            }
        }
        Optional<Plan> plan = Optional.empty();
        String pp = path + ".plan";
        Optional<String> pText = folder.text(e.plan().toString());
        if (pText.isEmpty()) {
            problems.add(pp, "file not found: " + folder.describe(e.plan().toString()));
        } else {
            try {
                plan = Optional.of(PlanReader.parse(pText.get(), "plan " + e.plan()));
            } catch (ValidationException ex) {
                for (Problem q : ex.problems()) {
                    problems.add(pp, "plan " + folder.describe(e.plan().toString()) + ": " + q);
                }
            }
        }
        if (plan.isPresent()) {
            Plan pl = plan.get();
            if (pl.strategy(e.currentStrategy()).isEmpty()) {
                problems.add(
                        path + ".currentStrategy",
                        "no strategy '" + e.currentStrategy() + "' in plan " + e.plan() + " (has "
                                + pl.strategies().stream()
                                        .map(StrategyPlan::name)
                                        .toList() + ")");
            }
            for (int i = 0; i < e.strategies().size(); i++) {
                String n = e.strategies().get(i);
                if (pl.strategy(n).isEmpty()) {
                    problems.add(path + ".strategies[" + i + "]", "no strategy '" + n + "' in plan " + e.plan());
                }
            }
        }
        if (scenario.isEmpty() || plan.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LoadedSite(
                e, path, scenario.get(), folder.baseDirOf(e.scenario().toString()), plan.get()));
    }

    private static Portfolio portfolio(FieldReader r, ObjectSpec spec) {
        YearMonth start = yearMonth(r, "start");
        BitcoinPlan btc = r.object("bitcoin", PlanSchema.BITCOIN, PlanReader::bitcoin)
                .orElse(new BitcoinPlan(1, 0, 1, 0, 0, 0, 0));
        Uncertainty u = r.object("uncertainty", PlanSchema.UNCERTAINTY, PlanReader::uncertainty)
                .orElseGet(() -> PlanReader.uncertainty(
                        new FieldReader(
                                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                                r.fieldPath("uncertainty"),
                                PlanSchema.UNCERTAINTY,
                                r.problems()),
                        PlanSchema.UNCERTAINTY));
        Company company = r.object("company", PortfolioSchema.COMPANY, PortfolioReader::company)
                .orElse(new Company(
                        0,
                        0,
                        List.of(),
                        OptionalDouble.empty(),
                        new Equity(1, 1),
                        List.of(),
                        1.25,
                        new FleetMoves(false, 0, 0),
                        0.12,
                        List.of(0),
                        RiskMeasure.EXPECTED,
                        0.1,
                        1));
        return new Portfolio(
                r.string("name"),
                r.string("description"),
                start,
                r.integer("horizonMonths"),
                btc,
                u,
                company,
                r.list("sites", PortfolioSchema.SITE, PortfolioReader::site),
                r.list("acquisitions", PortfolioSchema.ACQUISITION, PortfolioReader::acquisition));
    }

    private static YearMonth yearMonth(FieldReader r, String name) {
        String s = r.string(name);
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            if (!s.isEmpty()) {
                r.problems().add(r.fieldPath(name), "must be a month like 2026-01, was '" + s + "'");
            }
            return YearMonth.of(2026, 1);
        }
    }

    private static Company company(FieldReader r, ObjectSpec spec) {
        List<Double> budget = Lists.numbers(r, "capexBudgetUsdPerYear", 0);
        List<Integer> delays = r.has("startDelaysMonths")
                ? Lists.numbers(r, "startDelaysMonths", 0).stream()
                        .map(Double::intValue)
                        .toList()
                : List.of(0, 12);
        FleetMoves fleet = r.object(
                        "fleetMoves",
                        PortfolioSchema.FLEET_MOVES,
                        (fr, s) -> new FleetMoves(
                                fr.bool("enabled"), fr.number("costUsdPerMw"), fr.integer("monthsPerMove")))
                .orElse(new FleetMoves(false, 0, 0));
        return new Company(
                r.number("cashUsd"),
                r.number("generalAdministrativeUsdPerMonth"),
                budget,
                r.has("gpuProcurementBudgetUsd")
                        ? OptionalDouble.of(r.number("gpuProcurementBudgetUsd"))
                        : OptionalDouble.empty(),
                new Equity(r.number("sharesOutstanding"), r.number("sharePriceUsd")),
                r.list("debt", PortfolioSchema.CORPORATE_DEBT, PortfolioReader::debt),
                r.number("minCorporateDscr"),
                fleet,
                r.number("discountRatePerYear"),
                delays,
                RiskMeasure.fromKey(r.enumValue("riskMeasure").isEmpty() ? "expected" : r.enumValue("riskMeasure")),
                r.number("cvarAlpha"),
                r.number("maxBreachProbability"));
    }

    private static CorporateDebt debt(FieldReader r, ObjectSpec spec) {
        String a = r.enumValue("amortization");
        return new CorporateDebt(
                r.string("name"),
                r.number("balanceUsd"),
                r.number("ratePerYear"),
                switch (a) {
                    case "linear" -> Amortization.LINEAR;
                    case "bullet" -> Amortization.BULLET;
                    default -> Amortization.ANNUITY;
                },
                r.integer("tenorMonths"));
    }

    private static SiteEntry site(FieldReader r, ObjectSpec spec) {
        return new SiteEntry(
                r.string("name"),
                Path.of(r.string("scenario")),
                Path.of(r.string("plan")),
                r.string("currentStrategy"),
                Lists.names(r, "strategies"),
                r.number("powerEscalatorPerYear"),
                dispatch(r.enumValue("dispatch")));
    }

    /** The site's dispatch; a value the field pass refused (already reported) reads as the default. */
    private static SiteDispatch dispatch(String key) {
        for (SiteDispatch d : SiteDispatch.values()) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        return SiteDispatch.MERIT_ORDER;
    }

    private static Acquisition acquisition(FieldReader r, ObjectSpec spec) {
        String d = r.string("closingDate");
        LocalDate closing;
        try {
            closing = LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            if (!d.isEmpty()) {
                r.problems().add(r.fieldPath("closingDate"), "must be a date like 2026-06-30, was '" + d + "'");
            }
            closing = LocalDate.MAX;
        }
        String m = r.enumValue("riskMeasure");
        return new Acquisition(
                r.string("name"),
                r.list("sites", PortfolioSchema.SITE, PortfolioReader::site),
                r.number("askingPriceUsd"),
                closing,
                new AcquisitionFinancing(
                        r.number("cashFraction"),
                        r.number("debtFraction"),
                        r.number("sharesFraction"),
                        r.number("debtRatePerYear"),
                        r.integer("debtTenorMonths")),
                r.number("generalAdministrativeSavingsUsdPerMonth"),
                RiskMeasure.fromKey(m.isEmpty() ? "expected" : m));
    }
}
