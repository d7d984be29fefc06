package io.minerai.portfolio.engine;

import io.minerai.sweep.Sweep;
import io.minerai.sweep.SweepExecutor;
import io.minerai.sweep.SweepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Evaluates candidates on every path as one sweep of independent site tasks (candidate x block of paths) on a
 * {@link SweepExecutor} (in-process or Spark), and assembles each candidate's outcome by path index.
 */
final class SiteSweep {
    private final List<SiteModel> sites;
    private final int paths;
    private final int blockPaths;
    private final long seed;
    private final SweepExecutor executor;
    private final IntConsumer pathsDone;
    private final SiteKernel.RecipeFactory recipes;
    private int tasksRun;
    private long evaluations;
    private int round;

    SiteSweep(
            List<SiteModel> sites,
            int paths,
            int blockPaths,
            long seed,
            SweepExecutor executor,
            IntConsumer pathsDone,
            SiteKernel.RecipeFactory recipes) {
        this.sites = List.copyOf(sites);
        this.paths = paths;
        this.blockPaths = Math.max(1, blockPaths);
        this.seed = seed;
        this.executor = executor;
        this.pathsDone = pathsDone;
        this.recipes = recipes;
    }

    int tasksRun() {
        return tasksRun;
    }

    /** Site-paths evaluated (candidates x paths). */
    long evaluations() {
        return evaluations;
    }

    /** The tasks of {@code candidates}: each candidate's paths in blocks. */
    List<SiteTask> tasks(int candidates) {
        List<SiteTask> tasks = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            for (int first = 0; first < paths; first += blockPaths) {
                tasks.add(new SiteTask(c, first, Math.min(blockPaths, paths - first)));
            }
        }
        return tasks;
    }

    /** Every candidate on every path, in the candidates' order. */
    List<CandidateOutcome> evaluate(List<Candidate> candidates) {
        SiteKernel kernel = new SiteKernel(new SiteKernel.State(sites, candidates), recipes.recipe(candidates));
        List<SiteTask> tasks = tasks(candidates.size());
        java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong();
        SweepResult<SiteTaskResult> result =
                executor.run(Sweep.of("portfolio-" + (round++), seed, SiteTask.class, tasks), kernel, (done, total) -> {
                    long before = reported.getAndSet(done);
                    int paths = 0;
                    for (long i = before; i < done; i++) {
                        paths += tasks.get((int) i).count();
                    }
                    pathsDone.accept(paths);
                });
        tasksRun += tasks.size();
        evaluations += (long) candidates.size() * paths;
        List<List<SiteTaskResult>> byCandidate = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            byCandidate.add(new ArrayList<>());
        }
        for (SiteTaskResult r : result.results()) {
            byCandidate.get(r.candidate()).add(r);
        }
        List<CandidateOutcome> out = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Candidate cand = candidates.get(c);
            int years = (cand.plan().horizonMonths() + 11) / 12;
            out.add(CandidateOutcome.assemble(cand, kernel.evaluation(c).facts(), byCandidate.get(c), paths, years));
        }
        return out;
    }
}
