package io.minerai.core.ai;

/**
 * The contracted part of a GPU cloud (issue 16, item 5): capacity sold to a customer under a contract (e.g. IREN's
 * five-year GB300 contract with Microsoft), which the dispatch never curtails for price. It may be curtailed only in
 * the events of a demand-response or emergency program (an import limit in force), and only while the contract's
 * curtailment allowance of the calendar year lasts; every hour it is short pays the contract's service credits.
 *
 * <p>The contracted part is a share of the cloud's full facility power: the cloud runs at a running fraction of at
 * least {@code contractedFraction} outside allowed events. A shortfall below it, {@code max(0, contractedFraction -
 * x)}, costs {@link #creditUsdPerShortfallHour(double, int)} per hour.
 *
 * @param contractedFraction contracted share of the cloud, in [0, 1]; 0 = no contract (all spot)
 * @param curtailmentAllowanceHoursPerYear event hours per calendar year (UTC) in which the contracted part may be
 *     curtailed; every event interval within it counts in full, whether or not the contracted part is cut
 * @param credit the service credit paid for each hour short
 * @param availabilitySla availability promised to the customer (reported; 0 = none given)
 */
public record GpuContract(
        double contractedFraction,
        double curtailmentAllowanceHoursPerYear,
        ServiceCredit credit,
        double availabilitySla) {

    /** No contract: the whole cloud is spot capacity. */
    public static final GpuContract NONE = new GpuContract(0, 0, new ServiceCredit.PerMwh(0), 0);

    /** The service credit a contract pays for capacity short. */
    public sealed interface ServiceCredit {
        /** The credit rate as written in the scenario. */
        double rate();

        /**
         * Per MWh short: contracted share short x the cloud's full facility MW x h.
         *
         * @param rate $/MWh
         */
        record PerMwh(double rate) implements ServiceCredit {}

        /**
         * Per GPU-hour short: contracted share short x GPUs x h.
         *
         * @param rate $/GPU-h
         */
        record PerGpuHour(double rate) implements ServiceCredit {}
    }

    public GpuContract {
        if (!(contractedFraction >= 0 && contractedFraction <= 1)) {
            throw new IllegalArgumentException("contractedFraction must be in [0, 1], was " + contractedFraction);
        }
        if (!(curtailmentAllowanceHoursPerYear >= 0)) {
            throw new IllegalArgumentException(
                    "curtailmentAllowanceHoursPerYear must be >= 0, was " + curtailmentAllowanceHoursPerYear);
        }
    }

    /** Whether the cloud has a contracted part. */
    public boolean present() {
        return contractedFraction > 0;
    }

    /**
     * The service credit for one hour of the whole cloud short (shortfall share 1), USD: per MWh x full facility MW,
     * or per GPU-hour x GPUs.
     */
    public double creditUsdPerShortfallHour(double facilityMw, int gpuCount) {
        return switch (credit) {
            case ServiceCredit.PerMwh m -> m.rate() * facilityMw;
            case ServiceCredit.PerGpuHour g -> g.rate() * gpuCount;
        };
    }
}
