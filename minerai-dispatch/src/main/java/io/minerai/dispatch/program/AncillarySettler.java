package io.minerai.dispatch.program;

/**
 * Marks the settler that pays a dispatch's reserve offers. Settlement adds {@link AncillaryCapacity} (day-ahead
 * capacity payments) when the dispatch offers reserves and no program in force settles them another way (e.g. ERCOT's
 * RTC+B day-ahead awards with real-time deviations).
 */
public interface AncillarySettler {}
