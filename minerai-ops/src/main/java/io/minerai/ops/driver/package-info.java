/** Miner drivers: cgminer/bmminer RPC, stock Antminer web CGI, LuxOS, Whatsminer API v3. */
@NullMarked
package io.minerai.ops.driver;

import org.jspecify.annotations.NullMarked;
