package io.minerai.dispatch;

import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import java.util.List;
import java.util.Optional;

/**
 * What settlement applies beyond the site's own streams, to every policy alike: the market programs in force, each a
 * {@link Settler}.
 *
 * @param programs program settlers in ledger order (coincident-peak charges, capacity obligations, ancillary services,
 *     demand response)
 */
public record SettlementTerms(List<Settler> programs) {
    /** Energy only: no programs. */
    public static final SettlementTerms NONE = new SettlementTerms(List.of());

    public SettlementTerms {
        programs = List.copyOf(programs);
    }

    /** Terms with these programs. */
    public static SettlementTerms of(List<? extends Settler> programs) {
        return new SettlementTerms(List.copyOf(programs));
    }

    /** The first coincident-peak charge among the programs (ERCOT 4CP and its variants, PJM capacity), if any. */
    public Optional<CoincidentPeakCharge> coincidentPeak() {
        for (Settler s : programs) {
            if (s instanceof CoincidentPeakCharge c) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
