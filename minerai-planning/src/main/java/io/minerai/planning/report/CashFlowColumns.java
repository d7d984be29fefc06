package io.minerai.planning.report;

import io.minerai.planning.engine.MonthRow;
import io.minerai.planning.engine.StrategySchedule.FacilityLine;
import io.minerai.planning.finance.LoanSchedule;
import io.minerai.report.csv.CsvFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The columns of a cash-flow table, declared once: the CSV header and cells, the HTML page and the column reference
 * in docs/PLANNING.md all iterate over them. USD figures keep four decimals, so the discounted equity column sums to
 * the NPV to well under a cent per month.
 */
public final class CashFlowColumns {
    private CashFlowColumns() {}

    /** How a cell is written. */
    @FunctionalInterface
    public interface Cell {
        /**
         * @param start the plan's first month
         * @param row the month
         */
        String of(YearMonth start, MonthRow row);
    }

    /**
     * A column.
     *
     * @param name CSV header, units in the name
     * @param description what it holds (docs)
     * @param cell the cell of a month
     */
    public record Column(String name, String description, Cell cell) {}

    private static Column usd(String name, String description, ToDoubleFunction<MonthRow> v) {
        return new Column(name, description, (start, r) -> CsvFormat.number(v.applyAsDouble(r), 4));
    }

    private static Column num(String name, int decimals, String description, ToDoubleFunction<MonthRow> v) {
        return new Column(name, description, (start, r) -> CsvFormat.number(v.applyAsDouble(r), decimals));
    }

    /** The columns before the facilities' own. */
    public static final List<Column> HEAD = List.of(
            new Column("month", "Month index (0 = plan start).", (start, r) -> Integer.toString(r.month())),
            new Column(
                    "yearMonth",
                    "Calendar month (UTC), YYYY-MM.",
                    (start, r) -> start.plusMonths(r.month()).toString()),
            num("btcPriceUsd", 2, "BTC price on the path.", r -> r.market().priceUsdPerBtc()),
            num(
                    "hashpriceUsdPerPhDay",
                    4,
                    "Hashprice: USD per PH/s per day.",
                    r -> r.market().hashpriceUsdPerPhDay()),
            num(
                    "powerMeanUsdPerMwh",
                    4,
                    "Mean all-in power price of the month (what firm loads pay): wholesale x escalator + adder.",
                    r -> r.market().powerMeanUsdPerMwh()),
            num(
                    "miningFacilityMw",
                    6,
                    "Mining capacity at the meter (the MW no hall has taken).",
                    r -> r.market().miningFacilityMw()),
            num(
                    "miningRunFraction",
                    6,
                    "Share of the month's hours mining ran (hours whose power price is below its revenue per MWh).",
                    r -> r.market().miningRunFraction()),
            usd(
                    "miningRevenueUsd",
                    "Mining revenue after pool fees.",
                    r -> r.revenue().miningUsd()),
            usd(
                    "gpuSpotRevenueUsd",
                    "GPU rental revenue on the spot market: GPUs x price x utilisation x hours.",
                    r -> r.revenue().gpuSpotUsd()),
            usd(
                    "gpuContractRevenueUsd",
                    "GPU contract payments received: fee x (1 - prepaid share - service credit), prepayments in their"
                            + " month, renewals, a backstop after a default.",
                    r -> r.revenue().gpuContractUsd()),
            usd(
                    "leaseRevenueUsd",
                    "Rent received; after a tenant default, what the backstop pays.",
                    r -> r.revenue().leaseUsd()),
            usd("revenueUsd", "Total revenue.", r -> r.revenue().totalUsd()),
            usd(
                    "miningPowerUsd",
                    "Mining power cost (run hours only).",
                    r -> r.costs().miningPowerUsd()),
            usd(
                    "gpuPowerUsd",
                    "GPU power cost: firm load at the month's mean price.",
                    r -> r.costs().gpuPowerUsd()),
            usd(
                    "miningOpexUsd",
                    "Mining opex: per MW for the hours the machines run, standby opex for the hours they are off.",
                    r -> r.costs().miningOpexUsd()),
            usd("gpuOpexUsd", "Opex per GPU.", r -> r.costs().gpuOpexUsd()),
            usd(
                    "leaseOpexUsd",
                    "Landlord's operating costs of leased halls: rent x (1 - NOI margin), also after a default.",
                    r -> r.costs().leaseOpexUsd()),
            usd(
                    "siteOpexUsd",
                    "Fixed site opex and corporate overhead.",
                    r -> r.costs().siteOpexUsd()),
            usd("costsUsd", "Total power and opex.", r -> r.costs().totalUsd()),
            usd("ebitdaUsd", "EBITDA = revenue - costs.", MonthRow::ebitdaUsd),
            usd(
                    "depreciationUsd",
                    "Tax depreciation (straight line).",
                    r -> r.tax().depreciationUsd()),
            usd(
                    "saleGainUsd",
                    "Taxable gain on GPUs sold: proceeds - book value.",
                    r -> r.tax().saleGainUsd()),
            usd(
                    "taxableIncomeUsd",
                    "EBITDA - depreciation - interest paid + gain on GPUs sold; negative = a loss carried forward.",
                    r -> r.tax().taxableIncomeUsd()),
            usd(
                    "lossUsedUsd",
                    "Losses carried forward used against this month's income.",
                    r -> r.tax().lossUsedUsd()),
            usd(
                    "lossCarriedForwardUsd",
                    "Losses still carried forward at the end of the month.",
                    r -> r.tax().lossCarriedForwardUsd()),
            usd(
                    "taxUsd",
                    "Income tax paid: tax rate x (taxable income - losses used).",
                    r -> r.tax().taxUsd()),
            usd("cfadsUsd", "Cash flow available for debt service = EBITDA - tax.", MonthRow::cfadsUsd));

