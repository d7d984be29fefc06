package io.minerai.portfolio.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * Evaluates candidates on every path as independent site tasks (candidate x block of paths) through a
 * {@link TaskExecutor}, and assembles each candidate's outcome by path index.
 */
final class Sweep {
    private final List<SiteModel> sites;
    private final int paths;
    private final int blockPaths;
    private final TaskExecutor executor;
    private final IntConsumer pathsDone;
    private int tasksRun;
    private long evaluations;

    Sweep(List<SiteModel> sites, int paths, int blockPaths, TaskExecutor executor, IntConsumer pathsDone) {
        this.sites = List.copyOf(sites);
        this.paths = paths;
        this.blockPaths = Math.max(1, blockPaths);
        this.executor = executor;
        this.pathsDone = pathsDone;
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
        Map<Integer, SiteEvaluation> evals = new ConcurrentHashMap<>();
        List<SiteTask> tasks = tasks(candidates.size());
        List<SiteTaskResult> results = executor.run(
                tasks,
                t -> evals.computeIfAbsent(
                                t.candidate(),
                                c -> new SiteEvaluation(
                                        sites.get(candidates.get(c).site()), candidates.get(c)))
                        .evaluate(t.candidate(), t.firstPath(), t.count()),
                pathsDone);
        tasksRun += tasks.size();
        evaluations += (long) candidates.size() * paths;
        List<List<SiteTaskResult>> byCandidate = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            byCandidate.add(new ArrayList<>());
        }
        for (SiteTaskResult r : results) {
            byCandidate.get(r.candidate()).add(r);
        }
        List<CandidateOutcome> out = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Candidate cand = candidates.get(c);
            SiteEvaluation e = evals.computeIfAbsent(c, k -> new SiteEvaluation(sites.get(cand.site()), cand));
            int years = (cand.plan().horizonMonths() + 11) / 12;
            out.add(CandidateOutcome.assemble(cand, e.facts(), byCandidate.get(c), paths, years));
        }
        return out;
    }
}
