/** GPU node telemetry (nvidia-smi CSV, DCGM exporter Prometheus text) and power caps through nvidia-smi. */
@NullMarked
package io.minerai.ops.gpu;

import org.jspecify.annotations.NullMarked;
