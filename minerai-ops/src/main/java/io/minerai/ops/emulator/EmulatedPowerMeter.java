package io.minerai.ops.emulator;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.minerai.ops.meter.ModbusTcpMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A site power meter on 127.0.0.1 speaking Modbus TCP (a j2mod slave): total active power as a big-endian float32 in
 * kW in holding registers 0-1 of unit 1, the layout many DIN-rail meters use (configure a real meter's own register
 * map in the inventory). {@link #set} publishes a value.
 */
public final class EmulatedPowerMeter implements AutoCloseable {
    /** Unit id served. */
    public static final int UNIT_ID = 1;
    /** Register of the power value. */
    public static final int ADDRESS = 0;

    private final SimpleProcessImage image = new SimpleProcessImage(UNIT_ID);
    private final SimpleRegister hi = new SimpleRegister(0);
    private final SimpleRegister lo = new SimpleRegister(0);
    private final int port;
    private ModbusSlave slave;

    public EmulatedPowerMeter() {
        image.addRegister(hi);
        image.addRegister(lo);
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        slave = open();
    }

    private ModbusSlave open() {
        try {
            ModbusSlave s = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
            s.addProcessImage(UNIT_ID, image);
            s.open();
            return s;
        } catch (ModbusException e) {
            throw new IllegalStateException("emulated meter on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** Publishes the site power, W. */
    public synchronized void set(double sitePowerW) {
        int[] regs = ModbusTcpMeter.encode(sitePowerW / 1000.0, ModbusTcpMeter.Format.FLOAT32, false);
        hi.setValue(regs[0]);
        lo.setValue(regs[1]);
    }

    /** The settings a {@link ModbusTcpMeter} needs to read this meter. */
    public ModbusTcpMeter.Settings settings(java.time.Duration staleAfter, java.time.Duration timeout) {
        return new ModbusTcpMeter.Settings(
                "127.0.0.1",
                port,
                UNIT_ID,
                ModbusTcpMeter.Table.HOLDING,
                ADDRESS,
                ModbusTcpMeter.Format.FLOAT32,
                false,
                1000,
                staleAfter,
                timeout);
    }

    @Override
    public synchronized void close() {
        ModbusSlaveFactory.close(slave);
    }
}