    /** A line of a facility's schedule in month t. */
    @FunctionalInterface
    interface LoanLine {
        double of(LoanSchedule s, int t);
    }

    /**
     * A per-facility column, written once per facility as {@code <facility name>.<suffix>}.
     *
     * @param suffix name after the facility's
     * @param description what it holds
     * @param line the schedule's value in a month
     */
    record FacilityField(String suffix, String description, LoanLine line) {}

    static final List<FacilityField> FACILITY = List.of(
            new FacilityField("drawUsd", "Amount drawn.", (s, t) -> s.drawUsd()[t]),
            new FacilityField(
                    "interestAccruedUsd",
                    "Interest accrued: rate / 12 x last month's balance.",
                    (s, t) -> s.interestUsd()[t]),
            new FacilityField(
                    "interestCapitalisedUsd",
                    "Interest added to the balance (before service starts).",
                    (s, t) -> s.interestUsd()[t] - s.interestPaidUsd()[t]),
            new FacilityField("interestPaidUsd", "Interest paid in cash.", (s, t) -> s.interestPaidUsd()[t]),
            new FacilityField("principalUsd", "Principal repaid.", (s, t) -> s.principalUsd()[t]),
            new FacilityField("balanceUsd", "Balance owed at the end of the month.", (s, t) -> s.balanceUsd()[t]));

    /** A facility's columns, prefixed with its name ({@code <facility>.drawUsd} ...). */
    public static List<Column> facility(FacilityLine f) {
        List<Column> out = new ArrayList<>();
        for (FacilityField field : FACILITY) {
            out.add(new Column(
                    f.facility().name() + "." + field.suffix(),
                    field.description(),
                    (start, r) -> CsvFormat.number(field.line().of(f.schedule(), r.month()), 4)));
        }
        return out;
    }

