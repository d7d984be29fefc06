/** The portfolio document's model: company, sites, acquisition targets. */
@NullMarked
package io.minerai.portfolio.model;

import org.jspecify.annotations.NullMarked;
