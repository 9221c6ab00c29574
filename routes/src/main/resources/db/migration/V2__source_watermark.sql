-- Incremental pulls of REST and SQL sources (issue 4): per source, the newest last-updated time
-- among the records of its last complete pull, on the source's own clock (no time zone). The
-- next pull asks for (REST server-side parameter, SQL bound parameter) or keeps (client-side
-- filter) records updated at or after it. Advanced only once every page of a pull is stored;
-- never moved backwards.
create table source_watermark (
    source_id   varchar(100) primary key,
    watermark   timestamp    not null,
    updated_at  timestamptz  not null default now()
);
