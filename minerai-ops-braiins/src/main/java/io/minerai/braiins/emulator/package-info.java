/** An emulated Braiins OS miner: the public gRPC API served in-process or on a loopback port. */
@NullMarked
package io.minerai.braiins.emulator;

import org.jspecify.annotations.NullMarked;
