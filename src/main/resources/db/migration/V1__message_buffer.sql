-- Messages published through the workflow port, kept for their time-to-live until a subscription
-- with the same name and correlation key opens (Camunda 8 message buffering), and the ids of
-- messages already published (a message id is delivered at most once).
create table workflow_message (
    message_key      bigserial primary key,
    name             varchar(255) not null,
    correlation_key  varchar(255) not null,
    message_id       varchar(255),
    variables        jsonb        not null default '{}'::jsonb,
    published_at     timestamptz  not null,
    expires_at       timestamptz  not null,
    correlated_at    timestamptz,
    process_instance_key varchar(64)
);

create unique index workflow_message_id_uq on workflow_message (name, message_id) where message_id is not null;
create index workflow_message_pending_idx on workflow_message (name, correlation_key, expires_at)
    where correlated_at is null;

