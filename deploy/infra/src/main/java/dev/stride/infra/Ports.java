package dev.stride.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks and picks TCP ports on the loopback interface. */
public final class Ports {

    /** Every port {@link #free()} handed out in this JVM: the OS may offer a just-closed port again, and two servers then clash. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port nothing listens on right now (the OS picks it), never one this JVM was handed before. */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new InfrastructureException("No free TCP port on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        throw new InfrastructureException("No free TCP port on 127.0.0.1 that was not handed out before");
    }

    /**
     * A free port below Linux's default ephemeral range (32768 and up), for a server that binds it only later: the OS
     * never hands such a port to an outgoing connection in the meantime, as it may a port from {@link #free()}.
     */
    public static int freeBelowEphemeral() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20000, 31000);
            if (!isListening("127.0.0.1", port) && canBind(port)) {
                return port;
            }
        }
        throw new InfrastructureException("No free TCP port between 20000 and 31000 on 127.0.0.1");
    }

    /** Fails with a message naming the role and the setting that moves it, when something already listens on the port. */
    public static void requireFree(int port, String role, String setting) {
        if (isListening("127.0.0.1", port) || !canBind(port)) {
            throw new InfrastructureException("Port " + port + " for " + role + " is already in use. Stop whatever listens there "
                    + "(for example: ss -ltnp 'sport = :" + port + "') or choose another port with " + setting + ".");
        }
    }

    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
