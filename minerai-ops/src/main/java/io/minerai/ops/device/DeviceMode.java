package io.minerai.ops.device;

/** What a device reports it is doing. */
public enum DeviceMode {
    /** Working (hashing or serving GPU load), possibly under a power target. */
    RUNNING,
    /** Deliberately idle at low power (miner sleep / work-mode 1, GPU capped at its minimum). */
    SLEEPING,
    /** The reply did not say (e.g. zero hashrate with no work mode to tell sleep from failure). */
    UNKNOWN
}
