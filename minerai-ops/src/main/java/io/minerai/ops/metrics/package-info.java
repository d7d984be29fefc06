/** Prometheus metrics of the controller (Micrometer). */
@NullMarked
package io.minerai.ops.metrics;

import org.jspecify.annotations.NullMarked;
