package io.minerai.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {
    @Test
    void everyProblemListed() {
        ValidationException e = new ValidationException(
                "scenario s.yaml", List.of(new Problem("site.name", "is required"), new Problem("", "whole file")));
        assertThat(e.total()).isEqualTo(2);
        assertThat(e.omitted()).isZero();
        assertThat(e.getMessage())
                .isEqualTo("scenario s.yaml has 2 problems:\n  - site.name: is required\n  - whole file");
    }

    @Test
    void onlyTheFirstListedButTheTrueTotalCounted() {
        ValidationException e =
                new ValidationException("prices p.csv", List.of(new Problem("p.csv:2:price", "not a number")), 1234);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.omitted()).isEqualTo(1233);
        assertThat(e.getMessage())
                .isEqualTo("prices p.csv has 1,234 problems (only the first is listed):\n  - p.csv:2:price: not a"
                        + " number\n  ... and 1,233 more problems");
    }

    @Test
    void aTotalBelowTheListIsABug() {
        assertThatThrownBy(() -> new ValidationException("x", List.of(new Problem("a", "b"), new Problem("c", "d")), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
