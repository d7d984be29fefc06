package io.minerai.portfolio.engine;

import io.minerai.portfolio.model.Company;
import java.util.List;

/**
 * The company over a mix of site candidates, path by path (common random numbers: the same path index is the same
 * market at every site). Per plan year y of path p:
 *
 * <ul>
 *   <li>corporate CFADS = the sites' CFADS - G&A (+ synergy savings); debt service = the sites' + corporate debt's
 *       (+ an acquisition loan's); the covenant is breached when CFADS / service falls below the minimum in a year with
 *       service;
 *   <li>cash = last year's cash + the sites' cash flows to equity - G&A (+ savings) - corporate debt service - cash
 *       paid out (an acquisition); a shortfall is funded by new shares at the share price (dilution = new shares /
 *       all shares).
 * </ul>
 *
 * The portfolio NPV of path p = sum of the sites' NPVs - PV(G&A) + PV(savings) - PV(corporate debt) - PV(extra debt)
 * + cash at the start: with nothing shared (no G&A, debt or cash) it is the sum of the sites' NPVs.
 */
public final class MixEvaluation {
    private final Company company;
    private final CompanyBooks books;
    private final int paths;
    private final int years;

    /**
     * What a deal adds to the company's lines.
     *
     * @param serviceUsdByYear extra corporate debt service by plan year
     * @param debtPvUsd its PV (with the balance repaid at the horizon)
     * @param savingsUsdByYear synergy savings by plan year
     * @param savingsPvUsd their PV
     * @param cashOutUsdByYear cash paid out by plan year (the cash part of a price)
     */
    public record Extras(
            double[] serviceUsdByYear,
            double debtPvUsd,
            double[] savingsUsdByYear,
            double savingsPvUsd,
            double[] cashOutUsdByYear) {
        public static Extras none(int years) {
            return new Extras(new double[years], 0, new double[years], 0, new double[years]);
        }
    }

    public MixEvaluation(Company company, CompanyBooks books, int paths) {
        this.company = company;
        this.books = books;
        this.paths = paths;
        this.years = books.years;
    }

    public CompanyBooks books() {
        return books;
    }

    public int paths() {
        return paths;
    }

    /** The mix of {@code chosen} (one outcome per site) with nothing extra. */
    public MixResult evaluate(List<CandidateOutcome> chosen) {
        return evaluate(chosen, Extras.none(years));
    }

    public MixResult evaluate(List<CandidateOutcome> chosen, Extras x) {
        double[] npv = new double[paths];
        boolean[] breached = new boolean[paths];
        double[] dilution = new double[paths];
        double constant = company.cashUsd()
                - books.generalAdministrativePvUsd
                - books.corporateDebtPvUsd
                + x.savingsPvUsd()
                - x.debtPvUsd();
        double shares = company.equity().sharesOutstanding();
        double price = company.equity().sharePriceUsd();
        double minDscr = company.minCorporateDscr();
        double[] cfads = new double[years];
        double[] service = new double[years];
        double[] equity = new double[years];
        for (int p = 0; p < paths; p++) {
            double v = constant;
            java.util.Arrays.fill(cfads, 0);
            java.util.Arrays.fill(service, 0);
            java.util.Arrays.fill(equity, 0);
            for (CandidateOutcome c : chosen) {
                v += c.npvUsd()[p];
                int o = p * years;
                double[] cf = c.cfadsUsd();
                double[] sv = c.debtServiceUsd();
                double[] eq = c.equityUsd();
                for (int y = 0; y < years; y++) {
                    cfads[y] += cf[o + y];
                    service[y] += sv[o + y];
                    equity[y] += eq[o + y];
                }
            }
            npv[p] = v;
            double cash = company.cashUsd();
            double issued = 0;
            boolean breach = false;
            for (int y = 0; y < years; y++) {
                double overhead = books.generalAdministrativeUsdByYear[y] - x.savingsUsdByYear()[y];
                double corp = books.corporateServiceUsdByYear[y] + x.serviceUsdByYear()[y];
                double s = service[y] + corp;
                if (p == 0 && System.getenv("PFDEBUG") != null) {
                    System.err.printf(
                            "y%d cfads %.1f overhead %.1f service %.1f corp %.1f%n",
                            y, cfads[y] / 1e6, overhead / 1e6, service[y] / 1e6, corp / 1e6);
                }
                if (s > 1e-6 && (cfads[y] - overhead) / s < minDscr) {
                    breach = true;
                }
                cash += equity[y] - overhead - corp - x.cashOutUsdByYear()[y];
                if (cash < 0) {
                    issued += -cash / price;
                    cash = 0;
                }
            }
            breached[p] = breach;
            dilution[p] = issued / (shares + issued);
        }
        return new MixResult(npv, breached, dilution, MixSummary.of(npv, breached, dilution, company.cvarAlpha()));
    }
}
