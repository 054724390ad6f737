-- The people directory searches by the start of a name, email or employee id; these indexes answer each of
-- those prefixes without reading every staff row (the expressions match Directory.search exactly).
create index staff_given_name_prefix on organization.staff (lower(given_name) text_pattern_ops);
create index staff_family_name_prefix on organization.staff (lower(family_name) text_pattern_ops);
create index staff_email_prefix on organization.staff (lower(coalesce(email, '')) text_pattern_ops);
create index staff_employee_id_prefix on organization.staff (lower(coalesce(employee_id, '')) text_pattern_ops);
