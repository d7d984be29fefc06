package io.minerai.portfolio.engine;

import io.minerai.sweep.SweepKernel;
import io.minerai.sweep.TaskContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portfolio's sweep kernel: a site task is a candidate of a site on a block of paths. The candidates and sites
 * (compiled plans, power banks) are heavy and live in transient fields; a kernel shipped to another JVM rebuilds them
 * from its {@link Recipe} once per JVM (a static cache keyed by the recipe). A task's result depends only on the task:
 * path i of every site's market depends only on (seed, i) (the planning engine's per-path generator), so every
 * executor gives the same bits.
 */
public final class SiteKernel implements SweepKernel<SiteTask, SiteTaskResult> {
    private static final long serialVersionUID = 1L;
    private static final Map<Recipe, State> REBUILT = new ConcurrentHashMap<>();

    /** How to rebuild the kernel's state in another JVM (value equality: it is the cache key). */
    public interface Recipe extends Serializable {
        State rebuild();
    }

    /** Makes the recipe that rebuilds a sweep round's kernel state (its candidates) in another JVM. */
    public interface RecipeFactory {
        Recipe recipe(List<Candidate> candidates);
    }

    /**
     * The heavy state.
     *
     * @param sites every site of the evaluation
     * @param candidates the sweep's candidates (a task names one by index)
     */
    public record State(List<SiteModel> sites, List<Candidate> candidates) {
        public State {
            sites = List.copyOf(sites);
            candidates = List.copyOf(candidates);
        }
    }

    private final Recipe recipe;
    private transient State state;
    private transient Map<Integer, SiteEvaluation> evaluations;

    public SiteKernel(State state, Recipe recipe) {
        this.state = state;
        this.recipe = recipe;
        this.evaluations = new ConcurrentHashMap<>();
    }

    @Override
    public Class<SiteTaskResult> resultType() {
        return SiteTaskResult.class;
    }

    /** The candidate's evaluation (compiled once per kernel instance). */
    SiteEvaluation evaluation(int candidate) {
        State s = state();
        return evaluations().computeIfAbsent(candidate, c -> {
            Candidate cand = s.candidates().get(c);
            return new SiteEvaluation(s.sites().get(cand.site()), cand);
        });
    }

    @Override
    public SiteTaskResult evaluate(SiteTask task, TaskContext context) {
        return evaluation(task.candidate()).evaluate(task.candidate(), task.firstPath(), task.count());
    }

    private synchronized State state() {
        if (state == null) {
            state = REBUILT.computeIfAbsent(recipe, Recipe::rebuild);
        }
        return state;
    }

    private synchronized Map<Integer, SiteEvaluation> evaluations() {
        if (evaluations == null) {
            evaluations = new ConcurrentHashMap<>();
        }
        return evaluations;
    }
}
