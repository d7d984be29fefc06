package io.minerai.bench.sweep;

import io.minerai.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;

/** The benchmark sweep: {@code tasks} blocks of {@code pathsPerTask} consecutive paths. */
public final class PlanSweeps {
    private PlanSweeps() {}

    public static Sweep<PlanBlock> blocks(int tasks, int pathsPerTask) {
        List<PlanBlock> blocks = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            blocks.add(new PlanBlock(i * pathsPerTask, pathsPerTask));
        }
        return Sweep.of("plan-blocks", 2026, PlanBlock.class, blocks);
    }
}
