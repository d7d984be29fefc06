/** Device model shared by drivers and the controller: telemetry, desired states, command results, the driver port. */
@NullMarked
package io.minerai.ops.device;

import org.jspecify.annotations.NullMarked;
