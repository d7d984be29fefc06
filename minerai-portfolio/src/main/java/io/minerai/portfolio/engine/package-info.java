/** Portfolio evaluation: site candidates (strategy x start), independent site tasks under common random numbers, the company's cash, covenant and dilution, the choice of a mix, fleet moves and acquisition values. */
@NullMarked
package io.minerai.portfolio.engine;

import org.jspecify.annotations.NullMarked;
