-- Every message to the outside world, written in the transaction of the change that caused it and
-- delivered by the relay with retries. The idempotency key makes enqueueing the same notice twice a
-- no-op and travels with webhooks (Idempotency-Key header) and emails (Message-ID).
create table outbox_message (
    message_id       bigserial primary key,
    idempotency_key  varchar(200) not null unique,
    channel          varchar(10)  not null check (channel in ('email', 'webhook')),
    recipient        text         not null,          -- comma-separated addresses, or the webhook URL
    subject          varchar(500),                    -- email subject, or the webhook event type
    body             text         not null,           -- email text, or the webhook JSON payload
    signing_secret   varchar(200),                    -- webhooks: HMAC-SHA256 key
    status           varchar(10)  not null default 'pending'
        check (status in ('pending', 'sent', 'failed')),
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       text,
    created_at       timestamptz  not null,
    sent_at          timestamptz
);
create index outbox_due_idx on outbox_message (next_attempt_at) where status = 'pending';
