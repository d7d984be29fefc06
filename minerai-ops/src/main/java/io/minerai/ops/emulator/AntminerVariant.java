package io.minerai.ops.emulator;

/**
 * Stock Antminer firmware generations as the public references describe them (each emulated quirk names its source).
 */
public enum AntminerVariant {
    /**
     * Older stock firmware: a config POSTed back with either {@code miner-mode} or {@code bitmain-work-mode} changed
     * takes effect (what pyasic and proto-fleet write); {@code stats} reports {@code STATS[1].chain_power} as {@code
     * "3250 W"} (PROTOCOLS.md §1).
     */
    LEGACY,
    /**
     * S19j Pro, firmware of Dec 2022: a {@code bitmain-work-mode} write is answered {@code M000 OK} and does nothing,
     * {@code miner-mode} works (256foundation/asic-rs#249); {@code chain_power} is reported.
     */
    S19J_PRO_DEC_2022,
    /**
     * Newer stock firmware (S21 generation): a work-mode write takes effect only when it carries both {@code
     * miner-mode} and {@code bitmain-work-mode} (asic-rs "send both keys when setting sleep mode", #312); the legacy
     * {@code stats} reply has no {@code chain_power}: wall power is {@code STATS[0].power} of {@code
     * {"command":"stats","new_api":true}} (asic-rs #325, #328: {@code new_api} is a top-level flag, nested under
     * {@code parameter} it is ignored and the legacy reply comes back).
     */
    S21
}
