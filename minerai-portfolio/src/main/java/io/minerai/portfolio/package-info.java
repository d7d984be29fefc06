/** The portfolio document: its schema, reader and validator. */
@NullMarked
package io.minerai.portfolio;

import org.jspecify.annotations.NullMarked;
