/** Braiins OS over its public gRPC API (bos-plus-api, port 50051), with stubs generated from the vendored protos. */
@NullMarked
package io.minerai.braiins.driver;

import org.jspecify.annotations.NullMarked;
