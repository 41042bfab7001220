-- The login of Grafana's "PostgreSQL (subscriber)" data source (observability/grafana/provisioning/datasources):
-- Grafana lets anonymous viewers query its data sources, so this role may only read the tables the dashboards
-- read, in read-only sessions, and nothing else (no other table, no writes, no DDL).
-- Run by the compose service dashboard-reader on every `docker compose up`, as the database owner, once the
-- subscriber's migrations have created the tables: idempotent, and it sets the password again (psql variable
-- "password", the file GRAFANA_DB_PASSWORD that docker/secrets-init.sh makes). The subscriber's
-- DashboardReaderPostgresIT applies this file and checks what the role can and cannot do.
-- A dashboard that reads another table needs that table added to the GRANT below.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'grafana_reader') THEN
        CREATE ROLE grafana_reader LOGIN;
    END IF;
END $$;

ALTER ROLE grafana_reader WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    CONNECTION LIMIT 10 PASSWORD :'password';
ALTER ROLE grafana_reader SET default_transaction_read_only = on;
ALTER ROLE grafana_reader SET statement_timeout = '30s';

-- Exactly these tables of the subscriber's schema; whatever else it had is taken back.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM grafana_reader', current_schema());
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM grafana_reader', current_schema());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO grafana_reader', current_schema());
END $$;
GRANT SELECT ON payments, alerts, dead_letters TO grafana_reader;
