package io.incidenttimeline.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The read side: consumes incident events from Kafka into PostgreSQL projections and
 * serves them over HTTP.
 */
@SpringBootApplication
public class IncidentQueryApplication {

	public static void main(String[] args) {
		SpringApplication.run(IncidentQueryApplication.class, args);
	}

}
