/** Daily Bitcoin network history importers (Coin Metrics and the long multi-source history). */
@NullMarked
package io.minerai.data.bitcoin;

import org.jspecify.annotations.NullMarked;
