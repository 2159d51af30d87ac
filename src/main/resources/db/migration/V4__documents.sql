-- Uploaded documents (provider evidence now; subpoenas and CIDs later) with what Hoptrace found out
-- about them: the media type Apache Tika detected from the content (not the file name), size and SHA-256.
create table document (
    document_id   uuid primary key,
    filename      varchar(255) not null,               -- as uploaded, without any path
    media_type    varchar(100) not null,               -- detected: application/pdf, text/csv
    size_bytes    bigint       not null,
    sha256        char(64)     not null,               -- hex
    content       bytea        not null,
    uploaded_by   varchar(200) not null,
    uploaded_at   timestamptz  not null
);
create index document_sha256_idx on document (sha256);

-- evidence a provider sent with its answer to a hop; attached in the answer's transaction
create table hop_evidence (
    hop_id       uuid not null references hop,
    document_id  uuid not null references document,
    primary key (hop_id, document_id)
);
create index hop_evidence_document_idx on hop_evidence (document_id);
