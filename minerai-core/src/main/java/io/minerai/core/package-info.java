/**
 * minerai-core: the model every other module builds on. Units and the explicit time grid ({@code time}), the site
 * and its assets ({@code site}), the scenario file format with whole-scenario validation ({@code scenario},
 * {@code validation}), and the small exact economics libraries for Bitcoin ({@code bitcoin}) and AI hosting
 * ({@code ai}). Depends on nothing else of ours.
 */
@NullMarked
package io.minerai.core;

import org.jspecify.annotations.NullMarked;
