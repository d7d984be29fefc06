/** Reports of dispatch results: the {@link io.minerai.report.ReportWriter} facade writes the per-interval CSV, the summary JSON, PNG charts and a self-contained HTML report into one folder. */
@NullMarked
package io.minerai.report;

import org.jspecify.annotations.NullMarked;
