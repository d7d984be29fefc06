package io.minerai.ops.control;

/** What the plan wants of one device in one step. */
public enum Want {
    /** Leave as it is (unknown devices the plan does not need to touch). */
    KEEP,
    /** Full power. */
    RUN,
    /** Under a power target ({@code FleetState.wantTargetW}). */
    TARGET,
    /** Asleep. */
    SLEEP
}
