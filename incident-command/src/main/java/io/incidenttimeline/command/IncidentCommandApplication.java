package io.incidenttimeline.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IncidentCommandApplication {

	public static void main(String[] args) {
		// Axon reads this before any bean exists; our machines have no internet to phone.
		System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
		SpringApplication.run(IncidentCommandApplication.class, args);
	}

}
