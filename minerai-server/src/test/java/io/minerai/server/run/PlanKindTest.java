package io.minerai.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.scenario.Scenario;
import io.minerai.server.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan run kind on a fake run context: progress in order, and a cancel seen on a worker thread stops it. */
class PlanKindTest {
    /** A context that records progress and, once {@code cancelAfter} reports were made, says the run was cancelled. */
    static final class FakeContext implements RunContext {
        final JsonNode parameters;
        final int cancelAfter;
        final List<Double> fractions = Collections.synchronizedList(new ArrayList<>());

        FakeContext(String parametersJson, int cancelAfter) {
            this.parameters = Json.tree(parametersJson);
            this.cancelAfter = cancelAfter;
        }

        @Override
        public long runId() {
            return 7;
        }

        @Override
        public Scenario scenario() {
            throw new IllegalStateException("a plan run has no scenario");
        }

        @Override
        public JsonNode parameters() {
            return parameters;
        }

        @Override
        public Path workDir() {
            return Path.of(".");
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public void progress(double fraction, String phase) {
            checkCancelled();
            fractions.add(fraction);
        }

        @Override
        public void checkCancelled() {
            if (fractions.size() >= cancelAfter) {
                throw new RunCancelledException(runId());
            }
        }
    }

    @Test
    void progressRisesInOrderAndTheSummaryIsTheLibrarys() {
        FakeContext ctx = new FakeContext("{\"paths\":4000,\"seed\":3}", Integer.MAX_VALUE);
        RunOutput out = new PlanKind().execute(ctx);
        assertThat(ctx.fractions).isSorted().hasSizeGreaterThan(5);
        assertThat(ctx.fractions.get(ctx.fractions.size() - 1)).isGreaterThanOrEqualTo(0.9);
        assertThat(out.ledger()).isEmpty();
        assertThat(out.summary().path("paths").asInt()).isEqualTo(4000);
        assertThat(out.summary().path("seed").asLong()).isEqualTo(3);
        assertThat(out.summary().has("charts")).isFalse();
    }

    @Test
    void aCancelNoticedDuringTheMonteCarloStopsTheRunAsCancelled() {
        // the fourth progress report (inside the Monte Carlo, on a worker thread) finds the run cancelled
        FakeContext ctx = new FakeContext("{\"paths\":20000}", 4);
        assertThatThrownBy(() -> new PlanKind().execute(ctx))
                .isInstanceOf(RunCancelledException.class)
                .hasMessageContaining("run 7 was cancelled");
    }
}
