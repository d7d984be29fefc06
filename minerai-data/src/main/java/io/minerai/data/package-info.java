/** Importers and bundled real datasets: Bitcoin history, ERCOT market data, fuel mix, hardware specs. */
@NullMarked
package io.minerai.data;

import org.jspecify.annotations.NullMarked;
