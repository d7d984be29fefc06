/** JSON over HTTP for device web APIs (VNish, ePIC): one client per device, typed failures. */
@NullMarked
package io.minerai.ops.driver.http;

import org.jspecify.annotations.NullMarked;
