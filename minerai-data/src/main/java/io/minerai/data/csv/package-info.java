/** Shared CSV reading: header lookup, typed cells and problems that name file, line and column. */
@NullMarked
package io.minerai.data.csv;

import org.jspecify.annotations.NullMarked;
