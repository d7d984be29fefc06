package io.minerai.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SweepRandomTest {
    /**
     * Random123's known-answer vector for Philox4x64-10 with key 0 and counter 0 (tests/kat_vectors of Random123,
     * Salmon et al. 2011): the stream of task 0 of seed 0 is exactly that block, so the generator is the published one.
     */
    @Test
    void taskZeroOfSeedZeroIsRandom123sKnownAnswerBlock() {
        UniformRandomProvider r = SweepRandom.task(0, 0);
        assertThat(r.nextLong()).isEqualTo(0x16554d9eca36314cL);
        assertThat(r.nextLong()).isEqualTo(0xdb20fe9d672d0fdcL);
        assertThat(r.nextLong()).isEqualTo(0xd7e772cee186176bL);
        assertThat(r.nextLong()).isEqualTo(0x7e68b68aec7ba23bL);
    }

    @Test
    void streamsDependOnlyOnSeedAndIndexAndDifferFromEachOther() {
        assertThat(SweepRandom.task(42, 7).nextLong())
                .isEqualTo(SweepRandom.task(42, 7).nextLong());
        Set<Long> firsts = new HashSet<>();
        for (long seed = 0; seed < 4; seed++) {
            for (long i = 0; i < 50; i++) {
                firsts.add(SweepRandom.task(seed, i).nextLong());
                firsts.add(SweepRandom.common(seed, i).nextLong());
            }
        }
        assertThat(firsts).hasSize(4 * 50 * 2);
    }

    @Test
    void aContextsStreamIsTheTaskStreamAndCommonStreamsRestartAtTheirStart() {
        TaskContext c = new TaskContext(11, 3);
        assertThat(c.random().nextLong()).isEqualTo(SweepRandom.task(11, 3).nextLong());
        assertThat(c.random()).isSameAs(c.random());
        assertThat(c.common(5).nextLong())
                .isEqualTo(new TaskContext(11, 99).common(5).nextLong());
    }
}
