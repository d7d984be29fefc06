/** The site inventory file read by the control command: devices, cap, signals, validated with paths. */
@NullMarked
package io.minerai.ops.inventory;

import org.jspecify.annotations.NullMarked;
