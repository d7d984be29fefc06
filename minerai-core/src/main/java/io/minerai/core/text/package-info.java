/** Reading text input strictly: UTF-8 decoding that names the line and column of a bad byte. */
@NullMarked
package io.minerai.core.text;

import org.jspecify.annotations.NullMarked;
