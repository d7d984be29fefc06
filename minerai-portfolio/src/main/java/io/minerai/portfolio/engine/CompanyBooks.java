package io.minerai.portfolio.engine;

import io.minerai.planning.finance.Discounting;
import io.minerai.planning.finance.LoanSchedule;
import io.minerai.planning.model.Amortization;
import io.minerai.portfolio.model.Company;
import io.minerai.portfolio.model.CorporateDebt;

/**
 * The company's own lines, path-independent, by month and plan year: G&A and the service of corporate debt, with
 * their present values at the company's discount rate (monthly factor (1 + r)^(-t/12), month 0 undiscounted, as the
 * planning engine discounts).
 */
public final class CompanyBooks {
    final int months;
    final int years;
    final double[] discount;
    final double[] generalAdministrativeUsdByYear;
    final double generalAdministrativePvUsd;
    final double[] corporateServiceUsdByYear;
    /** PV of corporate debt service plus the balance still owed at the horizon (repaid then). */
    final double corporateDebtPvUsd;

    public CompanyBooks(Company c, int months) {
        this.months = months;
        this.years = (months + 11) / 12;
        this.discount = Discounting.factors(c.discountRatePerYear(), months);
        this.generalAdministrativeUsdByYear = new double[years];
        double ga = 0;
        for (int t = 0; t < months; t++) {
            generalAdministrativeUsdByYear[t / 12] += c.generalAdministrativeUsdPerMonth();
            ga += c.generalAdministrativeUsdPerMonth() * discount[t];
        }
        this.generalAdministrativePvUsd = ga;
        this.corporateServiceUsdByYear = new double[years];
        double pv = 0;
        for (CorporateDebt d : c.debt()) {
            Loan l = loan(d.balanceUsd(), 0, d.ratePerYear(), d.amortization(), d.tenorMonths());
            pv += l.pvUsd(discount);
            l.addServiceByYear(corporateServiceUsdByYear);
        }
        this.corporateDebtPvUsd = pv;
    }

    /** Discount factor of month t. */
    public double discount(int t) {
        return discount[t];
    }

    /**
     * A loan of {@code principalUsd} taken in month {@code month} (the balance is owed from then; the first payment
     * falls in the next month), over the company's months.
     */
    Loan loan(double principalUsd, int month, double ratePerYear, Amortization a, int tenorMonths) {
        double[] draws = new double[months];
        draws[month] = principalUsd;
        return new Loan(LoanSchedule.of(draws, ratePerYear, month + 1, 0, a, tenorMonths));
    }

    /** A corporate loan's schedule. */
    record Loan(LoanSchedule schedule) {
        /** PV of its service, plus its balance at the horizon (repaid then) at the last month's factor. */
        double pvUsd(double[] discount) {
            int n = discount.length;
            double pv = 0;
            for (int t = 0; t < n; t++) {
                pv += schedule.debtServiceUsd(t) * discount[t];
            }
            return pv + schedule.balanceUsd()[n - 1] * discount[n - 1];
        }

        void addServiceByYear(double[] byYear) {
            int n = schedule.balanceUsd().length;
            for (int t = 0; t < n; t++) {
                byYear[t / 12] += schedule.debtServiceUsd(t);
            }
        }
    }
}
