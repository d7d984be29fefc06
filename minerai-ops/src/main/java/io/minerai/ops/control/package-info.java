/** The controller core: plans commands against a site power cap, reconciles them against telemetry, fails safe. */
@NullMarked
package io.minerai.ops.control;

import org.jspecify.annotations.NullMarked;
