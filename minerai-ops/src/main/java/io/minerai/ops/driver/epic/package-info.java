/** ePIC PowerPlay / UMC firmware over its HTTP JSON API on port 4028. */
@NullMarked
package io.minerai.ops.driver.epic;

import org.jspecify.annotations.NullMarked;
