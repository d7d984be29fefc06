package io.minerai.ops.proto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Whatsminer API v3 write token: {@code base64(SHA256(cmd + password + salt + ts))}, first 8 characters
 * (UpstreamData/pyasic rpc/btminer.py {@code BTMinerV3RPCAPI}; 256foundation/asic-rs v3/rpc.rs).
 */
public final class WhatsminerToken {
    private WhatsminerToken() {}

    public static String of(String cmd, String password, String salt, long ts) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((cmd + password + salt + ts).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(h).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
