package io.minerai.planning.engine;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one strategy yields on one market path.
 *
 * @param npvUsd NPV of cash flows to equity at the plan's discount rate (incl. terminal value less debt)
 * @param irrPerYear yearly IRR of the cash flows to equity incremental to the run's baseline strategy; empty when
 *     it is not unique or they never change sign (always for the baseline itself)
 * @param paybackMonth first month from which those flows' cumulative sum stays >= 0; empty if it ends negative
 * @param minDscr lowest trailing DSCR tested; empty when no debt service was due
 * @param covenantBreached whether some tested DSCR fell below the covenant
 * @param peakEquityNeedUsd most the equity holders had put in at any point (levered)
 * @param pureEquityDilution share new investors would own if the unlevered plan's funding need were raised as equity
 * @param unleveredNpvUsd NPV of the unlevered (project) cash flows
 */
public record PathOutcome(
        double npvUsd,
        OptionalDouble irrPerYear,
        OptionalInt paybackMonth,
        OptionalDouble minDscr,
        boolean covenantBreached,
        double peakEquityNeedUsd,
        double pureEquityDilution,
        double unleveredNpvUsd) {}
