/** Wire helpers shared by drivers: lenient JSON repair, lenient numbers, cgminer-style replies, one-shot TCP requests. */
@NullMarked
package io.minerai.ops.proto;

import org.jspecify.annotations.NullMarked;
