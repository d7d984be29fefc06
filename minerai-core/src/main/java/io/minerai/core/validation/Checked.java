package io.minerai.core.validation;

import java.util.List;

/**
 * A valid input and the warnings found while reading it: values that are possible but unusual (a slipped digit or
 * unit), which a command shows to the user without stopping.
 *
 * @param value the input, valid
 * @param warnings every warning, located by its path, in the order found
 * @param <T> the kind of input
 */
public record Checked<T>(T value, List<Problem> warnings) {
    public Checked {
        warnings = List.copyOf(warnings);
    }

    /** An input without warnings. */
    public static <T> Checked<T> of(T value) {
        return new Checked<>(value, List.of());
    }
}
