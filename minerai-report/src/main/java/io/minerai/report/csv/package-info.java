/** Streaming per-interval CSV of a settled dispatch, with units in the column names and RFC 4180 quoting. */
@NullMarked
package io.minerai.report.csv;

import org.jspecify.annotations.NullMarked;
