package io.incidenttimeline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One local system for the end-to-end tests that only use it (they break nothing),
 * started on first use and stopped when the test JVM exits: each start costs the best
 * part of a minute on two cores. Tests that stop and start its parts on purpose start
 * their own.
 */
final class SharedSystem {

	private static LocalSystem system;

	private SharedSystem() {
	}

	static synchronized LocalSystem get() {
		if (system == null) {
			try {
				Path data = Files.createTempDirectory(Path.of("target"), "shared-");
				Path root = Path.of("../..").toAbsolutePath().normalize();
				system = new LocalSystem(LocalSystem.Settings.freePorts(data, root)).start();
				Runtime.getRuntime().addShutdownHook(new Thread(system::close));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return system;
	}

}
