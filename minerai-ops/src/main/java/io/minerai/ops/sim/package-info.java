/** A whole virtual site against emulators on a fake clock (the simulate command's engine). */
@NullMarked
package io.minerai.ops.sim;

import org.jspecify.annotations.NullMarked;
