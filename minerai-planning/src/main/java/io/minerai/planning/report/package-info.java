/** A plan's month-by-month cash flows for a lender: the columns (declared once), CSV files and an HTML page. */
@NullMarked
package io.minerai.planning.report;

import org.jspecify.annotations.NullMarked;
