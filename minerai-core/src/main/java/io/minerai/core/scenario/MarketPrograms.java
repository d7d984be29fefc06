package io.minerai.core.scenario;

import java.util.Optional;

/**
 * Market programs beyond energy that settle every policy alike: the 4CP transmission charge and ancillary-service
 * offers. Absent means energy only (the foundation behaviour).
 *
 * @param coincidentPeak the ERCOT 4CP transmission charge, if the site pays one
 * @param ancillary ancillary services the site may offer from curtailable load
 */
public record MarketPrograms(Optional<CoincidentPeakProgram> coincidentPeak, Optional<AncillaryProgram> ancillary) {
    public static final MarketPrograms NONE = new MarketPrograms(Optional.empty(), Optional.empty());
}
