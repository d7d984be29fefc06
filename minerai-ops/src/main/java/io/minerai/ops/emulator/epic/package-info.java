/** An emulated ePIC PowerPlay miner: the UMC HTTP API on a loopback port. */
@NullMarked
package io.minerai.ops.emulator.epic;

import org.jspecify.annotations.NullMarked;
