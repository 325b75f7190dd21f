-- Axon's JDBC event store. BIGSERIAL steps by one: the global index has no allocation gaps.
CREATE TABLE domain_event_entry (
  global_index BIGSERIAL PRIMARY KEY,
  event_identifier VARCHAR(255) NOT NULL,
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number BIGINT NOT NULL,
  type VARCHAR(255),
  time_stamp VARCHAR(255) NOT NULL,
  payload_type VARCHAR(255) NOT NULL,
  payload_revision VARCHAR(255),
  payload BYTEA NOT NULL,
  meta_data BYTEA,
  CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier),
  CONSTRAINT domain_event_entry_aggregate_sequence_key UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number BIGINT NOT NULL,
  type VARCHAR(255) NOT NULL,
  event_identifier VARCHAR(255) NOT NULL,
  time_stamp VARCHAR(255) NOT NULL,
  payload_type VARCHAR(255) NOT NULL,
  payload_revision VARCHAR(255),
  payload BYTEA NOT NULL,
  meta_data BYTEA,
  PRIMARY KEY (aggregate_identifier, sequence_number),
  CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier)
);

-- Progress of Axon's streaming event processors (the Kafka publisher).
CREATE TABLE token_entry (
  processor_name VARCHAR(255) NOT NULL,
  segment INTEGER NOT NULL,
  token BYTEA,
  token_type VARCHAR(255),
  timestamp VARCHAR(255),
  owner VARCHAR(255),
  PRIMARY KEY (processor_name, segment)
);

-- One row per Idempotency-Key, written in the transaction that appends the command's event.
CREATE TABLE idempotency_key (
  idempotency_key VARCHAR(255) PRIMARY KEY,
  method VARCHAR(10) NOT NULL,
  path VARCHAR(2048) NOT NULL,
  request_sha256 CHAR(64) NOT NULL,
  response_status INTEGER,
  response_body TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
