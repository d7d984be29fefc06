package io.minerai.ops.meter;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A power meter read over Modbus TCP with j2mod ({@code com.ghgande:j2mod}): one total-active-power value from holding
 * or input registers, in the meter's number format and word order, times a scale to watts. Meters differ (a SunSpec
 * meter's {@code W} is an int16 with a scale factor register, many DIN-rail meters give a float32 in kW), so every
 * part is configured; see docs/OPERATIONS.md for examples.
 */
public final class ModbusTcpMeter implements SiteMeter {
    /** Register table. */
    public enum Table {
        HOLDING,
        INPUT
    }

    /** How the value is encoded. */
    public enum Format {
        FLOAT32(2),
        INT32(2),
        UINT32(2),
        INT16(1),
        UINT16(1);

        final int registers;

        Format(int registers) {
            this.registers = registers;
        }
    }

    /**
     * Where and how to read.
     *
     * @param host meter or gateway address
     * @param port Modbus TCP port (502)
     * @param unitId Modbus unit id
     * @param table holding or input registers
     * @param address zero-based register address of the value
     * @param format number format
     * @param wordSwapped whether the low word comes first (32-bit values)
     * @param scaleToW multiply the raw value by this to get watts (1000 for kW)
     * @param staleAfter a reading older than this is stale
     * @param timeout per request
     */
    public record Settings(
            String host,
            int port,
            int unitId,
            Table table,
            int address,
            Format format,
            boolean wordSwapped,
            double scaleToW,
            Duration staleAfter,
            Duration timeout) {}

    private final Settings s;
    private final Clock clock;
    private @Nullable ModbusTCPMaster master;
    private @Nullable MeterReading latest;
    private @Nullable String lastError;

    public ModbusTcpMeter(Settings s, Clock clock) {
        this.s = s;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "modbus:" + s.host() + ":" + s.port() + "/" + s.unitId() + "/" + s.address();
    }

    @Override
    public Duration staleAfter() {
        return s.staleAfter();
    }

    @Override
    public synchronized boolean poll() {
        try {
            ModbusTCPMaster m = master;
            if (m == null || !m.isConnected()) {
                m = new ModbusTCPMaster(s.host(), s.port(), (int) s.timeout().toMillis(), true);
                m.connect();
                master = m;
            }
            InputRegister[] regs = s.table() == Table.HOLDING
                    ? m.readMultipleRegisters(s.unitId(), s.address(), s.format().registers)
                    : m.readInputRegisters(s.unitId(), s.address(), s.format().registers);
            double raw = decode(regs, s.format(), s.wordSwapped());
            latest = new MeterReading(raw * s.scaleToW(), clock.instant());
            lastError = null;
            return true;
        } catch (Exception e) {
            lastError = name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
            ModbusTCPMaster m = master;
            if (m != null) {
                m.disconnect();
            }
            master = null;
            return false;
        }
    }

    /** Decodes registers (each 16 bits, big-endian within the register, as Modbus sends them). */
    static double decode(InputRegister[] regs, Format f, boolean wordSwapped) {
        if (regs.length < f.registers) {
            throw new IllegalArgumentException("expected " + f.registers + " registers, got " + regs.length);
        }
        if (f.registers == 1) {
            int v = regs[0].getValue();
            return f == Format.INT16 ? (short) v : v;
        }
        int hi = regs[wordSwapped ? 1 : 0].getValue();
        int lo = regs[wordSwapped ? 0 : 1].getValue();
        int bits = (hi << 16) | lo;
        return switch (f) {
            case FLOAT32 -> Float.intBitsToFloat(bits);
            case INT32 -> bits;
            case UINT32 -> bits & 0xFFFFFFFFL;
            default -> throw new IllegalStateException(f.toString());
        };
    }

    /** The registers a meter would hold for a value (for emulators and tests). */
    public static int[] encode(double raw, Format f, boolean wordSwapped) {
        if (f.registers == 1) {
            return new int[] {((int) Math.round(raw)) & 0xFFFF};
        }
        int bits = switch (f) {
            case FLOAT32 -> Float.floatToIntBits((float) raw);
            case INT32, UINT32 -> (int) Math.round(raw);
            default -> throw new IllegalStateException(f.toString());
        };
        int hi = (bits >>> 16) & 0xFFFF;
        int lo = bits & 0xFFFF;
        return wordSwapped ? new int[] {lo, hi} : new int[] {hi, lo};
    }

    @Override
    public synchronized Optional<MeterReading> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public synchronized @Nullable String lastError() {
        return lastError;
    }

    @Override
    public synchronized void close() {
        ModbusTCPMaster m = master;
        if (m != null) {
            m.disconnect();
        }
        master = null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %s x%s", name(), s.table(), s.format(), s.scaleToW());
    }
}
