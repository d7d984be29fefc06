/** VNish (anthill.farm) Antminer firmware over its REST API ({@code /api/v1}, bearer token from {@code /unlock}). */
@NullMarked
package io.minerai.ops.driver.vnish;

import org.jspecify.annotations.NullMarked;
