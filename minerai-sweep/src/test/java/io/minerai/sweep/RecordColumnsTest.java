package io.minerai.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.ValidationException;
import io.minerai.sweep.TestKernels.Kind;
import io.minerai.sweep.TestKernels.MixResult;
import io.minerai.sweep.TestKernels.MixTask;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordColumnsTest {
    record Bad(int ok, Instant when, List<String> names) {}

    record Reserved(int taskIndex) {}

    @Test
    void everyColumnTypeRoundTrips() {
        RecordColumns<MixResult> cols = RecordColumns.of(MixResult.class);
        assertThat(cols.columns())
                .extracting(RecordColumns.Column::type)
                .containsExactly(
                        ColumnType.INT,
                        ColumnType.LONG,
                        ColumnType.DOUBLE,
                        ColumnType.BOOLEAN,
                        ColumnType.STRING,
                        ColumnType.ENUM,
                        ColumnType.INT_ARRAY,
                        ColumnType.LONG_ARRAY,
                        ColumnType.DOUBLE_ARRAY);
        MixResult r = new MixResult(
                3, -5L, -0.0, true, "x", Kind.SHIFTED, new int[] {1, 2}, new long[] {7}, new double[] {Double.NaN});
        Object[] values = cols.values(r);
        assertThat(values[5]).isEqualTo("SHIFTED");
        MixResult back = cols.create(values);
        assertThat(TestKernels.bits(List.of(back))).isEqualTo(TestKernels.bits(List.of(r)));
    }

    @Test
    void unsupportedComponentsAreNamedWithTheirTypes() {
        assertThatThrownBy(() -> RecordColumns.of(Bad.class))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Bad.when: has type Instant")
                .hasMessageContaining("Bad.names: has type List")
                .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(2));
    }

    @Test
    void theTaskIndexNameIsReserved() {
        assertThatThrownBy(() -> RecordColumns.of(Reserved.class))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Reserved.taskIndex: is reserved for the task index");
    }

    @Test
    void anUnknownEnumNameIsRefused() {
        RecordColumns<MixTask> cols = RecordColumns.of(MixTask.class);
        assertThatThrownBy(() -> cols.create(new Object[] {1, 1.0, 2.0, "ROUND", 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind: no Kind named 'ROUND'");
    }
}
