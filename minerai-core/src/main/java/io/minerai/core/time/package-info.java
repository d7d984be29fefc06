@NullMarked
package io.minerai.core.time;

import org.jspecify.annotations.NullMarked;
