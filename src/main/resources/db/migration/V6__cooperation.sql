-- The nightly cooperation assessment (docs/cooperation.md): when a provider's status last changed,
-- and one row per assessment run.

alter table provider add column cooperation_status_since timestamptz; -- when cooperation_status last changed

create table cooperation_assessment_run (
    run_id             bigserial primary key,
    trigger            varchar(10)  not null check (trigger in ('schedule', 'staff')),
    requested_by       varchar(100),                -- the staff member, for trigger 'staff'
    assessed_at        timestamptz  not null,       -- the instant the record's windows end
    started_at         timestamptz  not null,
    finished_at        timestamptz,                 -- null while running, or when the process died
    duration_ms        bigint,
    providers_assessed int,
    status_changes     int,
    flags_raised       int,
    error              varchar(1000)                -- why the run failed; its changes were rolled back
);
create index cooperation_assessment_run_started_idx on cooperation_assessment_run (started_at desc);
