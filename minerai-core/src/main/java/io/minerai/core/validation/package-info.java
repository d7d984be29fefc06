@NullMarked
package io.minerai.core.validation;

import org.jspecify.annotations.NullMarked;
