package io.minerai.store;

import java.util.Optional;

/**
 * What a finished run stores, in one transaction with its SUCCEEDED status.
 *
 * @param summaryJson the run's summary as a JSON object
 * @param loadsJson the loads the ledger refers to, as a JSON array ("[]" without a ledger)
 * @param ledger the per-interval ledger of a run that dispatches
 * @param solverSeconds time spent deciding
 */
public record RunResult(String summaryJson, String loadsJson, Optional<RunLedger> ledger, double solverSeconds) {}
