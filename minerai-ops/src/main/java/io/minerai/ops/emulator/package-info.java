/** Loopback emulators of miners and GPU nodes with switchable quirks, for protocol tests and the simulate command. */
@NullMarked
package io.minerai.ops.emulator;

import org.jspecify.annotations.NullMarked;
