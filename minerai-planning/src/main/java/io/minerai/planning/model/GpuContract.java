package io.minerai.planning.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Contracted GPU capacity: a customer takes a number of a GPU cloud's GPUs for a term from when they go live and pays
 * for the capacity whether it uses it or not (take-or-pay), less service credits when the delivered availability
 * falls short of the SLA. Part of the price may be prepaid. The GPUs not contracted are rented on the spot market.
 *
 * @param name unique name
 * @param gpuCloud the GPU cloud whose GPUs serve it (and, after they retire, the cloud that refreshes them)
 * @param customer customer name (defaults are keyed by it, like tenants)
 * @param gpuCount GPUs contracted
 * @param termMonths term from the month the GPUs go live
 * @param price the price: per GPU-hour, or a total contract value spread over the term's GPU-hours
 * @param escalatorPerYear yearly escalation of the price per GPU-hour (contract years)
 * @param prepaymentFraction share of the total contract value paid in advance (the monthly payments are reduced by
 *     the same share)
 * @param prepaymentMonth month index the prepayment is paid; empty = the hall's construction start
 * @param availabilityFraction availability the operator delivers (expected)
 * @param slaAvailabilityFraction availability the SLA promises
 * @param serviceCreditPerPoint share of the monthly fee credited per percentage point of availability below the SLA
 * @param maxServiceCreditFraction cap on the credit, as a share of the monthly fee
 * @param annualDefaultProbability probability per year that the customer stops paying
 * @param backstopFraction share of the scheduled payments a guarantor pays after a default
 * @param endOfTerm what happens to the GPUs when the term ends
 * @param curtailment how much the operator may interrupt the contracted GPUs and what it credits for it ({@link
 *     Curtailment#FIRM}: never)
 */
public record GpuContract(
        String name,
        String gpuCloud,
        String customer,
        int gpuCount,
        int termMonths,
        Price price,
        double escalatorPerYear,
        double prepaymentFraction,
        Optional<Integer> prepaymentMonth,
        double availabilityFraction,
        double slaAvailabilityFraction,
        double serviceCreditPerPoint,
        double maxServiceCreditFraction,
        double annualDefaultProbability,
        double backstopFraction,
        EndOfTerm endOfTerm,
        Curtailment curtailment) {

    /**
     * The contract's curtailment allowance: contracted GPUs are firm load (they run every hour and pay every hour's
     * power, the expensive ones too) except for up to {@code hoursPerYear} hours a contract year (a twelfth of it in
     * each month) in which the operator may switch them off, crediting the customer {@code creditMultiple} x the
     * month's contract price for every GPU-hour curtailed. The operator uses the allowance in the month's most
     * expensive hours, and only in hours whose all-in power price exceeds the credit per MWh (credit per GPU-hour /
     * facility MW per GPU).
     *
     * @param hoursPerYear hours a contract year the contracted GPUs may be curtailed (0 = firm)
     * @param creditMultiple service credit per curtailed GPU-hour as a multiple of the contract price per GPU-hour
     */
    public record Curtailment(double hoursPerYear, double creditMultiple) {
        /** Never curtailed. */
        public static final Curtailment FIRM = new Curtailment(0, 1);

        /** Whether any curtailment is allowed. */
        public boolean allowed() {
            return hoursPerYear > 0;
        }
    }

    /** How the contract is priced. */
    public sealed interface Price {
        /** A price per contracted GPU-hour in the first contract year. */
        record PerGpuHour(double usd) implements Price {}

        /** A total contract value, spread over the term's GPU-hours (with the escalator). */
        record TotalValue(double usd) implements Price {}
    }

    /** What happens to the contracted GPUs when the term ends. */
    public enum EndOfTerm {
        /** They join the spot market until they retire. */
        SPOT,
        /** The customer renews at the spot market price of each month on the path (take-or-pay), until they retire. */
        RENEW,
        /** They are sold at their residual value when the term ends. */
        SELL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static EndOfTerm fromKey(String k) {
            return valueOf(k.toUpperCase(Locale.ROOT));
        }
    }

    /** The same contract with its prepayment in another month (e.g. its hall started later). */
    public GpuContract withPrepaymentMonth(Optional<Integer> month) {
        return new GpuContract(
                name,
                gpuCloud,
                customer,
                gpuCount,
                termMonths,
                price,
                escalatorPerYear,
                prepaymentFraction,
                month,
                availabilityFraction,
                slaAvailabilityFraction,
                serviceCreditPerPoint,
                maxServiceCreditFraction,
                annualDefaultProbability,
                backstopFraction,
                endOfTerm,
                curtailment);
    }

    /** The same contract for another number of GPUs. */
    public GpuContract withGpuCount(int n) {
        return new GpuContract(
                name,
                gpuCloud,
                customer,
                n,
                termMonths,
                price,
                escalatorPerYear,
                prepaymentFraction,
                prepaymentMonth,
                availabilityFraction,
                slaAvailabilityFraction,
                serviceCreditPerPoint,
                maxServiceCreditFraction,
                annualDefaultProbability,
                backstopFraction,
                endOfTerm,
                curtailment);
    }

    /**
     * The same terms for a search candidate: another name, GPU cloud and number of GPUs, the prepayment month moved
     * with the hall, and a total value scaled to the GPUs (a price per GPU-hour stays).
     */
    public GpuContract forCandidate(String newName, String newGpuCloud, int n, Optional<Integer> newPrepaymentMonth) {
        Price p = switch (price) {
            case Price.PerGpuHour h -> h;
            case Price.TotalValue v -> new Price.TotalValue(v.usd() * n / gpuCount);
        };
        return new GpuContract(
                newName,
                newGpuCloud,
                customer,
                n,
                termMonths,
                p,
                escalatorPerYear,
                prepaymentFraction,
                newPrepaymentMonth,
                availabilityFraction,
                slaAvailabilityFraction,
                serviceCreditPerPoint,
                maxServiceCreditFraction,
                annualDefaultProbability,
                backstopFraction,
                endOfTerm,
                curtailment);
    }

    /** The service credit as a share of the monthly fee: per point below the SLA, capped. */
    public double serviceCreditFraction() {
        double shortPoints = Math.max(0, slaAvailabilityFraction - availabilityFraction) * 100;
        return Math.min(maxServiceCreditFraction, serviceCreditPerPoint * shortPoints);
    }

    /** The name defaults are keyed by: the customer, else the contract. */
    public String defaultKey() {
        return customer.isEmpty() ? name : customer;
    }
}
