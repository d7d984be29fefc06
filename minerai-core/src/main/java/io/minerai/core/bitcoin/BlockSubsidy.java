package io.minerai.core.bitcoin;

/**
 * Block subsidy by height, exactly as Bitcoin Core's {@code GetBlockSubsidy} computes it (src/validation.cpp): 50 BTC
 * in satoshi shifted right once per 210,000 blocks, zero after 64 halvings. The shift truncates satoshi, so the
 * schedule is exact integer arithmetic.
 */
public final class BlockSubsidy {
    /** Satoshi per bitcoin ({@code COIN} in Bitcoin Core). */
    public static final long SAT_PER_BTC = 100_000_000L;
    /** Mainnet {@code nSubsidyHalvingInterval}. */
    public static final int HALVING_INTERVAL_BLOCKS = 210_000;

    private static final long INITIAL_SUBSIDY_SAT = 50L * SAT_PER_BTC;

    private BlockSubsidy() {}

    /** Subsidy of the block at {@code height}, in satoshi. */
    public static long subsidySat(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("block height must be >= 0, was " + height);
        }
        long halvings = height / HALVING_INTERVAL_BLOCKS;
        if (halvings >= 64) {
            return 0;
        }
        return INITIAL_SUBSIDY_SAT >> halvings;
    }

    /** Subsidy of the block at {@code height}, in BTC. */
    public static double subsidyBtc(long height) {
        return subsidySat(height) / (double) SAT_PER_BTC;
    }

    /** Number of halvings that have happened at {@code height}. */
    public static int halvings(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("block height must be >= 0, was " + height);
        }
        return (int) Math.min(64, height / HALVING_INTERVAL_BLOCKS);
    }

    /** Height of the next halving strictly after {@code height}. */
    public static long nextHalvingHeight(long height) {
        return (height / HALVING_INTERVAL_BLOCKS + 1) * HALVING_INTERVAL_BLOCKS;
    }
}
