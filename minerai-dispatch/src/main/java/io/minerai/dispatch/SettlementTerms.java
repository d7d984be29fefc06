package io.minerai.dispatch;

import java.util.Optional;

/**
 * Charges and programs beyond energy that settlement applies to every policy alike.
 *
 * @param coincidentPeak the 4CP transmission charge, when the scenario has one
 */
public record SettlementTerms(Optional<CoincidentPeakCharge> coincidentPeak) {
    /** Energy only: no 4CP charge. */
    public static final SettlementTerms NONE = new SettlementTerms(Optional.empty());
}
