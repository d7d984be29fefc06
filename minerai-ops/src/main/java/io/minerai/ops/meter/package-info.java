/**
 * Site meters: the site's metered power (cooling, transformer losses and silent devices included) from a Modbus TCP
 * power meter or an HTTP/JSON endpoint (a power partner's API), for the controller's closed loop.
 */
@NullMarked
package io.minerai.ops.meter;

import org.jspecify.annotations.NullMarked;
