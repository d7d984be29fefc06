/**
 * Sustainability: grid emission factors from the fuel mix, GHG Protocol Scope 2 (location- and market-based), renewable
 * share and the flexibility a site gives the grid, computed interval by interval from a settled dispatch. Method and
 * sources: docs/SUSTAINABILITY.md.
 */
@NullMarked
package io.minerai.sustainability;

import org.jspecify.annotations.NullMarked;
