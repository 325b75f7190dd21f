package io.incidenttimeline.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The write side. Its modules are the direct sub-packages (see each
 * {@code package-info}); {@code web} is shared by all of them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "incident-command", sharedModules = "web")
public class IncidentCommandApplication {

	public static void main(String[] args) {
		// Axon reads this before any bean exists; our machines have no internet to phone.
		System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
		SpringApplication.run(IncidentCommandApplication.class, args);
	}

}
