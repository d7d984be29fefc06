/**
 * The physical state of an emulated miner shared by the firmware emulators added for issue 14 (Whatsminer API v2,
 * VNish, Braiins OS, ePIC): power, hashrate, sleep, power target, and the delays real firmware takes (start-up,
 * tuning, reboot), all on an injected clock.
 */
@NullMarked
package io.minerai.ops.emulator.rig;

import org.jspecify.annotations.NullMarked;
