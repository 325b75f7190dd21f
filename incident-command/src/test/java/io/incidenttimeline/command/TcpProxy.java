package io.incidenttimeline.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder on a loopback port that a test can cut, as a network partition or a
 * stopped server would: every open connection is reset and nothing listens any more,
 * until it is restored on the same port.
 */
final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "tcp-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private volatile ServerSocket server;

	private final int port;

	TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.port = listen(0);
	}

	int port() {
		return this.port;
	}

	/**
	 * Resets every connection and stops listening: connecting is refused.
	 */
	synchronized void cut() {
		closeQuietly(this.server);
		this.server = null;
		this.sockets.forEach(TcpProxy::reset);
		this.sockets.clear();
	}

	/**
	 * Listens again on the same port.
	 */
	synchronized void restore() {
		if (this.server == null) {
			listen(this.port);
		}
	}

	@Override
	public void close() {
		cut();
		this.threads.shutdownNow();
	}

	private int listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			this.server = socket;
			this.threads.execute(() -> accept(socket));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			Socket client;
			try {
				client = server.accept();
			}
			catch (IOException ex) {
				// closed by cut()
				continue;
			}
			try {
				Socket target = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				this.threads.execute(() -> pump(client, target));
				this.threads.execute(() -> pump(target, client));
			}
			catch (IOException ex) {
				reset(client);
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	/**
	 * Closes with a TCP reset, as a vanished server's host answers.
	 */
	private static void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
		}
		catch (IOException ex) {
			// already closed
		}
		closeQuietly(socket);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// closing is all we want
			}
		}
	}

}
