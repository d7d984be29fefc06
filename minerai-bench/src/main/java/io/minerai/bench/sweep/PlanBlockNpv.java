package io.minerai.bench.sweep;

/**
 * A block's results: for each strategy (in the kernel's order) and path, strategy-major ({@code [s * paths + p]}).
 *
 * @param npvUsd equity NPV of each strategy on each path
 * @param minDscr the lowest monthly DSCR of each strategy on each path
 */
public record PlanBlockNpv(double[] npvUsd, double[] minDscr) {}
