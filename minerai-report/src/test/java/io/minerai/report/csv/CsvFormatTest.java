package io.minerai.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(CsvFormat.escape("plain-name_1")).isEqualTo("plain-name_1");
        assertThat(CsvFormat.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFormat.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvFormat.escape("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvFormat.escape("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(CsvFormat.escape(" padded ")).isEqualTo("\" padded \"");
        assertThat(CsvFormat.escape("")).isEmpty();
    }

    @Test
    void formatsNumbersPlainWithoutExponentOrTrailingZeros() {
        assertThat(CsvFormat.number(12.5, 6)).isEqualTo("12.5");
        assertThat(CsvFormat.number(-0.000125, 6)).isEqualTo("-0.000125");
        assertThat(CsvFormat.number(3, 4)).isEqualTo("3");
        assertThat(CsvFormat.number(1e-13, 12)).isEqualTo("0");
        assertThat(CsvFormat.number(-1e-13, 12)).isEqualTo("0");
        assertThat(CsvFormat.number(0.1 + 0.2, 6)).isEqualTo("0.3");
        assertThat(CsvFormat.number(100_000.0 / 720, 6)).isEqualTo("138.888889");
        assertThat(CsvFormat.number(0.1 / 24, 12)).isEqualTo("0.004166666667");
        assertThat(CsvFormat.number(1.5e12, 6)).isEqualTo("1500000000000");
        assertThat(CsvFormat.number(Double.NaN, 6)).isEmpty();
        assertThat(CsvFormat.number(Double.POSITIVE_INFINITY, 6)).isEmpty();
    }

    /** Reference: BigDecimal rounding of the double's exact decimal expansion (within one unit in the last place). */
    @Property
    void matchesBigDecimalRounding(
            @ForAll @DoubleRange(min = -1e9, max = 1e9) double v, @ForAll @IntRange(min = 0, max = 6) int decimals) {
        String s = CsvFormat.number(v, decimals);
        BigDecimal expected = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal got = new BigDecimal(s);
        assertThat(got.subtract(expected).abs()).isLessThanOrEqualTo(BigDecimal.ONE.movePointLeft(decimals));
        assertThat(s).doesNotContain("E").doesNotContain("e");
        if (s.contains(".")) {
            assertThat(s).doesNotEndWith("0");
        }
    }
}
