package io.minerai.core.scenario;

import java.util.Optional;

/**
 * Market programs beyond energy that settle every policy alike: coincident-peak transmission charges (ERCOT 4CP, the
 * 12CP what-if), ancillary services, an emergency demand-reduction service (Texas SB 6) and a capacity obligation
 * (PJM). Absent means energy only (the foundation behaviour). Which of them a market has, and from which date, is
 * the market pack's to say.
 *
 * @param coincidentPeak the ERCOT coincident-peak transmission charge, if the site pays one
 * @param ancillary ancillary services the site may offer from curtailable load
 * @param demandReduction an emergency demand-reduction service the site has committed to
 * @param capacityObligation PJM's capacity obligation
 * @param flexibleCompute a flexible-compute demand-response contract with the utility (any market)
 */
public record MarketPrograms(
        Optional<CoincidentPeakProgram> coincidentPeak,
        Optional<AncillaryProgram> ancillary,
        Optional<DemandReductionProgram> demandReduction,
        Optional<CapacityObligationProgram> capacityObligation,
        Optional<FlexibleComputeProgram> flexibleCompute) {
    public static final MarketPrograms NONE = new MarketPrograms(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** The programs without a flexible-compute contract. */
    public MarketPrograms(
            Optional<CoincidentPeakProgram> coincidentPeak,
            Optional<AncillaryProgram> ancillary,
            Optional<DemandReductionProgram> demandReduction,
            Optional<CapacityObligationProgram> capacityObligation) {
        this(coincidentPeak, ancillary, demandReduction, capacityObligation, Optional.empty());
    }

    /** Coincident peak and ancillary services only. */
    public MarketPrograms(Optional<CoincidentPeakProgram> coincidentPeak, Optional<AncillaryProgram> ancillary) {
        this(coincidentPeak, ancillary, Optional.empty(), Optional.empty());
    }

    /** The same programs with another coincident-peak program. */
    public MarketPrograms withCoincidentPeak(Optional<CoincidentPeakProgram> cp) {
        return new MarketPrograms(cp, ancillary, demandReduction, capacityObligation, flexibleCompute);
    }

    /** The same programs with another demand-reduction program. */
    public MarketPrograms withDemandReduction(Optional<DemandReductionProgram> dr) {
        return new MarketPrograms(coincidentPeak, ancillary, dr, capacityObligation, flexibleCompute);
    }

    /** The same programs with another flexible-compute contract. */
    public MarketPrograms withFlexibleCompute(Optional<FlexibleComputeProgram> fc) {
        return new MarketPrograms(coincidentPeak, ancillary, demandReduction, capacityObligation, fc);
    }
}
