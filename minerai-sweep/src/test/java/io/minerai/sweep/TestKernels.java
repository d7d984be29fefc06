package io.minerai.sweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/** Small kernels and sweeps for executor tests (synthetic numbers, no market data). */
public final class TestKernels {
    private TestKernels() {}

    /** A test task kind, stored by name. */
    public enum Kind {
        PLAIN,
        SHIFTED
    }

    /** A task: two numbers, a kind and a path count. */
    public record MixTask(int id, double a, double b, Kind kind, int paths) {}

    /** A result of every column type. */
    public record MixResult(
            int taskIndex0,
            long commonDraw,
            double value,
            boolean shifted,
            String label,
            Kind kind,
            int[] picks,
            long[] longs,
            double[] samples) {}

    /** {@code a * b + a} per task, hand-checkable, no randomness. */
    public record Product(double value) {}

    /** {@code a * b + a}. */
    public static final class ProductKernel implements SweepKernel<MixTask, Product> {
        private static final long serialVersionUID = 1L;

        @Override
        public Class<Product> resultType() {
            return Product.class;
        }

        @Override
        public Product evaluate(MixTask task, TaskContext context) {
            return new Product(task.a() * task.b() + task.a());
        }
    }

    /**
     * Uses the task's stream, a common stream and floating-point work whose result depends on the order of operations,
     * so any mix-up of streams, tasks or order shows in the bits.
     */
    public static final class MixKernel implements SweepKernel<MixTask, MixResult> {
        private static final long serialVersionUID = 1L;

        @Override
        public Class<MixResult> resultType() {
            return MixResult.class;
        }

        @Override
        public MixResult evaluate(MixTask task, TaskContext context) {
            UniformRandomProvider rng = context.random();
            double[] samples = new double[task.paths()];
            double acc = task.a();
            for (int p = 0; p < samples.length; p++) {
                samples[p] = StrictMath.exp(task.b() * rng.nextDouble()) - 0.5;
                acc = acc * 1.0000001 + samples[p] / 3;
            }
            int[] picks = {rng.nextInt(10), rng.nextInt(1000)};
            long[] longs = {rng.nextLong(), task.id()};
            long common = context.common(task.id() % 3).nextLong();
            boolean shifted = task.kind() == Kind.SHIFTED;
            return new MixResult(
                    context.taskIndex(),
                    common,
                    shifted ? acc + 1 : acc,
                    shifted,
                    "task-" + task.id(),
                    task.kind(),
                    picks,
                    longs,
                    samples);
        }
    }

    /** Throws on the task with {@code id == failId}. */
    public record FailingKernel(int failId) implements SweepKernel<MixTask, Product> {
        @Override
        public Class<Product> resultType() {
            return Product.class;
        }

        @Override
        public Product evaluate(MixTask task, TaskContext context) {
            if (task.id() == failId) {
                throw new IllegalStateException("synthetic failure of task " + task.id());
            }
            return new Product(task.a());
        }
    }

    /** {@code n} tasks with numbers drawn from {@code seed} (test data, synthetic). */
    public static Sweep<MixTask> sweep(String name, long seed, int n, int maxPaths) {
        UniformRandomProvider r = SweepRandom.common(seed, -1);
        List<MixTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(new MixTask(
                    i,
                    r.nextDouble() * 200 - 100,
                    r.nextDouble() * 3,
                    r.nextBoolean() ? Kind.PLAIN : Kind.SHIFTED,
                    r.nextInt(maxPaths + 1)));
        }
        return Sweep.of(name, seed, MixTask.class, tasks);
    }

    /** The reference: every task evaluated in order on this thread, no executor. */
    public static <T extends Record, R extends Record> List<R> sequential(Sweep<T> sweep, SweepKernel<T, R> kernel) {
        List<R> out = new ArrayList<>();
        for (int i = 0; i < sweep.size(); i++) {
            out.add(kernel.evaluate(sweep.task(i), new TaskContext(sweep.seed(), i)));
        }
        return out;
    }

    /** Every component of every result as raw bits, for a bit-for-bit comparison. */
    public static List<String> bits(List<MixResult> results) {
        List<String> out = new ArrayList<>();
        for (MixResult r : results) {
            StringBuilder sb = new StringBuilder();
            sb.append(r.taskIndex0())
                    .append('|')
                    .append(r.commonDraw())
                    .append('|')
                    .append(Long.toHexString(Double.doubleToRawLongBits(r.value())))
                    .append('|')
                    .append(r.shifted())
                    .append('|')
                    .append(r.label())
                    .append('|')
                    .append(r.kind())
                    .append('|')
                    .append(java.util.Arrays.toString(r.picks()))
                    .append('|')
                    .append(java.util.Arrays.toString(r.longs()));
            for (double s : r.samples()) {
                sb.append('|').append(Long.toHexString(Double.doubleToRawLongBits(s)));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
