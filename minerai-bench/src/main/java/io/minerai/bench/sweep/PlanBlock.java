package io.minerai.bench.sweep;

/**
 * A sweep task: Monte Carlo paths {@code firstPath .. firstPath + paths - 1} of the bundled default plan.
 *
 * @param firstPath index of the first path
 * @param paths number of paths
 */
public record PlanBlock(int firstPath, int paths) {}
