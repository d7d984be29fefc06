/** Hardware spec tables: Bitcoin ASIC miners and datacenter GPUs. */
@NullMarked
package io.minerai.data.specs;

import org.jspecify.annotations.NullMarked;
