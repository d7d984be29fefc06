package io.minerai.ops.device;

/** Broad class of a controlled device. */
public enum DeviceKind {
    /** An ASIC miner. */
    MINER,
    /** A GPU server (all its GPUs together). */
    GPU_NODE
}
