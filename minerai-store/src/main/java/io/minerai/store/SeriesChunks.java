package io.minerai.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32C;

/**
 * A run's ledger columns stored column by column in chunks of {@value #CHUNK} intervals: one row per run, column and
 * chunk holding the values as little-endian 8-byte numbers and their CRC-32C, so a year of 5-minute intervals is a few
 * hundred rows rather than a hundred thousand, a page reads only the chunks it needs, and damage inside a chunk is found
 * when it is read (and by {@code minerai store check}).
 */
final class SeriesChunks {
    /** Intervals per stored chunk (64 KiB of doubles). */
    static final int CHUNK = 8192;
    /** Reserved column holding the interval start times (epoch milliseconds); not a valid API column name. */
    static final String TIMES = "_intervalStartEpochMs";

    private SeriesChunks() {}

    static void insert(Connection c, long runId, String column, double[] values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_series_chunk (run_id, column_name, chunk,"
                + " value_count, crc32c, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int chunk = 0; chunk * CHUNK < values.length || chunk == 0; chunk++) {
                int from = chunk * CHUNK;
                int n = Math.min(CHUNK, values.length - from);
                ByteBuffer b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    b.putDouble(values[from + i]);
                }
                add(ps, runId, column, chunk, n, b.array());
            }
            ps.executeBatch();
        }
    }

    static void insertTimes(Connection c, long runId, long[] epochMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_series_chunk (run_id, column_name, chunk,"
                + " value_count, crc32c, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int chunk = 0; chunk * CHUNK < epochMs.length || chunk == 0; chunk++) {
                int from = chunk * CHUNK;
                int n = Math.min(CHUNK, epochMs.length - from);
                ByteBuffer b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    b.putLong(epochMs[from + i]);
                }
                add(ps, runId, TIMES, chunk, n, b.array());
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, long runId, String column, int chunk, int n, byte[] data)
            throws SQLException {
        ps.setLong(1, runId);
        ps.setString(2, column);
        ps.setInt(3, chunk);
        ps.setInt(4, n);
        ps.setLong(5, crc(data));
        ps.setBytes(6, data);
        ps.addBatch();
    }

    static long crc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return crc.getValue();
    }

    /** Values {@code from .. to - 1} of a column, as raw 8-byte little-endian words. */
    static ByteBuffer read(Connection c, long runId, String column, int from, int to) throws SQLException {
        ByteBuffer out = ByteBuffer.allocate(Math.max(0, to - from) * 8).order(ByteOrder.LITTLE_ENDIAN);
        if (to <= from) {
            return out;
        }
        int first = from / CHUNK;
        int last = (to - 1) / CHUNK;
        try (PreparedStatement ps = c.prepareStatement("SELECT chunk, value_count, crc32c, data FROM run_series_chunk"
                + " WHERE run_id = ? AND column_name = ? AND chunk >= ? AND chunk <= ? ORDER BY chunk")) {
            ps.setLong(1, runId);
            ps.setString(2, column);
            ps.setInt(3, first);
            ps.setInt(4, last);
            int expected = first;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int chunk = rs.getInt(1);
                    byte[] data = rs.getBytes(4);
                    if (chunk != expected
                            || data == null
                            || data.length != rs.getInt(2) * 8
                            || crc(data) != rs.getLong(3)) {
                        throw damaged(runId, column, chunk);
                    }
                    expected++;
                    int chunkStart = chunk * CHUNK;
                    int a = Math.max(from, chunkStart) - chunkStart;
                    int z = Math.min(to, chunkStart + data.length / 8) - chunkStart;
                    if (z > a) {
                        out.put(data, a * 8, (z - a) * 8);
                    }
                }
            }
            if (expected != last + 1) {
                throw damaged(runId, column, expected);
            }
        }
        out.flip();
        return out;
    }

    static StoreException damaged(long runId, String column, int chunk) {
        return new StoreDamagedException("the stored ledger of run " + runId + " is damaged: column " + column
                + ", chunk " + chunk + " is missing or fails its checksum; run minerai store check, restore a backup");
    }

    static double[] doubles(ByteBuffer b) {
        double[] v = new double[b.remaining() / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getDouble();
        }
        return v;
    }

    static long[] longs(ByteBuffer b) {
        long[] v = new long[b.remaining() / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getLong();
        }
        return v;
    }
}
