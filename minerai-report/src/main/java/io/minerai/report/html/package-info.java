/** Self-contained HTML reports assembled from pluggable sections; images are embedded as data URIs, CSS is inline. */
@NullMarked
package io.minerai.report.html;

import org.jspecify.annotations.NullMarked;
