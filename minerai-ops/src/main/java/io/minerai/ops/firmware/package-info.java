/**
 * Firmware support from separate modules, found with {@link java.util.ServiceLoader}: the core ops module names the
 * port ({@link io.minerai.ops.firmware.FirmwarePlugin}) and carries none of their code.
 */
@NullMarked
package io.minerai.ops.firmware;

import org.jspecify.annotations.NullMarked;
