/** Braiins OS over its public gRPC API (bos-plus-api, port 50051), with stubs generated from the vendored protos. */
@NullMarked
package io.minerai.ops.driver.braiins;

import org.jspecify.annotations.NullMarked;
