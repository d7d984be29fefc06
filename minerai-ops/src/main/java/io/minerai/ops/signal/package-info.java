/** Grid and market signals: price feeds, an MQTT curtailment target, an OpenADR 3 VEN client. */
@NullMarked
package io.minerai.ops.signal;

import org.jspecify.annotations.NullMarked;
