/**
 * European day-ahead prices as Fraunhofer ISE Energy-Charts serves them (EPEX/SDAC results redistributed by
 * Bundesnetzagentur | SMARD.de, CC BY 4.0): UTC interval starts with each market time unit's own length, 60 minutes
 * before 2025-10-01 and 15 minutes from then on.
 */
@NullMarked
package io.minerai.data.energycharts;

import org.jspecify.annotations.NullMarked;
