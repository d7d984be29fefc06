package io.minerai.portfolio;

import static io.minerai.core.scenario.FieldKind.BOOLEAN;
import static io.minerai.core.scenario.FieldKind.ENUM;
import static io.minerai.core.scenario.FieldKind.INTEGER;
import static io.minerai.core.scenario.FieldKind.LIST;
import static io.minerai.core.scenario.FieldKind.NUMBER;
import static io.minerai.core.scenario.FieldKind.OBJECT;
import static io.minerai.core.scenario.FieldKind.STRING;

import io.minerai.core.scenario.FieldKind;
import io.minerai.core.scenario.FieldSpec;
import io.minerai.core.scenario.ObjectSpec;
import io.minerai.planning.PlanSchema;
import java.util.List;

/**
 * The portfolio file format ({@code portfolio:} document), built from core's {@link FieldSpec}/{@link ObjectSpec} like
 * the scenario and the plan, so the reader reports every problem with its path, rejects unknown fields, and the
 * reference in docs/PORTFOLIO.md is generated from it. The {@code bitcoin} and {@code uncertainty} sections are the
 * plan's ({@link PlanSchema}).
 */
public final class PortfolioSchema {
    private PortfolioSchema() {}

    private static FieldSpec.Builder f(String name, FieldKind kind) {
        return FieldSpec.builder(name, kind);
    }

    private static FieldSpec fraction(String name, String what) {
        return f(name, NUMBER)
                .defaultValue(0.0)
                .atLeast(0)
                .atMost(1)
                .description(what)
                .build();
    }

    public static final ObjectSpec CORPORATE_DEBT = ObjectSpec.of(
            "corporateDebt",
            "Corporate debt outstanding at the start: serviced from the company's cash and counted in the corporate"
                    + " DSCR.",
            f("name", STRING).required().description("Unique name.").build(),
            f("balanceUsd", NUMBER)
                    .unit("$")
                    .required()
                    .atLeast(0)
                    .description("Balance at the start.")
                    .build(),
            f("ratePerYear", NUMBER)
                    .required()
                    .atLeast(0)
                    .atMost(1)
                    .description("Nominal yearly rate (monthly = rate / 12).")
                    .build(),
            f("amortization", ENUM)
                    .allowed("annuity", "linear", "bullet")
                    .defaultValue("annuity")
                    .description("Repayment profile from the first month.")
                    .build(),
            f("tenorMonths", INTEGER)
                    .unit("months")
                    .required()
                    .above(0)
                    .description("Number of repayments from the first month.")
                    .build());

    public static final ObjectSpec FLEET_MOVES = ObjectSpec.of(
            "fleetMoves",
            "Moving miners between sites: the machines a conversion leaves without power at one site hash at another"
                    + " site with spare interconnection.",
            f("enabled", BOOLEAN)
                    .defaultValue(true)
                    .description("Whether moves are considered.")
                    .build(),
            f("costUsdPerMw", NUMBER)
                    .unit("$/MW")
                    .required()
                    .atLeast(0)
                    .description("Cost per MW of machines moved (decommissioning, freight, installation).")
                    .build(),
            f("monthsPerMove", INTEGER)
                    .unit("months")
                    .required()
                    .atLeast(0)
                    .description("Months the machines do not hash while they move.")
                    .build());

