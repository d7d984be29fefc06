@NullMarked
package io.minerai.core.scenario;

import org.jspecify.annotations.NullMarked;
