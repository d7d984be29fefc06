/** The plan model: site, conversion halls, GPU clouds, leases, ASIC purchases, financing, strategies, as records. */
@NullMarked
package io.minerai.planning.model;

import org.jspecify.annotations.NullMarked;
