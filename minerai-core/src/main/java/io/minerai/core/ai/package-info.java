@NullMarked
package io.minerai.core.ai;

import org.jspecify.annotations.NullMarked;
