package io.incidenttimeline.local;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FreePortsTest {

	@Test
	void portsComeFromBelowTheEphemeralRange() throws Exception {
		Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
		int end = Files.isReadable(range) ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0])
				: 32768;
		assertThat(FreePorts.belowEphemeral()).isLessThanOrEqualTo(end);
		for (int i = 0; i < 50; i++) {
			assertThat(FreePorts.next()).isBetween(FreePorts.LOWEST, end - 1);
		}
	}

	@Test
	void aPortIsHandedOutOnce() {
		int lowest = FreePorts.next();
		FreePorts ports = new FreePorts(lowest, lowest + 1, new Random(1));
		assertThat(ports.take()).isEqualTo(lowest);
		assertThatIllegalStateException().isThrownBy(ports::take);
	}

	@Test
	void everyPortOfARangeIsHandedOutOnceThenNoMore() {
		FreePorts ports = new FreePorts(FreePorts.LOWEST, FreePorts.LOWEST + 40, new Random(7));
		Set<Integer> taken = new HashSet<>();
		int free = 0;
		try {
			while (true) {
				assertThat(taken.add(ports.take())).isTrue();
				free++;
			}
		}
		catch (IllegalStateException ex) {
			assertThat(free).isPositive().isLessThanOrEqualTo(40);
		}
		assertThat(taken).hasSize(free)
			.allSatisfy((port) -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.LOWEST + 39));
	}

	@Test
	void aPortSomeoneListensOnIsNotHandedOut() throws Exception {
		int port = FreePorts.next();
		try (ServerSocket listening = new ServerSocket()) {
			listening.bind(new InetSocketAddress(port));
			FreePorts ports = new FreePorts(port, port + 1, new Random(3));
			assertThatIllegalStateException().isThrownBy(ports::take);
		}
	}

}
