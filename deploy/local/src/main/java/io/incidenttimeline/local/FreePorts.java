package io.incidenttimeline.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Ports for processes started by the local run and the tests, each chosen before its
 * process binds it, seconds later.
 * <p>
 * A port the kernel hands out for {@code new ServerSocket(0)} comes from its ephemeral
 * range, the same range every outgoing connection (JDBC, Kafka, HTTP) takes its source
 * port from, so one of them could take it in those seconds ("Port … already in use").
 * These ports come from below that range (its low bound read from
 * {@code /proc/sys/net/ipv4/ip_local_port_range} by lines, as JDK 17's
 * {@code Files.readString} returns a procfs file's first byte only; 32768 where that file
 * is missing), at random, are checked free by binding them, and are never handed out
 * twice by one JVM. {@code LocalIdentityProvider} in deploy/identity's tests has the same
 * rule (its module cannot depend on this one).
 */
public final class FreePorts {

	static final int LOWEST = 15000;

	private static final FreePorts SHARED = new FreePorts(LOWEST, belowEphemeral(), new Random());

	private final int lowest;

	private final int end;

	private final RandomGenerator random;

	private final Set<Integer> given = ConcurrentHashMap.newKeySet();

	FreePorts(int lowest, int end, RandomGenerator random) {
		if (end <= lowest) {
			throw new IllegalArgumentException("no ports in [" + lowest + ", " + end + ")");
		}
		this.lowest = lowest;
		this.end = end;
		this.random = random;
	}

	/**
	 * A port nobody listens on now, below the ephemeral range, not handed out before by
	 * this JVM.
	 * @return the port
	 */
	public static int next() {
		return SHARED.take();
	}

	int take() {
		int size = this.end - this.lowest;
		int start = this.random.nextInt(size);
		for (int i = 0; i < size; i++) {
			int port = this.lowest + (start + i) % size;
			if (!this.given.contains(port) && free(port) && this.given.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("no free port left in [" + this.lowest + ", " + this.end + ")");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The first port of the kernel's ephemeral range, or 32768 when it cannot be read or
	 * leaves too little below it.
	 */
	static int belowEphemeral() {
		try {
			String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
			int low = Integer.parseInt(range.split("\\s+")[0]);
			return (low >= LOWEST + 1000) ? low : 32768;
		}
		catch (IOException | RuntimeException ex) {
			return 32768;
		}
	}

}
