/**
 * Whatsminer API v2 (btminer firmware before late 2024, TCP port 4028): plaintext reads, AES-256-ECB encrypted writes
 * keyed by an md5-crypt hash of the admin password and a token from {@code get_token}.
 */
@NullMarked
package io.minerai.ops.driver.whatsminerv2;

import org.jspecify.annotations.NullMarked;
