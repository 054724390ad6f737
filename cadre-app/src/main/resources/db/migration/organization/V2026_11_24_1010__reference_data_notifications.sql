-- Campuses, regions and school years are read by nearly every page and change only when a roster is imported,
-- so Cadre keeps them in memory (ReferenceData). Any change to them, by any writer — the importer, the demo
-- loader, a database administrator, another Cadre instance — notifies the channel once per statement; the
-- notification is delivered when the transaction commits, and every Cadre listening drops what it keeps.
create function organization.notify_reference_data() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('organization_reference_data', tg_table_name);
    return null;
end;
$$;

create trigger campus_changed after insert or update or delete or truncate on organization.campus
    for each statement execute function organization.notify_reference_data();
create trigger region_changed after insert or update or delete or truncate on organization.region
    for each statement execute function organization.notify_reference_data();
create trigger school_year_changed after insert or update or delete or truncate on organization.school_year
    for each statement execute function organization.notify_reference_data();
