package io.minerai.ops.proto;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DeviceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One request per TCP connection, as the cgminer API wants: connect, write the request, read the reply to EOF (or to
 * the first NUL, as LuxOS's own client does), close. Replies are capped at {@link #MAX_REPLY_BYTES}. Also the
 * length-prefixed framing of the Whatsminer API v3.
 *
 * @param address where
 * @param connectTimeout dial timeout (proto-fleet uses 10 s)
 * @param readTimeout read timeout (proto-fleet uses 30 s)
 */
public record TcpRequest(InetSocketAddress address, Duration connectTimeout, Duration readTimeout) {
    /** Largest reply accepted (as proto-fleet: 1 MiB). */
    public static final int MAX_REPLY_BYTES = 1 << 20;

    /** Sends {@code request} and returns the reply text (without the NUL terminator). */
    public String exchange(String request) throws DeviceException {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
            byte[] chunk = new byte[8192];
            int n;
            outer:
            while ((n = in.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        buf.write(chunk, 0, i);
                        break outer;
                    }
                }
                buf.write(chunk, 0, n);
                if (buf.size() > MAX_REPLY_BYTES) {
                    throw new DeviceException(AckStatus.FAILED, address + ": reply larger than 1 MiB");
                }
            }
            String reply = buf.toString(StandardCharsets.UTF_8);
            if (reply.isEmpty()) {
                throw new DeviceException(AckStatus.UNREACHABLE, address + ": connection closed without a reply");
            }
            if (reply.startsWith("Socket connect failed")) {
                throw new DeviceException(AckStatus.UNREACHABLE, address + ": " + reply.strip());
            }
            return reply;
        } catch (SocketTimeoutException e) {
            throw new DeviceException(AckStatus.TIMEOUT, address + ": no reply within " + readTimeout, e);
        } catch (ConnectException e) {
            throw new DeviceException(AckStatus.UNREACHABLE, address + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DeviceException(AckStatus.UNREACHABLE, address + ": " + e.getMessage(), e);
        }
    }

    /** Whatsminer API v3 framing: 4-byte little-endian length, then JSON, both ways. */
    public String exchangeLengthPrefixed(String request) throws DeviceException {
        try (Socket s = connect()) {
            byte[] body = request.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(body.length)
                    .array());
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] len = in.readNBytes(4);
            if (len.length < 4) {
                throw new DeviceException(AckStatus.UNREACHABLE, address + ": connection closed without a reply");
            }
            int n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (n < 0 || n > MAX_REPLY_BYTES) {
                throw new DeviceException(AckStatus.FAILED, address + ": bad reply length " + n);
            }
            byte[] reply = in.readNBytes(n);
            if (reply.length < n) {
                throw new DeviceException(AckStatus.UNREACHABLE, address + ": reply cut off");
            }
            return new String(reply, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new DeviceException(AckStatus.TIMEOUT, address + ": no reply within " + readTimeout, e);
        } catch (IOException e) {
            throw new DeviceException(AckStatus.UNREACHABLE, address + ": " + e.getMessage(), e);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(address, (int) connectTimeout.toMillis());
            s.setSoTimeout((int) readTimeout.toMillis());
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }
}
