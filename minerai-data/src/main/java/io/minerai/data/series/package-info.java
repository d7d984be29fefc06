/** Generic timestamped CSV import into time series. */
@NullMarked
package io.minerai.data.series;

import org.jspecify.annotations.NullMarked;
