/**
 * The site's own settlers: one per stream of the site's loads and supply (mining, GPU cloud, colocation, export, PPA
 * sell-back, power cost) and the site's measures (prices, flows, load by class and by asset). Market programs have
 * their settlers in {@link io.minerai.dispatch.program}.
 */
@NullMarked
package io.minerai.dispatch.settle;

import org.jspecify.annotations.NullMarked;