    /** The columns after the facilities' own. */
    public static final List<Column> TAIL = List.of(
            usd("debtDrawUsd", "All facilities: drawn.", r -> r.debt().drawUsd()),
            usd(
                    "interestCapitalisedUsd",
                    "All facilities: interest capitalised.",
                    r -> r.debt().interestCapitalisedUsd()),
            usd(
                    "interestPaidUsd",
                    "All facilities: interest paid (deducted from taxable income).",
                    r -> r.debt().interestPaidUsd()),
            usd(
                    "principalUsd",
                    "All facilities: principal repaid.",
                    r -> r.debt().principalUsd()),
            usd(
                    "debtServiceUsd",
                    "All facilities: interest paid + principal.",
                    r -> r.debt().serviceUsd()),
            usd(
                    "debtBalanceUsd",
                    "All facilities: balance at the end of the month.",
                    r -> r.debt().balanceUsd()),
            new Column(
                    "dscrWindowFirstMonth",
                    "First month of the DSCR test window (empty when the month is not tested).",
                    (start, r) -> r.covenant().tested()
                            ? Integer.toString(r.covenant().windowFirstMonth())
                            : ""),
            new Column(
                    "dscrWindowLastMonth",
                    "Last month of the DSCR test window (empty when not tested).",
                    (start, r) -> r.covenant().tested()
                            ? Integer.toString(r.covenant().windowLastMonth())
                            : ""),
            new Column(
                    "dscrWindowCfadsUsd",
                    "CFADS over the window.",
                    (start, r) -> r.covenant().tested()
                            ? CsvFormat.number(r.covenant().windowCfadsUsd(), 4)
                            : ""),
            new Column(
                    "dscrWindowServiceUsd",
                    "Debt service over the window.",
                    (start, r) -> r.covenant().tested()
                            ? CsvFormat.number(r.covenant().windowServiceUsd(), 4)
                            : ""),
            new Column(
                    "dscr",
                    "Window CFADS / window debt service (empty when not tested).",
                    (start, r) -> r.covenant().tested()
                            ? CsvFormat.number(r.covenant().dscr(), 6)
                            : ""),
            new Column(
                    "covenant",
                    "pass, breach (DSCR below minDscr) or empty when not tested.",
                    (start, r) -> r.covenant().tested() ? (r.covenant().breach() ? "breach" : "pass") : ""),
            usd("capexUsd", "Capex.", r -> r.equity().capexUsd()),
            usd(
                    "gpuSaleProceedsUsd",
                    "GPUs sold at their residual value (when they retire, or when a contract's term ends with 'sell').",
                    r -> r.equity().saleProceedsUsd()),
            usd(
                    "terminalValueUsd",
                    "Terminal value (last month only).",
                    r -> r.equity().terminalValueUsd()),
            usd(
                    "debtRepaidAtHorizonUsd",
                    "Debt still owed at the horizon, repaid from the terminal value (last month only).",
                    r -> r.equity().debtRepaidAtHorizonUsd()),
            usd(
                    "equityCashFlowUsd",
                    "Free cash flow to equity: CFADS - capex + draws - debt service + GPU sales (+ terminal value - debt"
                            + " repaid).",
                    r -> r.equity().cashFlowUsd()),
            num(
                    "discountFactor",
                    12,
                    "(1 + monthly rate)^-month at the plan's discount rate.",
                    r -> r.equity().discountFactor()),
            usd(
                    "discountedEquityCashFlowUsd",
                    "Cash flow to equity x discount factor; the column sums to the NPV.",
                    r -> r.equity().discountedUsd()),
            usd(
                    "cumulativeEquityCashFlowUsd",
                    "Running sum of the cash flows to equity.",
                    r -> r.equity().cumulativeUsd()));

    /** Every column of a table with these facilities. */
    public static List<Column> of(List<FacilityLine> facilities) {
        List<Column> out = new ArrayList<>(HEAD);
        for (FacilityLine f : facilities) {
            out.addAll(facility(f));
        }
        out.addAll(TAIL);
        return out;
    }

    /** The column reference (markdown) for docs/PLANNING.md. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| column | meaning |\n|---|---|\n");
        for (Column c : HEAD) {
            row(sb, c.name(), c.description());
        }
        for (FacilityField f : FACILITY) {
            row(sb, "<facility>." + f.suffix(), f.description() + " One column per facility of the strategy.");
        }
        for (Column c : TAIL) {
            row(sb, c.name(), c.description());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String description) {
        sb.append("| `").append(name).append("` | ").append(description).append(" |\n");
    }
}
