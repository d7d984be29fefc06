/** The dispatch summary as JSON (field names of DispatchSummary) and as human-readable text tables. */
@NullMarked
package io.minerai.report.summary;

import org.jspecify.annotations.NullMarked;
