package io.minerai.ops.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;

/**
 * A TCP listener on 127.0.0.1 (ephemeral port) whose accept loop and connections run on virtual threads, so hundreds
 * of emulated devices in one process cost a few carrier threads.
 */
public final class LoopbackServer implements AutoCloseable {
    /** Handles one accepted connection; the server closes the socket afterwards. */
    @FunctionalInterface
    public interface Handler {
        void handle(Socket s) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService executor;
    private final Thread acceptor;

    /**
     * @param name for thread names
     * @param handler per-connection logic
     * @param executor virtual-thread executor shared by the emulators of a fleet
     */
    public LoopbackServer(String name, Handler handler, ExecutorService executor) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.executor = executor;
        this.acceptor = Thread.ofVirtual().name("emu-accept-" + name).start(() -> acceptLoop(handler));
    }

    private void acceptLoop(Handler handler) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                executor.execute(() -> {
                    try (s) {
                        s.setSoTimeout(10_000);
                        handler.handle(s);
                    } catch (IOException | RuntimeException e) {
                        // a broken client connection is the client's problem; the emulator carries on
                    }
                });
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        acceptor.interrupt();
    }
}
