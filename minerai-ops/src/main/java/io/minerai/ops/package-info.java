/** Live site operations: controller, device drivers, emulators, grid signals and the audit log. */
@NullMarked
package io.minerai.ops;

import org.jspecify.annotations.NullMarked;
