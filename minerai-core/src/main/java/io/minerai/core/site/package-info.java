@NullMarked
package io.minerai.core.site;

import org.jspecify.annotations.NullMarked;
