package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.scenario.Scenario;
import java.nio.file.Path;
import java.time.Clock;

/** What a run sees while it executes. */
public interface RunContext {
    long runId();

    /**
     * The scenario version the run was started on, with dataset references made into files under {@link #workDir()}.
     *
     * @throws IllegalStateException for a run of a kind that takes no scenario
     */
    Scenario scenario();

    /** Kind-specific parameters (a JSON object, possibly empty). */
    JsonNode parameters();

    /** A private folder of this run for materialised datasets; relative scenario paths resolve against it. */
    Path workDir();

    Clock clock();

    /** Records progress (0..1) and what the run is doing now. */
    void progress(double fraction, String phase);

    /** Throws {@link RunCancelledException} when the run was cancelled. */
    void checkCancelled();
}
