package io.minerai.sweep;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A sweep: a name, a master seed and an ordered list of independent tasks. Task {@code i} is {@code tasks().get(i)};
 * its index is its position. Tasks are records whose components are {@link RecordColumns columns} (numbers, strings,
 * enums, primitive arrays), so any executor can write them as Parquet and read them back.
 *
 * @param name identifies the sweep in file names and logs: letters, digits, '.', '_' or '-'
 * @param seed master seed; task {@code i} draws only from {@link SweepRandom#task(long, long) SweepRandom.task(seed,
 *     i)}
 * @param taskType the record class of every task
 * @param tasks the tasks in index order
 * @param <T> the task record type
 */
public record Sweep<T extends Record>(String name, long seed, Class<T> taskType, List<T> tasks) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public Sweep {
        tasks = List.copyOf(tasks);
        List<Problem> problems = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            problems.add(
                    new Problem("sweep.name", "must be 1-100 letters, digits, '.', '_' or '-', was '" + name + "'"));
        }
        try {
            RecordColumns.of(taskType);
        } catch (ValidationException e) {
            problems.addAll(e.problems());
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).getClass() != taskType) {
                problems.add(new Problem(
                        "sweep.tasks[" + i + "]",
                        "must be a " + taskType.getSimpleName() + ", was a "
                                + tasks.get(i).getClass().getSimpleName()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("sweep '" + name + "'", problems);
        }
    }

    /** A sweep of {@code tasks}, whose record class is taken as {@code taskType}. */
    public static <T extends Record> Sweep<T> of(String name, long seed, Class<T> taskType, List<T> tasks) {
        return new Sweep<>(name, seed, taskType, tasks);
    }

    /** Number of tasks. */
    public int size() {
        return tasks.size();
    }

    /** Task {@code index}. */
    public T task(int index) {
        return tasks.get(index);
    }
}
