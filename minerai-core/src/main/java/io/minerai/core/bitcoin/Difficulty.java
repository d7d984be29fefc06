package io.minerai.core.bitcoin;

/**
 * Difficulty and network hashrate. A block at difficulty D takes on average D x 2^256 / maxTarget hashes, with
 * maxTarget = 0xFFFF x 2^208, i.e. D x 2^48 / 65535 (about D x 2^32). With a 600-second block target the implied
 * network hashrate is H = D x 2^32 / 600 H/s. The approximate constant 2^32 is the one hashprice indices use; the exact
 * one differs by 0.0015 %. Sources: Bitcoin Core {@code GetDifficulty}; bitcoin.stackexchange.com/questions/5556.
 */
public final class Difficulty {
    /** 2^32, the usual hashes-per-difficulty-unit constant. */
    public static final double HASHES_PER_DIFFICULTY = 4_294_967_296.0;
    /** 2^48 / 65535, the exact hashes-per-difficulty-unit constant. */
    public static final double HASHES_PER_DIFFICULTY_EXACT = 281_474_976_710_656.0 / 65_535.0;
    /** Target seconds between blocks. */
    public static final double TARGET_BLOCK_SECONDS = 600.0;
    /** Blocks in an average day at the target spacing. */
    public static final double BLOCKS_PER_DAY = 86_400.0 / TARGET_BLOCK_SECONDS;

    private Difficulty() {}

    /** Implied network hashrate in H/s for difficulty {@code d} (2^32 constant). */
    public static double networkHashrateHPerS(double difficulty) {
        requirePositive(difficulty, "difficulty");
        return difficulty * HASHES_PER_DIFFICULTY / TARGET_BLOCK_SECONDS;
    }

    /** Implied network hashrate in TH/s. */
    public static double networkHashrateThPerS(double difficulty) {
        return networkHashrateHPerS(difficulty) / 1e12;
    }

    /** Difficulty at which {@code hashrateHPerS} finds a block every 600 s on average (2^32 constant). */
    public static double difficultyForHashrate(double hashrateHPerS) {
        requirePositive(hashrateHPerS, "hashrateHPerS");
        return hashrateHPerS * TARGET_BLOCK_SECONDS / HASHES_PER_DIFFICULTY;
    }

    /** Expected blocks per day found by {@code ownHashrateHPerS} at difficulty {@code d}: 86,400 h / (D 2^32). */
    public static double expectedBlocksPerDay(double ownHashrateHPerS, double difficulty) {
        requirePositive(difficulty, "difficulty");
        return 86_400.0 * ownHashrateHPerS / (difficulty * HASHES_PER_DIFFICULTY);
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + v);
        }
    }
}
