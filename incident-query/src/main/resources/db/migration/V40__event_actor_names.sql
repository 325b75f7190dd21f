-- The actor's display name as the identity provider gave it (the envelope's actorname), beside the
-- stable actor id; null for events recorded before people signed in, and for integrations.
ALTER TABLE incident_events ADD COLUMN actor_name text;
