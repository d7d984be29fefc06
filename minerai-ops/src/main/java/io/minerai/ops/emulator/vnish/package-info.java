/** An emulated VNish miner: the REST API on a loopback port. */
@NullMarked
package io.minerai.ops.emulator.vnish;

import org.jspecify.annotations.NullMarked;
