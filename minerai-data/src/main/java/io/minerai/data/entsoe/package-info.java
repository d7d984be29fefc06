/** ENTSO-E Transparency Platform day-ahead prices (the bundled NO2 2024 extract), EUR/MWh on UTC hours. */
@NullMarked
package io.minerai.data.entsoe;

import org.jspecify.annotations.NullMarked;
