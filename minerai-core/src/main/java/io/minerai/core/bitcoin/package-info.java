@NullMarked
package io.minerai.core.bitcoin;

import org.jspecify.annotations.NullMarked;
