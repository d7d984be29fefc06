/** An emulated Whatsminer with API v2 (plaintext reads, encrypted writes with tokens) on a loopback port. */
@NullMarked
package io.minerai.ops.emulator.whatsminerv2;

import org.jspecify.annotations.NullMarked;
