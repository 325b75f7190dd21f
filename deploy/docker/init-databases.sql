-- Each service owns its database; Flyway in each service owns the schema inside it.
CREATE DATABASE incident_command;
CREATE DATABASE incident_query;