    public static final ObjectSpec COMPANY = ObjectSpec.of(
            "company",
            "The company above its sites: cash, G&A, budgets, shares, corporate debt and covenant, fleet moves, and the"
                    + " rule choosing its mix.",
            f("cashUsd", NUMBER)
                    .unit("$")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Cash at the start.")
                    .build(),
            f("generalAdministrativeUsdPerMonth", NUMBER)
                    .unit("$/month")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Corporate G&A not charged to any site.")
                    .build(),
            f("capexBudgetUsdPerYear", LIST)
                    .unit("$/year")
                    .defaultValue("[]")
                    .description("The most spent on capex (halls, GPUs, ASICs, fleet moves) in each plan year, the"
                            + " last value holding for later years; [] = no budget. A mix over it is never chosen.")
                    .build(),
            f("gpuProcurementBudgetUsd", NUMBER)
                    .unit("$")
                    .atLeast(0)
                    .description("The most spent on GPUs over the horizon; absent = no budget.")
                    .build(),
            f("sharesOutstanding", NUMBER)
                    .required()
                    .above(0)
                    .description("Shares outstanding at the start.")
                    .build(),
            f("sharePriceUsd", NUMBER)
                    .unit("$/share")
                    .required()
                    .above(0)
                    .description(
                            "Price at which new shares are issued (cash shortfalls, acquisitions paid in" + " shares).")
                    .build(),
            f("debt", LIST)
                    .element(CORPORATE_DEBT)
                    .description("Corporate debt.")
                    .build(),
            f("minCorporateDscr", NUMBER)
                    .defaultValue(1.25)
                    .atLeast(0)
                    .description("Covenant: (sites' CFADS - G&A) / (sites' and corporate debt service) in every plan"
                            + " year with debt service.")
                    .build(),
            f("fleetMoves", OBJECT)
                    .element(FLEET_MOVES)
                    .description("Fleet moves between sites; none when absent.")
                    .build(),
            f("discountRatePerYear", NUMBER)
                    .defaultValue(0.12)
                    .atLeast(0)
                    .atMost(1)
                    .description("The company's equity discount rate (effective yearly); replaces each site plan's.")
                    .build(),
            f("startDelaysMonths", LIST)
                    .unit("months")
                    .defaultValue("[0, 12]")
                    .description("Delays of each strategy's start considered (every dated block of the strategy"
                            + " moves by the delay).")
                    .build(),
            f("riskMeasure", ENUM)
                    .allowed("expected", "p10", "cvar")
                    .defaultValue("expected")
                    .description("What the chosen mix maximises over the portfolio NPV distribution.")
                    .build(),
            f("cvarAlpha", NUMBER)
                    .defaultValue(0.1)
                    .above(0)
                    .atMost(1)
                    .description("Share of worst paths in CVaR.")
                    .build(),
            f("maxBreachProbability", NUMBER)
                    .defaultValue(1.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("A mix breaching the corporate covenant on a larger share of paths is not chosen (1"
                            + " = no limit).")
                    .build());

    public static final ObjectSpec SITE = ObjectSpec.of(
            "site",
            "A site: a scenario file (its grid, fleets, market and prices) and a plan file (its strategies and"
                    + " financing). The plan's site.gridMw, mining fleet, power and Bitcoin sections are replaced by"
                    + " the scenario's and the portfolio's.",
            f("name", STRING).required().description("Unique name.").build(),
            f("scenario", STRING)
                    .required()
                    .description("Scenario file, absolute or relative to the portfolio file.")
                    .build(),
            f("plan", STRING)
                    .required()
                    .description("Plan file with the site's strategies and financing, absolute or relative to the"
                            + " portfolio file.")
                    .build(),
            f("currentStrategy", STRING)
                    .required()
                    .description("The strategy the site follows today (a strategy of its plan).")
                    .build(),
            f("strategies", LIST)
                    .defaultValue("[]")
                    .description("Strategies of the plan considered; [] = all.")
                    .build(),
            f("powerEscalatorPerYear", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(-0.5)
                    .atMost(1)
                    .description("Yearly escalation of the dispatched power prices over the plan years. Assumption.")
                    .build(),
            f("dispatch", ENUM)
                    .allowed("merit-order", "optimiser")
                    .defaultValue("merit-order")
                    .description("How the site's real period is dispatched for its power prices and curtailment:"
                            + " merit-order (what `minerai backtest` runs) or optimiser (what `minerai optimize`"
                            + " runs, with the scenario's optimize: settings; slower).")
                    .build());

    public static final ObjectSpec ACQUISITION = ObjectSpec.of(
            "acquisition",
            "An acquisition target: its sites, the asking price, the closing date and how the price is paid (the"
                    + " fractions sum to 1).",
            f("name", STRING).required().description("Unique name.").build(),
            f("sites", LIST)
                    .element(SITE)
                    .required()
                    .description("The target's sites.")
                    .build(),
            f("askingPriceUsd", NUMBER)
                    .unit("$")
                    .required()
                    .atLeast(0)
                    .description("Price asked for the whole target.")
                    .build(),
            f("closingDate", STRING)
                    .required()
                    .description("Closing day, YYYY-MM-DD: not before today; the company owns the sites from its"
                            + " month on.")
                    .build(),
            fraction("cashFraction", "Share of the price paid from cash at closing."),
            fraction("debtFraction", "Share of the price borrowed at closing."),
            fraction("sharesFraction", "Share of the price paid in new shares at the company's share price."),
            f("debtRatePerYear", NUMBER)
                    .defaultValue(0.1)
                    .atLeast(0)
                    .atMost(1)
                    .description("Rate of the acquisition loan. Assumption.")
                    .build(),
            f("debtTenorMonths", INTEGER)
                    .unit("months")
                    .defaultValue(60)
                    .above(0)
                    .description("Annuity repayments of the acquisition loan from the month after closing.")
                    .build(),
            f("generalAdministrativeSavingsUsdPerMonth", NUMBER)
                    .unit("$/month")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Synergy: G&A the combined company saves each month after closing.")
                    .build(),
            f("riskMeasure", ENUM)
                    .allowed("expected", "p10", "cvar")
                    .defaultValue("expected")
                    .description("Risk measure of the value per share behind the most the company should pay.")
                    .build());

    public static final ObjectSpec PORTFOLIO = ObjectSpec.of(
            "portfolio",
            "A company's sites, each in its own market, the company-level items and acquisition targets, valued"
                    + " under one Bitcoin market and one Monte Carlo (common random numbers).",
            f("name", STRING).required().description("Short name.").build(),
            f("description", STRING)
                    .defaultValue("")
                    .description("Free text; cite the sources of your figures.")
                    .build(),
            f("start", STRING)
                    .required()
                    .description("First month of every site's plan, YYYY-MM (UTC calendar months).")
                    .build(),
            f("horizonMonths", INTEGER)
                    .unit("months")
                    .defaultValue(120)
                    .above(0)
                    .atMost(600)
                    .description("Months planned.")
                    .build(),
            f("bitcoin", OBJECT)
                    .element(PlanSchema.BITCOIN)
                    .required()
                    .description("The Bitcoin network every site mines on (the plan's bitcoin section).")
                    .build(),
            f("uncertainty", OBJECT)
                    .element(PlanSchema.UNCERTAINTY)
                    .description("The Monte Carlo every site shares (the plan's uncertainty section); defaults when"
                            + " absent.")
                    .build(),
            f("company", OBJECT)
                    .element(COMPANY)
                    .required()
                    .description("The company.")
                    .build(),
            f("sites", LIST)
                    .element(SITE)
                    .required()
                    .description("The company's sites.")
                    .build(),
            f("acquisitions", LIST)
                    .element(ACQUISITION)
                    .description("Acquisition targets to value.")
                    .build());

    /** The file: a single {@code portfolio:} document. */
    public static final ObjectSpec FILE = ObjectSpec.of(
            "portfolio file",
            "A YAML (or JSON) document with one top-level field, portfolio.",
            f("portfolio", OBJECT)
                    .element(PORTFOLIO)
                    .required()
                    .description("The portfolio.")
                    .build());

    /** Every object spec of the format, in documentation order. */
    public static List<ObjectSpec> all() {
        return List.of(PORTFOLIO, COMPANY, CORPORATE_DEBT, FLEET_MOVES, SITE, ACQUISITION);
    }
}
