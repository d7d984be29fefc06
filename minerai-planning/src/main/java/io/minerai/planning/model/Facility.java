package io.minerai.planning.model;

/**
 * A debt facility. Before repayment starts (construction) interest is capitalised; from then on interest is paid, for
 * {@link #interestOnlyMonths()} months only interest, then principal per {@link #amortization()} over
 * {@link #tenorMonths()} months.
 */
public sealed interface Facility {
    String name();

    double ratePerYear();

    Amortization amortization();

    int tenorMonths();

    int interestOnlyMonths();

    /**
     * Corporate term debt: a fixed amount drawn in one month.
     *
     * @param drawMonth month index of the draw; service starts the month after
     */
    record TermLoan(
            String name,
            double amountUsd,
            int drawMonth,
            double ratePerYear,
            Amortization amortization,
            int tenorMonths,
            int interestOnlyMonths)
            implements Facility {}

    /**
     * Project finance at a loan-to-cost ratio: draws a fixed share of an asset's capex as it is spent.
     *
     * @param finances name of the hall, GPU cloud or ASIC purchase whose capex it funds
     * @param loanToCost share of capex funded by the loan, 0..1
     */
    record ProjectFinance(
            String name,
            String finances,
            double loanToCost,
            double ratePerYear,
            Amortization amortization,
            int tenorMonths,
            int interestOnlyMonths)
            implements Facility {

        /** The same terms under another name, financing another asset (a search candidate's hall or GPUs). */
        public ProjectFinance financing(String newName, String asset) {
            return new ProjectFinance(
                    newName, asset, loanToCost, ratePerYear, amortization, tenorMonths, interestOnlyMonths);
        }
    }

    /**
     * A delayed-draw GPU loan sized on a GPU contract's cash flows: drawn when the contracted GPUs are bought, at most
     * {@code maxLoanToCost} of their cost and at most what the contract's lowest monthly payment over the service
     * months covers at {@code sizingDscr} (annuity). When the customer defaults the loan is accelerated: its balance is
     * due in the default month (no cure is modelled).
     *
     * @param contract the GPU contract securing the loan
     * @param sizingDscr contracted payment / debt service the size keeps, at least 1
     * @param maxLoanToCost cap on the size as a share of the contracted GPUs' cost
     */
    record ContractBacked(
            String name,
            String contract,
            double sizingDscr,
            double maxLoanToCost,
            double ratePerYear,
            Amortization amortization,
            int tenorMonths,
            int interestOnlyMonths)
            implements Facility {}

    /**
     * Notes secured by a lease's contracted rent, issued when its hall's construction starts.
     *
     * @param lease the lease whose rent secures the notes
     * @param advanceFraction principal / present value (at the note rate) of the lease NOI over the tenor
     */
    record LeaseBackedNotes(
            String name,
            String lease,
            double advanceFraction,
            double ratePerYear,
            Amortization amortization,
            int tenorMonths,
            int interestOnlyMonths)
            implements Facility {}
}
