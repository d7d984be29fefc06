package io.minerai.core.market.pack;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A program or rule set of a market and the dates it is in force (in the market's local calendar).
 *
 * @param id program id, e.g. {@code ercot-4cp}, {@code ercot-rtc-b}, {@code ercot-sb6-demand-reduction}, {@code
 *     pjm-capacity}
 * @param name human name
 * @param from first day in force
 * @param until first day no longer in force, empty when open-ended
 * @param whatIf true for a proposal that is not in force anywhere (selectable as a what-if at any date)
 * @param source where the rule and its dates come from
 */
public record ProgramRule(
        String id, String name, LocalDate from, Optional<LocalDate> until, boolean whatIf, String source) {

    /** Whether the program is in force on {@code day} (a what-if is in force whenever it is selected). */
    public boolean inForce(LocalDate day) {
        return whatIf || (!day.isBefore(from) && until.map(day::isBefore).orElse(true));
    }

    /** Whether any day of [first, last] is in force. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return whatIf || (!last.isBefore(from) && until.map(first::isBefore).orElse(true));
    }

    /** The dates in force as text, e.g. {@code from 2025-12-05} or {@code 2024-01-01 .. 2025-12-04}. */
    public String datesText() {
        if (whatIf) {
            return "a proposal (what-if), not in force";
        }
        return until.map(u -> from + " .. " + u.minusDays(1)).orElse("from " + from);
    }
}
