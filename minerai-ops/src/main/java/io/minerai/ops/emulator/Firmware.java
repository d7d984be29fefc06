package io.minerai.ops.emulator;

/** Which firmware an emulated miner runs, i.e. which protocols it serves. */
public enum Firmware {
    /** Stock Antminer: cgminer RPC read-only (api-groups A:stats:pools:devs:summary:version) plus the web CGI. */
    ANTMINER_STOCK,
    /** LuxOS: cgminer-style RPC with logon sessions, curtail, profiles and ATM. */
    LUXOS,
    /** Whatsminer with API v3 (length-prefixed JSON, token per command). */
    WHATSMINER_V3
}
