package io.minerai.core.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BlockSubsidyTest {

    @Test
    void halvingAppliesAtTheMultipleOf210000() {
        assertThat(BlockSubsidy.subsidyBtc(839_999)).isEqualTo(6.25);
        assertThat(BlockSubsidy.subsidyBtc(840_000)).isEqualTo(3.125);
        assertThat(BlockSubsidy.subsidyBtc(0)).isEqualTo(50.0);
        assertThat(BlockSubsidy.subsidyBtc(209_999)).isEqualTo(50.0);
        assertThat(BlockSubsidy.subsidyBtc(210_000)).isEqualTo(25.0);
        assertThat(BlockSubsidy.subsidyBtc(630_000)).isEqualTo(6.25);
        assertThat(BlockSubsidy.subsidySat(1_050_000)).isEqualTo(156_250_000L);
    }

    @Test
    void satoshiTruncationEndsTheSubsidyAfter33Halvings() {
        // 5,000,000,000 >> 32 = 1 sat (5e9 / 4,294,967,296 = 1.16); >> 33 = 0
        assertThat(BlockSubsidy.subsidySat(32L * 210_000)).isEqualTo(1);
        assertThat(BlockSubsidy.subsidySat(33L * 210_000)).isZero();
        assertThat(BlockSubsidy.subsidySat(64L * 210_000)).isZero();
        assertThat(BlockSubsidy.subsidySat(Long.MAX_VALUE / 2)).isZero();
    }

    @Test
    void totalIssuanceIsTheKnown21MillionCapMinusTruncation() {
        long total = 0;
        for (int epoch = 0; epoch < 64; epoch++) {
            total += BlockSubsidy.subsidySat((long) epoch * 210_000) * 210_000L;
        }
        // the well-known total: 20,999,999.9769 BTC
        assertThat(total).isEqualTo(2_099_999_997_690_000L);
    }

    @Test
    void negativeHeightIsRejected() {
        assertThatThrownBy(() -> BlockSubsidy.subsidySat(-1)).hasMessageContaining(">= 0");
    }

    @Property
    void subsidyIsConstantWithinAnEpochAndHalvesAcrossIt(@ForAll @LongRange(min = 0, max = 6_000_000) long height) {
        long epochStart = height / 210_000 * 210_000;
        assertThat(BlockSubsidy.subsidySat(height)).isEqualTo(BlockSubsidy.subsidySat(epochStart));
        assertThat(BlockSubsidy.subsidySat(epochStart + 210_000)).isEqualTo(BlockSubsidy.subsidySat(epochStart) / 2);
        assertThat(BlockSubsidy.nextHalvingHeight(height)).isEqualTo(epochStart + 210_000);
    }
}
